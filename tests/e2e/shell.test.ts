// Issue 15: the app's shell. Tell Me (Alt+Q) finds pages by name in the current language and
// opens them with the keyboard alone; the navigation is grouped, shows every destination on a
// laptop and waits behind one Menu button on a phone; focus lands on the new page's heading.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

/** Every destination of the main navigation, as its link is named today. */
const DESTINATIONS = [
	'Customers',
	'Items',
	'Sales Quotes',
	'Sales Orders',
	'Sales Invoices',
	'Sales Credit Memos',
	'Blanket Sales Orders',
	'Sales Return Orders',
	'Posted Sales Shipments',
	'Posted Sales Invoices',
	'Posted Sales Credit Memos',
	'Customer Ledger Entries',
	'Cash Receipt Journal',
	'Reminders',
	'Finance Charge Memos',
	'Aged Receivables',
	'Payment, Reminder and Finance Charge Terms',
	'Policy Explorer',
	'Refused Attempts',
	'Block Suggestions',
	'Company Information',
	'Settings',
	'Block Reasons'
];

/** What has focus: its tag, its id and its text. */
function focused(page: Page) {
	return page.evaluate(() => {
		const active = document.activeElement;
		return {
			tag: active?.tagName.toLowerCase(),
			id: active?.id,
			text: active?.textContent?.trim(),
			inMain: !!active?.closest('main')
		};
	});
}

async function mainHeading(page: Page): Promise<string> {
	return (await page.locator('main h1').first().textContent())!.trim();
}

/** Tell Me's box, opened with Alt+Q, after typing `text`: the names of its options. */
async function tellMe(page: Page, text: string): Promise<string[]> {
	await page.keyboard.press('Alt+q');
	const box = page.getByRole('combobox', { name: /^(Tell me what you want to do|Vertel me)/ });
	await box.waitFor();
	expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
	await page.keyboard.type(text);
	const options = page.getByRole('listbox').getByRole('option');
	await options.first().waitFor();
	return (await options.locator('.caption').allTextContents()).map((name) => name.trim());
}

/** The option the combobox points at (aria-activedescendant). */
function activeOption(page: Page) {
	return page.locator('#tell-me-input').evaluate((box) => {
		const id = box.getAttribute('aria-activedescendant');
		const option = id ? document.getElementById(id) : null;
		return {
			expanded: box.getAttribute('aria-expanded'),
			controls: box.getAttribute('aria-controls'),
			listbox: option?.closest('[role="listbox"]')?.id,
			selected: option?.getAttribute('aria-selected'),
			caption: option?.querySelector('.caption')?.textContent?.trim()
		};
	});
}

describe('Tell Me', () => {
	it('finds Customers from "cust" and Klanten from "klant", and opens them with the keyboard alone', async () => {
		const page = await e2e.open('/');

		expect((await tellMe(page, 'cust')).slice(0, 2)).toEqual([
			'Customers',
			'Customer Ledger Entries'
		]);
		expect(await activeOption(page)).toEqual({
			expanded: 'true',
			controls: 'tell-me-results',
			listbox: 'tell-me-results',
			selected: 'true',
			caption: 'Customers'
		});
		expect(await axeViolations(page)).toEqual([]);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/customers$/);
		expect(await page.getByRole('dialog').count()).toBe(0);
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', inMain: true });
		expect(await mainHeading(page)).toBe('Customers');

		// Escape closes the box and gives focus back to where it was (the Tell Me button).
		await page.getByRole('button', { name: 'Tell Me' }).click();
		await page.getByRole('combobox', { name: 'Tell me what you want to do' }).waitFor();
		await page.keyboard.press('Escape');
		await page.getByRole('dialog').waitFor({ state: 'detached' });
		expect(await focused(page)).toMatchObject({ tag: 'button', inMain: false });
		expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
			'Tell Me'
		);

		// In Dutch Tell Me finds the Dutch captions; the arrow keys choose among the results.
		await page.getByRole('banner').getByLabel('Language').selectOption('nl');
		await page.goto('/');
		await page.locator('main h1').waitFor();
		expect((await tellMe(page, 'klant')).slice(0, 2)).toEqual(['Klanten', 'Klantenposten']);
		await page.keyboard.press('ArrowDown');
		expect((await activeOption(page)).caption).toBe('Klantenposten');
		await page.keyboard.press('ArrowUp');
		expect((await activeOption(page)).caption).toBe('Klanten');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/customers$/);
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: 'Klanten' });

		// A task: New Sales Order opens the order list asking for the customer.
		await page.getByRole('banner').getByLabel('Taal').selectOption('en');
		expect((await tellMe(page, 'new sales ord'))[0]).toBe('New Sales Order');
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/sales\/orders\?new$/);
		await page.getByRole('region', { name: 'New' }).waitFor();
	});
});

