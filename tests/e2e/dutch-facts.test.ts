import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { postDocument, useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

/** Posts a one-line sales invoice for the customer (in the English UI); returns its No. */
async function postInvoice(page: Page, customerNo: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, 'No. 1', 'I1020');
	await expect
		.poll(() => page.getByLabel('Description 1', { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, 'Quantity 1', '1');
	await postDocument(page, 'Post');
	const heading = page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ });
	await heading.waitFor();
	return /PSI-\S+/.exec((await heading.textContent()) ?? '')![0];
}

describe('what the app stored, read in Dutch', () => {
	it('the refused attempt, the block history and a ledger entry description are Dutch', async () => {
		const page = await e2e.open('/customers');
		const invoice = await postInvoice(page, 'C00010');

		await page.getByLabel('Language').selectOption('nl');
		await page.goto('/customers/C00010');
		const blocked = page.getByLabel('Geblokkeerd', { exact: true });
		await blocked.selectOption('All');
		const dialog = page.getByRole('dialog', { name: 'Klant C00010 blokkeren met type Alle' });
		await dialog.getByLabel('Blokkeringsreden').selectOption('OVERDUE');
		await dialog.getByRole('button', { name: 'Bevestigen' }).click();
		await dialog.waitFor({ state: 'detached' });

		// The card greys New Sales Order out; a stale click (the race a second tab can win) is
		// refused by the command, which logs the attempt.
		const refusal =
			'U kunt dit type document niet maken wanneer klant C00010 is geblokkeerd met type Alle.';
		const order = page.getByRole('button', { name: 'Nieuwe verkooporder', exact: true });
		await expect.poll(() => order.isDisabled()).toBe(true);
		await order.evaluate((button) => {
			button.removeAttribute('disabled');
			(button as HTMLButtonElement).click();
		});
		await page.getByRole('alert').filter({ hasText: refusal }).waitFor();

		const history = page.getByRole('region', { name: 'Blokkeringsgeschiedenis' });
		await history.getByText('Geblokkeerd: (leeg) → Alle').waitFor();
		expect(await history.textContent()).toMatch(/door medewerker.*reden Vervallen/s);
		const attempts = page.getByRole('region', { name: 'Geweigerde pogingen' });
		await attempts.getByText(refusal, { exact: false }).waitFor();

		await page.goto('/refusals');
		await page.locator('tbody tr', { hasText: 'C00010' }).first().waitFor();
		const table = (await page.locator('tbody').textContent()) ?? '';
		expect(table).toContain(refusal);
		expect(table).not.toContain('You cannot');

		await page.goto('/ledger?customer=C00010');
		const entry = page.locator('tbody tr', { hasText: invoice });
		await entry.waitFor();
		expect(await entry.getByRole('cell', { name: `Factuur ${invoice}`, exact: true }).count()).toBe(
			1
		);
		expect(await entry.textContent()).not.toContain(`Invoice ${invoice}`);
	});
});
