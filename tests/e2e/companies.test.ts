import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

/** The header's link to the companies, named after the company this window works in. */
function headerCompany(page: Page) {
	return page.locator('header').getByRole('link', { name: /^Current company:/ });
}

/** Waits for the page a switch of company reloaded into, and for its header. */
async function reloadedInto(page: Page, name: string): Promise<void> {
	await page.waitForURL((url) => url.pathname === '/');
	await page.locator('main h1').first().waitFor();
	await expect.poll(() => headerCompany(page).textContent()).toContain(name);
}

function row(page: Page, name: string) {
	return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
}

describe('companies', () => {
	it('a second company starts empty and real, is opened, switched back from and deleted by its name', async () => {
		const page = await e2e.open('/');
		// The first start's welcome: Explore the demo company answers it for good.
		const welcome = page.getByRole('region', { name: 'Welcome to Holdfast' });
		await welcome.getByRole('button', { name: 'Explore the demo company' }).click();
		await welcome.waitFor({ state: 'detached' });
		await page.reload();
		await page.locator('main h1').first().waitFor();
		expect(await welcome.count()).toBe(0);

		await page.goto('/companies');
		await page.getByRole('heading', { level: 1, name: 'Companies' }).waitFor();
		await row(page, 'Holdfast Demo BV').waitFor();
		// The open company can be neither opened nor deleted, and says why.
		const demoRow = row(page, 'Holdfast Demo BV');
		expect(await demoRow.getByRole('button', { name: /^Delete/ }).isDisabled()).toBe(true);
		expect(await demoRow.textContent()).toContain('This is the company you are working in.');

		await page.getByRole('button', { name: 'New', exact: true }).click();
		const dialog = page.getByRole('dialog', { name: 'New company' });
		await dialog.getByLabel('Name').fill('Bakkerij Peeters');
		expect(await dialog.getByLabel('No data (real company)').isChecked()).toBe(true);
		await dialog.getByRole('button', { name: 'Create' }).click();
		await dialog.waitFor({ state: 'detached' });
		await page.getByRole('status').filter({ hasText: 'Bakkerij Peeters was created.' }).waitFor();
		expect(await row(page, 'Bakkerij Peeters').textContent()).toContain('Real company');
		expect(await axeViolations(page)).toEqual([]);

		await row(page, 'Bakkerij Peeters').getByRole('button', { name: /^Open/ }).click();
		await reloadedInto(page, 'Bakkerij Peeters');
		await page.goto('/customers');
		await page.getByText('There are no customers yet.').waitFor();

		// A real company is never reset: the buttons are disabled and say why.
		await page.goto('/settings');
		const reset = page.getByRole('button', { name: 'Reset demo data' });
		await expect.poll(() => reset.isDisabled()).toBe(true);
		expect(await page.locator('#sandbox-real').textContent()).toContain('never reset');
		expect(await page.getByRole('button', { name: 'Start empty company' }).isDisabled()).toBe(true);

		await page.goto('/companies');
		await row(page, 'Holdfast Demo BV').getByRole('button', { name: /^Open/ }).click();
		await reloadedInto(page, 'Holdfast Demo BV');
		await page.goto('/customers');
		await page.locator('tbody tr').first().waitFor();
		expect(await page.locator('tbody tr').count()).toBeGreaterThan(5);

		await page.goto('/companies');
		await row(page, 'Bakkerij Peeters')
			.getByRole('button', { name: /^Delete/ })
			.click();
		const confirm = page.getByRole('dialog', { name: 'Delete Bakkerij Peeters' });
		const deleteButton = confirm.getByRole('button', { name: 'Delete' });
		expect(await deleteButton.isDisabled()).toBe(true);
		await confirm.getByLabel('Type the name of the company to confirm').fill('Bakkerij');
		expect(await deleteButton.isDisabled()).toBe(true);
		await confirm.getByLabel('Type the name of the company to confirm').fill('Bakkerij Peeters');
		await deleteButton.click();
		await confirm.waitFor({ state: 'detached' });
		await page.getByRole('status').filter({ hasText: 'Bakkerij Peeters was deleted.' }).waitFor();
		await expect.poll(() => row(page, 'Bakkerij Peeters').count()).toBe(0);
		// Its database and its snapshots are gone from the browser.
		const names = await page.evaluate(async () =>
			(await indexedDB.databases()).map((database) => database.name ?? '')
		);
		expect(names.filter((name) => /^holdfast-[0-9a-f]{8}-/.test(name))).toEqual([]);
	});

	it('the welcome starts my own company: empty, real, named in the header; another tab keeps its company', async () => {
		const page = await e2e.open('/');
		const otherTab = await e2e.open('/customers');
		await page
			.getByRole('region', { name: 'Welcome to Holdfast' })
			.getByRole('button', { name: 'Start my own company' })
			.click();
		await reloadedInto(page, 'My Company');
		expect(await page.getByRole('region', { name: 'Welcome to Holdfast' }).count()).toBe(0);

		// The other tab stays in the demo, also when it reloads; a new tab opens the last choice.
		await otherTab.reload();
		await otherTab.locator('tbody tr').first().waitFor();
		expect(await headerCompany(otherTab).textContent()).toContain('Holdfast Demo BV');
		const newTab = await e2e.open('/');
		await expect.poll(() => headerCompany(newTab).textContent()).toContain('My Company');
		await newTab.close();

		await page.setViewportSize({ width: 390, height: 800 });
		await page.goto('/companies');
		const own = row(page, 'My Company');
		await own.waitFor();
		expect(await own.textContent()).toContain('Real company');
		expect(await own.textContent()).toContain('Current company');
		expect(await row(page, 'Holdfast Demo BV').textContent()).toContain('Training company');
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
		).toBe(true);
	});
});
