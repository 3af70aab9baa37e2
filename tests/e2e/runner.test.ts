import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postDocument, useBrowser } from './browser';

const e2e = useBrowser();

function field(page: Page, label: string) {
	return page.getByLabel(label, { exact: true });
}

async function fill(page: Page, label: string, value: string) {
	await field(page, label).fill(value);
	await field(page, label).press('Tab');
}

describe('one command runner', () => {
	it('a line holding a refused quantity keeps Ship disabled with the reason until it is corrected', async () => {
		const page = await e2e.open('/customers/C00010');
		await page.getByRole('button', { name: 'New Sales Order', exact: true }).click();
		await page.waitForURL(/\/documents\//);
		await page.getByRole('button', { name: 'Add line' }).click();
		await fill(page, 'No. 1', 'I1020');
		await expect.poll(() => field(page, 'Description 1').inputValue()).not.toBe('');
		await fill(page, 'Quantity 1', '10');
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('10');

		// A 14-digit barcode scanned into Quantity: refused, and the field keeps it.
		await fill(page, 'Quantity 1', '99999999999999');
		await page
			.getByRole('alert')
			.filter({ hasText: 'A quantity can be at most 999,999,999.' })
			.waitFor();
		expect(await field(page, 'Quantity 1').inputValue()).toBe('99999999999999');

		// Ship would post the stored 10, which the clerk no longer sees: it is disabled, and says why.
		const ship = page.getByRole('button', { name: 'Ship', exact: true });
		await expect.poll(() => ship.isDisabled()).toBe(true);
		const reason = await ship.getAttribute('aria-describedby');
		expect(await page.locator(`[id="${reason}"]`).textContent()).toBe(
			'A line has a change that is not saved.'
		);
		expect(await ship.getAttribute('title')).toBe('A line has a change that is not saved.');

		// Corrected, the line is saved and Ship posts what the clerk sees.
		await fill(page, 'Quantity 1', '3');
		await expect.poll(() => ship.isEnabled()).toBe(true);
		await postDocument(page, 'Ship');
		await page.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('0');
		expect(e2e.problems).toEqual([]);
	});
});
