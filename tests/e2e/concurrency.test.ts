import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postDocument, useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

function field(page: Page, label: string) {
	return page.getByLabel(label, { exact: true });
}

/** An order for C00010 with one line of 10 desks, made through the UI in `page`. */
async function orderOfTen(page: Page): Promise<string> {
	await page.goto('/customers/C00010');
	await page.getByRole('button', { name: 'New Sales Order', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.locator('main h1').waitFor();
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, 'No. 1', 'I1020');
	await expect.poll(() => field(page, 'Description 1').inputValue()).not.toBe('');
	await fill(page, 'Quantity 1', '10');
	await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('10');
	return page.url().split('/').pop()!;
}

describe('two tabs on one order', () => {
	it('the second Ship is refused with the message, only 4 are shipped, and its input is kept', async () => {
		const first = await e2e.open('/customers');
		const order = await orderOfTen(first);
		const second = await e2e.open(`/documents/${order}`);
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('10');

		// The clerk in the second tab types 4; the first tab saves 4 and ships them.
		await field(second, 'Qty. to Ship 1').fill('4');
		await fill(first, 'Qty. to Ship 1', '4');
		await postDocument(first, 'Ship');
		await first.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();
		await expect.poll(() => field(first, 'Qty. to Ship 1').inputValue()).toBe('6');
		// The second tab's live view has followed (the order is released by the posting)…
		await second.locator('[data-status="Released"]').waitFor();

		// …but its clerk decided on what they saw before: the save of 4 and Ship are both refused.
		await postDocument(second, 'Ship');
		const changed = `Sales Order ${order} was changed in another window.`;
		await second
			.getByRole('alert')
			.filter({ hasText: `${changed} Check it and post again.` })
			.waitFor();
		await second
			.getByRole('alert')
			.filter({ hasText: `${changed} Check it and enter your change again.` })
			.waitFor();
		expect(await field(second, 'Qty. to Ship 1').inputValue()).toBe('4');

		// Nothing more was shipped: one shipment for the order, and 6 still to ship.
		await first.goto('/posted/shipments');
		await first.getByRole('row').nth(1).waitFor();
		await expect.poll(() => first.getByRole('row').filter({ hasText: order }).count()).toBe(1);
		await first.goto(`/documents/${order}`);
		await expect.poll(() => field(first, 'Qty. to Ship 1').inputValue()).toBe('6');

		// Told, the clerk checks the order, enters the quantity again and ships: that goes through.
		await fill(second, 'Qty. to Ship 1', '5');
		await expect.poll(() => second.getByRole('alert').count()).toBe(1);
		await postDocument(second, 'Ship');
		await second.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('1');
	});
});

describe('a reset in another tab', () => {
	it('the first tab says at once that the company was reset, before it reads or writes again', async () => {
		const first = await e2e.open('/customers/C00010');
		const second = await e2e.open('/settings');
		await second.getByRole('button', { name: 'Reset demo data', exact: true }).click();
		await second.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await second.getByText(/^The demo company is ready/).waitFor();

		await first.bringToFront();
		await first
			.getByText('Another tab opened a newer version of Holdfast or reset the company.', {
				exact: false
			})
			.waitFor({ timeout: 5_000 });
	});
});
