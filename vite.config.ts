import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { PARAGLIDE } from './scripts/i18n.mjs';
import { COMPONENT_ISOLATED, UNIT_ISOLATED } from './tests/isolated-files.mjs';

export default defineConfig(({ command }) => ({
	plugins: [
		// messages/*.json compiled to functions in src/lib/i18n/paraglide (options: scripts/i18n.mjs).
		paraglideVitePlugin(PARAGLIDE),
		sveltekit(),
		// A generated service worker precaches every asset; a new version waits for the user.
		SvelteKitPWA({
			registerType: 'prompt',
			base: '/',
			scope: '/',
			injectRegister: false,
			kit: { adapterFallback: 'index.html', spa: true },
			manifest: {
				name: 'Holdfast — sales and receivables',
				short_name: 'Holdfast',
				description:
					'Sales and receivables in your browser, with Business Central customer blocking.',
				start_url: '/',
				scope: '/',
				display: 'standalone',
				theme_color: '#1f4e79',
				background_color: '#ffffff',
				icons: [
					{ src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
					{ src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
					{
						src: '/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				globPatterns: ['client/**/*.{js,css,ico,png,svg,webmanifest,woff2}'],
				cleanupOutdatedCaches: true
			},
			devOptions: { enabled: false }
		})
	],
	resolve: {
		// The app is built with Dexie's ES2018 build, not the legacy one its import wrapper loads
		// (1.9 KB gzip less on the first load). Vitest (jsdom, fake-indexeddb) keeps the wrapper:
		// its component tests ran slower and timed out now and then on the modern build.
		alias:
			command === 'build' ? [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }] : [],
		// Svelte components resolve to their browser build under vitest (jsdom).
		...(process.env.VITEST ? { conditions: ['browser'] } : {})
	},
	test: {
		reporters: ['default', './tests/summary-reporter.ts'],
		// Both cores for the unit and component files (vitest's default leaves one to the main
		// process). The e2e files run one at a time: they are CPU-bound, and two side by side
		// gained little and made their timing-sensitive steps flaky.
		maxWorkers: 2,
		projects: [
			{
				extends: true,
				test: {
					name: 'unit',
					include: ['tests/unit/**/*.test.ts'],
					exclude: UNIT_ISOLATED,
					environment: 'node',
					setupFiles: ['tests/setup-db.ts'],
					// The unit files share their workers' module graph: the app and the database
					// are imported once per worker, not once per file (setup-db gives each test a
					// fresh database). Files that stub globals or reset modules run isolated.
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'unit-isolated',
					include: UNIT_ISOLATED,
					environment: 'node',
					setupFiles: ['tests/setup-db.ts']
				}
			},
			{
				extends: true,
				test: {
					name: 'component',
					include: ['tests/component/**/*.test.ts'],
					exclude: COMPONENT_ISOLATED,
					environment: 'jsdom',
					setupFiles: ['tests/setup-db.ts', 'tests/setup-dom.ts'],
					testTimeout: 20_000,
					// As the unit files: one module graph per worker; files that mock modules run
					// isolated.
					isolate: false
				}
			},
			{
				extends: true,
				test: {
					name: 'component-isolated',
					include: COMPONENT_ISOLATED,
					environment: 'jsdom',
					setupFiles: ['tests/setup-db.ts', 'tests/setup-dom.ts'],
					testTimeout: 20_000
				}
			},
			{
				extends: true,
				test: {
					name: 'e2e',
					include: ['tests/e2e/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/serve.ts'],
					testTimeout: 60_000,
					hookTimeout: 60_000,
					// A loaded machine renders slowly: a poll waits as long as a locator does.
					expect: { poll: { timeout: 10_000 } },
					fileParallelism: false
				}
			},
			{
				extends: true,
				test: {
					// The same build's journeys in Firefox ESR and WebKit (tests/e2e-engines/).
					name: 'engines',
					include: ['tests/e2e-engines/**/*.test.ts'],
					environment: 'node',
					globalSetup: ['tests/e2e/serve.ts'],
					testTimeout: 90_000,
					hookTimeout: 60_000,
					expect: { poll: { timeout: 10_000 } },
					fileParallelism: false
				}
			}
		]
	}
}));
