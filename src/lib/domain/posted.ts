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
	/**
	 * The application transaction the record belongs to (a posted journal line, an Apply
	 * Entries, an Unapply Entries), as Business Central's Transaction No.; absent on records
	 * written before applications could be undone.
	 */
	transactionNo?: number;
	/** Set on a record Unapply Entries undid and on the reversing record it wrote for it. */
	unapplied?: boolean;
	/** On a reversing record (negative amount): the id of the record it undoes. */
	reversesId?: string;
}

/**
 * A customer's ledger totals, kept in the same transaction as every entry written or applied,
 * so the card and the statistics read one row instead of summing entries.
 */
export interface CustomerTotals {
	customerNo: string;
	/** The sum of the remaining amounts of the customer's entries (its balance). */
	balanceCents: number;
	openEntries: number;
	entries: number;
}

/** The totals as the entries themselves give them (to rebuild, and to check against). */
export function totalsOf(
	customerNo: string,
	entries: readonly Pick<CustLedgerEntry, 'remainingAmountCents' | 'open'>[]
): CustomerTotals {
	const totals = { customerNo, balanceCents: 0, openEntries: 0, entries: 0 };
	for (const entry of entries) {
		totals.balanceCents += entry.remainingAmountCents;
		totals.openEntries += entry.open;
		totals.entries += 1;
	}
	return totals;
}
