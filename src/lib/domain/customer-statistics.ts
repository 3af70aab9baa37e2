import { lineAmountCents } from './amounts';
import type { CustLedgerEntry } from './posted';
import type { SalesLine } from './sales-document';

/** The customer card's Statistics: what the customer owes and what its orders still hold. */
export interface CustomerStatistics {
	balanceCents: number;
	balanceDueCents: number;
	outstandingOrdersCents: number;
	shippedNotInvoicedCents: number;
}

/** An order line's amount pro rata of a quantity of it (0 for a line without a quantity). */
function amountOfQuantityCents(line: SalesLine, quantity: number): number {
	if (line.type !== 'Item' || line.quantity === 0) return 0;
	return Math.round((lineAmountCents(line) * quantity) / line.quantity);
}

/** The amount of what is left to ship on an order line (Outstanding Amount). */
export function outstandingAmountCents(line: SalesLine): number {
	return amountOfQuantityCents(line, line.quantity - line.quantityShipped);
}

/** The amount of what was shipped and not invoiced yet on an order line. */
export function shippedNotInvoicedAmountCents(line: SalesLine): number {
	return amountOfQuantityCents(line, line.quantityShipped - line.quantityInvoiced);
}

/**
 * The statistics from what the card read: the balance the postings keep, Balance Due from the
 * open entries due before the work date (so it moves with the work date), and the order
 * figures from the lines of the orders the customer is billed for.
 */
export function customerStatistics(read: {
	balanceCents: number;
	openEntries: readonly CustLedgerEntry[];
	orderLines: readonly SalesLine[];
	workDate: string;
}): CustomerStatistics {
	const sum = (amounts: number[]) => amounts.reduce((total, amount) => total + amount, 0);
	return {
		balanceCents: read.balanceCents,
		balanceDueCents: sum(
			read.openEntries
				.filter((entry) => entry.dueDate < read.workDate)
				.map((entry) => entry.remainingAmountCents)
		),
		outstandingOrdersCents: sum(read.orderLines.map(outstandingAmountCents)),
		shippedNotInvoicedCents: sum(read.orderLines.map(shippedNotInvoicedAmountCents))
	};
}
