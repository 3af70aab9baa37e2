import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { db } from '$lib/db/db';
import { cancelPostedInvoice, postSalesInvoice } from '$lib/app/posting';
import { applyLedgerEntries, unapplyLedgerEntry } from '$lib/app/applications';
import {
	addJournalLine,
	applyEntries,
	deleteJournalLine,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { BlockedError, ValidationError } from '$lib/app/errors';
import { appliedPerEntry, defaultAmountsToApply, oldestFirst } from '$lib/domain/applications';
import { totalsOf, type CustLedgerEntry } from '$lib/domain/posted';
import { givenCustomer, givenDocument, resetDatabase } from '../factories';

/**
 * The property of ledger-totals.test.ts carried over to applications made and undone on
 * ledger entries: whatever is applied, unapplied, paid or cancelled, every customer's totals
 * equal its entries, and every entry's amount minus its remaining amount is what its
 * application records (reversals included) say was applied.
 */

type Operation =
	| { kind: 'invoice' | 'creditMemo'; customer: number; quantity: number; priceCents: number }
	| { kind: 'payment'; customer: number; amountCents: number; applyFirst: boolean }
	| { kind: 'apply'; customer: number; pick: number; share: number }
	| { kind: 'unapply'; customer: number; pick: number }
	| { kind: 'cancel'; customer: number }
	| { kind: 'block'; customer: number; blocked: '' | 'All' };

const customer = fc.integer({ min: 0, max: 1 });
const pick = fc.nat({ max: 20 });
// Weighted so that most runs apply and unapply something (and sometimes are refused).
const operation: fc.Arbitrary<Operation> = fc.oneof(
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constantFrom('invoice' as const, 'invoice' as const, 'creditMemo' as const),
			customer,
			quantity: fc.integer({ min: 1, max: 4 }),
			priceCents: fc.integer({ min: 1, max: 30_000 })
		})
	},
	{
		weight: 3,
		arbitrary: fc.record({
			kind: fc.constant('payment' as const),
			customer,
			amountCents: fc.integer({ min: 1, max: 80_000 }),
			applyFirst: fc.boolean()
		})
	},
	{
		weight: 4,
		arbitrary: fc.record({
			kind: fc.constant('apply' as const),
			customer,
			pick,
			share: fc.integer({ min: 1, max: 100 })
		})
	},
	{ weight: 4, arbitrary: fc.record({ kind: fc.constant('unapply' as const), customer, pick }) },
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('cancel' as const), customer }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('block' as const),
			customer,
			blocked: fc.constantFrom('' as const, 'All' as const)
		})
	}
);

async function entriesOf(no: string): Promise<CustLedgerEntry[]> {
	return db.custLedgerEntries.where('customerNo').equals(no).sortBy('entryNo');
}

/** A refusal the property accepts: the command said no, and (checked after) wrote nothing wrong. */
async function allowRefusal(command: Promise<unknown>): Promise<void> {
	try {
		await command;
	} catch (error) {
		if (!(error instanceof ValidationError) && !(error instanceof BlockedError)) throw error;
	}
}

async function payment(op: Extract<Operation, { kind: 'payment' }>, no: string) {
	const id = await addJournalLine({ customerNo: no });
	const invoices = oldestFirst(
		(await entriesOf(no)).filter((entry) => entry.open === 1 && entry.remainingAmountCents > 0)
	);
	// Defect 5's order: Apply Entries on Amount 0 first, then the amount typed.
	if (op.applyFirst && invoices.length > 0) {
		await allowRefusal(applyEntries({ id, entries: defaultAmountsToApply(null, invoices) }));
	}
	await updateJournalLine({ id, field: 'amountCents', value: op.amountCents });
	try {
		await postJournal();
	} catch (error) {
		if (!(error instanceof ValidationError) && !(error instanceof BlockedError)) throw error;
		await deleteJournalLine({ id });
	}
}

