import { lineAmountCents } from './amounts';
import type { SalesDocumentType, SalesLine } from './sales-document';
import type { Action } from './policy';

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

/**
 * What the clerk asked to post: an order's Ship, Invoice or Ship and Invoice (on a return
 * order Receive, Invoice, Receive and Invoice), or Post on an invoice or credit memo.
 */
export type PostKind = 'ship' | 'invoice' | 'shipAndInvoice' | 'post';

/** The document types that are posted (quotes and blanket orders are converted instead). */
export type PostableDocumentType = Exclude<SalesDocumentType, 'Quote' | 'BlanketOrder'>;

export function postKindOf(ship: boolean, invoice: boolean): PostKind {
	return ship && invoice ? 'shipAndInvoice' : ship ? 'ship' : 'invoice';
}

/** The item lines a posting of an invoice or credit memo writes: those with a quantity. */
export function documentLinesToPost(lines: readonly SalesLine[]): SalesLine[] {
	return lines.filter((line) => line.type === 'Item' && line.no !== '' && line.quantity > 0);
}

/** What an order posting ships (Qty. to Ship) and invoices (Qty. to Invoice, capped). */
export function orderLinesToPost(
	lines: readonly SalesLine[],
	kind: PostKind
): { toShip: SalesLine[]; toInvoice: Array<{ line: SalesLine; quantity: number }> } {
	const ship = kind !== 'invoice';
	const items = lines.filter((line) => line.type === 'Item' && line.no !== '');
	return {
		toShip: ship ? items.filter((line) => line.qtyToShip > 0) : [],
		toInvoice:
			kind === 'ship'
				? []
				: items
						.map((line) => ({ line, quantity: quantityToInvoiceNow(line, ship) }))
						.filter(({ quantity }) => quantity > 0)
	};
}

/**
 * The one policy action a posting needs, asked by the Post buttons and by the posting
 * commands alike (spec/blocking-policy.md):
 * - an order posting that ships something is `order.postShip`; one that only invoices what
 *   was shipped before is `order.postInvoice` (so a Ship-blocked customer can still be
 *   invoiced for it);
 * - an invoice whose every line with a quantity came from Get Shipment Lines only invoices
 *   those shipments: `invoice.postFromShipments`; one own line with a quantity ships it, so
 *   `invoice.post`. A line of quantity 0 ships nothing and does not count.
 * When nothing would be posted, the command says so before it asks the policy.
 */
export function postingAction(
	documentType: PostableDocumentType,
	lines: readonly SalesLine[],
	kind: PostKind
): Action {
	switch (documentType) {
		case 'CreditMemo':
			return 'creditMemo.post';
		case 'ReturnOrder':
			return 'returnOrder.post';
		case 'Invoice':
			return documentLinesToPost(lines).some((line) => !line.shipmentLineId)
				? 'invoice.post'
				: 'invoice.postFromShipments';
		case 'Order': {
			if (kind === 'ship') return 'order.postShip';
			if (kind === 'invoice') return 'order.postInvoice';
			return orderLinesToPost(lines, kind).toShip.length > 0
				? 'order.postShip'
				: 'order.postInvoice';
		}
	}
}
