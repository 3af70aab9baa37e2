import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// `npm start` serves build/; the tests build into their own folder (HOLDFAST_OUT=build-test),
// so the app keeps running while the tests rebuild.
const out = process.env.HOLDFAST_OUT || 'build';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A single-page app: every route falls back to the same shell, data lives in IndexedDB.
		adapter: adapter({ pages: out, assets: out, fallback: 'index.html' }),
		// Scripts only from this origin (inline ones by hash); no request leaves the origin.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'manifest-src': ['self'],
				'worker-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
