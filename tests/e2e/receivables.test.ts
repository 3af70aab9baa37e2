import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser, chooseBlocked, postDocument } from './browser';

const e2e = useBrowser();

function isoInDays(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

async function setBlocked(page: Page, customerNo: string, level: string) {
	await page.goto(`/customers/${customerNo}`);
	await chooseBlocked(page, level);
	if (level) {
		await page
			.getByRole('note', { name: `Customer ${customerNo} is blocked with type ${level}.` })
			.waitFor();
	} else {
		await expect.poll(() => page.getByRole('note').count()).toBe(0);
	}
}

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

async function createReminders(page: Page, customerNo: string): Promise<string> {
	await page.goto('/reminders');
	await page.getByLabel('Customer Nos. (blank for all)').fill(customerNo);
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	const status = page.getByRole('status').filter({ hasText: /reminder/ });
	await status.waitFor();
	return (await status.textContent()) ?? '';
}

describe('collecting money', () => {
	it('reminders for an Invoice-blocked customer, on hold, an All block, and a payment', async () => {
		const page = await e2e.open('/customers');
		await setBlocked(page, 'C00050', '');
		const first = await postInvoice(page, 'C00050', '1');
		const second = await postInvoice(page, 'C00050', '2');
		await setBlocked(page, 'C00050', 'Invoice');

		// Move the work date 60 days on: both invoices (30 days) are overdue.
		await page.goto('/settings');
		await page.getByLabel('Work Date').fill(isoInDays(60));
		await page.getByLabel('Work Date').press('Tab');
		await page.getByText(/The work date is .*, not today\./).waitFor();

		expect(await createReminders(page, 'C00050')).toBe('1 reminder created.');
		await page.locator('tbody a').first().click();
		await page.getByRole('heading', { name: /^Reminder R-/ }).waitFor();
		expect(await page.locator('main table').first().textContent()).toContain(first);
		await page.getByRole('button', { name: 'Issue', exact: true }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /^Issued as IR-/ })
			.waitFor();

		// Put the first invoice on hold: the next run leaves it out.
		await page.goto('/ledger?customer=C00050');
		const firstRow = page.locator('tbody tr', { hasText: first });
		const onHold = firstRow.getByRole('textbox');
		await onHold.fill('DSP');
		await onHold.press('Tab');
		await page.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
		await page.reload();
		await expect
			.poll(() => page.locator('tbody tr', { hasText: first }).getByRole('textbox').inputValue())
			.toBe('DSP');

		expect(await createReminders(page, 'C00050')).toBe('1 reminder created.');
		await page.locator('tbody a').first().click();
		await page.getByRole('heading', { name: /^Reminder R-/ }).waitFor();
		const lines = await page.locator('main table').first().textContent();
		expect(lines).toContain(second);
		expect(lines).not.toContain(first);
		await page.getByRole('button', { name: 'Delete', exact: true }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await page.waitForURL(/\/reminders$/);

		// Block All: the run skips the customer and says why.
		await setBlocked(page, 'C00050', 'All');
		expect(await createReminders(page, 'C00050')).toBe('No reminder was created.');
		expect((await page.locator('.skipped').textContent())?.replace(/\s+/g, ' ')).toContain(
			'C00050: You cannot create this type of document when Customer C00050 is blocked with type All.'
		);

		// Invoice-blocked again: a payment still posts and closes the second invoice.
		await setBlocked(page, 'C00050', 'Invoice');
		await page.goto('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Customer No. 1', 'C00050');
		await fill(page, 'Amount 1', '72.48');
		await fill(page, 'Applies-to Doc. No. 1', second);
		await page.getByRole('button', { name: 'Post', exact: true }).click();
		await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();

		await page.goto('/ledger?customer=C00050');
		const secondRow = page.locator('tbody tr', { hasText: second });
		await secondRow.waitFor();
		expect(await secondRow.locator('td').nth(7).textContent()).toBe('0.00');
		expect(await secondRow.locator('td').nth(9).textContent()).toBe('');
	});

	it('refuses a payment for an All-blocked customer and names the line', async () => {
		const page = await e2e.open('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Customer No. 1', 'C00060');
		await fill(page, 'Amount 1', '10');
		await page.getByRole('button', { name: 'Post', exact: true }).click();
		await page
			.getByRole('alert')
			.filter({
				hasText:
					'Line 1: You cannot post this type of document when Customer C00060 is blocked with type All.'
			})
			.waitFor();
		expect(await page.getByLabel('Customer No. 1', { exact: true }).inputValue()).toBe('C00060');
	});
});
