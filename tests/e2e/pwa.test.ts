import { describe, expect, it } from 'vitest';
import { useBrowser } from './browser';

const e2e = useBrowser({ serviceWorkers: 'allow' });

describe('installable and offline', () => {
	it('serves a manifest with the icons, and the service worker takes control', async () => {
		const page = await e2e.open('/customers');
		const manifest = await page.evaluate(async () => {
			const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
			return link ? (await fetch(link.href)).json() : null;
		});
		expect(manifest).toMatchObject({ short_name: 'Holdfast', display: 'standalone' });
		expect(manifest.icons.map((icon: { sizes: string }) => icon.sizes)).toEqual(
			expect.arrayContaining(['192x192', '512x512'])
		);
		expect(manifest.icons.some((icon: { purpose?: string }) => icon.purpose === 'maskable')).toBe(
			true
		);
		// A new worker waits for the user before taking over open pages; the next load is controlled.
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
	});

	it('after one visit, works offline with all its data', async () => {
		const page = await e2e.open('/customers');
		await page.evaluate(() => navigator.serviceWorker.ready);
		await page.reload();
		await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

		await e2e.context.setOffline(true);
		await page.reload();
		await page.locator('main h1').waitFor();
		await page.getByLabel('Search by No. or Name').fill('gent');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
		await page.getByRole('link', { name: 'C00010' }).click();
		await page.getByRole('heading', { name: /Customer Card · C00010/ }).waitFor();

		// A deep link opened offline is served by the app shell too.
		const other = await e2e.context.newPage();
		await other.goto('/customers/C00040');
		await other.getByRole('note', { name: 'Customer C00040 is blocked with type Ship.' }).waitFor();
		await e2e.context.setOffline(false);
	});

	it('renders a customer name with markup as text', async () => {
		const page = await e2e.open('/customers/C00010');
		let dialogs = 0;
		page.on('dialog', (dialog) => {
			dialogs += 1;
			// The handler only counts; the dismissal needs no waiting for.
			void dialog.dismiss();
		});
		await page.getByLabel('Name', { exact: true }).fill('<img src=x onerror=alert(1)>');
		await page.getByLabel('Name', { exact: true }).press('Tab');
		await page
			.getByRole('heading', { name: 'Customer Card · C00010 <img src=x onerror=alert(1)>' })
			.waitFor();
		await page.goto('/customers');
		await page.getByRole('cell', { name: '<img src=x onerror=alert(1)>' }).waitFor();
		expect(await page.locator('main img').count()).toBe(0);
		expect(dialogs).toBe(0);
	});
});

describe('backup and sandbox in Settings', () => {
	it('exports a backup, starts empty, and imports it again', async () => {
		const page = await e2e.open('/settings');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export backup' }).click()
		]);
		const file = await download.path();

		await page.getByRole('button', { name: 'Start empty company' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await page.getByRole('status').filter({ hasText: 'The company is empty.' }).waitFor();

		await page.getByLabel('Import backup file').setInputFiles(file);
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /Backup imported: \d+ records\./ })
			.waitFor();

		await page.goto('/customers');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(15);
	});

	it('refuses a broken backup and says why', async () => {
		const page = await e2e.open('/settings');
		await page.getByLabel('Import backup file').setInputFiles({
			name: 'broken.json',
			mimeType: 'application/json',
			buffer: Buffer.from('{"format": "holdfast-backup", "schemaVers')
		});
		await page
			.getByRole('alert')
			.filter({ hasText: 'The file is not a complete Holdfast backup' })
			.waitFor();
		await page.goto('/customers');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(15);
	});
});
