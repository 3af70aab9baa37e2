import { describe, expect, it } from 'vitest';
import {
	defaultAmountsToApply,
	lastApplication,
	oldestFirst,
	planApplication,
	planUnapply
} from '$lib/domain/applications';
import type { Application, CustLedgerEntry } from '$lib/domain/posted';

function anEntry(
	entryNo: number,
	amountCents: number,
	overrides: Partial<CustLedgerEntry> = {}
): CustLedgerEntry {
	return {
		entryNo,
		customerNo: 'C1',
		postingDate: '2026-01-01',
		documentType: amountCents > 0 ? 'Invoice' : 'Payment',
		documentNo: `D${entryNo}`,
		description: '',
		amountCents,
		remainingAmountCents: amountCents,
		dueDate: '2026-01-31',
		open: amountCents === 0 ? 0 : 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: '',
		...overrides
	};
}

function aRecord(
	id: string,
	entryNo: number,
	appliedByEntryNo: number,
	amountCents: number,
	transactionNo?: number
): Application {
	return { id, entryNo, appliedByEntryNo, amountCents, postingDate: '2026-02-01', transactionNo };
}

describe('defaultAmountsToApply (Business Central: oldest first, up to what is left)', () => {
	const invoices = [
		{ entryNo: 1, remainingAmountCents: 3000 },
		{ entryNo: 2, remainingAmountCents: 5000 },
		{ entryNo: 3, remainingAmountCents: 2000 }
	];
	it.each([
		{ available: null, expected: [3000, 5000, 2000] },
		{ available: -6000, expected: [3000, 3000] },
		{ available: 3000, expected: [3000] },
		{ available: 12_000, expected: [3000, 5000, 2000] },
		{ available: 0, expected: [] }
	])('with $available available: $expected', ({ available, expected }) => {
		expect(
			defaultAmountsToApply(available, invoices).map((amount) => amount.amountToApplyCents)
		).toEqual(expected);
	});

	it('orders entries by due date, then entry No.', () => {
		const entries = [
			anEntry(3, 100, { dueDate: '2026-01-10' }),
			anEntry(1, 100, { dueDate: '2026-02-10' }),
			anEntry(2, 100, { dueDate: '2026-01-10' })
		];
		expect(oldestFirst(entries).map((entry) => entry.entryNo)).toEqual([2, 3, 1]);
	});
});

describe('planApplication', () => {
	it.each([
		{
			case: 'a payment closes an invoice',
			applying: -10_000,
			targets: [[10_000, undefined]],
			remaining: [0, 0],
			records: [10_000]
		},
		{
			case: 'a partial payment lowers it',
			applying: -4_000,
			targets: [[10_000, undefined]],
			remaining: [0, 6_000],
			records: [4_000]
		},
		{
			case: 'an over-payment stays open on the payment',
			applying: -15_000,
			targets: [[10_000, undefined]],
			remaining: [-5_000, 0],
			records: [10_000]
		},
		{
			case: 'Amount to Apply limits each invoice; the payment runs out in order',
			applying: -6_000,
			targets: [
				[3_000, 2_000],
				[5_000, undefined],
				[9_000, undefined]
			],
			remaining: [0, 1_000, 1_000, 9_000],
			records: [2_000, 4_000]
		},
		{
			case: 'a refund closes a credit memo',
			applying: 2_500,
			targets: [[-2_500, undefined]],
			remaining: [0, 0],
			records: [2_500]
		}
	] as const)('$case', ({ applying, targets, remaining, records }) => {
		const payment = anEntry(100, applying);
		const entries = targets.map(([amount], index) => anEntry(index + 1, amount));
		const planned = planApplication({
			applying: payment,
			targets: entries.map((entry, index) => ({
				entry,
				amountToApplyCents: targets[index]![1]
			})),
			postingDate: '2026-02-01',
			transactionNo: 7
		});
		if (!planned.ok) throw new Error(planned.refusal.message);
		const after = new Map(planned.plan.changes.map((change) => [change.entryNo, change]));
		expect(
			[payment, ...entries].map(
				(entry) => after.get(entry.entryNo)?.remainingAmountCents ?? entry.remainingAmountCents
			)
		).toEqual(remaining);
		for (const change of planned.plan.changes) {
			expect(change.open).toBe(change.remainingAmountCents === 0 ? 0 : 1);
			expect(change.closedAtDate).toBe(change.remainingAmountCents === 0 ? '2026-02-01' : '');
		}
		expect(planned.plan.applications.map((record) => record.amountCents)).toEqual(records);
		expect(planned.plan.applications.every((record) => record.transactionNo === 7)).toBe(true);
		expect(planned.plan.appliedCents).toBe(records.reduce((sum, amount) => sum + amount, 0));
	});

	it.each([
		{
			case: 'a closed applying entry',
			applying: anEntry(9, -100, { open: 0 }),
			key: 'error.entryNotApplicable'
		},
		{
			case: 'a closed invoice',
			target: anEntry(1, 100, { open: 0 }),
			key: 'error.entryNotApplicable'
		},
		{
			case: "another customer's invoice",
			target: anEntry(1, 100, { customerNo: 'C2' }),
			key: 'error.entryNotApplicable'
		},
		{
			case: 'an entry of the same sign',
			target: anEntry(1, -100),
			key: 'error.entryNotApplicable'
		},
		{ case: 'the entry itself', target: anEntry(9, -500), key: 'error.entryNotApplicable' },
		{ case: 'more than is open', target: anEntry(1, 100), amount: 101, key: 'error.applyTooMuch' },
		{ case: 'a negative amount', target: anEntry(1, 100), amount: -1, key: 'error.applyTooMuch' },
		{ case: 'nothing', target: anEntry(1, 100), amount: 0, key: 'error.nothingToApply' }
	])('refuses $case', ({ applying, target, amount, key }) => {
		const planned = planApplication({
			applying: applying ?? anEntry(9, -500),
			targets: [{ entry: target ?? anEntry(1, 100), amountToApplyCents: amount }],
			postingDate: '2026-02-01',
			transactionNo: 1
		});
		expect(planned).toMatchObject({ ok: false, refusal: { key } });
	});
});

