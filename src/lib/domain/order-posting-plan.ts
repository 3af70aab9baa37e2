import type { ShipmentLine } from './posted';
import {
	isFullyPosted,
	orderLinesToPost,
	postingAction,
	postKindOf,
	proRataAmountCents,
	round5,
	shippedNotInvoiced,
	withDefaultQuantities
} from './posting-rules';
import {
	addPostedDocument,
	addShipment,
	checkParties,
	emptyPlan,
	notPostable,
	nothingToPost,
	planned,
	type Planned,
	type PostingContext,
	type PostingPlan,
	type ShipmentKind
} from './posting-plan';
import { documentVersion, type SalesHeader, type SalesLine } from './sales-document';

export interface OrderPostingInput {
	header: SalesHeader;
	/** Every line of the order (comments too). */
	lines: readonly SalesLine[];
	ship: boolean;
	invoice: boolean;
	/** The posted shipment (return receipt) lines of the order's lines, to invoice from. */
	shipped: readonly ShipmentLine[];
}

/**
 * Posting a sales order (Ship, Invoice, or both) or a return order (Receive, Credit, or both).
 * The policy is asked for the action the posting needs (postingAction): shipping only when a
 * line still has a Qty. to Ship, so a Ship-blocked customer can still be invoiced for what was
 * shipped before the block. A fully shipped and invoiced order is removed; otherwise its lines
 * get their new quantities and the order stays Released.
 */
export function planOrderPosting(input: OrderPostingInput, context: PostingContext): Planned {
	const { header } = input;
	if (header.documentType !== 'Order' && header.documentType !== 'ReturnOrder') {
		return notPostable(header.no);
	}
	const isReturn = header.documentType === 'ReturnOrder';
	const lines = input.lines.filter((line) => line.type === 'Item' && line.no !== '');
	const posting = postKindOf(input.ship, input.invoice);
	const { toShip, toInvoice } =
		input.ship || input.invoice ? orderLinesToPost(lines, posting) : { toShip: [], toInvoice: [] };
	if (toShip.length === 0 && toInvoice.length === 0) return nothingToPost();
	const blocked = checkParties(context.parties, postingAction(header.documentType, lines, posting));
	if (blocked) return blocked;

	const plan = emptyPlan();
	const kind: ShipmentKind = isReturn ? 'receipt' : 'shipment';
	const updated = new Map(lines.map((line) => [line.id, { ...line }]));
	// A line shipped now with nothing shipped and not invoiced before invoices from this
	// shipment alone; any other line invoices its shipments oldest first.
	const invoicedNow = new Map(toInvoice.map(({ line, quantity }) => [line.id, quantity]));
	const fromThisShipment = new Set(
		toShip.filter((line) => shippedNotInvoiced(line) === 0).map((line) => line.id)
	);
	if (toShip.length > 0) {
		const shipment = addShipment(
			plan,
			context,
			kind,
			header,
			toShip.map((line) => ({
				line,
				quantity: line.qtyToShip,
				invoiced: fromThisShipment.has(line.id) ? (invoicedNow.get(line.id) ?? 0) : 0
			}))
		);
		plan.result.shipmentNo = shipment.header.no;
		for (const line of toShip) {
			const next = updated.get(line.id)!;
			next.quantityShipped = round5(next.quantityShipped + line.qtyToShip);
		}
	}
	if (toInvoice.length > 0) {
		const posted = addPostedDocument(
			plan,
			context,
			isReturn ? 'creditMemo' : 'invoice',
			header,
			header.no,
			toInvoice.map(({ line, quantity }) => ({
				line,
				quantity,
				amountCents: proRataAmountCents(line, line.quantityInvoiced, quantity)
			}))
		);
		if ('ok' in posted) return posted;
		invoiceShipmentLines(
			plan,
			kind,
			input.shipped,
			toInvoice.filter(({ line }) => !fromThisShipment.has(line.id))
		);
		for (const { line, quantity } of toInvoice) {
			const next = updated.get(line.id)!;
			next.quantityInvoiced = round5(next.quantityInvoiced + quantity);
		}
	}

	if (isFullyPosted(input.lines.map((line) => updated.get(line.id) ?? line))) {
		plan.deleted.push({ no: header.no, lineIds: input.lines.map((line) => line.id) });
		plan.result.removed = true;
	} else {
		plan.lineChanges = [...updated.values()].map((line) => ({
			id: line.id,
			changes: {
				quantityShipped: line.quantityShipped,
				quantityInvoiced: line.quantityInvoiced,
				...withDefaultQuantities(line)
			}
		}));
		plan.headerChanges.push({
			no: header.no,
			changes: { status: 'Released', version: documentVersion(header) + 1 }
		});
	}
	return planned(plan, context);
}

/**
 * Marks the quantity of each order line invoiced on its shipment lines, oldest shipment first:
 * the earlier shipments as read and the one this posting writes.
 */
function invoiceShipmentLines(
	plan: PostingPlan,
	kind: ShipmentKind,
	shipped: readonly ShipmentLine[],
	invoiced: ReadonlyArray<{ line: SalesLine; quantity: number }>
): void {
	const fresh = plan.shipment?.lines ?? [];
	const freshIds = new Set(fresh.map((line) => line.id));
	const candidates = [...shipped, ...fresh].sort((a, b) =>
		a.shipmentNo.localeCompare(b.shipmentNo)
	);
	const changed = new Map<string, number>();
	for (const { line, quantity } of invoiced) {
		let left = quantity;
		for (const shipmentLine of candidates) {
			if (left <= 0) break;
			if (shipmentLine.orderLineId !== line.id) continue;
			const take = Math.min(left, round5(shipmentLine.quantity - shipmentLine.quantityInvoiced));
			if (take <= 0) continue;
			const quantityInvoiced = round5(shipmentLine.quantityInvoiced + take);
			// A line of this posting's shipment is written invoiced; an earlier one is changed.
			if (freshIds.has(shipmentLine.id)) shipmentLine.quantityInvoiced = quantityInvoiced;
			else changed.set(shipmentLine.id, quantityInvoiced);
			left = round5(left - take);
		}
	}
	plan.invoicedShipmentLines = {
		kind,
		lines: [...changed].map(([id, quantityInvoiced]) => ({ id, quantityInvoiced }))
	};
}
