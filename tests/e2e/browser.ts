import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const CHROME_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run'
];

export interface E2E {
	browser: Browser;
	context: BrowserContext;
	/** Opens a tab on a path of the app and waits until the app has started. */
	open(path: string): Promise<Page>;
	/** Console errors, page errors and requests to other origins, per test. */
	problems: string[];
}

export interface BrowserOptions {
	/**
	 * Whether the app's service worker may install. Blocked unless a test is about it: its
	 * install precaches every file of the build, several seconds of CPU in each fresh context,
	 * which the journeys do not need (pwa.test.ts allows it and tests offline use).
	 */
	serviceWorkers?: 'allow' | 'block';
}

/** One Chromium per test file, a fresh context (so a fresh IndexedDB) per test. */
export function useBrowser({ serviceWorkers = 'block' }: BrowserOptions = {}): E2E {
	const baseURL = inject('baseURL');
	const e2e = { problems: [] as string[] } as E2E;

	beforeAll(async () => {
		e2e.browser = await chromium.launch({
			executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
			args: CHROME_ARGS
		});
	});
	afterAll(async () => {
		await e2e.browser?.close();
	});
	beforeEach(async () => {
		e2e.problems = [];
		e2e.context = await e2e.browser.newContext({ baseURL, locale: 'en-GB', serviceWorkers });
		e2e.context.on('request', (request) => {
			if (!/^(data|blob):/.test(request.url()) && !request.url().startsWith(baseURL)) {
				e2e.problems.push(`request to another origin: ${request.url()}`);
			}
		});
		e2e.open = async (path: string) => {
			const page = await e2e.context.newPage();
			page.setDefaultTimeout(10_000);
			page.on('console', (message) => {
				if (message.type() === 'error') e2e.problems.push(`console: ${message.text()}`);
			});
			page.on('pageerror', (error) => e2e.problems.push(`page error: ${error.message}`));
			await page.goto(path);
			await page.locator('main h1').first().waitFor();
			return page;
		};
	});
	afterEach(async () => {
		await e2e.context?.close();
		expect(e2e.problems).toEqual([]);
	});
	return e2e;
}

/** Serious and critical accessibility violations axe-core finds on the page. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the debugging protocol: the page's CSP rightly refuses inline scripts.
	await page.evaluate(axeSource);
	const violations = await page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: () => Promise<{
						violations: { id: string; impact: string; nodes: { target: string[] }[] }[];
					}>;
				};
			}
		).axe;
		const result = await axe.run();
		return result.violations
			.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
			.map(
				(violation) =>
					`${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`
			);
	});
	return violations;
}

/**
 * Posts the open sales document as a clerk does: the posting button (Ship, Invoice, Ship and
 * Invoice, Receive…, Post), then Yes in Business Central's question "Do you want to post the
 * order?" (the posting pressed is the one chosen). Returns once the question is answered.
 */
export async function postDocument(page: Page, button: string): Promise<void> {
	await page.getByRole('button', { name: button, exact: true }).click();
	const dialog = page.getByRole('alertdialog', { name: /^Do you want to post the / });
	await dialog.getByRole('button', { name: 'Yes', exact: true }).click();
	await dialog.waitFor({ state: 'detached' });
}

/**
 * Sets Blocked on an open customer card as a clerk does: a new level opens the block dialog,
 * which asks for a reason (and optionally an end date) and is confirmed; blank saves at once.
 */
export async function chooseBlocked(
	page: Page,
	level: string,
	details: { reason?: string; until?: string } = {}
): Promise<void> {
	await page.getByLabel('Blocked', { exact: true }).selectOption(level);
	if (level === '') {
		// No dialog for blank: wait until the card's customer is saved unblocked, so that a
		// navigation right after cannot cut the save short.
		const no = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
		await expect
			.poll(() =>
				page.evaluate(
					(no) =>
						new Promise((resolve) => {
							const open = indexedDB.open('holdfast');
							open.onsuccess = () => {
								const request = open.result
									.transaction('customers')
									.objectStore('customers')
									.get(no);
								request.onsuccess = () => {
									resolve(request.result?.blocked);
									open.result.close();
								};
							};
						}),
					no
				)
			)
			.toBe('');
		return;
	}
	const dialog = page.getByRole('dialog', { name: /^Block customer / });
	await dialog.getByLabel('Block Reason').selectOption(details.reason ?? 'OVERDUE');
	if (details.until) await dialog.getByLabel('Blocked Until').fill(details.until);
	await dialog.getByRole('button', { name: 'Confirm' }).click();
	await dialog.waitFor({ state: 'detached' });
}