describe('navigation', () => {
	it('waits behind the Menu button on a phone and shows every destination on a laptop', async () => {
		const page = await e2e.open('/');
		await page.setViewportSize({ width: 390, height: 844 });
		const nav = page.getByRole('navigation', { name: 'Main' });
		const menu = page.getByRole('button', { name: 'Menu' });

		// The phone's first screen shows the page: the navigation is closed, the header one row.
		expect(await nav.isVisible()).toBe(false);
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		expect((await page.getByRole('banner').boundingBox())!.height).toBeLessThan(64);

		await menu.click();
		expect(await menu.getAttribute('aria-expanded')).toBe('true');
		const controlled = await menu.getAttribute('aria-controls');
		expect(await page.locator(`#${controlled}`).getByRole('navigation').count()).toBe(1);
		await nav.getByRole('link', { name: 'Customers', exact: true }).waitFor();
		expect(
			await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
		).toBe(true);
		// Escape closes it and gives focus back to the button.
		await page.keyboard.press('Escape');
		expect(await nav.isVisible()).toBe(false);
		expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Menu');

		// A link in the menu opens its page and closes the menu; focus is on the page's heading.
		await menu.click();
		await nav.getByRole('link', { name: 'Sales Orders', exact: true }).click();
		await page.waitForURL(/\/sales\/orders$/);
		expect(await menu.getAttribute('aria-expanded')).toBe('false');
		expect(await nav.isVisible()).toBe(false);
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: 'Sales Orders' });

		// On a laptop every destination shows by its caption, with no Menu button.
		await page.setViewportSize({ width: 1280, height: 800 });
		expect(await menu.isVisible()).toBe(false);
		for (const name of DESTINATIONS) {
			expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(true);
		}
		const links = await nav.getByRole('link').all();
		for (const link of links) expect(await link.isVisible()).toBe(true);
		for (const group of ['Sales', 'Posted Documents', 'Receivables', 'Blocking', 'Setup']) {
			expect(await nav.getByRole('list', { name: group, exact: true }).isVisible(), group).toBe(
				true
			);
		}
		await nav.getByRole('link', { name: 'Customers', exact: true }).click();
		await page.waitForURL(/\/customers$/);
		await expect.poll(() => focused(page)).toMatchObject({ tag: 'h1', text: 'Customers' });
		expect(
			await nav.getByRole('link', { name: 'Customers', exact: true }).getAttribute('aria-current')
		).toBe('page');

		// A section link focuses its section's heading.
		await nav.getByRole('link', { name: 'Block Suggestions' }).click();
		await page.waitForURL(/\/settings#suggest-title$/);
		await expect.poll(() => focused(page)).toMatchObject({ id: 'suggest-title' });

		// The company in the header links to the companies.
		const company = page.getByRole('banner').getByRole('link', { name: /^Current company: / });
		expect(await company.textContent()).toContain('Holdfast Demo BV');
		expect(await company.getAttribute('href')).toBe('/companies');
		expect(await axeViolations(page)).toEqual([]);
	});
});
