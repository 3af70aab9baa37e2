import { daysBetween } from './dates';
import type { CustLedgerEntry } from './posted';
import { outstandingQuantity, shippedNotInvoiced } from './posting-rules';
import { ageReceivables, type AgedBuckets } from './receivables';
import type { SalesLine } from './sales-document';

/**
 * What the Role Center's cues count, as plain rules over what was read: the order cues from
 * the lines of the orders, the overdue cues from the open ledger entries at the work date.
 */

/** The cues that count sales orders by their lines (Business Central's order cues). */
export type OrderCue = 'toShip' | 'shippedNotInvoiced';

export const ORDER_CUES: readonly OrderCue[] = ['toShip', 'shippedNotInvoiced'];

export function isOrderCue(value: string | null): value is OrderCue {
	return ORDER_CUES.includes(value as OrderCue);
}

/**
 * Whether an order line makes its order count for a cue: an item line with an Outstanding
 * Quantity (to ship), or with a Qty. Shipped Not Invoiced.
 */
export function lineCountsFor(line: SalesLine, cue: OrderCue): boolean {
	if (line.type !== 'Item') return false;
	return cue === 'toShip' ? outstandingQuantity(line) > 0 : shippedNotInvoiced(line) > 0;
}

/** The Nos. of the orders a cue counts, from the lines of the orders. */
export function ordersForCue(lines: readonly SalesLine[], cue: OrderCue): Set<string> {
	const nos = new Set<string>();
	for (const line of lines) if (lineCountsFor(line, cue)) nos.add(line.documentNo);
	return nos;
}

/** An entry is overdue at the work date when it is open and its Due Date is before it. */
export function isOverdue(
	entry: Pick<CustLedgerEntry, 'open' | 'dueDate'>,
	workDate: string
): boolean {
	return entry.open === 1 && daysBetween(entry.dueDate, workDate) > 0;
}

export interface OverdueFigures {
	/** The sum of the Balance Due of all customers (the overdue buckets of the aged receivables). */
	amountCents: number;
	/** Customers whose Balance Due is above zero. */
	customers: number;
	/** The aged receivables at the work date, from the same entries. */
	aged: AgedBuckets;
}

/**
 * Overdue Amount and Overdue Customers at the work date, from the open entries: a customer's
 * Balance Due is the remaining amount of its open entries due before the work date (as on the
 * customer card's Statistics), so a payment not yet applied lowers it.
 */
export function overdueFigures(
	openEntries: readonly CustLedgerEntry[],
	workDate: string
): OverdueFigures {
	const due = new Map<string, number>();
	let amountCents = 0;
	for (const entry of openEntries) {
		if (!isOverdue(entry, workDate)) continue;
		amountCents += entry.remainingAmountCents;
		due.set(entry.customerNo, (due.get(entry.customerNo) ?? 0) + entry.remainingAmountCents);
	}
	let customers = 0;
	for (const balanceDue of due.values()) if (balanceDue > 0) customers += 1;
	return { amountCents, customers, aged: ageReceivables(openEntries, workDate) };
}

/**
 * The same figures from the remaining amount of the open entries per due date (the kept
 * `dueDateTotals`) and the count of customers whose Balance Due is above zero: the aged
 * receivables and Overdue Amount need only the totals per due date, never the entries.
 */
export function overdueFiguresOfTotals(
	totals: readonly { dueDate: string; remainingCents: number }[],
	customers: number,
	workDate: string
): OverdueFigures {
	const aged = ageReceivables(
		totals.map((total) => ({
			open: 1 as const,
			dueDate: total.dueDate,
			remainingAmountCents: total.remainingCents
		})),
		workDate
	);
	const amountCents = aged.days1to30 + aged.days31to60 + aged.days61to90 + aged.over90;
	return { amountCents, customers, aged };
}

/** A customer's Balance Due at the work date: the remaining amount of its open entries due before. */
export function balanceDueOf(
	open: readonly Pick<CustLedgerEntry, 'open' | 'dueDate' | 'remainingAmountCents'>[],
	workDate: string
): number {
	return open
		.filter((entry) => isOverdue(entry, workDate))
		.reduce((cents, entry) => cents + entry.remainingAmountCents, 0);
}

/**
 * The instants a calendar day of the user's time zone starts and ends at (the end excluded),
 * as ISO timestamps: refused attempts are stamped in UTC, "today" is the clerk's day.
 */
export function dayBounds(day: string): [start: string, end: string] {
	const start = new Date(`${day}T00:00:00`);
	const end = new Date(start);
	end.setDate(end.getDate() + 1);
	return [start.toISOString(), end.toISOString()];
}
