import { lineAmountCents } from './amounts';
import type { SalesLine } from './documents';

/** Quantity - Quantity Shipped: what is left to ship (or, on a return order, to receive). */
export function outstandingQuantity(line: SalesLine): number {
	return round5(line.quantity - line.quantityShipped);
}

/** Quantity Shipped - Quantity Invoiced. */
export function shippedNotInvoiced(line: SalesLine): number {
	return round5(line.quantityShipped - line.quantityInvoiced);
}

/**
 * What the next Invoice may post: what was shipped and not yet invoiced, plus Qty. to Ship
 * when shipping in the same posting. Qty. to Invoice above that is capped, as Business
 * Central's posting does.
 */
export function quantityToInvoiceNow(line: SalesLine, shipping: boolean): number {
	const max = shippedNotInvoiced(line) + (shipping ? line.qtyToShip : 0);
	return round5(Math.max(0, Math.min(line.qtyToInvoice, max)));
}

/**
 * The amount of `quantity` more of a line, pro rata of the whole line, so that the partial
 * invoices of a line always add up to its Line Amount whatever the rounding.
 */
export function proRataAmountCents(
	line: SalesLine,
	alreadyInvoiced: number,
	quantity: number
): number {
	const whole = lineAmountCents(line);
	if (line.quantity === 0) return 0;
	const upTo = (invoiced: number) => Math.round((whole * invoiced) / line.quantity);
	return upTo(round5(alreadyInvoiced + quantity)) - upTo(alreadyInvoiced);
}

/** Quantities carry 5 decimals; keep sums exact at that precision. */
export function round5(value: number): number {
	return Math.round(value * 100_000) / 100_000;
}

/** Defaults after a quantity change or a posting: ship what is left, invoice what will be shipped. */
export function withDefaultQuantities(
	line: SalesLine
): Pick<SalesLine, 'qtyToShip' | 'qtyToInvoice'> {
	return {
		qtyToShip: outstandingQuantity(line),
		qtyToInvoice: round5(line.quantity - line.quantityInvoiced)
	};
}

export function isFullyPosted(lines: readonly SalesLine[]): boolean {
	return lines.every(
		(line) =>
			line.type !== 'Item' ||
			(line.quantityShipped >= line.quantity && line.quantityInvoiced >= line.quantity)
	);
}
