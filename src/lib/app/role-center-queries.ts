import { Dexie, liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { todayIso } from '$lib/domain/dates';
import type { Blocked } from '$lib/domain/policy';
import { ORDER_CUE_KEY } from '$lib/db/order-cue-keys';
import {
	balanceDueOf,
	dayBounds,
	overdueFiguresOfTotals,
	type OrderCue,
	type OverdueFigures
} from '$lib/domain/role-center';
import { readWorkDate } from './settings';

/**
 * The Role Center's cues. Each group is its own live query, so a cue that reads more never
 * holds back the counts an index answers at once. Counts come from index ranges (`count()` on
 * `blocked`, `status`, `at`) and kept totals; nothing reads a whole table of entries.
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

/** The documents with a line that counts for a cue: the distinct keys of its sparse index. */
async function readCueDocumentNos(cue: OrderCue): Promise<Set<string>> {
	return new Set((await db.salesLines.orderBy(ORDER_CUE_KEY[cue]).uniqueKeys()) as string[]);
}

/**
 * The Nos. of the sales orders a cue counts, in No. order: the documents of the cue's sparse
 * index on the lines (see order-cue-keys.ts), kept to those that are orders. No line is read.
 */
export async function readOrderNosForCue(cue: OrderCue): Promise<string[]> {
	const [orders, counted] = await Promise.all([readOrderNos(), readCueDocumentNos(cue)]);
	return orders.filter((no) => counted.has(no));
}

/** Sales orders with something to ship, and with something shipped and not invoiced. */
export async function readOrderCues(): Promise<Record<OrderCue, number>> {
	const [orders, toShip, shippedNotInvoiced] = await Promise.all([
		readOrderNos(),
		readCueDocumentNos('toShip'),
		readCueDocumentNos('shippedNotInvoiced')
	]);
	const count = (counted: Set<string>) => orders.filter((no) => counted.has(no)).length;
	return { toShip: count(toShip), shippedNotInvoiced: count(shippedNotInvoiced) };
}

/**
 * Overdue Amount, Overdue Customers and the aged receivables at the work date, from the kept
 * totals of the open entries (due-totals.ts), never from the entries themselves: the totals per
 * due date give the amounts; the counts per first due date give the customers without a credit
 * whose first open entry is due before the work date, and the few with a credit are worked out
 * from their own open entries (a credit can bring their Balance Due to zero).
 */
export async function readOverdueCues(): Promise<OverdueFigures & { workDate: string }> {
	const workDate = await readWorkDate();
	// Customers without a credit are counted per first due date; those with one are read.
	const [totals, counts, credited] = await Promise.all([
		db.dueDateTotals.toArray(),
		db.firstDueCounts.where('firstDue').below(workDate).toArray(),
		db.customerDue
			.where('[credit+firstDue]')
			.between([1, Dexie.minKey], [1, workDate], true, false)
			.primaryKeys()
	]);
	const plain = counts.reduce((sum, row) => sum + row.customers, 0);
	const open = await Promise.all(
		credited.map((no) => db.custLedgerEntries.where('[customerNo+open]').equals([no, 1]).toArray())
	);
	const customers = plain + open.filter((own) => balanceDueOf(own, workDate) > 0).length;
	return { ...overdueFiguresOfTotals(totals, customers, workDate), workDate };
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
