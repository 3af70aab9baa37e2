import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, chooseBlocked } from './browser';

const e2e = useBrowser();

async function newDocumentFromCard(
	page: Page,
	customerNo: string,
	action: string
): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: action, exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.locator('main h1').waitFor();
	return page.url().split('/').pop()!;
}

async function addItemLine(page: Page, row: number, itemNo: string, quantity: string) {
	await page.getByRole('button', { name: 'Add line' }).click();
	const no = page.getByLabel(`No. ${row}`, { exact: true });
	await no.fill(itemNo);
	await no.press('Tab');
	await expect
		.poll(() => page.getByLabel(`Description ${row}`, { exact: true }).inputValue())
		.not.toBe('');
	const qty = page.getByLabel(`Quantity ${row}`, { exact: true });
	await qty.fill(quantity);
	await qty.press('Tab');
}

function total(page: Page, which: 'excl' | 'vat' | 'incl') {
	return page.locator(`[data-total="${which}"]`).textContent();
}

describe('sales documents', () => {
	it('an order with two item lines shows its totals', async () => {
		const page = await e2e.open('/customers');
		await newDocumentFromCard(page, 'C00010', 'New Sales Order');
		// Desk 429.00 × 2 = 858.00 (VAT 21 %: 180.18); coffee 18.50 × 3 = 55.50 (VAT 6 %: 3.33)
		await addItemLine(page, 1, 'I1020', '2');
		await addItemLine(page, 2, 'I1030', '3');

		await expect.poll(() => total(page, 'excl')).toBe('913.50');
		expect(await total(page, 'vat')).toBe('183.51');
		expect(await total(page, 'incl')).toBe('1,097.01');

		await page.goto('/sales/orders');
		await page.locator('tbody tr').first().waitFor();
		expect(await page.locator('tbody tr').first().textContent()).toContain('1,097.01');
	});

	it('refuses bad input with a message and keeps what was typed', async () => {
		const page = await e2e.open('/customers');
		await newDocumentFromCard(page, 'C00010', 'New Sales Order');
		await addItemLine(page, 1, 'I1020', '-2');
		await page.getByRole('alert').filter({ hasText: 'Quantity cannot be negative.' }).waitFor();
		expect(await page.getByLabel('Quantity 1', { exact: true }).inputValue()).toBe('-2');

		const price = page.getByLabel('Unit Price Excl. VAT 1', { exact: true });
		await price.fill('12.345');
		await price.press('Tab');
		await page.getByRole('alert').filter({ hasText: 'at most two decimals' }).waitFor();

		const no = page.getByLabel('No. 1', { exact: true });
		await no.fill('NOPE');
		await no.press('Tab');
		await page.getByRole('alert').filter({ hasText: 'Item NOPE does not exist.' }).waitFor();
		expect(await no.inputValue()).toBe('NOPE');
	});

	it('a quote becomes an order, is copied to an invoice, and an order is released and reopened', async () => {
		const page = await e2e.open('/customers');
		const quote = await newDocumentFromCard(page, 'C00020', 'New Sales Quote');
		await page.getByRole('button', { name: 'Make Order' }).click();
		await page
			.getByRole('alert')
			.filter({ hasText: `There is nothing to convert in ${quote}` })
			.waitFor();

		await addItemLine(page, 1, 'I1070', '4');
		await page.getByRole('button', { name: 'Make Order' }).click();
		await page.getByRole('heading', { name: /^Sales Order SO-\d+$/ }).waitFor();
		await expect.poll(() => total(page, 'excl')).toBe('98.00');

		await page.getByRole('button', { name: 'Release' }).click();
		await page.getByText('This document is released').waitFor();
		expect(await page.getByRole('button', { name: 'Add line' }).count()).toBe(0);
		await page.getByRole('button', { name: 'Reopen' }).click();
		await page.getByRole('button', { name: 'Add line' }).waitFor();

		await page.getByRole('button', { name: 'Copy Document' }).click();
		await page.getByLabel('Document Type').selectOption('Invoice');
		await page.getByRole('button', { name: 'Copy', exact: true }).click();
		await page.getByRole('heading', { name: /^Sales Invoice SI-\d+$/ }).waitFor();
		await expect.poll(() => total(page, 'excl')).toBe('98.00');

		// The quote became an order: only the demo company's own open quotes are left.
		await page.goto('/sales/quotes');
		await page.locator('tbody tr').first().waitFor();
		expect(await page.locator('tbody tr', { hasText: quote }).count()).toBe(0);
	});

	it('Make Order on a quote turns disabled with the reason when another tab blocks the customer Ship', async () => {
		const page = await e2e.open('/customers');
		await newDocumentFromCard(page, 'C00030', 'New Sales Quote');
		const makeOrder = page.getByRole('button', { name: 'Make Order' });
		expect(await makeOrder.isEnabled()).toBe(true);

		const other = await e2e.open('/customers/C00030');
		await chooseBlocked(other, 'Ship');

		await expect.poll(() => makeOrder.isDisabled()).toBe(true);
		expect(await makeOrder.getAttribute('title')).toBe(
			'You cannot create this type of document when Customer C00030 is blocked with type Ship.'
		);
		await page.getByRole('note', { name: 'Customer C00030 is blocked with type Ship.' }).waitFor();
		expect(await other.getByRole('button', { name: 'New Sales Order' }).isDisabled()).toBe(true);
		expect(
			await other.getByRole('button', { name: 'New Sales Invoice', exact: true }).isEnabled()
		).toBe(true);
	});

	it('a document for a customer whose bill-to is Invoice-blocked cannot be created', async () => {
		const page = await e2e.open('/customers/C00090');
		await chooseBlocked(page, 'Invoice');
		await page
			.getByRole('note', { name: 'Customer C00090 is blocked with type Invoice.' })
			.waitFor();

		await page.goto('/customers/C00100');
		await page.locator('main h1').waitFor();
		const newInvoice = page.getByRole('button', { name: 'New Sales Invoice', exact: true });
		await expect.poll(() => newInvoice.isDisabled()).toBe(true);
		expect(await newInvoice.getAttribute('title')).toBe(
			'You cannot create this type of document when Customer C00090 is blocked with type Invoice.'
		);

		// The list's New: the picker greys the customer out and refuses it.
		await page.goto('/sales/invoices');
		await page.getByRole('button', { name: 'New', exact: true }).click();
		const picker = page.getByRole('combobox', { name: 'Customer' });
		await picker.fill('C00100');
		const option = page.getByRole('option', { name: /C00100/ });
		expect(await option.getAttribute('aria-disabled')).toBe('true');
		await option.dispatchEvent('mousedown');
		await page
			.getByRole('alert')
			.filter({ hasText: 'Customer C00090 is blocked with type Invoice' })
			.waitFor();
		expect(page.url()).toContain('/sales/invoices');
	});
});
