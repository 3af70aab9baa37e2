// WebKit (WebKitGTK's MiniBrowser) driven by Debian's WebKitWebDriver over plain W3C WebDriver
// HTTP, under xvfb-run so that it needs no display. WebDriver has no accessibility queries, so
// elements are found by role and name with the in-page finder (finder.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { Page, type Driver, type Engine, type Target } from './engine';
import { findInPage, toPageQuery } from './finder';
import { freePort } from './server';
import { miniBrowserPath, webkitDriverPath } from '../../scripts/ensure-browser.mjs';

const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
type ElementRef = { [ELEMENT]: string };

/** One WebDriver session: a MiniBrowser with its own (ephemeral) profile. */
class Session {
	private current: string | null = null;

	constructor(
		private readonly base: string,
		readonly id: string
	) {}

	async command<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.base}/session/${this.id}${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body)
		});
		const json = (await response.json()) as { value: T & { error?: string; message?: string } };
		if (!response.ok) {
			throw new Error(`WebDriver ${method} ${path}: ${json.value.error}: ${json.value.message}`);
		}
		return json.value;
	}

	/** Makes `handle` the window that the next commands go to. */
	async use(handle: string): Promise<void> {
		if (this.current === handle) return;
		await this.command('POST', '/window', { handle });
		this.current = handle;
	}

	async windowHandle(): Promise<string> {
		this.current = await this.command<string>('GET', '/window');
		return this.current;
	}

	async newTab(): Promise<string> {
		const { handle } = await this.command<{ handle: string }>('POST', '/window/new', {
			type: 'tab'
		});
		return handle;
	}

	forget(handle: string): void {
		if (this.current === handle) this.current = null;
	}
}

class WebKitDriver implements Driver<ElementRef> {
	constructor(
		private readonly session: Session,
		private readonly handle: string
	) {}

	private async command<T>(method: string, path: string, body?: unknown): Promise<T> {
		await this.session.use(this.handle);
		return this.session.command<T>(method, path, body);
	}

	async goto(url: string): Promise<void> {
		await this.command('POST', '/url', { url });
		// WebDriver has no console events: the page keeps its errors from here on for problems().
		await this.evaluate(() => {
			const seen = window as unknown as { engineProblems?: string[] };
			if (seen.engineProblems) return;
			const problems: string[] = (seen.engineProblems = []);
			addEventListener('error', (event) => problems.push(`page error: ${event.message}`));
			addEventListener('unhandledrejection', (event) =>
				problems.push(`page error: ${String(event.reason)}`)
			);
			const original = console.error.bind(console);
			console.error = (...args: unknown[]) => {
				problems.push(`console: ${args.map(String).join(' ')}`);
				original(...args);
			};
		});
	}

	/** Errors the page met since the last navigation (see goto). */
	problems(): Promise<string[]> {
		return this.evaluate(
			() => (window as unknown as { engineProblems?: string[] }).engineProblems ?? []
		);
	}

	url(): Promise<string> {
		return this.command<string>('GET', '/url');
	}

	async find(target: Target): Promise<ElementRef | null> {
		return this.evaluate(
			findInPage as (...args: never[]) => ElementRef | null,
			toPageQuery(target)
		);
	}

	async click(element: ElementRef): Promise<void> {
		// Scrolled into view first, as a user would: when WebKitWebDriver has to scroll the element
		// into view itself, the mouse goes down and up on it but WebKit fires no click.
		await this.evaluate(
			(node: Element) => node.scrollIntoView({ block: 'center', inline: 'nearest' }),
			element
		);
		await this.command('POST', `/element/${element[ELEMENT]}/click`, {});
	}

	async type(element: ElementRef, value: string): Promise<void> {
		// One Send Keys per chord: in WebKitWebDriver, text sent after a modifier in the same
		// command fires key events but inserts nothing.
		const send = (text: string) =>
			this.command('POST', `/element/${element[ELEMENT]}/value`, { text });
		await this.click(element);
		await send('\uE009a'); // Control+A
		await send(value === '' ? '\uE003' : value); // Backspace, or the text over the selection
		await send('\uE008\uE004'); // Shift+Tab
	}

