import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, chooseBlocked, postDocument } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

async function newDocument(page: Page, customerNo: string, action: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: action, exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.locator('main h1').waitFor();
	return page.url().split('/').pop()!;
}

async function addItemLine(page: Page, row: number, itemNo: string, quantity: string) {
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, `No. ${row}`, itemNo);
	await expect
		.poll(() => page.getByLabel(`Description ${row}`, { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, `Quantity ${row}`, quantity);
	await expect
		.poll(() =>
			page
				.getByLabel(`Qty. to Ship ${row}`, { exact: true })
				.inputValue()
				.catch(() => quantity)
		)
		.toBe(quantity);
}

async function setBlocked(page: Page, customerNo: string, level: string) {
	await page.goto(`/customers/${customerNo}`);
	await chooseBlocked(page, level);
	const banner = page.getByRole('note', {
		name: `Customer ${customerNo} is blocked with type ${level}.`
	});
	if (level) await banner.waitFor();
	else await expect.poll(() => page.getByRole('note').count()).toBe(0);
}

function button(page: Page, name: string) {
	return page.getByRole('button', { name, exact: true });
}

async function reasonOf(page: Page, name: string) {
	return button(page, name).getAttribute('title');
}

describe('the seed story: Ship, Invoice and All blocks on posting', () => {
	it('runs through the UI', async () => {
		const page = await e2e.open('/customers');

		// An order of 10 desks; ship 4 of them.
		const order = await newDocument(page, 'C00010', 'New Sales Order');
		await addItemLine(page, 1, 'I1020', '10');
		await fill(page, 'Qty. to Ship 1', '4');
		await postDocument(page, 'Ship');
		await page.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();
		await expect
			.poll(() => page.getByLabel('Qty. to Ship 1', { exact: true }).inputValue())
			.toBe('6');

		// Block Ship: Ship is greyed out with the reason; invoicing 2 of the shipped 4 still posts.
		await setBlocked(page, 'C00010', 'Ship');
		await page.goto(`/documents/${order}`);
		await button(page, 'Ship').waitFor();
		expect(await button(page, 'Ship').isDisabled()).toBe(true);
		expect(await reasonOf(page, 'Ship')).toBe(
			'You cannot post this type of document when Customer C00010 is blocked with type Ship.'
		);
		expect(await button(page, 'Ship and Invoice').isDisabled()).toBe(true);
		await fill(page, 'Qty. to Invoice 1', '2');
		await postDocument(page, 'Invoice');
		await page.getByRole('status').filter({ hasText: 'was posted.' }).waitFor();

		// A new invoice with Get Shipment Lines takes the other 2 shipped desks and posts.
		await newDocument(page, 'C00010', 'New Sales Invoice');
		await button(page, 'Get Shipment Lines').click();
		await page
			.getByRole('group', { name: 'Get Shipment Lines' })
			.getByRole('checkbox')
			.first()
			.check();
		await button(page, 'Add the chosen lines').click();
		await expect.poll(() => page.locator('[data-total="excl"]').textContent()).toBe('858.00');
		await postDocument(page, 'Post');
		await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor();
		expect(await page.locator('[data-total="incl"]').textContent()).toBe('1,038.18');
		// The print view carries the company's name and address from Settings.
		expect(await page.locator('.print-head').textContent()).toContain('Holdfast Demo BV');
		expect(await page.locator('.print-head').textContent()).toContain('Veldstraat 1, 9000 Gent');

		// A credit memo written while Ship-blocked.
		const memo = await newDocument(page, 'C00010', 'New Sales Credit Memo');
		await addItemLine(page, 1, 'I1020', '1');

		// Block Invoice: invoicing the order is greyed out; the credit memo still posts.
		await setBlocked(page, 'C00010', 'Invoice');
		await page.goto(`/documents/${order}`);
		await button(page, 'Invoice').waitFor();
		expect(await button(page, 'Invoice').isDisabled()).toBe(true);
		expect(await reasonOf(page, 'Invoice')).toBe(
			'You cannot post this type of document when Customer C00010 is blocked with type Invoice.'
		);
		await page.goto(`/documents/${memo}`);
		await postDocument(page, 'Post');
		await page.getByRole('heading', { name: /^Posted Sales Credit Memo PSCM-/ }).waitFor();

		// Block All: a new credit memo cannot even be posted.
		await setBlocked(page, 'C00010', '');
		const second = await newDocument(page, 'C00010', 'New Sales Credit Memo');
		await addItemLine(page, 1, 'I1020', '1');
		await setBlocked(page, 'C00010', 'All');
		await page.goto(`/documents/${second}`);
		await button(page, 'Post').waitFor();
		expect(await button(page, 'Post').isDisabled()).toBe(true);
		expect(await reasonOf(page, 'Post')).toBe(
			'You cannot post this type of document when Customer C00010 is blocked with type All.'
		);

		// The ledger agrees: two invoices and one credit memo for C00010.
		await page.goto('/ledger?customer=C00010');
		await page.locator('tbody tr').first().waitFor();
		const types = await page.locator('tbody tr td:nth-child(3)').allTextContents();
		expect(types.sort()).toEqual(['Credit Memo', 'Invoice', 'Invoice']);
		await page.goto('/customers/C00010');
		// 2 desks invoiced (1,038.18) + 2 (1,038.18) − 1 credited (519.09) = 1,557.27
		await expect.poll(() => page.locator('[data-stat="balance"]').textContent()).toBe('1,557.27');
		expect(await page.locator('[data-stat="shippedNotInvoiced"]').textContent()).toBe('0.00');
	});
});
