import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { todayIso } from '$lib/domain/dates';
import type { Blocked } from '$lib/domain/policy';
import {
	dayBounds,
	ordersForCue,
	overdueFigures,
	type OrderCue,
	type OverdueFigures
} from '$lib/domain/role-center';
import type { SalesLine } from '$lib/domain/sales-document';
import { readWorkDate } from './settings';

/**
 * The Role Center's cues. Each group is its own live query, so a cue that reads more (the
 * overdue figures read the open entries) never holds back the counts an index answers at once.
 * Counts come from index ranges (`count()` on `blocked`, `status`, `at`); nothing reads a whole
 * table of entries.
 */

export type BlockedLevel = Exclude<Blocked, ''>;

export const BLOCKED_CUE_LEVELS: readonly BlockedLevel[] = ['Ship', 'Invoice', 'All'];

/**
 * Customers per block level, each a count on the `blocked` index. Privacy Blocked customers
 * are blocked with All (setting it sets Blocked to All), so they are among the All count.
 */
export async function readBlockedCues(): Promise<Record<BlockedLevel, number>> {
	const [Ship, Invoice, All] = await Promise.all(
		BLOCKED_CUE_LEVELS.map((level) => db.customers.where('blocked').equals(level).count())
	);
	return { Ship: Ship ?? 0, Invoice: Invoice ?? 0, All: All ?? 0 };
}

/** Sales quotes with Status Open (Business Central's "Sales Quotes - Open"). */
export async function readOpenQuotes(): Promise<number> {
	return db.salesHeaders
		.where('[documentType+no]')
		.between(['Quote', ''], ['Quote', '\uffff'])
		.filter((header) => header.status === 'Open')
		.count();
}

/** The Nos. of every sales order, in No. order (keys of the `[documentType+no]` index only). */
export async function readOrderNos(): Promise<string[]> {
	const keys = await db.salesHeaders
		.where('[documentType+no]')
		.between(['Order', ''], ['Order', '\uffff'])
		.primaryKeys();
	return (keys as string[]).sort();
}

/**
 * The lines of the given documents, read as one range of the `documentNo` index from the lowest
 * No. to the highest: for orders that range holds the orders' lines and, the number series
 * being apart, hardly any other document's (those are left out).
 */
export async function readLinesOf(nos: readonly string[]): Promise<SalesLine[]> {
	if (nos.length === 0) return [];
	const wanted = new Set(nos);
	let [low, high] = [nos[0]!, nos[0]!];
	for (const no of nos) {
		if (no < low) low = no;
		if (no > high) high = no;
	}
	const lines = await db.salesLines.where('documentNo').between(low, high, true, true).toArray();
	return lines.filter((line) => wanted.has(line.documentNo));
}

/** The lines of every sales order. */
export async function readOrderLines(): Promise<SalesLine[]> {
	return readLinesOf(await readOrderNos());
}

/** Sales orders with something to ship, and with something shipped and not invoiced. */
export async function readOrderCues(): Promise<Record<OrderCue, number>> {
	const lines = await readOrderLines();
	return {
		toShip: ordersForCue(lines, 'toShip').size,
		shippedNotInvoiced: ordersForCue(lines, 'shippedNotInvoiced').size
	};
}

/**
 * Overdue Amount, Overdue Customers and the aged receivables at the work date, in one read of
 * the open entries (the `open` index). What is overdue depends on the work date, so it cannot
 * be a kept total; an index on `[open+dueDate]` would let it read only the overdue entries.
 */
export async function readOverdueCues(): Promise<OverdueFigures & { workDate: string }> {
	const [entries, workDate] = await Promise.all([
		db.custLedgerEntries.where('open').equals(1).toArray(),
		readWorkDate()
	]);
	return { ...overdueFigures(entries, workDate), workDate };
}

/** Reminders created and not issued yet (a count on the `status` index). */
export async function readRemindersToIssue(): Promise<number> {
	return db.reminders.where('status').equals('Open').count();
}

/** Refused attempts on a day of the user's calendar (a count on the `at` index). */
export async function readRefusedOn(day: string): Promise<number> {
	const [start, end] = dayBounds(day);
	return db.refusedAttempts.where('at').between(start, end, true, false).count();
}

export interface IndexedCues {
	blocked: Record<BlockedLevel, number>;
	openQuotes: number;
	remindersToIssue: number;
	refusedToday: number;
	/** The day "today" meant when counting (the user's calendar). */
	today: string;
}

/** The cues an index answers, in one live query: they appear together, at once. */
export function indexedCuesQuery(): Observable<IndexedCues> {
	return liveQuery(async () => {
		const today = todayIso();
		const [blocked, openQuotes, remindersToIssue, refusedToday] = await Promise.all([
			readBlockedCues(),
			readOpenQuotes(),
			readRemindersToIssue(),
			readRefusedOn(today)
		]);
		return { blocked, openQuotes, remindersToIssue, refusedToday, today };
	});
}

export function orderCuesQuery(): Observable<Record<OrderCue, number>> {
	return liveQuery(readOrderCues);
}

export function overdueCuesQuery(): Observable<OverdueFigures & { workDate: string }> {
	return liveQuery(readOverdueCues);
}
