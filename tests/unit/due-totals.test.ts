import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportBackup, checkBackup, restoreBackup } from '$lib/app/backup';
import { readOverdueCues } from '$lib/app/role-center-queries';
import { db } from '$lib/db/db';
import { dueTotalsOf } from '$lib/db/due-totals';
import { balanceDueOf, overdueFigures } from '$lib/domain/role-center';
import type { CustLedgerEntry } from '$lib/domain/posted';
import { anEntry, givenCustomer } from '../factories';

/* The kept totals of the open entries (due-totals.ts) follow every kind of write. */

const day = (n: number) =>
	new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString().slice(0, 10);

const entryFields = fc.record({
	customerNo: fc.constantFrom('C1', 'C2', 'C3', 'C4'),
	remainingAmountCents: fc.integer({ min: -5_000, max: 9_000 }),
	dueDate: fc.integer({ min: 0, max: 12 }).map(day),
	open: fc.constantFrom(0 as const, 1 as const)
});

type Write =
	| { kind: 'add'; entryNo: number; fields: Partial<CustLedgerEntry> }
	| { kind: 'bulkPut'; rows: Array<{ entryNo: number; fields: Partial<CustLedgerEntry> }> }
	| { kind: 'update'; entryNo: number; fields: Partial<CustLedgerEntry> }
	| { kind: 'modifyCustomer'; customerNo: string; open: 0 | 1 }
	| { kind: 'delete'; entryNo: number }
	| { kind: 'deleteWhere'; customerNo: string }
	| { kind: 'clear' };

const entryNo = fc.integer({ min: 1, max: 12 });
const write: fc.Arbitrary<Write> = fc.oneof(
	{
		weight: 4,
		arbitrary: fc.record({ kind: fc.constant('add' as const), entryNo, fields: entryFields })
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('bulkPut' as const),
			rows: fc.array(fc.record({ entryNo, fields: entryFields }), { maxLength: 4 })
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('update' as const),
			entryNo,
			fields: fc.record(
				{
					remainingAmountCents: fc.integer({ min: -5_000, max: 9_000 }),
					open: fc.constantFrom(0 as const, 1 as const),
					dueDate: fc.integer({ min: 0, max: 12 }).map(day)
				},
				{ requiredKeys: [] }
			)
		})
	},
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('modifyCustomer' as const),
			customerNo: fc.constantFrom('C1', 'C2'),
			open: fc.constantFrom(0 as const, 1 as const)
		})
	},
	{ weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), entryNo }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('deleteWhere' as const),
			customerNo: fc.constantFrom('C1', 'C3')
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('clear' as const) }) }
);

async function run(one: Write): Promise<void> {
	const entries = db.custLedgerEntries;
	switch (one.kind) {
		case 'add':
			// A key already there fails the add; the totals must not count it.
			await entries.add(anEntry(one.entryNo, one.fields)).catch(() => undefined);
			return;
		case 'bulkPut':
			await entries.bulkPut(one.rows.map((row) => anEntry(row.entryNo, row.fields)));
			return;
		case 'update':
			await entries.update(one.entryNo, one.fields);
			return;
		case 'modifyCustomer':
			await entries.where('customerNo').equals(one.customerNo).modify({ open: one.open });
			return;
		case 'delete':
			await entries.delete(one.entryNo);
			return;
		case 'deleteWhere':
			await entries.where('customerNo').equals(one.customerNo).delete();
			return;
		case 'clear':
			await entries.clear();
	}
}

const byKey = <T>(rows: T[], key: (row: T) => string) =>
	[...rows].sort((a, b) => key(a).localeCompare(key(b)));

async function expectKept(): Promise<void> {
	const all = await db.custLedgerEntries.toArray();
	const built = dueTotalsOf(all);
	expect(byKey(await db.dueDateTotals.toArray(), (row) => row.dueDate)).toEqual(
		byKey(built.dueDateTotals, (row) => row.dueDate)
	);
	expect(byKey(await db.customerDue.toArray(), (row) => row.customerNo)).toEqual(
		byKey(built.customerDue, (row) => row.customerNo)
	);
	expect(byKey(await db.firstDueCounts.toArray(), (row) => row.firstDue)).toEqual(
		byKey(built.firstDueCounts, (row) => row.firstDue)
	);
}

describe('the kept totals of the open entries', () => {
	it('equal those computed from the entries after any writes, in or out of a transaction', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(write, { maxLength: 12 }),
				fc.boolean(),
				async (writes, together) => {
					await db.custLedgerEntries.clear();
					if (together) {
						await db.transaction('rw', db.custLedgerEntries, async () => {
							for (const one of writes) await run(one);
						});
					} else {
						for (const one of writes) await run(one);
					}
					await expectKept();
				}
			),
			{ numRuns: 60 }
		);
	});

	it('give the overdue cues of the open entries, at any work date', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.record({ entryNo, fields: entryFields }), { maxLength: 14 }),
				fc.integer({ min: 0, max: 14 }).map(day),
				async (rows, workDate) => {
					await db.custLedgerEntries.clear();
					await db.custLedgerEntries.bulkPut(rows.map((row) => anEntry(row.entryNo, row.fields)));
					await db.settings.put({ key: 'workDate', value: workDate });
					const open = await db.custLedgerEntries.where('open').equals(1).toArray();
					const expected = overdueFigures(open, workDate);
					// Counted here by hand too: customers whose own Balance Due is above zero.
					const owing = new Set(
						open
							.map((entry) => entry.customerNo)
							.filter(
								(no) =>
									balanceDueOf(
										open.filter((entry) => entry.customerNo === no),
										workDate
									) > 0
							)
					);
					expect(expected.customers).toBe(owing.size);
					expect(await readOverdueCues()).toEqual({ ...expected, workDate });
				}
			),
			{ numRuns: 60 }
		);
	});

	it('stay out of a backup, and are built again from the entries it restores', async () => {
		await db.settings.put({ key: 'initialized', value: '2026-01-01T00:00:00.000Z' });
		await givenCustomer({ no: 'C1' });
		await givenCustomer({ no: 'C2' });
		await db.custLedgerEntries.bulkAdd([
			anEntry(1, { amountCents: 1_000, remainingAmountCents: 1_000, dueDate: day(1) }),
			anEntry(2, {
				customerNo: 'C2',
				documentType: 'Payment',
				amountCents: -300,
				remainingAmountCents: -300,
				dueDate: day(3)
			})
		]);
		const file = await exportBackup();
		const tables = Object.keys(JSON.parse(file).tables);
		expect(tables).not.toContain('dueDateTotals');
		expect(tables).not.toContain('customerDue');
		expect(tables).not.toContain('firstDueCounts');

		await db.custLedgerEntries.clear();
		expect(await db.dueDateTotals.count()).toBe(0);
		const checked = await checkBackup(file);
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
		await restoreBackup(checked);
		expect(await db.dueDateTotals.count()).toBe(2);
		await expectKept();
	});
});
