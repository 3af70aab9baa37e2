import { hasAtMostDecimals, QUANTITY_DECIMALS } from './amounts';
import { refused, type PlanResult } from './plan';
import type { Customer } from './customer';
import {
	hasSomethingToSell,
	LINE_STEP,
	newSalesHeader,
	newSalesLine,
	type HeaderStart,
	type SalesDocumentType,
	type SalesHeader,
	type SalesLine
} from './sales-document';
import { planTotals } from './sales-line-rules';

/**
 * Make Order, Make Invoice, blanket Make Order and Copy Document as plans: given the source
 * document and what the command read or drew (customers, No., work date, payment terms), the
 * new document to write. Pure; the commands are in app/document-conversions.ts.
 */

/** A document to write: its header (with the totals of its lines) and its lines. */
export interface NewDocument {
	header: SalesHeader;
	lines: SalesLine[];
}

/** The sell-to and bill-to the policy allowed for the new document. */
export interface DocumentCustomers {
	sellTo: Pick<Customer, 'no' | 'name'>;
	billTo: Pick<Customer, 'no' | 'name'>;
}

/** What the command drew for the new document, and where its line ids come from. */
export type NewDocumentStart = HeaderStart & { newId: () => string };

/**
 * Lines copied into another document, numbered 10000, 20000, … with fresh ids. With
 * `quantities` (blanket Make Order) only lines given a quantity above 0 are copied, for that
 * quantity, and remember the blanket line they came from. Nothing posted or ordered is copied.
 */
export function copiedLines(
	lines: readonly SalesLine[],
	documentNo: string,
	newId: () => string,
	quantities?: ReadonlyMap<string, number>
): SalesLine[] {
	return lines
		.filter((line) => !quantities || (quantities.get(line.id) ?? 0) > 0)
		.map((line, index) => {
			const quantity = quantities?.get(line.id) ?? line.quantity;
			return newSalesLine({
				id: newId(),
				documentNo,
				lineNo: (index + 1) * LINE_STEP,
				type: line.type,
				no: line.no,
				description: line.description,
				quantity,
				unitPriceCents: line.unitPriceCents,
				lineDiscountPct: line.lineDiscountPct,
				vatPct: line.vatPct,
				unitOfMeasure: line.unitOfMeasure,
				blanketOrderNo: quantities ? line.documentNo : '',
				blanketOrderLineId: quantities ? line.id : '',
				qtyToShip: quantity,
				qtyToInvoice: quantity
			});
		});
}

/** The new document with the totals of its lines, refused when they pass the document bound. */
function withTotals(header: SalesHeader, lines: SalesLine[]): PlanResult<NewDocument> {
	const totals = planTotals(lines, 0);
	if (!totals.ok) return totals;
	return { ok: true, plan: { header: { ...header, ...totals.plan }, lines } };
}

/** Make Order / Make Invoice on a quote: the quote's lines on a new order or invoice. */
export function planQuoteConversion(input: {
	quote: SalesHeader;
	lines: readonly SalesLine[];
	target: 'Order' | 'Invoice';
	customers: DocumentCustomers;
	start: NewDocumentStart;
}): PlanResult<NewDocument> {
	const { quote, lines, start } = input;
	if (!hasSomethingToSell(lines)) {
		return refused('error.nothingToConvert', `There is nothing to convert in ${quote.no}.`, {
			no: quote.no
		});
	}
	const header = newSalesHeader({
		...start,
		...input.customers,
		documentType: input.target,
		externalDocumentNo: quote.externalDocumentNo
	});
	return withTotals(header, copiedLines(lines, header.no, start.newId));
}

/** What is left to order on a blanket order line. */
export function remainingOnBlanket(line: SalesLine): number {
	return Math.max(0, line.quantity - line.quantityOrdered);
}

/** A blanket Make Order: the new order, and the blanket lines' new Quantity Ordered. */
export interface BlanketOrderPlan {
	order: NewDocument;
	ordered: Array<{ id: string; quantityOrdered: number }>;
}

/**
 * Make Order on a blanket order for the quantities chosen per item line (default: what is
 * left on it). Each must be from 0 to what is left; at least one must be above 0.
 */
export function planOrderFromBlanket(input: {
	blanket: SalesHeader;
	lines: readonly SalesLine[];
	quantities?: Readonly<Record<string, number>>;
	customers: DocumentCustomers;
	start: NewDocumentStart;
}): PlanResult<BlanketOrderPlan> {
	const { blanket, start } = input;
	const lines = input.lines.filter((line) => line.type === 'Item' && line.no !== '');
	const quantities = new Map<string, number>();
	for (const line of lines) {
		const wanted = input.quantities?.[line.id] ?? remainingOnBlanket(line);
		if (
			!(wanted >= 0) ||
			!hasAtMostDecimals(wanted, QUANTITY_DECIMALS) ||
			wanted > remainingOnBlanket(line)
		) {
			return refused(
				'error.blanketQuantity',
				`You can order from 0 to ${remainingOnBlanket(line)} of ${line.description || line.no}.`,
				{ max: remainingOnBlanket(line), line: line.description || line.no }
			);
		}
		quantities.set(line.id, wanted);
	}
	if (![...quantities.values()].some((quantity) => quantity > 0)) {
		return refused('error.nothingToOrder', `There is nothing to order on ${blanket.no}.`, {
			no: blanket.no
		});
	}
	const header = newSalesHeader({
		...start,
		...input.customers,
		documentType: 'Order',
		externalDocumentNo: blanket.externalDocumentNo
	});
	const order = withTotals(header, copiedLines(lines, header.no, start.newId, quantities));
	if (!order.ok) return order;
	const ordered = lines
		.filter((line) => (quantities.get(line.id) ?? 0) > 0)
		.map((line) => ({
			id: line.id,
			quantityOrdered: line.quantityOrdered + (quantities.get(line.id) ?? 0)
		}));
	return { ok: true, plan: { order: order.plan, ordered } };
}

/**
 * Copy Document: a new document of `toType` with the source's lines. With the header, the
 * source's External Document No. comes along (the command chose the customers).
 */
export function planCopyDocument(input: {
	source: SalesHeader;
	lines: readonly SalesLine[];
	toType: SalesDocumentType;
	includeHeader: boolean;
	customers: DocumentCustomers;
	start: NewDocumentStart;
}): PlanResult<NewDocument> {
	const { source, start } = input;
	const header = newSalesHeader({
		...start,
		...input.customers,
		documentType: input.toType,
		externalDocumentNo: input.includeHeader ? source.externalDocumentNo : ''
	});
	return withTotals(header, copiedLines(input.lines, header.no, start.newId));
}
