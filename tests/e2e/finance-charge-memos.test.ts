import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postDocument, useBrowser } from './browser';

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

async function postInvoice(page: Page, customerNo: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, 'No. 1', 'I1040');
	await expect
		.poll(() => page.getByLabel('Description 1', { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, 'Quantity 1', '100');
	await expect.poll(() => page.locator('[data-total="excl"]').textContent()).toBe('2,995.00');
	await postDocument(page, 'Post');
	await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor();
	return (await page.getByRole('heading', { level: 1 }).textContent())!.split(' ').pop()!;
}

async function createMemos(page: Page, customerNo: string): Promise<string> {
	await page.goto('/finance-charge-memos');
	await page.getByLabel('Customer Nos. (blank for all)').fill(customerNo);
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	const status = page.getByRole('status').filter({ hasText: /finance charge memo/ });
	await status.waitFor();
	return (await status.textContent()) ?? '';
}

describe('finance charge memos', () => {
	it('a second run leaves an entry to its open memo and says why; the memo shows the period charged', async () => {
		const page = await e2e.open('/customers');
		const invoice = await postInvoice(page, 'C00010');
		await page.goto('/settings');
		await page.getByLabel('Work Date').fill(isoInDays(90));
		await page.getByLabel('Work Date').press('Tab');
		await page.getByText(/The work date is .*, not today\./).waitFor();

		expect(await createMemos(page, 'C00010')).toBe('1 finance charge memo created.');
		expect(await createMemos(page, 'C00010')).toBe('No finance charge memo was created.');
		const skipped = (await page.locator('.skipped').textContent())?.replace(/\s+/g, ' ');
		expect(skipped).toMatch(
			new RegExp(`C00010: ${invoice} is on the open finance charge memo FC-\\d+ already\\.`)
		);
		expect(await page.locator('tbody tr').count()).toBe(1);

		await page.locator('tbody a').first().click();
		await page.getByRole('heading', { name: /^Finance Charge Memo FC-/ }).waitFor();
		const headers = await page.locator('main table th').allTextContents();
		expect(headers).toContain('Interest Period');
		expect(await page.locator('main table tbody td').nth(4).textContent()).toMatch(/ – /);
		await page.getByRole('button', { name: 'Issue', exact: true }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /^Issued as IFC-/ })
			.waitFor();
		await page.getByRole('heading', { name: /^Finance Charge Memo IFC-/ }).waitFor();
	});
});
