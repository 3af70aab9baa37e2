// Issue 15 for the customers: the list, a blocked customer's card and the block dialog fit a
// phone, a tablet and a laptop; the list shows Blocked at every width; the card's groups fold
// as Business Central's FastTabs; the banner says the block once. Issue 14: the card's code is
// fetched while the pointer rests on a row, before the click.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBrowser } from './browser';

const e2e = useBrowser();

const WIDTHS = [390, 768, 1280];
const PHONE = { width: 390, height: 844 };

function pageWidth(page: Page) {
	return page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		window: window.innerWidth
	}));
}

async function expectFits(page: Page, what: string) {
	const { scroll, window } = await pageWidth(page);
	expect(scroll, `${what} at ${window} px`).toBeLessThanOrEqual(window);
}

/** Opens every folded group of the card, so all of it is measured. */
async function openAllTabs(page: Page) {
	const folded = page.locator('main h2 button[aria-expanded="false"]');
	while ((await folded.count()) > 0) await folded.first().click();
}

describe('the customers fit the screen', () => {
	it('at 390, 768 and 1280 px the list, a blocked card and the block dialog are no wider than the window', async () => {
		const page = await e2e.open('/customers');
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 844 });

			await page.goto('/customers');
			const blockedRow = page.locator('tbody tr', { hasText: 'C00040' });
			await blockedRow.waitFor();
			await expectFits(page, 'the customer list');
			// Blocked shows in the row itself, within the window, at every width.
			// (The row holds the badge twice, under the Name for a phone and in its own column.)
			const badge = blockedRow
				.getByText('Blocked: Ship', { exact: true })
				.filter({ visible: true });
			expect(await badge.isVisible(), `Blocked at ${width} px`).toBe(true);
			const box = (await badge.boundingBox())!;
			expect(box.x + box.width).toBeLessThanOrEqual(width);

			await page.goto('/customers/C00040');
			await page
				.getByRole('note', { name: 'Customer C00040 is blocked with type Ship.' })
				.waitFor();
			await openAllTabs(page);
			await page.locator('[data-stat="balance"]').waitFor();
			await page.getByRole('button', { name: 'Documents' }).waitFor();
			await expectFits(page, 'the customer card');

			await page.getByLabel('Blocked', { exact: true }).selectOption('All');
			const dialog = page.getByRole('dialog', { name: 'Block customer C00040 with type All' });
			await dialog.getByText('What this block will stop').waitFor();
			await expectFits(page, 'the block dialog');
			await dialog.getByRole('button', { name: 'Cancel' }).click();
			await dialog.waitFor({ state: 'detached' });
		}
	});
});

describe('the customer card', () => {
	it('folds its groups as FastTabs, and on a phone the first field is on the first screen', async () => {
		const page = await e2e.open('/customers/C00010');
		const general = page.getByRole('button', { name: 'General' });
		const name = page.getByLabel('Name', { exact: true });
		expect(await general.getAttribute('aria-expanded')).toBe('true');
		expect(await name.isVisible()).toBe(true);
		for (const group of ['Address & Contact', 'Invoicing', 'Statistics', 'Documents']) {
			expect(await page.getByRole('button', { name: group }).getAttribute('aria-expanded')).toBe(
				'true'
			);
		}

		await general.click();
		expect(await general.getAttribute('aria-expanded')).toBe('false');
		await expect.poll(() => name.isVisible()).toBe(false);
		// The other groups stay as they were.
		expect(await page.getByLabel('City', { exact: true }).isVisible()).toBe(true);

		await general.press('Enter');
		expect(await general.getAttribute('aria-expanded')).toBe('true');
		await expect.poll(() => name.isVisible()).toBe(true);

		const phone = await e2e.context.newPage();
		await phone.setViewportSize(PHONE);
		await phone.goto('/customers/C00040');
		const first = phone.getByLabel('No.', { exact: true });
		await first.waitFor();
		const box = (await first.boundingBox())!;
		expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
	});

	it('says the block once, with its reason and note', async () => {
		const page = await e2e.open('/customers/C00040');
		const banner = page.getByRole('note', { name: 'Customer C00040 is blocked with type Ship.' });
		await banner.waitFor();
		const text = (await banner.textContent()) ?? '';
		expect(text).toMatch(/Block Reason\W*Overdue/);
		expect(text).toMatch(/Block Note\W*Two invoices past due/);

		const main = page.locator('main');
		const count = async (needle: string) =>
			((await main.textContent()) ?? '').split(needle).length - 1;
		// What Ship means and what it still allows are said once on the card, not in a banner, a
		// panel and a field's help each.
		expect(await count('New orders and new shipments cannot be created')).toBe(1);
		expect(await count('What can I still do?')).toBe(1);
		expect(
			await main
				.getByRole('listitem')
				.filter({ hasText: /^\s*Ship an order\s*$/ })
				.count()
		).toBe(1);
	});
});

describe('opening a card from the list', () => {
	it("fetches the card's code while the pointer rests on a row, so the click fetches none", async () => {
		const page = await e2e.open('/customers');
		const row = page.locator('tbody tr', { hasText: 'C00020' });
		await row.waitFor();
		await page.waitForLoadState('networkidle');
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});

		// On the row's Name, not on its link.
		await row.getByText('Brugse Bakkerij BV').hover();
		await expect.poll(() => scripts.length).toBeGreaterThan(0);
		await page.waitForLoadState('networkidle');
		const before = scripts.length;

		await row.getByRole('link', { name: 'C00020' }).click();
		await page.locator('[data-stat="balance"]').waitFor();
		expect(scripts.slice(before)).toEqual([]);
	});

	it("fetches the card's code when a row's link gets focus from the keyboard", async () => {
		const page = await e2e.open('/customers');
		await page.locator('tbody tr').first().waitFor();
		await page.waitForLoadState('networkidle');
		const scripts: string[] = [];
		page.on('request', (request) => {
			if (request.resourceType() === 'script') scripts.push(request.url());
		});
		await page.getByLabel('Blocked').focus();
		// From the Blocked filter, Tab goes on to the first row's link.
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('C00010');
		await expect.poll(() => scripts.length).toBeGreaterThan(0);
	});
});
