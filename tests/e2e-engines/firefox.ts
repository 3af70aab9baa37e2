// Firefox ESR (Debian's firefox-esr) driven by puppeteer-core over WebDriver BiDi. Roles and
// names come from Firefox's own accessibility tree through puppeteer's ::-p-aria() selectors.
import puppeteer, {
	type Browser,
	type BrowserContext,
	type ElementHandle,
	type Page as PuppeteerPage
} from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { Page, type Driver, type Engine, type Target } from './engine';
import { findInPage, toPageQuery } from './finder';
import { firefoxPath } from '../../scripts/ensure-browser.mjs';

/** puppeteer's ARIA selector for a role and an exact name (either may be left out). */
function aria(role: string | undefined, name: string | undefined): string {
	const quote = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
	const name_ = name === undefined ? '' : `[name=${quote(name)}]`;
	const role_ = role === undefined ? '' : `[role=${quote(role)}]`;
	return `::-p-aria(${name_}${role_})`;
}

const FIELD = (element: Element) =>
	element instanceof HTMLInputElement ||
	element instanceof HTMLSelectElement ||
	element instanceof HTMLTextAreaElement;

class FirefoxDriver implements Driver<ElementHandle> {
	constructor(private readonly page: PuppeteerPage) {}

	async goto(url: string): Promise<void> {
		await this.page.goto(url);
	}

	async url(): Promise<string> {
		// The page's own address: Firefox ESR's BiDi does not always report a history.pushState
		// (SvelteKit's client-side navigation) to puppeteer, whose page.url() then stays behind.
		return this.page.evaluate(() => location.href).catch(() => this.page.url());
	}

	async find(target: Target): Promise<ElementHandle | null> {
		if ('label' in target) {
			for (const element of await this.page.$$(aria(undefined, target.label))) {
				if (await element.evaluate(FIELD)) return element as ElementHandle;
			}
			return null;
		}
		const { role, name, text } = target;
		const found = await this.page.$$(aria(role, typeof name === 'string' ? name : undefined));
		if (found.length === 0) return null;
		if (typeof name !== 'object' && text === undefined) return found[0] as ElementHandle;
		// A pattern for the name, or text to contain: checked in the page on what Firefox found.
		const match = await this.page.evaluateHandle(
			findInPage as (...args: unknown[]) => Element | null,
			toPageQuery({ name: name instanceof RegExp ? name : undefined, text }),
			...found
		);
		return match.asElement() as ElementHandle | null;
	}

	async click(element: ElementHandle): Promise<void> {
		await element.click();
	}

	async type(element: ElementHandle, value: string): Promise<void> {
		const keyboard = this.page.keyboard;
		await element.focus();
		await keyboard.down('Control');
		await keyboard.press('KeyA');
		await keyboard.up('Control');
		if (value === '') await keyboard.press('Backspace');
		else await keyboard.type(value);
		// Tab past a page's last field loses focus for good in headless Firefox: leave backwards.
		await keyboard.down('Shift');
		await keyboard.press('Tab');
		await keyboard.up('Shift');
	}

	async select(element: ElementHandle, option: string): Promise<void> {
		const value = await element.evaluate((select, wanted) => {
			const options = Array.from((select as HTMLSelectElement).options);
			const found =
				options.find((candidate) => candidate.value === wanted) ??
				options.find((candidate) => candidate.text.trim() === wanted);
			return found ? found.value : null;
		}, option);
		if (value === null) throw new Error(`no option "${option}"`);
		await (element as ElementHandle<HTMLSelectElement>).select(value);
	}

	evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
		return this.page.evaluate(fn as never, ...(args as never[])) as Promise<T>;
	}

	async setViewport(width: number, height: number): Promise<void> {
		// BiDi's browsingContext.setViewport itself: puppeteer's setViewport also sends
		// emulation.setScreenOrientationOverride, which Firefox ESR 140 does not know.
		const frame = this.page.mainFrame() as unknown as {
			browsingContext: { setViewport(options: object): Promise<void> };
		};
		await frame.browsingContext.setViewport({ viewport: { width, height } });
	}

	async close(): Promise<void> {
		await this.page.close();
	}
}

export interface FirefoxEngine extends Engine {
	/** The browser profile of this test; each test gets a new one (a fresh IndexedDB). */
	context: BrowserContext;
}

/** One Firefox per test file, a fresh profile (a BiDi user context) per test. */
export function useFirefox(): FirefoxEngine {
	const baseURL = inject('baseURL');
	let browser: Browser;
	const engine = { name: 'firefox', baseURL, problems: [] as string[] } as FirefoxEngine & {
		problems: string[];
	};

	beforeAll(async () => {
		browser = await puppeteer.launch({
			browser: 'firefox',
			executablePath: firefoxPath(),
			headless: true
		});
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		engine.problems.length = 0;
		engine.context = await browser.createBrowserContext();
		// The app's origins in this test: the shared server's, and any other one a test opens.
		const origins = new Set([new URL(baseURL).origin]);
		engine.open = async (path: string) => {
			origins.add(new URL(path, baseURL).origin);
			const tab = await engine.context.newPage();
			tab.on('console', (message) => {
				if (message.type() === 'error') engine.problems.push(`console: ${message.text()}`);
			});
			tab.on('pageerror', (error) => engine.problems.push(`page error: ${String(error)}`));
			tab.on('request', (request) => {
				const url = request.url();
				if (!/^(data|blob|about):/.test(url) && !origins.has(new URL(url).origin))
					engine.problems.push(`request to another origin: ${url}`);
			});
			const page = new Page(new FirefoxDriver(tab), baseURL);
			await page.goto(path);
			return page;
		};
	});
	afterEach(async () => {
		await engine.context?.close();
		expect(engine.problems).toEqual([]);
	});
	return engine;
}