async function run(op: Operation, nos: string[]) {
	const no = nos[op.customer]!;
	const entries = await entriesOf(no);
	switch (op.kind) {
		case 'invoice':
		case 'creditMemo': {
			const type = op.kind === 'invoice' ? 'Invoice' : 'CreditMemo';
			await allowRefusal(
				givenDocument(type, no, [[op.quantity, op.priceCents]]).then((document) =>
					postSalesInvoice({ no: document })
				)
			);
			break;
		}
		case 'payment':
			await payment(op, no);
			break;
		case 'apply': {
			const applying = entries.filter(
				(entry) => entry.open === 1 && entry.remainingAmountCents < 0
			);
			const chosen = applying[op.pick % Math.max(applying.length, 1)];
			const invoices = oldestFirst(
				entries.filter((entry) => entry.open === 1 && entry.remainingAmountCents > 0)
			);
			if (!chosen || invoices.length === 0) break;
			// Part of what the payment has left, spread oldest first as Apply Entries suggests.
			const available = Math.max(1, Math.round((-chosen.remainingAmountCents * op.share) / 100));
			await allowRefusal(
				applyLedgerEntries({
					entryNo: chosen.entryNo,
					entries: defaultAmountsToApply(available, invoices)
				})
			);
			break;
		}
		case 'unapply': {
			// Mostly an entry with an application in force; now and then any entry.
			const records = await db.applications.toArray();
			const applied = entries.filter((entry) =>
				records.some(
					(record) =>
						!record.unapplied &&
						(record.entryNo === entry.entryNo || record.appliedByEntryNo === entry.entryNo)
				)
			);
			const from = op.pick % 5 === 0 || applied.length === 0 ? entries : applied;
			const chosen = from[op.pick % Math.max(from.length, 1)];
			if (chosen) await allowRefusal(unapplyLedgerEntry({ entryNo: chosen.entryNo }));
			break;
		}
		case 'cancel': {
			const entry = entries
				.filter((e) => e.documentType === 'Invoice' && e.remainingAmountCents === e.amountCents)
				.at(-1);
			if (entry) await allowRefusal(cancelPostedInvoice({ no: entry.documentNo }));
			break;
		}
		case 'block':
			await db.customers.update(no, { blocked: op.blocked });
			break;
	}
}

describe('applications on customer ledger entries keep the books', () => {
	it('after random invoices, payments (applied before typed), Apply and Unapply Entries, cancels and blocks, totals and applications add up', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(operation, { minLength: 4, maxLength: 20 }), async (operations) => {
				await resetDatabase();
				const nos = [(await givenCustomer()).no, (await givenCustomer()).no];
				// Each customer starts with an invoice, a payment applied to it and one open payment.
				for (const [index] of nos.entries()) {
					await run({ kind: 'invoice', customer: index, quantity: 2, priceCents: 10_000 }, nos);
					await run(
						{ kind: 'payment', customer: index, amountCents: 5_000, applyFirst: true },
						nos
					);
					await run(
						{ kind: 'payment', customer: index, amountCents: 3_000, applyFirst: false },
						nos
					);
				}
				for (const op of operations) await run(op, nos);

				const applied = appliedPerEntry(await db.applications.toArray());
				for (const no of nos) {
					const entries = await entriesOf(no);
					const expected = totalsOf(no, entries);
					expect((await db.customerTotals.get(no)) ?? totalsOf(no, [])).toEqual(expected);
					expect(expected.balanceCents).toBe(
						entries.reduce((sum, entry) => sum + entry.amountCents, 0)
					);
					for (const entry of entries) {
						const gone = entry.amountCents - entry.remainingAmountCents;
						expect(gone + 0).toBe(
							Math.sign(entry.amountCents) * (applied.get(entry.entryNo) ?? 0) + 0
						);
						expect(entry.open).toBe(entry.remainingAmountCents === 0 ? 0 : 1);
						expect(Math.abs(entry.remainingAmountCents)).toBeLessThanOrEqual(
							Math.abs(entry.amountCents)
						);
					}
				}
				// A record undone is undone exactly once, by a reversal of the opposite amount.
				const records = await db.applications.toArray();
				for (const reversal of records.filter((record) => record.reversesId)) {
					const original = records.find((record) => record.id === reversal.reversesId);
					expect(original).toMatchObject({ unapplied: true, amountCents: -reversal.amountCents });
				}
				expect(new Set(records.map((record) => record.reversesId).filter(Boolean)).size).toBe(
					records.filter((record) => record.reversesId).length
				);
			}),
			{ numRuns: 30 }
		);
	}, 180_000);
});
