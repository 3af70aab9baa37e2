import type { Customer } from './customer';
import { addDays } from './dates';
import type { Action } from './policy';

/** Business Central's sales document types. */
export type SalesDocumentType =
	'Quote' | 'Order' | 'Invoice' | 'CreditMemo' | 'BlanketOrder' | 'ReturnOrder';

export const SALES_DOCUMENT_TYPES: readonly SalesDocumentType[] = [
	'Quote',
	'Order',
	'Invoice',
	'CreditMemo',
	'BlanketOrder',
	'ReturnOrder'
];

/** The policy action that guards creating a document of each type. */
export const CREATE_ACTION: Record<SalesDocumentType, Action> = {
	Quote: 'quote.create',
	Order: 'order.create',
	Invoice: 'invoice.create',
	CreditMemo: 'creditMemo.create',
	BlanketOrder: 'blanketOrder.create',
	ReturnOrder: 'returnOrder.create'
};

/** The number series each document type draws its No. from. */
export const DOCUMENT_SERIES: Record<SalesDocumentType, string> = {
	Quote: 'S-QUO',
	Order: 'S-ORD',
	Invoice: 'S-INV',
	CreditMemo: 'S-CR',
	BlanketOrder: 'S-BLK',
	ReturnOrder: 'S-RET'
};

export type DocumentStatus = 'Open' | 'Released';

export const DOCUMENT_STATUSES: readonly DocumentStatus[] = ['Open', 'Released'];

export interface SalesHeader {
	no: string;
	documentType: SalesDocumentType;
	sellToCustomerNo: string;
	sellToName: string;
	billToCustomerNo: string;
	billToName: string;
	documentDate: string;
	postingDate: string;
	dueDate: string;
	externalDocumentNo: string;
	status: DocumentStatus;
	createdAt: string;
	/** Totals of the lines, kept by every line command in the same transaction. */
	amountCents: number;
	amountInclVatCents: number;
	/**
	 * Raised by one by every command that changes the header or its lines. A page sends the
	 * version it read, and a command refuses a document changed since (optimistic concurrency).
	 * Rows stored before versions existed have none.
	 */
	version?: number;
}

/** The version of a document; one stored before versions existed is version 0. */
export function documentVersion(header: Pick<SalesHeader, 'version'>): number {
	return header.version ?? 0;
}

export interface SalesLine {
	id: string;
	documentNo: string;
	lineNo: number;
	type: 'Item' | 'Comment';
	no: string;
	description: string;
	quantity: number;
	unitPriceCents: number;
	lineDiscountPct: number;
	vatPct: number;
	unitOfMeasure: string;
	/** On a blanket order: how much of the line has gone into orders so far. */
	quantityOrdered: number;
	/** On an order made from a blanket order: the blanket line it came from. */
	blanketOrderNo: string;
	blanketOrderLineId: string;
	/** Order: Qty. to Ship; return order: Return Qty. to Receive. */
	qtyToShip: number;
	/** Order: Quantity Shipped; return order: Return Qty. Received. */
	quantityShipped: number;
	qtyToInvoice: number;
	quantityInvoiced: number;
	/** On an invoice line from Get Shipment Lines: the posted shipment line it invoices. */
	shipmentNo: string;
	shipmentLineId: string;
}

export type LineType = SalesLine['type'];

export const LINE_TYPES: readonly LineType[] = ['Item', 'Comment'];

/** A document sells something when it has an item line with a quantity (Release, conversions). */
export function hasSomethingToSell(lines: readonly SalesLine[]): boolean {
	return lines.some((line) => line.type === 'Item' && line.no !== '' && line.quantity > 0);
}

/** Line No. step between lines, as in Business Central (10000, 20000, …). */
export const LINE_STEP = 10_000;

/** What a command reads or draws for a new header: its No., the work date, the time. */
export interface HeaderStart {
	no: string;
	/** The work date: Document Date and Posting Date. */
	workDate: string;
	/** The bill-to's payment terms: the Due Date is this many days after the Document Date. */
	dueDays: number;
	createdAt: string;
}

/** A new sales header: open, version 0, totals zero until lines are added. */
export function newSalesHeader(
	input: HeaderStart & {
		documentType: SalesDocumentType;
		sellTo: Pick<Customer, 'no' | 'name'>;
		billTo: Pick<Customer, 'no' | 'name'>;
		externalDocumentNo?: string;
	}
): SalesHeader {
	return {
		no: input.no,
		documentType: input.documentType,
		sellToCustomerNo: input.sellTo.no,
		sellToName: input.sellTo.name,
		billToCustomerNo: input.billTo.no,
		billToName: input.billTo.name,
		documentDate: input.workDate,
		postingDate: input.workDate,
		dueDate: addDays(input.workDate, input.dueDays),
		externalDocumentNo: input.externalDocumentNo ?? '',
		status: 'Open',
		createdAt: input.createdAt,
		amountCents: 0,
		amountInclVatCents: 0,
		version: 0
	};
}

/**
 * A new sales line: an empty Item line unless `fields` says otherwise. Quantities, blanket
 * and shipment links start at zero or empty; give them when the line is made from another one.
 */
export function newSalesLine(
	fields: Pick<SalesLine, 'id' | 'documentNo' | 'lineNo'> & Partial<SalesLine>
): SalesLine {
	return {
		type: 'Item',
		no: '',
		description: '',
		quantity: 0,
		unitPriceCents: 0,
		lineDiscountPct: 0,
		vatPct: 0,
		unitOfMeasure: '',
		quantityOrdered: 0,
		blanketOrderNo: '',
		blanketOrderLineId: '',
		qtyToShip: 0,
		quantityShipped: 0,
		qtyToInvoice: 0,
		quantityInvoiced: 0,
		shipmentNo: '',
		shipmentLineId: '',
		...fields
	};
}

/** Header fields a clerk edits directly (customers have their own commands). */
export type EditableHeaderField = 'documentDate' | 'postingDate' | 'dueDate' | 'externalDocumentNo';

/** Line fields a clerk edits directly. */
export type EditableLineField =
	| 'type'
	| 'no'
	| 'description'
	| 'quantity'
	| 'unitPriceCents'
	| 'lineDiscountPct'
	| 'vatPct'
	| 'qtyToShip'
	| 'qtyToInvoice';

/**
 * The one list of what can still be done with an open document of each type, in the policy's
 * names: its banner says which of them a block stops, and the block impact preview which a new
 * level would stop. An invoice is posted as `invoice.post` or `invoice.postFromShipments`
 * depending on its lines (see `postingAction` in posting.ts), so it lists both.
 */
export const DOCUMENT_ACTIONS: Readonly<Record<SalesDocumentType, readonly Action[]>> = {
	Quote: ['quote.makeOrder', 'quote.makeInvoice'],
	Order: ['order.postShip', 'order.postInvoice'],
	Invoice: ['invoice.post', 'invoice.postFromShipments'],
	CreditMemo: ['creditMemo.post'],
	BlanketOrder: ['blanketOrder.makeOrder'],
	ReturnOrder: ['returnOrder.post']
};
