import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
		});
	});
}

describe('the app server and the tests use separate builds (README: both commands side by side)', () => {
	const dir = mkdtempSync(join(tmpdir(), 'holdfast-serve-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('serves the folder given with --dir, with the single-page fallback', async () => {
		mkdirSync(join(dir, '_app'));
		writeFileSync(join(dir, 'index.html'), '<h1>copy in build-test</h1>');
		writeFileSync(join(dir, '_app', 'a.js'), 'export {}');
		const port = await freePort();
		const child = spawn(process.execPath, [
			'scripts/serve.mjs',
			'--port',
			String(port),
			'--host',
			'127.0.0.1',
			'--dir',
			dir
		]);
		try {
			let text = '';
			for (let tries = 0; tries < 50 && !text; tries++) {
				text = await fetch(`http://127.0.0.1:${port}/customers/C00010`)
					.then((response) => response.text())
					.catch(async () => {
						await new Promise((resolve) => setTimeout(resolve, 100));
						return '';
					});
			}
			expect(text).toContain('copy in build-test');
		} finally {
			child.kill();
		}
	});
});
