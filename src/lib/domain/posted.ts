import { vatCents } from './amounts';
import { billToDetailsOf, type BillToSource, type PostedBillToDetails } from './posted-bill-to';

/**
 * Posted documents and customer ledger entries: written by posting, never edited after. Each
 * record is built by its constructor here (newPostedLine, newPostedHeader, newShipment,
 * newShipmentLine, newLedgerEntry), by the posting plans and by anything else that writes one.
 */

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
	/** The bill-to's address, VAT number and language at posting; absent on older documents. */
	billToDetails?: PostedBillToDetails;
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

export const LEDGER_DOCUMENT_TYPES = [
	'Invoice',
	'Credit Memo',
	'Payment',
	'Refund',
	'Finance Charge Memo',
	'Reminder'
] as const;

export type LedgerDocumentType = (typeof LEDGER_DOCUMENT_TYPES)[number];

/** On Hold is a code of at most three characters, as in Business Central. */
export const ON_HOLD_MAX = 3;

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

/** What a posted line copies from the line it was posted from. */
export type PostedLineSource = Pick<
	PostedLine,
	'type' | 'no' | 'description' | 'unitOfMeasure' | 'unitPriceCents' | 'lineDiscountPct' | 'vatPct'
>;

/** A posted invoice or credit memo line for `quantity` of a line, worth `amountCents` (VAT added). */
export function newPostedLine(
	line: PostedLineSource,
	fields: Pick<PostedLine, 'id' | 'documentNo' | 'lineNo' | 'quantity' | 'amountCents'>
): PostedLine {
	return {
		...fields,
		type: line.type,
		no: line.no,
		description: line.description,
		unitOfMeasure: line.unitOfMeasure,
		unitPriceCents: line.unitPriceCents,
		lineDiscountPct: line.lineDiscountPct,
		vatPct: line.vatPct,
		vatCents: vatCents(fields.amountCents, line.vatPct)
	};
}

/** What a posted header copies from the document (or the posted invoice) it was posted from. */
export type PostedHeaderSource = Pick<
	PostedHeader,
	| 'sellToCustomerNo'
	| 'sellToName'
	| 'billToCustomerNo'
	| 'billToName'
	| 'postingDate'
	| 'documentDate'
	| 'dueDate'
	| 'externalDocumentNo'
	| 'billToDetails'
>;

/**
 * A posted invoice or credit memo header whose totals are the sums of its posted lines. It
 * copies the bill-to customer's details (`billTo`, the card the posting read), unless the source
 * is a posted document with its own copy (a cancelling credit memo keeps the invoice's).
 */
export function newPostedHeader(
	source: PostedHeaderSource,
	no: string,
	sourceNo: string,
	lines: readonly Pick<PostedLine, 'amountCents' | 'vatCents'>[],
	billTo?: BillToSource
): PostedHeader {
	const billToDetails = source.billToDetails ?? (billTo ? billToDetailsOf(billTo) : undefined);
	const amountCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
	const vat = lines.reduce((sum, line) => sum + line.vatCents, 0);
	return {
		no,
		sellToCustomerNo: source.sellToCustomerNo,
		sellToName: source.sellToName,
		billToCustomerNo: source.billToCustomerNo,
		billToName: source.billToName,
		postingDate: source.postingDate,
		documentDate: source.documentDate,
		dueDate: source.dueDate,
		externalDocumentNo: source.externalDocumentNo,
		sourceNo,
		amountCents,
		vatCents: vat,
		amountInclVatCents: amountCents + vat,
		...(billToDetails ? { billToDetails } : {})
	};
}

/** A posted shipment (or return receipt) header of a document. */
export function newShipment(
	source: Pick<
		Shipment,
		'sellToCustomerNo' | 'sellToName' | 'billToCustomerNo' | 'billToName' | 'postingDate'
	>,
	no: string,
	orderNo: string
): Shipment {
	return {
		no,
		orderNo,
		sellToCustomerNo: source.sellToCustomerNo,
		sellToName: source.sellToName,
		billToCustomerNo: source.billToCustomerNo,
		billToName: source.billToName,
		postingDate: source.postingDate
	};
}

/** What a shipment line copies from the line it ships. */
export type ShipmentLineSource = Pick<
	ShipmentLine,
	'no' | 'description' | 'unitOfMeasure' | 'unitPriceCents' | 'lineDiscountPct' | 'vatPct'
>;

/** A posted shipment (or return receipt) line for `quantity` of a line. */
export function newShipmentLine(
	line: ShipmentLineSource,
	fields: Pick<
		ShipmentLine,
		| 'id'
		| 'shipmentNo'
		| 'lineNo'
		| 'orderNo'
		| 'orderLineId'
		| 'billToCustomerNo'
		| 'quantity'
		| 'quantityInvoiced'
	>
): ShipmentLine {
	return {
		...fields,
		no: line.no,
		description: line.description,
		unitOfMeasure: line.unitOfMeasure,
		unitPriceCents: line.unitPriceCents,
		lineDiscountPct: line.lineDiscountPct,
		vatPct: line.vatPct
	};
}

/**
 * The description an entry gets when none is typed: "Invoice PSI-1001". Stored in English; the
 * UI recognises it and shows the Document Type in its own language.
 */
export function generatedDescription(
	entry: Pick<CustLedgerEntry, 'documentType' | 'documentNo'>
): string {
	return `${entry.documentType} ${entry.documentNo}`;
}

/**
 * A new customer ledger entry, open for its whole amount (an entry of 0 is closed at once),
 * never reminded, on hold or applied. The description defaults to the generated one.
 */
export function newLedgerEntry(
	fields: Pick<
		CustLedgerEntry,
		| 'entryNo'
		| 'customerNo'
		| 'postingDate'
		| 'documentType'
		| 'documentNo'
		| 'amountCents'
		| 'dueDate'
	> &
		Partial<Pick<CustLedgerEntry, 'description'>>
): CustLedgerEntry {
	return {
		description: generatedDescription(fields),
		...fields,
		remainingAmountCents: fields.amountCents,
		open: fields.amountCents === 0 ? 0 : 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: ''
	};
}

/**
 * A change of an entry's remaining amount and open state: what applying or unapplying
 * (domain/applications.ts) makes of it.
 */
export type LedgerEntryChange = Pick<
	CustLedgerEntry,
	'entryNo' | 'remainingAmountCents' | 'open' | 'closedByEntryNo' | 'closedAtDate'
>;

/**
 * A customer's totals after entries were added and changed: `before` as stored (none yet for
 * a new customer); `changed` pairs each entry as read with its change.
 */
export function totalsAfter(
	customerNo: string,
	before: CustomerTotals | undefined,
	added: readonly Pick<CustLedgerEntry, 'customerNo' | 'remainingAmountCents' | 'open'>[],
	changed: ReadonlyArray<{
		entry: Pick<CustLedgerEntry, 'customerNo' | 'remainingAmountCents' | 'open'>;
		change: Pick<LedgerEntryChange, 'remainingAmountCents' | 'open'>;
	}>
): CustomerTotals {
	const totals = { ...(before ?? totalsOf(customerNo, [])), customerNo };
	for (const entry of added) {
		if (entry.customerNo !== customerNo) continue;
		totals.balanceCents += entry.remainingAmountCents;
		totals.openEntries += entry.open;
		totals.entries += 1;
	}
	for (const { entry, change } of changed) {
		if (entry.customerNo !== customerNo) continue;
		totals.balanceCents += change.remainingAmountCents - entry.remainingAmountCents;
		totals.openEntries += change.open - entry.open;
	}
	return totals;
}
