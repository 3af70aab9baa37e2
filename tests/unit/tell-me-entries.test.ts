import { describe, expect, it } from 'vitest';
import { tellMeEntries } from '$lib/ui/shell/tell-me-entries';
import { NAV_LINKS } from '$lib/ui/nav';

describe('Tell Me entries', () => {
	it('offers every page of the menu and the Companies page, which the menu does not list', () => {
		const hrefs = tellMeEntries().map((entry) => entry.href);
		for (const link of NAV_LINKS) expect(hrefs).toContain(link.href);
		expect(tellMeEntries()).toContainEqual({
			caption: 'Companies',
			where: 'Setup',
			href: '/companies'
		});
	});

	it('has no two entries with the same caption and place', () => {
		const keys = tellMeEntries().map((entry) => `${entry.caption}|${entry.where}`);
		expect(new Set(keys).size).toBe(keys.length);
	});
});
