import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createServer } from 'node:net';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
	}
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

async function waitFor(url: string, child: ChildProcess): Promise<void> {
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`the app server exited with ${child.exitCode}`);
		try {
			const response = await fetch(url);
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`the app server did not answer on ${url}`);
}

/** The newest modification time of the app's sources and build configuration. */
function newestSource(paths: string[]): number {
	let newest = 0;
	for (const path of paths) {
		if (!existsSync(path)) continue;
		const stat = statSync(path);
		if (stat.isDirectory()) {
			for (const entry of readdirSync(path))
				newest = Math.max(newest, newestSource([join(path, entry)]));
		} else newest = Math.max(newest, stat.mtimeMs);
	}
	return newest;
}

const SOURCES = [
	'src',
	'static',
	'svelte.config.js',
	'vite.config.ts',
	'package.json',
	'messages',
	'project.inlang/settings.json',
	'scripts/i18n.mjs'
];

/** Builds into `out` unless its build is newer than every source; one build at a time. */
async function buildIfStale(out: string): Promise<void> {
	const index = join(out, 'index.html');
	const fresh = () => existsSync(index) && statSync(index).mtimeMs > newestSource(SOURCES);
	if (fresh()) return;
	// Builds share .svelte-kit/: a lock folder keeps two test runs from building at once.
	const lock = '.build-lock';
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
		if (!fresh()) {
			// The bundle a user gets: vitest's NODE_ENV=test would make a development build, and
			// its VITEST variables switch the config to the test resolution.
			const env = Object.fromEntries(
				Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST'))
			);
			execFileSync('node', ['node_modules/vite/bin/vite.js', 'build'], {
				stdio: 'inherit',
				env: { ...env, NODE_ENV: 'production', HOLDFAST_OUT: out }
			});
		}
	} finally {
		rmdirSync(lock);
	}
}

/** Serves the built app (not the dev server: the real bundle) on a free port for e2e tests. */
export default async function setup(project: TestProject) {
	const out = process.env.HOLDFAST_OUT || 'build-test';
	await buildIfStale(out);
	const port = await freePort();
	const child = spawn(
		'node',
		['scripts/serve.mjs', '--port', String(port), '--host', '127.0.0.1', '--dir', out],
		{
			stdio: 'ignore'
		}
	);
	const baseURL = `http://127.0.0.1:${port}`;
	await waitFor(baseURL, child);
	project.provide('baseURL', baseURL);
	return () => {
		child.kill();
	};
}
