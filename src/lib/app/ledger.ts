import Dexie from 'dexie';
import { db } from '$lib/db/db';
import {
	totalsOf,
	type CustLedgerEntry,
	type CustomerTotals,
	type LedgerEntryChange
} from '$lib/domain/posted';

/**
 * The only writers of customer ledger entries: each keeps the customer's totals in step, in
 * the caller's transaction (which must include custLedgerEntries and customerTotals).
 *
 * Written as chains of Dexie promises, not async functions: posting nests many awaits, and a
 * chain of Dexie's own promises keeps the transaction alive however deep it is called.
 */

type Change = Omit<CustomerTotals, 'customerNo'>;

function bump(customerNo: string, change: Change) {
	return db.customerTotals.get(customerNo).then((found) => {
		const current = found ?? totalsOf(customerNo, []);
		return db.customerTotals.put({
			customerNo,
			balanceCents: current.balanceCents + change.balanceCents,
			openEntries: current.openEntries + change.openEntries,
			entries: current.entries + change.entries
		});
	});
}

export function addLedgerEntry(entry: CustLedgerEntry) {
	return db.custLedgerEntries.add(entry).then(() =>
		bump(entry.customerNo, {
			balanceCents: entry.remainingAmountCents,
			openEntries: entry.open,
			entries: 1
		})
	);
}

type EntryChanges = Partial<
	Pick<CustLedgerEntry, 'remainingAmountCents' | 'open' | 'closedByEntryNo' | 'closedAtDate'>
>;

/** Applies (part of) an entry: its remaining amount and open state, and the totals with them. */
export function updateLedgerEntry(entryNo: number, changes: EntryChanges) {
	return db.custLedgerEntries.get(entryNo).then((entry) => {
		if (!entry) return;
		const balance =
			(changes.remainingAmountCents ?? entry.remainingAmountCents) - entry.remainingAmountCents;
		const open = (changes.open ?? entry.open) - entry.open;
		return db.custLedgerEntries.update(entryNo, changes).then(() => {
			if (balance !== 0 || open !== 0) {
				return bump(entry.customerNo, { balanceCents: balance, openEntries: open, entries: 0 });
			}
		});
	});
}

/** Writes many new entries at once (the scale generator), with the totals of their customers. */
export function addLedgerEntries(entries: readonly CustLedgerEntry[]) {
	const byCustomer = new Map<string, CustLedgerEntry[]>();
	for (const entry of entries) {
		const own = byCustomer.get(entry.customerNo);
		if (own) own.push(entry);
		else byCustomer.set(entry.customerNo, [entry]);
	}
	const nos = [...byCustomer.keys()];
	return db.custLedgerEntries
		.bulkAdd(entries)
		.then(() => db.customerTotals.bulkGet(nos))
		.then((current) =>
			db.customerTotals.bulkPut(
				nos.map((no, index) => {
					const added = totalsOf(no, byCustomer.get(no)!);
					const before = current[index] ?? totalsOf(no, []);
					return {
						customerNo: no,
						balanceCents: before.balanceCents + added.balanceCents,
						openEntries: before.openEntries + added.openEntries,
						entries: before.entries + added.entries
					};
				})
			)
		);
}

/**
 * Writes the entries a plan adds and changes, with the totals the plan computed from the stored
 * ones (totalsAfter in domain/posted.ts): nothing is read, so a posting writes without waiting.
 */
export function writePlannedEntries(ledger: {
	added: readonly CustLedgerEntry[];
	changed: ReadonlyArray<{ change: LedgerEntryChange }>;
	totals: readonly CustomerTotals[];
}) {
	return Dexie.Promise.all<unknown>([
		ledger.added.length > 0 ? db.custLedgerEntries.bulkAdd(ledger.added) : null,
		...ledger.changed.map(({ change: { entryNo, ...changes } }) =>
			db.custLedgerEntries.update(entryNo, changes)
		),
		ledger.totals.length > 0 ? db.customerTotals.bulkPut(ledger.totals) : null
	]);
}
