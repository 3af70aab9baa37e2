// The unit and component files that run in a fresh module graph each (vite.config.ts): the
// others share their worker's modules, so a file that changes what every file sees (a stubbed
// global, a reset module graph, a mocked module) must be listed here.
// tests/unit/isolated-files.test.ts checks that every such file is.

/** Unit files that stub globals or reset the module graph: each runs in a fresh one. */
export const UNIT_ISOLATED = ['companies', 'service-worker-update'].map(
	(name) => `tests/unit/${name}.test.ts`
);

/** Component files that mock modules (vi.mock): each runs in a fresh module graph. */
export const COMPONENT_ISOLATED = [
	'customer-card-parts',
	'customer-search',
	'document-actions',
	'dutch-facts',
	'post-actions-policy',
	'post-actions',
	'post-confirm',
	'role-center',
	'runner-routes',
	'runner',
	'sales-lines-bounds'
].map((name) => `tests/component/${name}.test.ts`);
