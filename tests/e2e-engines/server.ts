// A server of its own for the build the other tests use, that a test can stop: "offline" is then
// what it is for a user, the app's origin not answering.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
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

export interface StoppableServer {
	url: string;
	stop(): Promise<void>;
}

/** Serves the build folder of tests/e2e/serve.ts (HOLDFAST_OUT, else build-test). */
export async function startServer(): Promise<StoppableServer> {
	const out = process.env.HOLDFAST_OUT || 'build-test';
	const port = await freePort();
	const child = spawn(
		'node',
		['scripts/serve.mjs', '--port', String(port), '--host', '127.0.0.1', '--dir', out],
		{ stdio: 'ignore' }
	);
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + 30_000;
	for (;;) {
		try {
			if ((await fetch(url)).ok) break;
		} catch {
			// not listening yet
		}
		if (child.exitCode !== null || Date.now() > deadline)
			throw new Error(`the app server did not start (exit ${child.exitCode})`);
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return {
		url,
		async stop() {
			if (child.exitCode === null) child.kill();
			await exited;
		}
	};
}
