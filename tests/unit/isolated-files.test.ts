// The unit and component files share their worker's modules unless listed as isolated: a file
// that stubs a global, resets the module graph or mocks a module must be listed, or what it
// changes would reach the files after it in the same worker.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPONENT_ISOLATED, UNIT_ISOLATED } from '../isolated-files.mjs';

const CHANGES_SHARED_MODULES = /\bvi\.(stubGlobal|resetModules|mock|doMock|stubEnv)\(/;

function filesThatChangeModules(folder: string): string[] {
	return readdirSync(folder)
		.filter((name) => name.endsWith('.test.ts'))
		.map((name) => `${folder}/${name}`)
		.filter((path) => CHANGES_SHARED_MODULES.test(readFileSync(path, 'utf8')))
		.sort();
}

describe('isolated test files', () => {
	it.each([
		['tests/unit', UNIT_ISOLATED],
		['tests/component', COMPONENT_ISOLATED]
	])('every file of %s that stubs, resets or mocks modules runs isolated', (folder, listed) => {
		const needed = filesThatChangeModules(folder);
		expect(needed.length).toBeGreaterThan(0);
		expect([...listed].sort()).toEqual(needed);
	});
});
