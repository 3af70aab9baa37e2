import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, chooseBlocked, postDocument, useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

/** Posts a sales invoice of I1040 (29.95 + 21 % VAT each) and returns its posted No. */
async function postInvoice(page: Page, customerNo: string, quantity: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, 'No. 1', 'I1040');
	await expect
		.poll(() => page.getByLabel('Description 1', { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, 'Quantity 1', quantity);
	const expected = (2995 * Number(quantity)) / 100;
	await expect
		.poll(() => page.locator('[data-total="excl"]').textContent())
		.toBe(expected.toFixed(2));
	await postDocument(page, 'Post');
	await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor();
	return (await page.getByRole('heading', { level: 1 }).textContent())!.split(' ').pop()!;
}

/** A ledger row's cells by column: 0 Entry No., 7 Remaining Amount, 9 Open. */
async function ledgerRow(page: Page, documentNo: string) {
	const row = page.locator('tbody tr', { hasText: documentNo });
	await row.waitFor();
	const cell = async (index: number) => (await row.locator('td').nth(index).textContent())?.trim();
	return { row, entryNo: await cell(0), remaining: () => cell(7), open: () => cell(9) };
}

describe('payments and applications', () => {
	it('defect 5: Apply Entries before the Amount fills it, a typed Amount keeps the application, posting applies it', async () => {
		const page = await e2e.open('/customers');
		const invoice = await postInvoice(page, 'C00010', '2');

		await page.goto('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Customer No. 1', 'C00010');
		await page.getByRole('button', { name: 'Apply Entries for line 1' }).click();

		// The dialog works with the keyboard alone: Space ticks the invoice, Enter applies.
		const dialog = page.getByRole('dialog', { name: /^Apply Entries: C00010/ });
		await dialog.waitFor();
		expect(await axeViolations(page)).toEqual([]);
		const choose = dialog.getByRole('checkbox', { name: `Apply ${invoice}` });
		await choose.focus();
		await page.keyboard.press('Space');
		const amountToApply = dialog.getByLabel(`Amount to Apply for ${invoice}`, { exact: true });
		expect(await amountToApply.inputValue()).toBe('72.48');
		await amountToApply.focus();
		await page.keyboard.press('Enter');
		await dialog.waitFor({ state: 'detached' });

		// Amount 0 was filled with the remaining amount; typing another amount keeps the entry.
		const amount = page.getByLabel('Amount 1', { exact: true });
		await expect.poll(() => amount.inputValue()).toBe('72.48');
		await page.getByText('1 entry applied').waitFor();
		await fill(page, 'Amount 1', '50');
		await expect.poll(() => amount.inputValue()).toBe('50.00');
		await page.getByText('1 entry applied').waitFor();

		await page.getByRole('button', { name: 'Post', exact: true }).click();
		await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();

		await page.goto('/ledger?customer=C00010');
		const invoiceRow = await ledgerRow(page, invoice);
		await expect.poll(invoiceRow.remaining).toBe('22.48');
		expect(await invoiceRow.open()).toBe('✓');
		const paymentRow = await ledgerRow(page, 'PMT-');
		expect(await paymentRow.remaining()).toBe('0.00');
		expect(await paymentRow.open()).toBe('');
	});

	it('Apply Entries and Unapply Entries on Customer Ledger Entries, refused once the customer is blocked All', async () => {
		const page = await e2e.open('/customers');
		const invoice = await postInvoice(page, 'C00010', '2');

		// A payment posted without applying it stays open.
		await page.goto('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Customer No. 1', 'C00010');
		await fill(page, 'Amount 1', '30');
		await page.getByRole('button', { name: 'Post', exact: true }).click();
		await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();

		await page.goto('/ledger?customer=C00010');
		const paymentRow = await ledgerRow(page, 'PMT-');
		const invoiceRow = await ledgerRow(page, invoice);
		expect(await paymentRow.remaining()).toBe('-30.00');
		expect(await invoiceRow.row.getByRole('button').count()).toBe(0);

		await page
			.getByRole('button', { name: `Apply Entries for entry ${paymentRow.entryNo}` })
			.click();
		const dialog = page.getByRole('dialog', { name: /^Apply Entries: Payment PMT-/ });
		await dialog.waitFor();
		expect(await axeViolations(page)).toEqual([]);
		await dialog.getByRole('checkbox', { name: `Apply ${invoice}` }).check();
		// The payment has 30.00 left: that is what the invoice gets.
		expect(
			await dialog.getByLabel(`Amount to Apply for ${invoice}`, { exact: true }).inputValue()
		).toBe('30.00');
		await dialog.getByRole('button', { name: 'Apply', exact: true }).click();
		await dialog.waitFor({ state: 'detached' });
		await page.getByRole('status').filter({ hasText: '30.00 applied.' }).waitFor();
		await expect.poll(invoiceRow.remaining).toBe('42.48');
		await expect.poll(paymentRow.remaining).toBe('0.00');
		expect(await paymentRow.open()).toBe('');

		await page
			.getByRole('button', { name: `Unapply Entries for entry ${invoiceRow.entryNo}` })
			.click();
		const unapply = page.getByRole('dialog', {
			name: `Unapply Entries: entry ${invoiceRow.entryNo}`
		});
		await unapply.waitFor();
		expect(await unapply.locator('tbody').textContent()).toContain(invoice);
		expect(await axeViolations(page)).toEqual([]);
		await unapply.getByRole('button', { name: 'Unapply', exact: true }).click();
		await unapply.waitFor({ state: 'detached' });
		await page.getByRole('status').filter({ hasText: 'The application was undone.' }).waitFor();
		await expect.poll(invoiceRow.remaining).toBe('72.48');
		await expect.poll(paymentRow.remaining).toBe('-30.00');
		expect(await paymentRow.open()).toBe('✓');
		await expect
			.poll(() => page.getByRole('button', { name: /^Unapply Entries for entry/ }).count())
			.toBe(0);

		// Blocked All: applying is a payment action, so the button is disabled and says why.
		await page.goto('/customers/C00010');
		await chooseBlocked(page, 'All');
		await page.goto('/ledger?customer=C00010');
		const apply = page.getByRole('button', {
			name: `Apply Entries for entry ${paymentRow.entryNo}`
		});
		await expect.poll(() => apply.isDisabled()).toBe(true);
		const reason = await apply.getAttribute('aria-describedby');
		expect(await page.locator(`[id="${reason}"]`).textContent()).toBe(
			'You cannot post this type of document when Customer C00010 is blocked with type All.'
		);
	});
});
