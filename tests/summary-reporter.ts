import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints one closing line, `N passed, N failed`, over every project (unit, component, e2e).
 * A test file that fails to load, and an unhandled error, each count as one failure.
 */
export default class SummaryReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
		let passed = 0;
		let failed = unhandledErrors.length;
		let skipped = 0;
		for (const module of testModules) {
			const tests = [...module.children.allTests()];
			if (tests.length === 0 && module.state() === 'failed') failed += 1;
			for (const test of tests) {
				const state = test.result().state;
				if (state === 'passed') passed += 1;
				else if (state === 'failed') failed += 1;
				else skipped += 1;
			}
		}
		const tail = skipped > 0 ? `, ${skipped} skipped` : '';
		process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`);
	}
}
