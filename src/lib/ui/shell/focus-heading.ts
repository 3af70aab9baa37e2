let pending = 0;

/** Whether the page itself (or the user, meanwhile) has put focus on something of its own. */
function pageHasFocus(): boolean {
	const active = document.activeElement;
	const main = document.querySelector('main');
	return !!active && !!main && active !== main && main.contains(active);
}

/**
 * After a navigation, focus goes to the new page's heading (or the section a link's hash
 * names), so a screen reader reads where the user is and Tab continues from there, not from
 * the link that was clicked. A page that renders its heading once its data is in gets a few
 * frames; a page that has put focus in its content itself keeps it.
 */
export function focusPageHeading(hash = '', frames = 90): void {
	const ticket = ++pending;
	const attempt = (left: number) => {
		if (ticket !== pending || pageHasFocus()) return;
		const id = hash.startsWith('#') ? decodeURIComponent(hash.slice(1)) : '';
		// A section may render after the page's heading: it gets the frames before the heading does.
		const section = id ? document.getElementById(id) : null;
		const target = section ?? (!id || left === 0 ? document.querySelector('main h1') : null);
		if (target instanceof HTMLElement) {
			if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
			target.focus({ preventScroll: !id });
		} else if (left > 0) {
			requestAnimationFrame(() => attempt(left - 1));
		}
	};
	attempt(frames);
}
