// A small page API that the journeys in this folder are written against once, and that runs
// in Firefox (puppeteer-core over WebDriver BiDi) and in WebKit (WebKitWebDriver, W3C WebDriver).
// Elements are found as a user finds them: by role and accessible name, or by label.
import { expect } from 'vitest';

export type Role =
	| 'alert'
	| 'alertdialog'
	| 'button'
	| 'cell'
	| 'checkbox'
	| 'combobox'
	| 'dialog'
	| 'heading'
	| 'link'
	| 'note'
	| 'row'
	| 'status';

/** A role with an optional accessible name (exact text, or a pattern) and text it contains. */
export interface ByRole {
	role: Role;
	name?: string | RegExp;
	text?: string | RegExp;
}
/** A form field (input, select, textarea) by its label, exactly. */
export interface ByLabel {
	label: string;
}
export type Target = ByRole | ByLabel;

/** What each engine implements for one tab. An element handle is the engine's own. */
export interface Driver<Handle = unknown> {
	goto(url: string): Promise<void>;
	url(): Promise<string>;
	/** The first visible element that matches, or null. */
	find(target: Target): Promise<Handle | null>;
	click(element: Handle): Promise<void>;
	/** Selects the field's text, types the value over it and leaves the field with Shift+Tab. */
	type(element: Handle, value: string): Promise<void>;
	/** Chooses the option whose value or text is `option`, as a user does in the list. */
	select(element: Handle, option: string): Promise<void>;
	/** Runs a function in the page (with JSON arguments; an element handle may be the first). */
	evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T>;
	setViewport(width: number, height: number): Promise<void>;
	close(): Promise<void>;
}

export interface Engine {
	readonly name: 'firefox' | 'webkit';
	/** The app's origin (served by tests/e2e/serve.ts). */
	readonly baseURL: string;
	/**
	 * Opens a new tab in this test's profile (so it shares IndexedDB with the other tabs) on a
	 * path of the app, or on a whole address (another server of the same build).
	 */
	open(path: string): Promise<Page>;
	/**
	 * Problems met in this test, checked empty after it: in Firefox console errors, page errors
	 * and requests to other origins; in WebKit (WebDriver has no console events) page errors and
	 * console errors after each navigation's load.
	 */
	readonly problems: string[];
}

const TIMEOUT = 10_000;

function describeTarget(target: Target): string {
	if ('label' in target) return `field labelled "${target.label}"`;
	const name = target.name === undefined ? '' : ` named ${String(target.name)}`;
	const text = target.text === undefined ? '' : ` with text ${String(target.text)}`;
	return `${target.role}${name}${text}`;
}

/** Errors that mean "the element went away or moved between finding and using it: find again". */
const TRANSIENT =
	/stale|detached|not attached|no longer|not interactable|intercept|obscured|not clickable|Node with given id|no such element|Cannot find context|Execution context/i;

/** The page API the journeys use; every query waits (up to 10 s) for its element. */
export class Page<Handle = unknown> {
	constructor(
		private readonly driver: Driver<Handle>,
		private readonly baseURL: string
	) {}

