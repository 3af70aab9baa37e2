import { resolve } from '$app/paths';
import type { PostingOutcome } from '$lib/app/posting';
import type { CompanyInformation } from '$lib/domain/company';
import type { Customer } from '$lib/domain/customer';
import type {
	CustLedgerEntry,
	PostedCreditMemo,
	PostedInvoice,
	PostedLine
} from '$lib/domain/posted';
import type { SalesDocumentType } from '$lib/domain/sales-document';
import { LIST_SLUG } from '../document-slugs';

/**
 * What a posting leaves for the page the clerk sees next: the notification that names the
 * posted documents (shown on the page it was raised for, until the clerk leaves that page or
 * closes it), and the posted invoice or credit memo as the posting wrote it, so that its page
 * shows it at once instead of reading it back first.
 */

/** A document a posting created; a return receipt has no page of its own. */
export interface PostedRef {
	kind: 'shipment' | 'receipt' | 'invoice' | 'creditMemo';
	no: string;
}

export interface PostingNotice {
	/** The path of the page that shows the notice. */
	path: string;
	/** The document that was posted. */
	documentType: SalesDocumentType;
	documentNo: string;
	/** True when the document was fully posted and is gone. */
	removed: boolean;
	documents: PostedRef[];
}

/** What a posted invoice's or credit memo's page shows (as postedDocumentQuery reads it). */
export interface PostedView {
	header: PostedInvoice & Partial<PostedCreditMemo>;
	lines: PostedLine[];
	entry: CustLedgerEntry | null;
	billTo: Customer | null;
	sellTo: Customer | null;
	company: CompanyInformation;
}

/** The documents a posting created, in the order it wrote them. */
export function postedRefs(outcome: PostingOutcome, isReturn: boolean): PostedRef[] {
	const refs: PostedRef[] = [];
	if (outcome.shipmentNo) {
		refs.push({ kind: isReturn ? 'receipt' : 'shipment', no: outcome.shipmentNo });
	}
	if (outcome.invoiceNo) refs.push({ kind: 'invoice', no: outcome.invoiceNo });
	if (outcome.creditMemoNo) refs.push({ kind: 'creditMemo', no: outcome.creditMemoNo });
	return refs;
}

/**
 * The page a fully posted document ends on: its posted invoice or credit memo (Business Central
 * asks whether to open it; Holdfast opens it, and its notice names what else was created).
 */
export function pageAfterPosting(outcome: PostingOutcome, documentType: SalesDocumentType): string {
	if (outcome.invoiceNo) return resolve('/posted/invoices/[no]', { no: outcome.invoiceNo });
	if (outcome.creditMemoNo) {
		return resolve('/posted/credit-memos/[no]', { no: outcome.creditMemoNo });
	}
	return resolve('/sales/[type]', { type: LIST_SLUG[documentType] });
}

class PostingNotices {
	current = $state<PostingNotice | null>(null);
}

/** The notification of the last posting (one at a time, as in Business Central). */
export const postingNotices = new PostingNotices();

let handed: { kind: 'invoices' | 'creditMemos'; view: PostedView } | null = null;

/** Leaves the posted document, as written, for its page, which is opened next. */
export function handOverPosted(kind: 'invoices' | 'creditMemos', view: PostedView): void {
	handed = { kind, view };
}

/**
 * The posted document handed over for this page, taken once: a later visit reads it, since the
 * document may have changed since (cancelled, say).
 */
export function takeHandedOver(kind: 'invoices' | 'creditMemos', no: string): PostedView | null {
	const view = handed && handed.kind === kind && handed.view.header.no === no ? handed.view : null;
	handed = null;
	return view;
}

/** The posted invoice or credit memo of an outcome as its page shows it, when all is known. */
export function postedViewOf(
	outcome: PostingOutcome,
	parties: { sellTo: Customer | null | undefined; billTo: Customer | null | undefined },
	company: CompanyInformation | undefined
): PostedView | null {
	const posted = outcome.posted;
	if (!posted || !company) return null;
	const { sellTo, billTo } = parties;
	const header = posted.header as PostedInvoice & Partial<PostedCreditMemo>;
	if (sellTo?.no !== header.sellToCustomerNo || billTo?.no !== header.billToCustomerNo) {
		return null;
	}
	return { header, lines: posted.lines, entry: outcome.entry ?? null, billTo, sellTo, company };
}
