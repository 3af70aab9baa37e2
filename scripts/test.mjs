// `npm test`: every test (unit, component, e2e) with one closing line `N passed, N failed`.
// The e2e tests serve their own build (build-test/, rebuilt when the sources are newer), so
// `npm start` can keep serving build/ beside them.
import { spawnSync } from 'node:child_process';
import { ensureChromium } from './ensure-browser.mjs';

ensureChromium();
const result = spawnSync(
	process.execPath,
	['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)],
	{
		stdio: 'inherit',
		env: { ...process.env, HOLDFAST_OUT: process.env.HOLDFAST_OUT || 'build-test' }
	}
);
process.exit(result.status ?? 1);
