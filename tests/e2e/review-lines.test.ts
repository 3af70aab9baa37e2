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

/** Enters a field again, selects its text, types `value` over it and leaves with Tab. */
async function typeAgain(page: Page, label: string, value: string) {
	await field(page, label).click();
	await field(page, label).selectText();
	await page.keyboard.type(value);
	await page.keyboard.press('Tab');
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

async function ship(page: Page) {
	await postDocument(page, 'Ship');
	await page.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();
}

describe('a line shows the quantity a posting will post', () => {
	it('one tab: the same Qty. to Ship typed again does not hide the reset after Ship', async () => {
		const page = await e2e.open('/customers');
		await orderOfTen(page);
		await fill(page, 'Qty. to Ship 1', '4');
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('4');
		// The same value typed again: the browser fires no change event for it.
		await typeAgain(page, 'Qty. to Ship 1', '4');

		await ship(page);
		// The posting reset Qty. to Ship to what is outstanding, and the field says so.
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('6');
		const shipButton = page.getByRole('button', { name: 'Ship', exact: true });
		expect(await shipButton.isEnabled()).toBe(true);

		// Shipping again posts the 6 the clerk sees.
		await postDocument(page, 'Ship');
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('0');
	});

	it('two tabs: the second tab follows the first tab’s posting and ships only what it shows', async () => {
		const first = await e2e.open('/customers');
		const order = await orderOfTen(first);
		const second = await e2e.open(`/documents/${order}`);
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('10');

		await fill(first, 'Qty. to Ship 1', '4');
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('4');
		// The second clerk types the same 4 and leaves the field (as going to the other window does).
		await typeAgain(second, 'Qty. to Ship 1', '4');

		await ship(first);
		await expect.poll(() => field(first, 'Qty. to Ship 1').inputValue()).toBe('6');
		// The second tab shows what is stored now, not the 4 typed before the posting.
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('6');
		expect(await second.getByRole('alert').count()).toBe(0);

		// Its Ship is refused once (the order changed since it was read), then posts the 6 shown.
		await postDocument(second, 'Ship');
		await second
			.getByRole('alert')
			.filter({ hasText: `Sales Order ${order} was changed in another window.` })
			.waitFor();
		expect(await field(second, 'Qty. to Ship 1').inputValue()).toBe('6');
		await ship(second);
		await expect.poll(() => field(second, 'Qty. to Ship 1').inputValue()).toBe('0');

		// Two shipments: 4 and then 6, never more than the 10 ordered.
		await first.bringToFront();
		await first.goto('/posted/shipments');
		const shipments = first.getByRole('row').filter({ hasText: order });
		await shipments.nth(1).waitFor();
		expect(await shipments.count()).toBe(2);
	});
});
