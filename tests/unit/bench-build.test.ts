import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_OUT, buildFolder } from '../../scripts/build-folder.mjs';

describe('npm run bench never rebuilds build/ under a running npm start', () => {
	const dir = mkdtempSync(join(tmpdir(), 'holdfast-bench-build-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('builds into its own folder, named through HOLDFAST_OUT', async () => {
		expect(BENCH_OUT).not.toBe('build');
		const calls: Array<{ env: NodeJS.ProcessEnv }> = [];
		await buildFolder(BENCH_OUT, {
			run: (_: string, __: string[], options: { env: NodeJS.ProcessEnv }) => calls.push(options),
			lock: join(dir, 'lock')
		});
		expect(calls.map((call) => call.env.HOLDFAST_OUT)).toEqual([BENCH_OUT]);
	});

	it('refuses to build into build/', async () => {
		await expect(buildFolder('build', { run: () => {}, lock: join(dir, 'lock') })).rejects.toThrow(
			/npm start/
		);
	});
});
