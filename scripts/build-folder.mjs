// Builds the app into its own folder (HOLDFAST_OUT), one build at a time: builds share
// .svelte-kit/, so a lock folder (the one the e2e setup takes) keeps two from overlapping.
// `npm start` serves build/; the bench and the tests never build there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmdirSync } from 'node:fs';

/** Where `npm run bench` builds and serves from, unless HOLDFAST_OUT says otherwise. */
export const BENCH_OUT = 'build-bench';

const LOCK = '.build-lock';

/**
 * @param {string} out
 * @param {{ run?: (file: string, args: string[], options: { stdio: 'ignore', env: NodeJS.ProcessEnv }) => unknown, lock?: string }} [options]
 */
export async function buildFolder(out, { run = execFileSync, lock = LOCK } = {}) {
	if (out === 'build') throw new Error('build/ is what `npm start` serves: build elsewhere.');
	const deadline = Date.now() + 180_000;
	for (;;) {
		try {
			mkdirSync(lock);
			break;
		} catch {
			if (Date.now() > deadline) rmdirSync(lock);
			await new Promise((resolve) => setTimeout(resolve, 500));
		}
	}
	try {
		run('node', ['node_modules/vite/bin/vite.js', 'build'], {
			stdio: 'ignore',
			env: { ...process.env, HOLDFAST_OUT: out }
		});
	} finally {
		rmdirSync(lock);
	}
}
