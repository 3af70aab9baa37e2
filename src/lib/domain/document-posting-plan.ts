import { lineAmountCents } from './amounts';
import type { ShipmentLine } from './posted';
import {
	documentLinesToPost,
	isFullyPosted,
	postingAction,
	round5,
	withDefaultQuantities
} from './posting-rules';
import {
	addPostedDocument,
	addShipment,
	checkParties,
	emptyPlan,
	missing,
	notPostable,
	nothingToPost,
	planned,
	refused,
	type Planned,
	type PostingContext,
	type PostingPlan,
	type Refused
} from './posting-plan';
import { documentVersion, type SalesHeader, type SalesLine } from './sales-document';

export interface DocumentPostingInput {
	header: SalesHeader;
	/** Every line of the invoice or credit memo (comments too). */
	lines: readonly SalesLine[];
	/** The posted shipment lines that the invoice's Get Shipment Lines lines invoice. */
	shipmentLines: readonly ShipmentLine[];
	/** The orders behind those shipment lines: their headers and all their lines. */
	orderHeaders: readonly SalesHeader[];
	orderLines: readonly SalesLine[];
}

/**
 * Posting a sales invoice or credit memo; the document is removed. An invoice with lines of
 * its own ships them too (a posted shipment) and is `invoice.post`; one whose lines all came
 * from Get Shipment Lines only invoices those shipments and is `invoice.postFromShipments`,
 * and the orders behind them record what is invoiced (an order fully invoiced is removed).
 */
export function planDocumentPosting(input: DocumentPostingInput, context: PostingContext): Planned {
	const { header } = input;
	if (header.documentType !== 'Invoice' && header.documentType !== 'CreditMemo') {
		return notPostable(header.no);
	}
	const lines = documentLinesToPost(input.lines);
	if (lines.length === 0) return nothingToPost();
	const blocked = checkParties(context.parties, postingAction(header.documentType, lines, 'post'));
	if (blocked) return blocked;

	const plan = emptyPlan();
	plan.result.removed = true;
	if (header.documentType === 'Invoice') {
		const own = lines.filter((line) => !line.shipmentLineId);
		if (own.length > 0) {
			const drafts = own.map((line) => ({
				line,
				quantity: line.quantity,
				invoiced: line.quantity
			}));
			plan.result.shipmentNo = addShipment(plan, context, 'shipment', header, drafts).header.no;
		}
		const refusal = invoiceShipments(
			plan,
			input,
			lines.filter((line) => line.shipmentLineId)
		);
		if (refusal) return refusal;
	}
	const posted = addPostedDocument(
		plan,
		context,
		header.documentType === 'Invoice' ? 'invoice' : 'creditMemo',
		header,
		header.no,
		lines.map((line) => ({ line, quantity: line.quantity, amountCents: lineAmountCents(line) }))
	);
	if ('ok' in posted) return posted;
	plan.deleted.push({ no: header.no, lineIds: input.lines.map((line) => line.id) });
	return planned(plan, context);
}

/**
 * Invoices the shipment lines behind Get Shipment Lines lines, one line after the other: each
 * may not invoice more than its shipment line has left, and the order line behind it records
 * the quantity invoiced (its order changes version, and goes when it is fully posted).
 */
function invoiceShipments(
	plan: PostingPlan,
	input: DocumentPostingInput,
	lines: readonly SalesLine[]
): Refused | null {
	const shipmentLines = new Map(input.shipmentLines.map((line) => [line.id, line]));
	const orderLines = new Map(input.orderLines.map((line) => [line.id, line]));
	const versions = new Map(input.orderHeaders.map((order) => [order.no, documentVersion(order)]));
	const invoiced = new Map<string, number>();
	const changedLines = new Set<string>();
	const removed = new Set<string>();
	for (const line of lines) {
		const shipmentLine = shipmentLines.get(line.shipmentLineId);
		if (!shipmentLine) return missing('Shipment line', line.shipmentNo);
		if (line.quantity > round5(shipmentLine.quantity - shipmentLine.quantityInvoiced)) {
			return refused(
				'error.shipmentOverInvoiced',
				`Shipment ${line.shipmentNo} has less left to invoice.`,
				{ no: line.shipmentNo }
			);
		}
		const quantityInvoiced = round5(shipmentLine.quantityInvoiced + line.quantity);
		shipmentLines.set(shipmentLine.id, { ...shipmentLine, quantityInvoiced });
		invoiced.set(shipmentLine.id, quantityInvoiced);

		const orderLine = orderLines.get(shipmentLine.orderLineId);
		if (!shipmentLine.orderLineId || !orderLine || removed.has(orderLine.documentNo)) continue;
		const next = {
			...orderLine,
			quantityInvoiced: round5(orderLine.quantityInvoiced + line.quantity)
		};
		orderLines.set(next.id, { ...next, ...withDefaultQuantities(next) });
		changedLines.add(next.id);
		const orderNo = orderLine.documentNo;
		const version = versions.get(orderNo);
		if (version !== undefined) versions.set(orderNo, version + 1);
		const ofOrder = [...orderLines.values()].filter(
			(candidate) => candidate.documentNo === orderNo
		);
		if (isFullyPosted(ofOrder)) removed.add(orderNo);
	}

	plan.invoicedShipmentLines = {
		kind: 'shipment',
		lines: [...invoiced].map(([id, quantityInvoiced]) => ({ id, quantityInvoiced }))
	};
	for (const id of changedLines) {
		const line = orderLines.get(id)!;
		if (removed.has(line.documentNo)) continue;
		const { quantityInvoiced, qtyToShip, qtyToInvoice } = line;
		plan.lineChanges.push({ id, changes: { quantityInvoiced, qtyToShip, qtyToInvoice } });
	}
	for (const order of input.orderHeaders) {
		const version = versions.get(order.no)!;
		if (removed.has(order.no) || version === documentVersion(order)) continue;
		plan.headerChanges.push({ no: order.no, changes: { version } });
	}
	for (const orderNo of removed) {
		const lineIds = [...orderLines.values()]
			.filter((line) => line.documentNo === orderNo)
			.map((line) => line.id);
		plan.deleted.push({ no: orderNo, lineIds });
	}
	return null;
}
