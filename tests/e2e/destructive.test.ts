import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

async function newCustomer(page: Page, name: string): Promise<string> {
	await page.goto('/customers');
	await page.getByRole('button', { name: 'New', exact: true }).first().click();
	await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
	const no = await page.getByLabel('No.', { exact: true }).inputValue();
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Name', { exact: true }).press('Tab');
	await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
	return no;
}

/** Opens the customer list and waits until it shows `count` rows (it renders in steps). */
async function expectCustomerRows(page: Page, count: number): Promise<void> {
	await page.goto('/customers');
	await page.locator('tbody tr').first().waitFor();
	await expect.poll(() => page.locator('tbody tr').count()).toBe(count);
}

/** The name of the focused element, once the confirmation is open. */
async function focusedButton(page: Page): Promise<string> {
	const dialog = page.getByRole('alertdialog');
	await dialog.waitFor();
	return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

describe('destructive actions default to safety', () => {
	it('Reset, Start empty, Import backup and Generate open their confirmation on Cancel, and Enter cancels', async () => {
		const page = await e2e.open('/settings');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export backup' }).click()
		]);
		const file = await download.path();
		const no = await newCustomer(page, 'Kept By Cancel');
		await page.goto('/settings');

		const opens: Array<[string, () => Promise<void>]> = [
			['Reset demo data', () => page.getByRole('button', { name: 'Reset demo data' }).click()],
			[
				'Start empty company',
				() => page.getByRole('button', { name: 'Start empty company' }).click()
			],
			['Import backup', () => page.getByLabel('Import backup file').setInputFiles(file)],
			['Generate', () => page.getByRole('button', { name: 'Generate' }).click()]
		];
		for (const [name, open] of opens) {
			await open();
			expect(await focusedButton(page), name).toBe('Cancel');
			expect(await page.getByRole('alertdialog').textContent(), name).toContain(
				'so you can undo this'
			);
			await page.keyboard.press('Enter');
			await page.getByRole('alertdialog').waitFor({ state: 'detached' });
		}
		// Nothing was replaced, and the cancelled actions left no snapshots behind.
		await page.getByText('No snapshots yet.').waitFor();
		await page.goto(`/customers/${no}`);
		await page.getByRole('heading', { name: /Kept By Cancel/ }).waitFor();
		await expectCustomerRows(page, 16);
	});

	it('Reset demo data then Undo gives back a customer created before; the snapshot is listed with Restore', async () => {
		const page = await e2e.open('/customers');
		const no = await newCustomer(page, 'Saved By Undo');

		await page.goto('/settings');
		await page.getByRole('button', { name: 'Reset demo data' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await page.getByText(/The demo company is ready\. \(\d+ ms\)/).waitFor();
		const snapshots = page.locator('section', {
			has: page.getByRole('heading', { name: 'Snapshots' })
		});
		await expect.poll(() => snapshots.getByRole('row').count()).toBe(2);
		expect(await snapshots.getByRole('row').nth(1).textContent()).toContain('Reset demo data');
		expect(await snapshots.getByRole('button', { name: /^Restore / }).count()).toBe(1);
		expect(await axeViolations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Undo' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /Undone: the company is back as it was at .* \(\d+ records\)\./ })
			.waitFor();
		await page.goto(`/customers/${no}`);
		await page.getByRole('heading', { name: /Saved By Undo/ }).waitFor();
	});

	it('Reset demo data in Dutch writes the demo in Dutch', async () => {
		const page = await e2e.open('/settings');
		await page.evaluate(() => localStorage.setItem('holdfast.language', 'nl'));
		await page.goto('/settings');
		await page.getByRole('button', { name: 'Demogegevens herstellen' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Ja' }).click();
		await page.getByText(/Het demobedrijf staat klaar\. \(\d+ ms\)/).waitFor();
		await page.goto('/items');
		await page.getByRole('cell', { name: 'Stadsfiets' }).waitFor();
		expect(await page.getByRole('cell', { name: 'Bicycle, city' }).count()).toBe(0);
	});

	it('the scale generator asks first and names the company it will fill, and can be undone', async () => {
		const page = await e2e.open('/settings');
		const scale = page.locator('section', { hasText: 'Scale test company' });
		await scale.getByLabel('Customers').fill('25');
		await scale.getByLabel('Sales orders').fill('0');
		await scale.getByLabel('Ledger entries').fill('0');

		await scale.getByRole('button', { name: 'Generate' }).click();
		const dialog = page.getByRole('alertdialog');
		expect(await dialog.textContent()).toContain(
			'This adds 25 customers, 0 sales orders and 0 ledger entries to the company "Holdfast Demo BV".'
		);
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await expectCustomerRows(page, 15);

		await page.goto('/settings');
		await scale.getByLabel('Customers').fill('25');
		await scale.getByLabel('Sales orders').fill('0');
		await scale.getByLabel('Ledger entries').fill('0');
		await scale.getByRole('button', { name: 'Generate' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await scale
			.getByRole('status')
			.filter({ hasText: /Generated in/ })
			.waitFor();
		await scale.getByRole('button', { name: 'Undo' }).click();
		await scale
			.getByRole('status')
			.filter({ hasText: /Undone/ })
			.waitFor();
		await expectCustomerRows(page, 15);
	});
});
