// Issue 15: posting as in Business Central (a question first, then a notice that names the
// posted documents with a link to each), the line grid that fits the screen, and Add line that
// puts the cursor in the new line's No.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

const WIDTHS = [390, 768, 1280];

function field(page: Page, label: string) {
	return page.getByLabel(label, { exact: true });
}

async function fill(page: Page, label: string, value: string) {
	await field(page, label).fill(value);
	await field(page, label).press('Tab');
}

/** The page is never wider than the window at each width. */
async function fitsEveryWidth(page: Page): Promise<void> {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		const { scroll, inner } = await page.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			inner: window.innerWidth
		}));
		expect(scroll, `${page.url()} at ${width}px`).toBeLessThanOrEqual(inner);
	}
	await page.setViewportSize({ width: 1280, height: 800 });
}

/** Whether the field is shown inside the grid's box, without scrolling the grid or the page. */
async function inView(page: Page, label: string): Promise<boolean> {
	return field(page, label).evaluate((input) => {
		const box = input.getBoundingClientRect();
		const grid = input.closest('.table-scroll')!.getBoundingClientRect();
		return box.left >= grid.left - 1 && box.right <= grid.right + 1 && box.right <= innerWidth;
	});
}

describe('posting asks first and then names the posted documents', () => {
	it('runs through an order: Add line, the grid at three widths, No, Yes, the notice and its links', async () => {
		const page = await e2e.open('/customers/C00010');
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.getByRole('button', { name: 'New Sales Order', exact: true }).click();
		await page.waitForURL(/\/documents\//);
		const order = page.url().split('/').pop()!;

		// Add line puts the cursor in the new line's No.: the clerk types on.
		for (const [row, item, quantity] of [
			[1, 'I1020', '10'],
			[2, 'I1030', '3']
		] as const) {
			await page.getByRole('button', { name: 'Add line' }).click();
			await expect
				.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label')))
				.toBe(`No. ${row}`);
			await page.keyboard.type(item);
			await page.keyboard.press('Tab');
			await expect.poll(() => field(page, `Description ${row}`).inputValue()).not.toBe('');
			await fill(page, `Quantity ${row}`, quantity);
		}
		await fill(page, 'Qty. to Ship 1', '4');
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('4');

		// At a laptop's width the quantities a clerk edits are in view without scrolling.
		for (const label of ['No. 1', 'Description 1', 'Quantity 1', 'Qty. to Ship 1']) {
			expect(await inView(page, label), label).toBe(true);
		}
		expect(await inView(page, 'Qty. to Invoice 1')).toBe(true);
		await fitsEveryWidth(page);

		// More columns scroll inside the grid; No. and Description stay in view.
		await page.getByRole('button', { name: 'Show more columns' }).click();
		await field(page, 'Line Discount % 1').waitFor();
		await page.setViewportSize({ width: 768, height: 800 });
		await page
			.getByRole('region', { name: 'Lines' })
			.evaluate((grid) => (grid.scrollLeft = grid.scrollWidth));
		expect(await inView(page, 'No. 1')).toBe(true);
		expect(await inView(page, 'Description 1')).toBe(true);
		expect(await inView(page, 'VAT % 1')).toBe(true);
		await fitsEveryWidth(page);
		await page.getByRole('button', { name: 'Show fewer columns' }).click();
		await page.setViewportSize({ width: 1280, height: 800 });

		// Ship asks first; No posts nothing.
		const ship = page.getByRole('button', { name: 'Ship', exact: true });
		await ship.click();
		const dialog = page.getByRole('alertdialog', { name: 'Do you want to post the order?' });
		await dialog.waitFor();
		expect(await dialog.getByRole('radio', { name: 'Ship', exact: true }).isChecked()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await dialog.getByRole('button', { name: 'No', exact: true }).click();
		await dialog.waitFor({ state: 'detached' });
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Ship');
		expect(await field(page, 'Qty. to Ship 1').inputValue()).toBe('4');
		// No shipment of the order (the newest come first in the list).
		await page.goto('/posted/shipments');
		await page.getByRole('row').nth(1).waitFor();
		expect(await page.getByRole('row').filter({ hasText: order }).count()).toBe(0);

		// Yes posts: the notice at the top of the window names the shipment, with a link to it.
		await page.goto(`/documents/${order}`);
		await page.setViewportSize({ width: 390, height: 800 });
		await ship.click();
		await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
		const notice = page.getByRole('status').filter({ hasText: `Sales Order ${order} was posted.` });
		await notice.waitFor();
		await expect.poll(() => field(page, 'Qty. to Ship 1').inputValue()).toBe('6');
		const box = (await notice.boundingBox())!;
		expect(box.y).toBeGreaterThanOrEqual(0);
		expect(box.y + box.height).toBeLessThanOrEqual(800);
		expect(await notice.textContent()).toMatch(/Posted Sales Shipment PSS-\d+ was created\./);
		expect(await axeViolations(page)).toEqual([]);
		const open = notice.getByRole('link', { name: /^Open it – Posted Sales Shipment PSS-/ });
		const shipment = (await open.textContent())!.match(/PSS-\d+/)![0];
		await open.click();
		await page.getByRole('heading', { name: `Posted Sales Shipment ${shipment}` }).waitFor();

		// Invoice, changed to Ship and Invoice in the dialog with the keyboard: the order is
		// fully posted, and its posted invoice opens with the notice.
		await page.setViewportSize({ width: 1280, height: 800 });
		await page.goto(`/documents/${order}`);
		await page.getByRole('button', { name: 'Invoice', exact: true }).click();
		await dialog.waitFor();
		expect(await dialog.getByRole('radio', { name: 'Invoice', exact: true }).isChecked()).toBe(
			true
		);
		await page.keyboard.press('ArrowDown');
		expect(
			await dialog.getByRole('radio', { name: 'Ship and Invoice', exact: true }).isChecked()
		).toBe(true);
		await page.keyboard.press('Enter');
		const heading = page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ });
		await heading.waitFor();
		const invoice = (await heading.textContent())!.match(/PSI-\d+/)![0];
		expect(page.url()).toMatch(new RegExp(`/posted/invoices/${invoice}$`));
		const closed = page
			.getByRole('status')
			.filter({ hasText: `Sales Order ${order} was fully posted and is closed.` });
		await closed.waitFor();
		expect(await closed.textContent()).toContain(`Posted Sales Invoice ${invoice} was created.`);
		// The invoice is this page; the shipment of the rest has its link.
		expect(await closed.getByRole('link').count()).toBe(1);
		await closed.getByRole('link', { name: /^Open it – Posted Sales Shipment PSS-/ }).waitFor();
		// 10 desks at 429.00 and 3 coffee at 18.50, with VAT: 5,190.90 + 58.83.
		await expect.poll(() => page.locator('[data-total="incl"]').textContent()).toBe('5,249.73');
		expect(await axeViolations(page)).toEqual([]);
		await fitsEveryWidth(page);

		// The notice belongs to that visit: the page opened again shows none.
		await page.goto('/posted/invoices');
		await page.goto(`/posted/invoices/${invoice}`);
		await heading.waitFor();
		expect(await page.getByRole('status').filter({ hasText: 'was fully posted' }).count()).toBe(0);
	});
});
