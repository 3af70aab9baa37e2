// `npm test`: every test (unit, component, e2e in Chromium, and the engines project's journeys
// in Firefox ESR and WebKit) with one closing line `N passed, N failed`. The e2e tests serve
// their own build (build-test/, rebuilt when the sources are newer), so `npm start` can keep
// serving build/ beside them.
import { spawnSync } from 'node:child_process';
import { ensureChromium, ensureEngines, ensureXmllint } from './ensure-browser.mjs';

const args = process.argv.slice(2);
/** The projects named with --project (none: all of them). */
const projects = args.flatMap((arg, index) =>
	arg === '--project' ? [args[index + 1]] : arg.startsWith('--project=') ? [arg.slice(10)] : []
);

ensureChromium();
ensureXmllint();
if (projects.length === 0 || projects.includes('engines')) ensureEngines();
const result = spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
	stdio: 'inherit',
	env: { ...process.env, HOLDFAST_OUT: process.env.HOLDFAST_OUT || 'build-test' }
});
process.exit(result.status ?? 1);
