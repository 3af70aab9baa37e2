import { refused, type PlanResult } from './plan';
import type { Application, CustLedgerEntry, LedgerEntryChange } from './posted';
import { allocatePayment } from './receivables';

/**
 * Applications between customer ledger entries, as pure plans: given the entries (and
 * application records) a command read, what to write — or why not. A payment or credit memo
 * (the applying entry) closes invoices (the applied entries) in whole or in part; Unapply
 * Entries undoes the last application transaction of an entry with reversing records, so the
 * history keeps both.
 */

export interface AmountToApply {
	entryNo: number;
	amountToApplyCents: number;
}

export type NewApplication = Omit<Application, 'id'>;

type Remaining = Pick<CustLedgerEntry, 'entryNo' | 'remainingAmountCents' | 'dueDate'>;

/** The order Apply Entries lists and fills entries in: oldest due date first, then entry No. */
export function oldestFirst<T extends Remaining>(entries: readonly T[]): T[] {
	return [...entries].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.entryNo - b.entryNo);
}

/**
 * Business Central's default Amount to Apply: each entry in the order given up to its
 * remaining amount, in total up to what the applying side has left (`availableCents`; null
 * when it has no amount yet — a journal line with Amount 0 takes every remaining amount).
 */
export function defaultAmountsToApply(
	availableCents: number | null,
	entries: readonly Pick<CustLedgerEntry, 'entryNo' | 'remainingAmountCents'>[]
): AmountToApply[] {
	let left = availableCents === null ? Infinity : Math.abs(availableCents);
	const amounts: AmountToApply[] = [];
	for (const entry of entries) {
		const amount = Math.min(Math.abs(entry.remainingAmountCents), left);
		if (amount <= 0) break;
		amounts.push({ entryNo: entry.entryNo, amountToApplyCents: amount });
		left -= amount;
	}
	return amounts;
}

/** The remaining amount moved `cents` toward zero (apply) or away from it (unapply, negative). */
function reduced(remainingCents: number, signOf: number, cents: number): number {
	return remainingCents - Math.sign(signOf) * cents;
}

function change(entry: CustLedgerEntry, remaining: number, closedBy: number, date: string) {
	return {
		entryNo: entry.entryNo,
		remainingAmountCents: remaining,
		open: remaining === 0 ? 0 : 1,
		closedByEntryNo: remaining === 0 ? closedBy : 0,
		closedAtDate: remaining === 0 ? date : ''
	} satisfies LedgerEntryChange;
}

export interface ApplicationPlan {
	changes: LedgerEntryChange[];
	applications: NewApplication[];
	appliedCents: number;
}

/**
 * Applies an open entry (a payment or credit memo: negative; a refund: positive) to open
 * entries of the same customer and the opposite sign, in the order given, each up to its
 * Amount to Apply (undefined = its whole remaining amount) and in total up to the applying
 * entry's remaining amount. Both sides' remaining amounts drop; an entry at zero is closed.
 */
export function planApplication(input: {
	applying: CustLedgerEntry;
	targets: ReadonlyArray<{ entry: CustLedgerEntry; amountToApplyCents?: number }>;
	postingDate: string;
	transactionNo: number;
}): PlanResult<ApplicationPlan> {
	const { applying, targets, postingDate, transactionNo } = input;
	if (applying.open !== 1 || applying.remainingAmountCents === 0) {
		return refused('error.entryNotApplicable', `Entry ${applying.entryNo} cannot be applied.`, {
			entryNo: applying.entryNo
		});
	}
	const seen = new Set<number>([applying.entryNo]);
	for (const { entry, amountToApplyCents } of targets) {
		if (
			seen.has(entry.entryNo) ||
			entry.open !== 1 ||
			entry.customerNo !== applying.customerNo ||
			Math.sign(entry.remainingAmountCents) !== -Math.sign(applying.remainingAmountCents)
		) {
			return refused('error.entryNotApplicable', `Entry ${entry.entryNo} cannot be applied.`, {
				entryNo: entry.entryNo
			});
		}
		seen.add(entry.entryNo);
		if (
			amountToApplyCents !== undefined &&
			(!Number.isSafeInteger(amountToApplyCents) ||
				amountToApplyCents < 0 ||
				amountToApplyCents > Math.abs(entry.remainingAmountCents))
		) {
			return refused('error.applyTooMuch', 'You cannot apply more than is open.', {
				entryNo: entry.entryNo
			});
		}
	}
	const allocations = allocatePayment(
		applying.remainingAmountCents,
		targets.map(({ entry, amountToApplyCents }) => ({
			entryNo: entry.entryNo,
			remainingAmountCents: entry.remainingAmountCents,
			amountToApplyCents
		}))
	);
	if (allocations.length === 0) {
		return refused('error.nothingToApply', 'There is nothing to apply.');
	}
	const changes: LedgerEntryChange[] = [];
	const applications: NewApplication[] = [];
	let appliedCents = 0;
	for (const allocation of allocations) {
		const entry = targets.find((target) => target.entry.entryNo === allocation.entryNo)!.entry;
		const remaining = reduced(
			entry.remainingAmountCents,
			entry.remainingAmountCents,
			allocation.amountCents
		);
		changes.push(change(entry, remaining, applying.entryNo, postingDate));
		applications.push({
			entryNo: entry.entryNo,
			appliedByEntryNo: applying.entryNo,
			amountCents: allocation.amountCents,
			postingDate,
			transactionNo
		});
		appliedCents += allocation.amountCents;
	}
	const remaining = reduced(
		applying.remainingAmountCents,
		applying.remainingAmountCents,
		appliedCents
	);
	// A closed applying entry names the last entry it closed, as the journal always did.
	changes.unshift(change(applying, remaining, allocations.at(-1)!.entryNo, postingDate));
	return { ok: true, plan: { changes, applications, appliedCents } };
}

