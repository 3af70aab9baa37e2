import { checkDocumentTotal } from './bounds';
import type { Customer } from './customer';
import { decideForDocument, type Action, type Decision, type PolicyCustomer } from './policy';
import {
	newLedgerEntry,
	newPostedHeader,
	newPostedLine,
	newShipment,
	newShipmentLine,
	totalsAfter,
	type Application,
	type CustLedgerEntry,
	type CustomerTotals,
	type LedgerEntryChange,
	type PostedCreditMemo,
	type PostedHeaderSource,
	type PostedInvoice,
	type PostedLine,
	type PostedLineSource,
	type Shipment,
	type ShipmentLine,
	type ShipmentLineSource
} from './posted';
import type { PlanRefusal } from './plan';
import { LINE_STEP, type SalesHeader, type SalesLine } from './sales-document';

/**
 * What a posting writes, as a pure plan: the posting commands (app/posting.ts) read the records,
 * a plan function (order-posting-plan.ts, document-posting-plan.ts, invoice-cancel-plan.ts)
 * returns this plan or the refusal, and app/posting-write.ts writes it in the same transaction.
 * This file holds the plan's shape and the parts every posting shares.
 */

/** The number series a posting draws from (Business Central's codes). */
export const POSTING_SERIES = {
	shipment: 'S-SHPT',
	receipt: 'S-RCPT',
	invoice: 'S-PINV',
	creditMemo: 'S-PCR',
	/** Customer ledger entry Nos. 1, 2, 3… */
	entry: 'CLE'
} as const;

/** A posted shipment (order, invoice) or return receipt (return order). */
export type ShipmentKind = 'shipment' | 'receipt';

export type PostedDocumentKind = 'invoice' | 'creditMemo';

export type PostedDocument =
	| { kind: 'invoice'; header: PostedInvoice; lines: PostedLine[] }
	| { kind: 'creditMemo'; header: PostedCreditMemo; lines: PostedLine[] };

/** What a posting needs of a customer: its block fields and its name. */
export type Party = PolicyCustomer & Pick<Customer, 'name'>;

/** The sell-to and bill-to customers of a posting as the command read them (undefined: none). */
export interface Parties {
	sellToNo: string;
	sellTo: Party | undefined;
	billToNo: string;
	billTo: Party | undefined;
}

/** What the command read besides the document itself; the same for every posting. */
export interface PostingContext {
	parties: Parties;
	/** The stored totals of the customers whose ledger entries the posting may write. */
	totals: ReadonlyMap<string, CustomerTotals>;
	/** The next free No. of each series the posting may draw from (read, not yet taken). */
	nextNos: Readonly<Record<string, string>>;
	nextEntryNo: number;
	/** The id of a new record (crypto.randomUUID in the app, a counter in tests). */
	newId: () => string;
}

export interface PostingResult {
	shipmentNo?: string;
	invoiceNo?: string;
	creditMemoNo?: string;
	/** True when the document was fully posted and removed. */
	removed: boolean;
	/** The posted invoice or credit memo as written, so a page can show it without reading it. */
	posted?: PostedDocument;
}

/** Everything one posting writes; nothing else changes. */
export interface PostingPlan {
	/** Series whose next No. the plan takes: the write step stores them as their last No. */
	drawn: string[];
	shipment?: { kind: ShipmentKind; header: Shipment; lines: ShipmentLine[] };
	posted?: PostedDocument;
	ledger: {
		added: CustLedgerEntry[];
		/** Entries applied by the posting, each as read with what it becomes. */
		changed: Array<{ entry: CustLedgerEntry; change: LedgerEntryChange }>;
		/** The totals of every customer whose entries were added or changed. */
		totals: CustomerTotals[];
	};
	applications: Application[];
	/** Quantity Invoiced of earlier shipment (return receipt) lines the posting invoices. */
	invoicedShipmentLines: {
		kind: ShipmentKind;
		lines: Array<{ id: string; quantityInvoiced: number }>;
	};
	lineChanges: Array<{ id: string; changes: Partial<SalesLine> }>;
	headerChanges: Array<{ no: string; changes: Partial<SalesHeader> }>;
	/** Documents that are fully posted: removed with all their lines. */
	deleted: Array<{ no: string; lineIds: string[] }>;
	/** Cancel and Correct: the posted invoice the credit memo cancels. */
	cancelledInvoice?: { no: string; cancelledBy: string };
	/** Correct: the new invoice with the lines of the cancelled one. */
	newDocument?: { header: SalesHeader; lines: SalesLine[] };
	result: PostingResult;
}

/**
 * A plan, or why not: a rule refused it (`refusal`), the blocking policy did (`blocked`: the
 * command records the attempt and throws), or a record it needs does not exist (`missing`).
 */
export type Planned =
	| { ok: true; plan: PostingPlan }
	| { ok: false; refusal: PlanRefusal }
	| { ok: false; blocked: { decision: Extract<Decision, { allowed: false }>; action: Action } }
	| { ok: false; missing: { what: string; no: string } };

export type Refused = Exclude<Planned, { ok: true }>;

export function refused(
	key: string,
	message: string,
	values: Record<string, string | number> = {}
): Refused {
	return { ok: false, refusal: { key, message, values } };
}

export function missing(what: string, no: string): Refused {
	return { ok: false, missing: { what, no } };
}

