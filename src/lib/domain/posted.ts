/** Posted documents and customer ledger entries: written by posting, never edited after. */

export interface PostedLine {
	id: string;
	documentNo: string;
	lineNo: number;
	type: 'Item' | 'Comment';
	no: string;
	description: string;
	unitOfMeasure: string;
	quantity: number;
	unitPriceCents: number;
	lineDiscountPct: number;
	vatPct: number;
	amountCents: number;
	vatCents: number;
}

export interface PostedHeader {
	no: string;
	sellToCustomerNo: string;
	sellToName: string;
	billToCustomerNo: string;
	billToName: string;
	postingDate: string;
	documentDate: string;
	dueDate: string;
	externalDocumentNo: string;
	/** The sales document it was posted from (order, invoice, credit memo, return order). */
	sourceNo: string;
	amountCents: number;
	vatCents: number;
	amountInclVatCents: number;
}

export interface PostedInvoice extends PostedHeader {
	/** Set when Cancel or Correct posted a credit memo for all of it. */
	cancelledBy: string;
}

export interface PostedCreditMemo extends PostedHeader {
	/** The posted invoice this credit memo cancels, if any. */
	cancels: string;
}

/** A posted shipment (orders) or return receipt (return orders). */
export interface Shipment {
	no: string;
	orderNo: string;
	sellToCustomerNo: string;
	sellToName: string;
	billToCustomerNo: string;
	billToName: string;
	postingDate: string;
}

export interface ShipmentLine {
	id: string;
	shipmentNo: string;
	lineNo: number;
	orderNo: string;
	orderLineId: string;
	billToCustomerNo: string;
	no: string;
	description: string;
	unitOfMeasure: string;
	quantity: number;
	quantityInvoiced: number;
	unitPriceCents: number;
	lineDiscountPct: number;
	vatPct: number;
}

export type LedgerDocumentType =
	'Invoice' | 'Credit Memo' | 'Payment' | 'Refund' | 'Finance Charge Memo' | 'Reminder';

export interface CustLedgerEntry {
	entryNo: number;
	customerNo: string;
	postingDate: string;
	documentType: LedgerDocumentType;
	documentNo: string;
	description: string;
	amountCents: number;
	remainingAmountCents: number;
	dueDate: string;
	/** Stored as 1/0 so it can be indexed. */
	open: 0 | 1;
	onHold: string;
	noOfReminders: number;
	closedByEntryNo: number;
	closedAtDate: string;
}

export interface Application {
	id: string;
	/** The entry that was applied (e.g. an invoice). */
	entryNo: number;
	/** The entry applied to it (e.g. a payment or credit memo). */
	appliedByEntryNo: number;
	amountCents: number;
	postingDate: string;
}