	/** Finds the element (waiting for it) and runs `action` on it, finding it again if it was replaced. */
	private async with<T>(target: Target, action: (element: Handle) => Promise<T>): Promise<T> {
		const deadline = Date.now() + TIMEOUT;
		let last: unknown = null;
		for (;;) {
			try {
				const element = await this.driver.find(target);
				if (element) return await action(element);
			} catch (error) {
				if (!TRANSIENT.test(String(error))) throw error;
				last = error;
			}
			if (Date.now() > deadline) {
				throw new Error(
					`No ${describeTarget(target)} within ${TIMEOUT / 1000} s` +
						`${last ? ` (${String(last)})` : ''}; ${await this.shows()}`
				);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** Goes to a path (of the page's own origin) and waits until the app has started (main h1). */
	async goto(path: string): Promise<void> {
		const current = await this.driver.url();
		await this.driver.goto(new URL(path, /^https?:/.test(current) ? current : this.baseURL).href);
		await this.waitForSelector('main h1');
	}

	/** The path (and query) of the page's address. */
	async path(): Promise<string> {
		const url = new URL(await this.driver.url());
		return url.pathname + url.search;
	}

	async waitForPath(pattern: RegExp): Promise<string> {
		await expect.poll(() => this.path(), { timeout: TIMEOUT }).toMatch(pattern);
		return this.path();
	}

	/** Clicks the element once it is enabled (a click on a disabled button would be lost). */
	async click(target: Target): Promise<void> {
		await this.with(target, async (element) => {
			const disabled = await this.driver.evaluate(
				(button: HTMLButtonElement) => button.disabled === true,
				element
			);
			if (disabled) throw new Error('not interactable yet: disabled');
			// As Playwright does: click only once the element has stopped moving (content loaded
			// above it, such as a page's teaching tip, can push it down between frames).
			const moving = await this.driver.evaluate(
				(node: HTMLElement) =>
					new Promise<boolean>((resolve) => {
						const before = node.getBoundingClientRect();
						// A timer, not frames: a tab behind another gets no frames in WebKit.
						setTimeout(() => {
							const after = node.getBoundingClientRect();
							resolve(before.top !== after.top || before.left !== after.left);
						}, 50);
					}),
				element
			);
			if (moving) throw new Error('not interactable yet: moving');
			await this.driver.click(element);
		});
	}

	/** Types into the field with this label and leaves it, so that the app saves the value. */
	async fill(label: string, value: string): Promise<void> {
		await this.with({ label }, (element) => this.driver.type(element, value));
	}

	async select(label: string, option: string): Promise<void> {
		await this.with({ label }, (element) => this.driver.select(element, option));
	}

	/** The current value of the field with this label. */
	async value(label: string): Promise<string> {
		return this.with({ label }, (element) =>
			this.driver.evaluate((field: HTMLInputElement) => field.value, element)
		);
	}

	async checked(label: string): Promise<boolean> {
		return this.with({ label }, (element) =>
			this.driver.evaluate((field: HTMLInputElement) => field.checked, element)
		);
	}

	/** The element's text, whitespace collapsed. */
	async text(target: Target): Promise<string> {
		return this.with(target, (element) =>
			this.driver.evaluate(
				(node: Element) => (node.textContent ?? '').replace(/\s+/g, ' ').trim(),
				element
			)
		);
	}

	async attribute(target: Target, name: string): Promise<string | null> {
		return this.with(target, (element) =>
			this.driver.evaluate(
				(node: Element, attribute: string) => node.getAttribute(attribute),
				element,
				name
			)
		);
	}

	/** Whether the control is disabled (natively or with aria-disabled). */
	async disabled(target: Target): Promise<boolean> {
		return this.with(target, (element) =>
			this.driver.evaluate(
				(node: HTMLButtonElement) =>
					node.disabled === true || node.getAttribute('aria-disabled') === 'true',
				element
			)
		);
	}

	/** Whether such an element is on screen now (no waiting). */
	async visible(target: Target): Promise<boolean> {
		return (await this.driver.find(target)) !== null;
	}

	/** Waits until such an element is visible. */
	async waitFor(target: Target): Promise<void> {
		await this.with(target, async () => undefined);
	}

	/** Waits until no such element is visible. */
	async waitForGone(target: Target): Promise<void> {
		await expect
			.poll(() => this.visible(target), { timeout: TIMEOUT, message: describeTarget(target) })
			.toBe(false);
	}

	/** Waits until the main region's text contains `text`. */
	async waitForText(text: string | RegExp): Promise<void> {
		const matches = (content: string) =>
			typeof text === 'string' ? content.includes(text) : text.test(content);
		await expect
			.poll(
				async () =>
					matches(
						await this.driver.evaluate(() =>
							(document.querySelector('main')?.textContent ?? '').replace(/\s+/g, ' ')
						)
					),
				{ timeout: TIMEOUT, message: `text ${String(text)}` }
			)
			.toBe(true);
	}

	async waitForSelector(selector: string): Promise<void> {
		const deadline = Date.now() + TIMEOUT;
		while (
			!(await this.driver
				.evaluate((css: string) => document.querySelector(css) !== null, selector)
				.catch(() => false))
		) {
			if (Date.now() > deadline) {
				throw new Error(`No ${selector} within ${TIMEOUT / 1000} s; ${await this.shows()}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** What the page shows, for a failure's message. */
	private async shows(): Promise<string> {
		const seen = await this.driver
			.evaluate(
				() => `${location.href}: ${(document.querySelector('main') ?? document.body).innerText}`
			)
			.catch((error) => String(error));
		return `the page shows ${seen.replace(/\s+/g, ' ').slice(0, 600)}`;
	}

	evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
		return this.driver.evaluate(fn, ...args);
	}

	setViewport(width: number, height: number): Promise<void> {
		return this.driver.setViewport(width, height);
	}

	close(): Promise<void> {
		return this.driver.close();
	}
}