describe('planUnapply', () => {
	// Payment 10 (−12,000) applied to invoices 1 and 2 in transaction 1; payment 11 to invoice 2 later.
	const closed = { remainingAmountCents: 0, open: 0 as const, closedByEntryNo: 10 };
	const entries = [
		anEntry(1, 10_000, closed),
		anEntry(2, 5_000, closed),
		anEntry(10, -12_000, closed),
		anEntry(11, -3_000, { remainingAmountCents: 0, open: 0, closedByEntryNo: 2 })
	];
	const records = [
		aRecord('a', 1, 10, 10_000, 1),
		aRecord('b', 2, 10, 2_000, 1),
		aRecord('c', 2, 11, 3_000, 2)
	];

	it('takes the last transaction of an entry in force', () => {
		expect(lastApplication(2, records).map((record) => record.id)).toEqual(['c']);
		expect(lastApplication(1, records).map((record) => record.id)).toEqual(['a', 'b']);
		expect(lastApplication(1, [{ ...records[0]!, unapplied: true }])).toEqual([]);
	});

	it('undoes every record of it, with reversals, reopening the entries', () => {
		const planned = planUnapply({
			entryNo: 2,
			entries,
			records,
			postingDate: '2026-03-01',
			transactionNo: 3
		});
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(planned.plan.undone.map((record) => record.id)).toEqual(['c']);
		expect(planned.plan.reversals).toEqual([
			{
				entryNo: 2,
				appliedByEntryNo: 11,
				amountCents: -3_000,
				postingDate: '2026-03-01',
				transactionNo: 3,
				unapplied: true,
				reversesId: 'c'
			}
		]);
		expect(planned.plan.changes).toEqual([
			{ entryNo: 2, remainingAmountCents: 3_000, open: 1, closedByEntryNo: 0, closedAtDate: '' },
			{ entryNo: 11, remainingAmountCents: -3_000, open: 1, closedByEntryNo: 0, closedAtDate: '' }
		]);
	});

	it('refuses while a later transaction holds one of its entries', () => {
		expect(
			planUnapply({ entryNo: 1, entries, records, postingDate: '2026-03-01', transactionNo: 3 })
		).toMatchObject({
			ok: false,
			refusal: { key: 'error.unapplyLaterFirst', values: { entryNo: 2 } }
		});
	});

	it('refuses an entry without applications in force', () => {
		expect(
			planUnapply({
				entryNo: 1,
				entries,
				records: records.map((record) => ({ ...record, unapplied: true })),
				postingDate: '2026-03-01',
				transactionNo: 3
			})
		).toMatchObject({ ok: false, refusal: { key: 'error.nothingToUnapply' } });
	});

	it('treats records without a transaction No. as one transaction per applying entry', () => {
		const legacy = [aRecord('a', 1, 10, 10_000), aRecord('b', 2, 10, 2_000)];
		const planned = planUnapply({
			entryNo: 2,
			entries,
			records: legacy,
			postingDate: '2026-03-01',
			transactionNo: 3
		});
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(planned.plan.undone.map((record) => record.id)).toEqual(['a', 'b']);
		expect(planned.plan.changes.map((change) => change.remainingAmountCents)).toEqual([
			10_000, -12_000, 2_000
		]);
	});

	it('refuses records that would open an entry beyond its amount (damaged data)', () => {
		expect(
			planUnapply({
				entryNo: 1,
				entries,
				records: [aRecord('a', 1, 10, 20_000, 1)],
				postingDate: '2026-03-01',
				transactionNo: 3
			})
		).toMatchObject({ ok: false, refusal: { key: 'error.entryNotApplicable' } });
	});
});
