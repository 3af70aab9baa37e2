import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

/** The Post button's reason, as a screen reader reaches it (aria-describedby). */
async function postReason(page: Page): Promise<string> {
	const post = page.getByRole('button', { name: 'Post', exact: true });
	const id = await post.getAttribute('aria-describedby');
	return id ? ((await page.locator(`[id="${id}"]`).textContent()) ?? '').trim() : '';
}

describe('cash receipt journal: a refused value is never posted unseen', () => {
	it.each([
		['an amount that is not a number', 'abc'],
		['an amount over the bound', '99999999999999']
	])(
		'Post is disabled while a line holds %s, and posts what is shown once corrected',
		async (_, typed) => {
			const page = await e2e.open('/cash-receipt-journal');
			await page.getByRole('button', { name: 'New line' }).click();
			await fill(page, 'Customer No. 1', 'C00010');
			await fill(page, 'Amount 1', '10');
			const post = page.getByRole('button', { name: 'Post', exact: true });
			await expect.poll(() => post.isEnabled()).toBe(true);

			await fill(page, 'Amount 1', typed);
			await page.getByRole('alert').first().waitFor();

			await expect.poll(() => post.isDisabled()).toBe(true);
			expect(await postReason(page)).toBe('A line has a change that is not saved.');
			expect(await page.getByLabel('Amount 1', { exact: true }).inputValue()).toBe(typed);

			await fill(page, 'Amount 1', '20');
			await expect.poll(() => post.isEnabled()).toBe(true);
			expect(await postReason(page)).toBe('');
			await post.click();
			await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();

			await page.goto('/ledger?customer=C00010');
			const payment = page.locator('tbody tr', { hasText: 'PMT-' });
			await payment.waitFor();
			expect(await payment.textContent()).toContain('-20.00');
		}
	);

	it('a line deleted while it holds a refused value no longer keeps Post disabled', async () => {
		const page = await e2e.open('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Customer No. 1', 'C00010');
		await fill(page, 'Amount 1', '10');
		await fill(page, 'Customer No. 2', 'C00010');
		await fill(page, 'Amount 2', 'abc');
		const post = page.getByRole('button', { name: 'Post', exact: true });
		await expect.poll(() => post.isDisabled()).toBe(true);

		await page.getByRole('button', { name: 'Delete line 2' }).click();

		await expect.poll(() => post.isEnabled()).toBe(true);
	});
});