export function nothingToPost(): Refused {
	return refused('error.nothingToPost', 'There is nothing to post.');
}

export function notPostable(no: string): Refused {
	return refused('error.notPostable', `${no} cannot be posted this way.`, { no });
}

/**
 * The policy for both customers of a posting, sell-to first, after they were found (the
 * customer that is not found is named). Null when the posting may go on.
 */
export function checkParties(parties: Parties, action: Action): Refused | null {
	if (!parties.sellTo) return missing('Customer', parties.sellToNo);
	if (!parties.billTo) return missing('Customer', parties.billToNo);
	const decision = decideForDocument(parties.sellTo, parties.billTo, action);
	return decision.allowed ? null : { ok: false, blocked: { decision, action } };
}

export function emptyPlan(): PostingPlan {
	return {
		drawn: [],
		ledger: { added: [], changed: [], totals: [] },
		applications: [],
		invoicedShipmentLines: { kind: 'shipment', lines: [] },
		lineChanges: [],
		headerChanges: [],
		deleted: [],
		result: { removed: false }
	};
}

/** Takes the next No. of a series for the plan. */
export function drawNo(plan: PostingPlan, context: PostingContext, code: string): string {
	const no = context.nextNos[code];
	if (no === undefined) throw new Error(`The posting did not read series ${code}.`);
	plan.drawn.push(code);
	return no;
}

/** One line of a posted shipment: the line, its quantity and how much of it is invoiced now. */
export interface ShipmentDraft {
	line: ShipmentLineSource & { id: string };
	quantity: number;
	invoiced: number;
}

/** Adds a posted shipment (or return receipt) of the drafts to the plan and returns it. */
export function addShipment(
	plan: PostingPlan,
	context: PostingContext,
	kind: ShipmentKind,
	header: SalesHeader,
	drafts: readonly ShipmentDraft[]
): NonNullable<PostingPlan['shipment']> {
	const no = drawNo(plan, context, POSTING_SERIES[kind]);
	// Only an order's (return order's) shipment lines point back at their order lines.
	const linked = header.documentType !== 'Invoice';
	const shipment = {
		kind,
		header: newShipment(header, no, header.no),
		lines: drafts.map(({ line, quantity, invoiced }, index) =>
			newShipmentLine(line, {
				id: context.newId(),
				shipmentNo: no,
				lineNo: (index + 1) * LINE_STEP,
				orderNo: header.no,
				orderLineId: linked ? line.id : '',
				billToCustomerNo: header.billToCustomerNo,
				quantity,
				quantityInvoiced: invoiced
			})
		)
	};
	plan.shipment = shipment;
	return shipment;
}

/** One line of a posted invoice or credit memo: the line, its quantity and its amount. */
export interface PostedLineDraft {
	line: PostedLineSource;
	quantity: number;
	amountCents: number;
}

/**
 * Adds a posted invoice or credit memo of the drafts and the bill-to's ledger entry (invoice +,
 * credit memo −) to the plan; refused when its total is past what a backup can hold, even for
 * a document stored before the bounds.
 */
export function addPostedDocument(
	plan: PostingPlan,
	context: PostingContext,
	kind: PostedDocumentKind,
	source: PostedHeaderSource,
	sourceNo: string,
	drafts: readonly PostedLineDraft[],
	cancels = ''
): Refused | PostedDocument {
	const no = drawNo(plan, context, POSTING_SERIES[kind]);
	const lines = drafts.map(({ line, quantity, amountCents }, index) =>
		newPostedLine(line, {
			id: context.newId(),
			documentNo: no,
			lineNo: (index + 1) * LINE_STEP,
			quantity,
			amountCents
		})
	);
	const header = newPostedHeader(source, no, sourceNo, lines, context.parties.billTo);
	const tooLarge = checkDocumentTotal(header);
	if (tooLarge) return { ok: false, refusal: tooLarge };
	const posted: PostedDocument =
		kind === 'invoice'
			? { kind, header: { ...header, cancelledBy: '' }, lines }
			: { kind, header: { ...header, cancels }, lines };
	plan.posted = posted;
	plan.result.posted = posted;
	plan.result[kind === 'invoice' ? 'invoiceNo' : 'creditMemoNo'] = no;
	plan.drawn.push(POSTING_SERIES.entry);
	plan.ledger.added.push(
		newLedgerEntry({
			entryNo: context.nextEntryNo,
			customerNo: source.billToCustomerNo,
			postingDate: source.postingDate,
			documentType: kind === 'invoice' ? 'Invoice' : 'Credit Memo',
			documentNo: no,
			amountCents: (kind === 'invoice' ? 1 : -1) * header.amountInclVatCents,
			dueDate: source.dueDate
		})
	);
	return posted;
}

/** Finishes a plan: the totals of every customer whose entries it adds or changes. */
export function planned(plan: PostingPlan, context: PostingContext): Planned {
	const { added, changed } = plan.ledger;
	const customers = new Set([
		...added.map((entry) => entry.customerNo),
		...changed.map(({ entry }) => entry.customerNo)
	]);
	plan.ledger.totals = [...customers].map((customerNo) =>
		totalsAfter(customerNo, context.totals.get(customerNo), added, changed)
	);
	return { ok: true, plan };
}
