import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { resetDemoData } from '$lib/app/demo';
import { dismissUnfinishedGeneration, readUnfinishedGeneration } from '$lib/app/scale-generation';
import { generateCompany } from '$lib/app/synthetic';

const SMALL = { customers: 3, documents: 2, linesPerDocument: 1, ledgerEntries: 2 };

describe('a scale generation records that it started and finished', () => {
	it('is marked while it runs, with its snapshot, and unmarked when it finishes', async () => {
		await resetDemoData();
		const seen: Array<Awaited<ReturnType<typeof readUnfinishedGeneration>>> = [];
		await generateCompany(SMALL, () => void readUnfinishedGeneration().then((g) => seen.push(g)), {
			snapshotId: 7
		});
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(seen.some((generation) => generation?.snapshotId === 7)).toBe(true);
		expect(await readUnfinishedGeneration()).toBeNull();
	});

	it('an interrupted generation stays marked until it is dismissed', async () => {
		await resetDemoData();
		// A write that fails halfway (as a reload would stop it): customers written, orders not.
		const original = db.salesHeaders.bulkPut.bind(db.salesHeaders);
		db.salesHeaders.bulkPut = (() => Promise.reject(new Error('tab closed'))) as never;
		try {
			await expect(generateCompany(SMALL, () => {}, { snapshotId: null })).rejects.toThrow();
		} finally {
			db.salesHeaders.bulkPut = original;
		}
		const unfinished = await readUnfinishedGeneration();
		expect(unfinished).toMatchObject({ snapshotId: null });
		expect(unfinished!.startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);

		await dismissUnfinishedGeneration();
		expect(await readUnfinishedGeneration()).toBeNull();
	});

	it('a refused generation (no customers to use) leaves no mark', async () => {
		await resetDemoData();
		await db.customers.clear();
		await expect(
			generateCompany({ customers: 0, documents: 1, linesPerDocument: 1, ledgerEntries: 0 })
		).rejects.toMatchObject({ key: 'scale.noCustomers' });
		expect(await readUnfinishedGeneration()).toBeNull();
	});
});
