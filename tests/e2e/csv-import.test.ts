import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

async function upload(page: Page, name: string, buffer: Buffer) {
	await page.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer });
}

async function shownCustomers(page: Page, search: string): Promise<string> {
	await page.goto('/customers');
	await page.getByLabel('Search by No. or Name').fill(search);
	const count = page.getByText(/customers? shown$/);
	await count.waitFor();
	return (await count.textContent())!.trim();
}

describe('CSV import of customers', () => {
	it('a double click on Import valid rows imports a 30-row file once', async () => {
		const page = await e2e.open('/settings');
		// Rows without a No. draw one from the number series: exactly what doubled before.
		const rows = Array.from({ length: 30 }, (_, i) => `,Csvtwice ${i + 1},Gent`);
		await upload(page, 'thirty.csv', Buffer.from(['No.,Name,City', ...rows].join('\r\n')));
		await page.getByText('30 rows can be imported').waitFor();

		await page.getByRole('button', { name: 'Import valid rows' }).dblclick();

		await page.getByRole('status').filter({ hasText: '30 customers imported.' }).waitFor();
		expect(await page.getByRole('alert').count()).toBe(0);
		await expect.poll(() => shownCustomers(page, 'csvtwice')).toBe('30 customers shown');
	});

	it('reads a Windows-1252 file as Excel saves it, says so, and imports Café Müller', async () => {
		const page = await e2e.open('/settings');
		const bytes = Buffer.concat([
			Buffer.from('No.,Name,City\r\n,Caf'),
			Buffer.from([0xe9]), // é in Windows-1252
			Buffer.from(' M'),
			Buffer.from([0xfc]), // ü
			Buffer.from('ller,Gent\r\n')
		]);
		await upload(page, 'excel.csv', bytes);

		const encoding = page.getByLabel('Encoding');
		await page.getByText(/not UTF-8, so it was read as Windows-1252/).waitFor();
		expect(await encoding.inputValue()).toBe('windows-1252');
		await page.getByRole('cell', { name: 'Café Müller' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);

		// The other encoding can be chosen: read as UTF-8 the row cannot be read and is refused.
		await encoding.selectOption('utf-8');
		await page.getByText('The file was read as UTF-8.').waitFor();
		await page
			.getByText('Row 2, Name: Some characters could not be read in this encoding.', {
				exact: false
			})
			.waitFor();
		await encoding.selectOption('windows-1252');
		await page.getByRole('cell', { name: 'Café Müller' }).waitFor();

		await page.getByRole('button', { name: 'Import valid rows' }).click();
		await page.getByRole('status').filter({ hasText: '1 customer imported.' }).waitFor();
		await expect.poll(() => shownCustomers(page, 'Müller')).toBe('1 customer shown');
		await page.getByRole('link', { name: /^C\d+$/ }).click();
		await page.getByRole('heading', { name: /Café Müller/ }).waitFor();
	});
});