	async select(element: ElementRef, option: string): Promise<void> {
		// Clicking an <option> changes nothing in WebKitWebDriver, and typing into the closed list
		// changes it at the first letter (the other letters go wherever focus moves): the option is
		// chosen as Playwright's selectOption does, with the input and change events a user's gives.
		const chosen = await this.evaluate(
			(select: HTMLSelectElement, wanted: string) => {
				const options = Array.from(select.options);
				const found =
					options.find((candidate) => candidate.value === wanted) ??
					options.find((candidate) => candidate.text.trim() === wanted);
				if (!found) return false;
				select.focus();
				select.value = found.value;
				select.dispatchEvent(new Event('input', { bubbles: true }));
				select.dispatchEvent(new Event('change', { bubbles: true }));
				return true;
			},
			element,
			option
		);
		if (!chosen) throw new Error(`no option "${option}"`);
	}

	evaluate<T>(fn: (...args: never[]) => T | Promise<T>, ...args: unknown[]): Promise<T> {
		return this.command<T>('POST', '/execute/sync', {
			script: `return (${fn.toString()}).apply(null, arguments);`,
			args
		});
	}

	async setViewport(width: number, height: number): Promise<void> {
		await this.command('POST', '/window/rect', { width, height });
	}

	async close(): Promise<void> {
		await this.command('DELETE', '/window');
		this.session.forget(this.handle);
	}
}

/** One WebKitWebDriver (under xvfb-run) per test file, a new session (fresh profile) per test. */
export function useWebKit(): Engine {
	const baseURL = inject('baseURL');
	let driver: ChildProcess;
	let base = '';
	let session: Session | null = null;
	let tabs = 0;
	let drivers: WebKitDriver[] = [];
	const engine = { name: 'webkit', baseURL, problems: [] as string[] } as Engine;

	beforeAll(async () => {
		const browser = miniBrowserPath();
		if (!browser) throw new Error('No MiniBrowser: apt-get install webkit2gtk-driver');
		const port = await freePort();
		driver = spawn('xvfb-run', ['-a', webkitDriverPath(), `--port=${port}`], {
			stdio: 'ignore',
			detached: true
		});
		base = `http://127.0.0.1:${port}`;
		const deadline = Date.now() + 30_000;
		for (;;) {
			try {
				if ((await fetch(`${base}/status`)).ok) break;
			} catch {
				// not listening yet
			}
			if (driver.exitCode !== null || Date.now() > deadline)
				throw new Error(`WebKitWebDriver did not start (exit ${driver.exitCode})`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	});
	afterAll(() => {
		// xvfb-run, Xvfb, the driver and its browsers: the whole process group.
		try {
			if (driver?.pid) process.kill(-driver.pid, 'SIGTERM');
		} catch {
			// already gone
		}
	});
	beforeEach(async () => {
		const response = await fetch(`${base}/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				capabilities: {
					alwaysMatch: {
						browserName: 'MiniBrowser',
						'webkitgtk:browserOptions': { binary: miniBrowserPath(), args: ['--automation'] }
					}
				}
			})
		});
		const json = (await response.json()) as { value: { sessionId: string; message?: string } };
		if (!response.ok) throw new Error(`WebDriver session: ${json.value.message}`);
		session = new Session(base, json.value.sessionId);
		tabs = 0;
		drivers = [];
		engine.open = async (path: string) => {
			const current = session!;
			const handle = tabs++ === 0 ? await current.windowHandle() : await current.newTab();
			const driver = new WebKitDriver(current, handle);
			drivers.push(driver);
			const page = new Page(driver, baseURL);
			await page.goto(path);
			return page;
		};
	});
	afterEach(async () => {
		const problems: string[] = [];
		for (const driver of drivers) problems.push(...(await driver.problems().catch(() => [])));
		if (session) await fetch(`${base}/session/${session.id}`, { method: 'DELETE' });
		session = null;
		expect(problems).toEqual([]);
	});
	return engine;
}
