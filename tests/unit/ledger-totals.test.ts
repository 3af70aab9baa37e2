import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Observable } from 'dexie';
import { db } from '$lib/db/db';
import { cancelPostedInvoice, postSalesInvoice } from '$lib/app/posting';
import { customerCardQuery } from '$lib/app/customer-card-queries';
import {
	addJournalLine,
	applyEntries,
	deleteJournalLine,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { ValidationError } from '$lib/app/errors';
import { totalsOf } from '$lib/domain/posted';
import { givenCustomer, givenDocument, resetDatabase } from '../factories';

/** The first value a live query gives. */
function firstValueFrom<T>(observable: Observable<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				resolve(value);
				setTimeout(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

type Operation =
	| { kind: 'invoice' | 'creditMemo'; customer: number; quantity: number; priceCents: number }
	| {
			kind: 'payment' | 'refund';
			customer: number;
			amountCents: number;
			apply: 'none' | 'doc' | 'entries';
	  }
	| { kind: 'cancel'; customer: number };

const customer = fc.integer({ min: 0, max: 2 });
const operation: fc.Arbitrary<Operation> = fc.oneof(
	fc.record({
		kind: fc.constantFrom('invoice' as const, 'creditMemo' as const),
		customer,
		quantity: fc.integer({ min: 1, max: 5 }),
		priceCents: fc.integer({ min: 1, max: 50_000 })
	}),
	fc.record({
		kind: fc.constantFrom('payment' as const, 'refund' as const),
		customer,
		amountCents: fc.integer({ min: 1, max: 100_000 }),
		apply: fc.constantFrom('none' as const, 'doc' as const, 'entries' as const)
	}),
	fc.record({ kind: fc.constant('cancel' as const), customer })
);

async function openEntries(customerNo: string) {
	return db.custLedgerEntries.where('[customerNo+open]').equals([customerNo, 1]).toArray();
}

async function journal(op: Extract<Operation, { kind: 'payment' | 'refund' }>, no: string) {
	const id = await addJournalLine({ customerNo: no });
	if (op.kind === 'refund') await updateJournalLine({ id, field: 'documentType', value: 'Refund' });
	await updateJournalLine({ id, field: 'amountCents', value: op.amountCents });
	// A payment applies to invoices (positive), a refund to credits (negative).
	const targets = (await openEntries(no)).filter((entry) =>
		op.kind === 'payment' ? entry.remainingAmountCents > 0 : entry.remainingAmountCents < 0
	);
	if (op.apply === 'doc' && targets[0]) {
		await updateJournalLine({ id, field: 'appliesToDocNo', value: targets[0].documentNo });
	}
	if (op.apply === 'entries' && targets.length > 0) {
		let left = op.amountCents;
		const entries = targets.slice(0, 3).map((entry) => {
			const amountToApplyCents = Math.min(left, Math.abs(entry.remainingAmountCents));
			left -= amountToApplyCents;
			return { entryNo: entry.entryNo, amountToApplyCents };
		});
		await applyEntries({ id, entries: entries.filter((entry) => entry.amountToApplyCents > 0) });
	}
	try {
		await postJournal();
	} catch (error) {
		// A line the journal refuses is dropped, so the next run starts from an empty journal.
		if (!(error instanceof ValidationError)) throw error;
		await deleteJournalLine({ id });
	}
}

async function run(op: Operation, nos: string[]) {
	const no = nos[op.customer]!;
	if (op.kind === 'invoice' || op.kind === 'creditMemo') {
		const document = await givenDocument(op.kind === 'invoice' ? 'Invoice' : 'CreditMemo', no, [
			[op.quantity, op.priceCents]
		]);
		await postSalesInvoice({ no: document });
	} else if (op.kind === 'payment' || op.kind === 'refund') {
		await journal(op, no);
	} else {
		// The newest invoice nothing was applied to yet, as Cancel requires.
		const entry = (await openEntries(no))
			.filter((e) => e.documentType === 'Invoice' && e.remainingAmountCents === e.amountCents)
			.at(-1);
		if (entry) await cancelPostedInvoice({ no: entry.documentNo });
	}
}

describe('customer totals kept by the postings', () => {
	it('after random postings, payments, refunds, applications and cancels, every total equals the sum of its entries', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 10 }), async (operations) => {
				await resetDatabase();
				const nos = [];
				for (let i = 0; i < 3; i++) nos.push((await givenCustomer()).no);
				for (const op of operations) await run(op, nos);

				for (const no of nos) {
					const entries = await db.custLedgerEntries.where('customerNo').equals(no).toArray();
					const expected = totalsOf(no, entries);
					const stored = (await db.customerTotals.get(no)) ?? totalsOf(no, []);
					expect(stored).toEqual(expected);
					// Every applied amount leaves the sum of amounts equal to the sum remaining.
					expect(expected.balanceCents).toBe(
						entries.reduce((sum, entry) => sum + entry.amountCents, 0)
					);
					const { statistics } = await firstValueFrom(customerCardQuery(no));
					expect(statistics?.balanceCents).toBe(expected.balanceCents);
				}
			}),
			{ numRuns: 25 }
		);
	}, 120_000);
});
