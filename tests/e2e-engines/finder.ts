// An in-page finder by role and accessible name, for WebDriver, which has no accessibility
// queries. It follows the accessible name computation for the cases this app uses (aria-label,
// aria-labelledby, <label>, <legend>, name from content) and the HTML elements' implicit roles.
// It runs inside the page: it must not use anything from outside its own body.

/** A query in a form that can cross into the page as JSON. */
export interface PageQuery {
	role?: string;
	label?: string;
	name?: string;
	/** `name` is a regular expression source with these flags. */
	nameFlags?: string | null;
	text?: string;
	textFlags?: string | null;
}

/**
 * The first visible element that matches the query: among `given` elements when there are
 * any (Firefox passes the ones its accessibility tree found), else among the whole document.
 */
export function findInPage(query: PageQuery, ...given: Element[]): Element | null {
	const IMPLICIT: Record<string, string> = {
		alert: '[role~=alert]',
		alertdialog: '[role~=alertdialog]',
		button:
			'button, input[type=button], input[type=submit], input[type=reset], summary, [role~=button]',
		cell: 'td, [role~=cell], [role~=gridcell]',
		checkbox: 'input[type=checkbox], [role~=checkbox]',
		combobox: 'select:not([multiple]), input[list], [role~=combobox]',
		dialog: 'dialog, [role~=dialog]',
		heading: 'h1, h2, h3, h4, h5, h6, [role~=heading]',
		link: 'a[href], area[href], [role~=link]',
		note: '[role~=note]',
		row: 'tr, [role~=row]',
		status: 'output, [role~=status]'
	};
	const FIELDS = 'input:not([type=hidden]), select, textarea, [role~=textbox], [role~=combobox]';
	const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

	function hidden(element: Element): boolean {
		if (element.closest('[aria-hidden=true], [inert]')) return true;
		if (element.getClientRects().length === 0) return true;
		return getComputedStyle(element).visibility === 'hidden';
	}

	/** Text as the name from content gives it; `self`, a field inside its own label, adds nothing. */
	function textOf(node: Node, self?: Element): string {
		if (node === self) return '';
		if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
		if (node.nodeType !== Node.ELEMENT_NODE) return '';
		const element = node as Element;
		if (element.getAttribute('aria-hidden') === 'true') return '';
		if (element instanceof HTMLElement && element.hidden) return '';
		const label = element.getAttribute('aria-label');
		if (label && label.trim()) return label;
		if (element instanceof HTMLImageElement) return element.alt;
		if (element instanceof HTMLInputElement) return element.value;
		if (element instanceof HTMLSelectElement) return element.selectedOptions[0]?.text ?? '';
		if (element instanceof HTMLStyleElement || element instanceof HTMLScriptElement) return '';
		const inline = getComputedStyle(element).display.startsWith('inline');
		const inner = Array.from(element.childNodes)
			.map((child) => textOf(child, self))
			.join('');
		return inline ? inner : ` ${inner} `;
	}

	function nameOf(element: Element): string {
		const labelledBy = element.getAttribute('aria-labelledby');
		if (labelledBy) {
			return clean(
				labelledBy
					.split(/\s+/)
					.map((id) => document.getElementById(id))
					.map((labeller) => (labeller ? textOf(labeller) : ''))
					.join(' ')
			);
		}
		const label = element.getAttribute('aria-label');
		if (label && label.trim()) return clean(label);
		if (
			element instanceof HTMLInputElement ||
			element instanceof HTMLSelectElement ||
			element instanceof HTMLTextAreaElement
		) {
			if (element instanceof HTMLInputElement && /^(button|submit|reset)$/.test(element.type))
				return clean(element.value);
			const labels = element.labels ? Array.from(element.labels) : [];
			if (labels.length) return clean(labels.map((label) => textOf(label, element)).join(' '));
			return clean(element.getAttribute('title') ?? element.getAttribute('placeholder') ?? '');
		}
		if (element instanceof HTMLFieldSetElement) {
			const legend = element.querySelector(':scope > legend');
			return legend ? clean(textOf(legend)) : '';
		}
		// Roles named only by their author: dialogs, notes, live regions, rows are named from content.
		if (element.matches('dialog, [role~=dialog], [role~=alertdialog], [role~=note]')) return '';
		if (element.matches('[role~=alert], [role~=status], output')) return '';
		return clean(textOf(element)) || clean(element.getAttribute('title') ?? '');
	}

	function matches(actual: string, expected: string | undefined, flags?: string | null) {
		if (expected === undefined) return true;
		if (flags !== undefined && flags !== null) return new RegExp(expected, flags).test(actual);
		return actual === clean(expected);
	}

	const candidates = given.length
		? given
		: query.label
			? Array.from(document.querySelectorAll(FIELDS))
			: Array.from(document.querySelectorAll(IMPLICIT[query.role ?? ''] ?? '*'));
	for (const element of candidates) {
		const explicit = element.getAttribute('role')?.split(/\s+/)[0];
		if (query.role && explicit && explicit !== query.role) continue;
		if (hidden(element)) continue;
		if (query.label !== undefined && nameOf(element) !== clean(query.label)) continue;
		if (!matches(nameOf(element), query.name, query.nameFlags)) continue;
		if (query.text !== undefined) {
			const content = clean(element.textContent ?? '');
			const found =
				query.textFlags !== undefined && query.textFlags !== null
					? new RegExp(query.text, query.textFlags).test(content)
					: content.includes(clean(query.text));
			if (!found) continue;
		}
		return element;
	}
	return null;
}

/** The JSON form of a target, for `findInPage`. */
export function toPageQuery(target: {
	role?: string;
	label?: string;
	name?: string | RegExp;
	text?: string | RegExp;
}): PageQuery {
	const query: PageQuery = { role: target.role, label: target.label };
	if (target.name instanceof RegExp) {
		query.name = target.name.source;
		query.nameFlags = target.name.flags;
	} else query.name = target.name;
	if (target.text instanceof RegExp) {
		query.text = target.text.source;
		query.textFlags = target.text.flags;
	} else query.text = target.text;
	return query;
}
