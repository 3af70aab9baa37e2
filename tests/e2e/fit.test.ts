// Issue 15, "pages fit": at a phone's, a tablet's and a laptop's width no page is wider than
// the window (wide tables scroll in their own box), and axe finds nothing on any page at the
// phone's and the laptop's width. One tab goes through every route, with data on each.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { useBrowser } from './browser';

const axeSource = readFileSync(
	createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
	'utf8'
);

/** Every violation axe-core finds on the page, of any impact (axe is loaded once per page). */
async function axeViolations(page: Page): Promise<string[]> {
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
	return page.evaluate(async () => {
		type Result = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };
		const axe = (window as unknown as { axe: { run: (options: object) => Promise<Result> } }).axe;
		const result = await axe.run({ resultTypes: ['violations'] });
		return result.violations.map(
			(violation) =>
				`${violation.impact} ${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
		);
	});
}

const e2e = useBrowser();

const WIDTHS = [390, 768, 1280];
const AXE_WIDTHS = [390, 1280];

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

/** Clicks a posting button and, when the app asks first, says yes to its question. */
async function post(page: Page, name: string, done: () => Promise<unknown>) {
	await page.getByRole('button', { name, exact: true }).click();
	const dialog = page.getByRole('dialog').or(page.getByRole('alertdialog'));
	const outcome = await Promise.race([
		done().then(() => 'done'),
		dialog.waitFor().then(() => 'asked')
	]);
	if (outcome === 'asked') {
		await dialog.getByRole('button', { name: new RegExp(`^(${name}|Yes|OK)$`) }).click();
		await done();
	}
}

async function newDocument(page: Page, customerNo: string, action: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: action, exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.locator('main h1').waitFor();
	return page.url().split('/').pop()!;
}

async function addItemLine(page: Page, row: number, itemNo: string, quantity: string) {
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, `No. ${row}`, itemNo);
	await expect
		.poll(() => page.getByLabel(`Description ${row}`, { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, `Quantity ${row}`, quantity);
	await expect
		.poll(() =>
			page
				.getByLabel(`Qty. to Ship ${row}`, { exact: true })
				.inputValue()
				.catch(() => quantity)
		)
		.toBe(quantity);
}

/** The first document's No. in a list page's table. */
async function firstNo(page: Page, path: string): Promise<string> {
	await page.goto(path);
	const link = page.locator('main tbody a').first();
	await link.waitFor();
	return (await link.textContent())!.trim();
}

/** Data on every page: a posted invoice, an order with lines, a shipment, a reminder, a memo. */
async function makeData(page: Page): Promise<Record<string, string>> {
	await newDocument(page, 'C00030', 'New Sales Invoice');
	await addItemLine(page, 1, 'I1040', '100');
	await expect.poll(() => page.locator('[data-total="excl"]').textContent()).toBe('2,995.00');
	await post(page, 'Post', () =>
		page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor()
	);
	const invoice = (await page.getByRole('heading', { level: 1 }).textContent())!.split(' ').pop()!;

	const order = await newDocument(page, 'C00010', 'New Sales Order');
	await addItemLine(page, 1, 'I1010', '3');
	await addItemLine(page, 2, 'I1020', '10');
	await fill(page, 'Qty. to Ship 2', '4');
	await post(page, 'Ship', () =>
		expect.poll(() => page.getByLabel('Qty. to Ship 2', { exact: true }).inputValue()).toBe('6')
	);
	const shipment = await firstNo(page, '/posted/shipments');

	await page.goto('/settings');
	await page.getByLabel('Work Date').fill(isoInDays(90));
	await page.getByLabel('Work Date').press('Tab');
	await page.getByText(/The work date is .*, not today\./).waitFor();
	for (const path of ['/reminders', '/finance-charge-memos']) {
		await page.goto(path);
		await page.getByLabel('Customer Nos. (blank for all)').fill('C00030');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		await page
			.getByRole('status')
			.filter({ hasText: /created/ })
			.waitFor();
	}
	const reminder = await firstNo(page, '/reminders');
	const memo = await firstNo(page, '/finance-charge-memos');

	await page.goto('/cash-receipt-journal');
	await page.getByRole('button', { name: 'New line' }).click();
	await fill(page, 'Customer No. 1', 'C00030');
	return { invoice, order, shipment, reminder, memo };
}

function routes(data: Record<string, string>): string[] {
	return [
		'/',
		'/customers',
		'/customers/C00010',
		// A blocked customer's card: the block banner and what can still be done.
		'/customers/C00040',
		'/items',
		'/items/I1010',
		...['quotes', 'orders', 'invoices', 'credit-memos', 'blanket-orders', 'return-orders'].map(
			(slug) => `/sales/${slug}`
		),
		`/documents/${data.order}`,
		'/posted/shipments',
		`/posted/shipments/${data.shipment}`,
		'/posted/invoices',
		`/posted/invoices/${data.invoice}`,
		'/posted/credit-memos',
		'/ledger',
		'/cash-receipt-journal',
		'/reminders',
		`/reminders/${data.reminder}`,
		'/finance-charge-memos',
		`/finance-charge-memos/${data.memo}`,
		'/aged-receivables',
		'/terms',
		'/policy',
		'/refusals',
		'/company',
		'/companies',
		'/settings'
	];
}

/** What sticks out past the window's right edge: the deepest elements, as tag.class "text". */
function culprits(): string[] {
	const limit = window.innerWidth + 0.5;
	const clipped = (element: Element) => {
		if (['absolute', 'fixed'].includes(getComputedStyle(element).position)) return false;
		for (let up = element.parentElement; up; up = up.parentElement) {
			if (getComputedStyle(up).overflowX !== 'visible')
				return up.getBoundingClientRect().right <= limit;
		}
		return false;
	};
	const wide = [...document.body.querySelectorAll('*')].filter(
		(element) => element.getBoundingClientRect().right > limit && !clipped(element)
	);
	return wide
		.filter((element) => !wide.some((other) => other !== element && element.contains(other)))
		.slice(0, 3)
		.map((element) => {
			const right = Math.round(element.getBoundingClientRect().right);
			const name = `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`;
			return `${name} "${(element.textContent ?? '').trim().slice(0, 30)}" to ${right}`;
		});
}

/** Waits until the page's data is in and laid out (after a navigation or a resize). */
async function settle(page: Page) {
	await page.locator('main h1').first().waitFor();
	await expect.poll(() => page.locator('main').getByText('Loading…').count()).toBe(0);
	await page.evaluate(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
	);
}

describe('pages fit the screen', () => {
	it(
		'no page is wider than the window at 390, 768 and 1280 px, and axe finds nothing',
		{
			timeout: 300_000
		},
		async () => {
			const page = await e2e.open('/customers');
			const paths = routes(await makeData(page));
			const wider: string[] = [];
			const violations: string[] = [];
			// Each route is opened once at the phone's width, then the window is widened.
			for (const path of paths) {
				await page.setViewportSize({ width: WIDTHS[0]!, height: 844 });
				await page.goto(path);
				for (const width of WIDTHS) {
					await page.setViewportSize({ width, height: 844 });
					await settle(page);
					const size = await page.evaluate(() => ({
						scroll: document.documentElement.scrollWidth,
						window: window.innerWidth
					}));
					if (size.scroll > size.window) {
						const what = (await page.evaluate(culprits)).join('; ');
						wider.push(`${path} at ${width} px: ${size.scroll} px (${what})`);
					}
					if (AXE_WIDTHS.includes(width)) {
						for (const violation of await axeViolations(page)) {
							violations.push(`${path} at ${width} px: ${violation}`);
						}
					}
				}
			}
			expect.soft(wider).toEqual([]);
			expect(violations).toEqual([]);
		}
	);
});

/** The focused element's ring against what is behind it: the better contrast of its colours. */
function ringContrast(): { element: string; style: string; contrast: number } {
	const element = document.activeElement as HTMLElement;
	const style = getComputedStyle(element);
	const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
	const luminance = (color: string) => {
		const [r = 0, g = 0, b = 0] = rgb(color).map((value) => {
			const c = value / 255;
			return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
		});
		return 0.2126 * r + 0.7152 * g + 0.0722 * b;
	};
	const ratio = (a: string, b: string) => {
		const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
		return (high! + 0.05) / (low! + 0.05);
	};
	let behind = 'rgb(255, 255, 255)';
	for (let up = element.parentElement; up; up = up.parentElement) {
		const background = getComputedStyle(up).backgroundColor;
		if (rgb(background)[3] !== 0 && background !== 'transparent') {
			behind = background;
			break;
		}
	}
	const colors: string[] = [];
	if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) {
		colors.push(style.outlineColor);
	}
	const halo = style.boxShadow.match(/rgba?\([^)]*\)/);
	if (halo) colors.push(halo[0]);
	return {
		element: `${element.tagName.toLowerCase()} "${element.textContent?.trim().slice(0, 20)}"`,
		style: `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}, shadow ${style.boxShadow} on ${behind}`,
		contrast: Math.max(0, ...colors.map((color) => ratio(color, behind)))
	};
}

describe('the focus ring', () => {
	it('is seen on the dark header and on the page (3:1 against what is behind it)', async () => {
		const page = await e2e.open('/items');
		const weak: string[] = [];
		let inHeader = 0;
		// The keyboard's way through the header into the page, up to the first field in it.
		for (let step = 0; step < 40; step++) {
			await page.keyboard.press('Tab');
			const inMain = await page.evaluate(() => !!document.activeElement?.closest('main'));
			if (await page.evaluate(() => !!document.activeElement?.closest('header'))) inHeader++;
			const ring = await page.evaluate(ringContrast);
			if (ring.contrast < 3)
				weak.push(`${ring.element}: ${ring.style} (${ring.contrast.toFixed(2)}:1)`);
			if (inMain && (await page.evaluate(() => document.activeElement?.tagName === 'INPUT'))) break;
		}
		expect(inHeader).toBeGreaterThan(0);
		expect(weak).toEqual([]);
	});
});
