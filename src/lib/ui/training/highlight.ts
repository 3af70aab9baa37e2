import type { Driver } from 'driver.js';
import type { Target } from '$lib/training/model';
import { translate } from '$lib/i18n/lookup';

/**
 * Points at the element an exercise step uses, with driver.js (loaded only here, when an
 * exercise runs, its CSS bundled with it). The highlight only points: the page stays usable
 * everywhere (training.css), Tab moves on as always, driver.js's popup semantics are taken off
 * the element, and a scrolling parent keeps its scrollbar. It never decides anything.
 */

let loading: Promise<Driver> | null = null;

function load(): Promise<Driver> {
	loading ??= Promise.all([
		import('driver.js'),
		import('driver.js/dist/driver.css'),
		import('./training.css')
	]).then(([{ driver }]) =>
		driver({
			animate: false,
			smoothScroll: false,
			allowClose: false,
			overlayOpacity: 0.12,
			stagePadding: 4,
			stageRadius: 6,
			allowKeyboardControl: false,
			overlayClickBehavior: () => undefined
		})
	);
	return loading;
}

/**
 * driver.js keeps Tab inside the highlighted element (a listener on window); here the highlight
 * only points, so Tab is stopped on its way up, before that listener, and moves focus as always.
 */
function letTabThrough(event: KeyboardEvent): void {
	if (event.key === 'Tab') event.stopPropagation();
}

/** The element of a target on the page at `pathname`, if it is there now. */
export function findTarget(target: Target | undefined, pathname: string): HTMLElement | null {
	if (!target || !pathname.startsWith(target.path)) return null;
	if (target.selector) return document.querySelector<HTMLElement>(`main ${target.selector}`);
	const wanted = translate(target.caption ?? target.label ?? '');
	if (target.label) {
		const label = [...document.querySelectorAll('main label')].find(
			(candidate) => candidate.textContent?.trim() === wanted
		);
		return (label as HTMLLabelElement | undefined)?.control ?? null;
	}
	return (
		[...document.querySelectorAll<HTMLElement>('main button, main a')].find(
			(candidate) => candidate.textContent?.trim() === wanted
		) ?? null
	);
}

const POPUP_ATTRIBUTES = ['aria-haspopup', 'aria-expanded', 'aria-controls'] as const;

/** Runs `change` and gives the element its own popup attributes back (driver.js sets them). */
function keepingAttributes(element: Element | null, change: () => void): void {
	const kept = POPUP_ATTRIBUTES.map((name) => [name, element?.getAttribute(name) ?? null] as const);
	change();
	for (const [name, value] of kept) {
		if (value === null) element?.removeAttribute(name);
		else element?.setAttribute(name, value);
	}
	for (const parent of document.querySelectorAll('.driver-active-element-parent-no-scroll')) {
		parent.classList.remove('driver-active-element-parent-no-scroll');
	}
}

let shown: HTMLElement | null = null;
let refresher: ReturnType<typeof setInterval> | undefined;

/**
 * Highlights `element` (null: nothing), scrolled into view above the lowest `below` pixels of
 * the window (where the panel is on a phone); the highlight follows the page as it moves.
 */
export async function highlight(element: HTMLElement | null, below = 0): Promise<void> {
	if (element === shown) return;
	const driver = await load();
	const before = shown;
	shown = element;
	clearInterval(refresher);
	keepingAttributes(before, () => driver.destroy());
	document.removeEventListener('keydown', letTabThrough);
	if (!element) return;
	keepingAttributes(element, () => driver.highlight({ element }));
	document.addEventListener('keydown', letTabThrough);
	const hidden = element.getBoundingClientRect().bottom - (window.innerHeight - below);
	if (below > 0 && hidden > 0) window.scrollBy({ top: hidden + 16 });
	// Rows load and panels open after the highlight: it moves with its element.
	refresher = setInterval(() => {
		if (!element.isConnected) void highlight(null);
		else driver.refresh();
	}, 500);
}