/** Records without a transaction No. (written before Unapply existed) form one per applying entry. */
function transactionOf(record: Application): number {
	return record.transactionNo ?? 0;
}

function sameTransaction(a: Application, b: Application): boolean {
	return a.appliedByEntryNo === b.appliedByEntryNo && transactionOf(a) === transactionOf(b);
}

/** Later transactions sort after earlier ones; records before transaction Nos. by applying entry. */
function later(a: Application, b: Application): boolean {
	return transactionOf(a) !== transactionOf(b)
		? transactionOf(a) > transactionOf(b)
		: a.appliedByEntryNo > b.appliedByEntryNo;
}

function touches(record: Application, entryNo: number): boolean {
	return record.entryNo === entryNo || record.appliedByEntryNo === entryNo;
}

/**
 * The records of the last application transaction of an entry that is still in force (not
 * undone), among the records given; empty when the entry has none.
 */
export function lastApplication(entryNo: number, records: readonly Application[]): Application[] {
	let last: Application | undefined;
	for (const record of records) {
		if (record.unapplied || !touches(record, entryNo)) continue;
		if (!last || later(record, last)) last = record;
	}
	if (!last) return [];
	return records.filter((record) => !record.unapplied && sameTransaction(record, last));
}

/**
 * The next application transaction No. (Business Central's Transaction No.): one above the
 * counter, and never below a number the entries' records already carry (`records`: those that
 * touch them), so the order of their transactions holds even after a backup that lacked the
 * counter.
 */
export function nextTransactionNo(lastNo: number, records: readonly Application[]): number {
	const highest = records.reduce((max, record) => Math.max(max, record.transactionNo ?? 0), 0);
	return Math.max(lastNo, highest) + 1;
}

/** The entries an application transaction involves: the applying entry first. */
export function entriesOf(transaction: readonly Application[]): number[] {
	if (transaction.length === 0) return [];
	return [transaction[0]!.appliedByEntryNo, ...transaction.map((record) => record.entryNo)];
}

export interface UnapplyPlan {
	/** The records undone (to be marked unapplied). */
	undone: Application[];
	/** One reversing record per record undone: the same entries, the amount negated. */
	reversals: NewApplication[];
	changes: LedgerEntryChange[];
}

/**
 * Unapply Entries: undoes the last application transaction of an entry — every record of it,
 * on every entry it touched — by writing a reversing record for each and giving the amounts
 * back to the remaining amounts (reopening what they had closed). Refused when the entry has
 * nothing to unapply, or when an entry of that transaction was applied again later (that
 * later application must be undone first, as Business Central requires).
 * `records` must hold every record touching the entries of that transaction.
 */
export function planUnapply(input: {
	entryNo: number;
	entries: readonly CustLedgerEntry[];
	records: readonly Application[];
	postingDate: string;
	transactionNo: number;
}): PlanResult<UnapplyPlan> {
	const { entryNo, entries, records, postingDate, transactionNo } = input;
	const undone = lastApplication(entryNo, records);
	if (undone.length === 0) {
		return refused('error.nothingToUnapply', `Entry ${entryNo} has no application to unapply.`, {
			entryNo
		});
	}
	const involved = entriesOf(undone);
	for (const other of involved) {
		const latest = lastApplication(other, records);
		if (latest.length > 0 && !sameTransaction(latest[0]!, undone[0]!)) {
			return refused(
				'error.unapplyLaterFirst',
				`Entry ${other} was applied again later: unapply that application first.`,
				{ entryNo: other }
			);
		}
	}
	const given = new Map<number, number>();
	for (const record of undone) {
		given.set(record.entryNo, (given.get(record.entryNo) ?? 0) + record.amountCents);
		given.set(
			record.appliedByEntryNo,
			(given.get(record.appliedByEntryNo) ?? 0) + record.amountCents
		);
	}
	const changes: LedgerEntryChange[] = [];
	for (const [no, cents] of given) {
		const entry = entries.find((candidate) => candidate.entryNo === no);
		const remaining = entry ? reduced(entry.remainingAmountCents, entry.amountCents, -cents) : NaN;
		// Never more open than the entry's own amount: a record that says otherwise is damaged.
		if (
			!entry ||
			Math.abs(remaining) > Math.abs(entry.amountCents) ||
			remaining * entry.amountCents < 0
		) {
			return refused('error.entryNotApplicable', `Entry ${no} cannot be applied.`, {
				entryNo: no
			});
		}
		changes.push(change(entry, remaining, 0, postingDate));
	}
	const reversals = undone.map((record): NewApplication => ({
		entryNo: record.entryNo,
		appliedByEntryNo: record.appliedByEntryNo,
		amountCents: -record.amountCents,
		postingDate,
		transactionNo,
		unapplied: true,
		reversesId: record.id
	}));
	return { ok: true, plan: { undone, reversals, changes } };
}

/**
 * Net amount applied per entry over all its records (reversals count negative): what an
 * entry's amount and remaining amount differ by. Used to check the books add up.
 */
export function appliedPerEntry(records: readonly Application[]): Map<number, number> {
	const applied = new Map<number, number>();
	for (const record of records) {
		applied.set(record.entryNo, (applied.get(record.entryNo) ?? 0) + record.amountCents);
		applied.set(
			record.appliedByEntryNo,
			(applied.get(record.appliedByEntryNo) ?? 0) + record.amountCents
		);
	}
	return applied;
}
