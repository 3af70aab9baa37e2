import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
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

/** Serves the built app (not the dev server: the real bundle) on a free port for e2e tests. */
export default async function setup(project: TestProject) {
	const vite = 'node_modules/vite/bin/vite.js';
	if (!existsSync('build/index.html')) execFileSync('node', [vite, 'build'], { stdio: 'inherit' });
	const port = await freePort();
	const child = spawn(
		'node',
		['scripts/serve.mjs', '--port', String(port), '--host', '127.0.0.1'],
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
