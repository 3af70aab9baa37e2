import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { PostedCreditMemo, PostedInvoice } from '$lib/domain/posted';
import { readCompanyInformation } from './company-information';

/** Posted documents: the lists of posted shipments, invoices and credit memos, and one of each. */

/**
 * Which list of posted documents (its URL is /posted/shipments, /posted/invoices,
 * /posted/credit-memos). Not the posting's PostedDocumentKind, which names one new record.
 */
export type PostedListKind = 'shipments' | 'invoices' | 'creditMemos';

type PostedRow = PostedHeaderLike & { no: string };
interface PostedHeaderLike {
	sellToCustomerNo: string;
	sellToName: string;
	billToCustomerNo: string;
	postingDate: string;
	amountInclVatCents?: number;
	cancelledBy?: string;
	orderNo?: string;
}

/** The header and line tables of one list of posted documents. */
function postedTables(kind: PostedListKind) {
	switch (kind) {
		case 'shipments':
			return { header: db.shipments, lines: db.shipmentLines } as const;
		case 'invoices':
			return { header: db.postedInvoices, lines: db.postedInvoiceLines } as const;
		case 'creditMemos':
			return { header: db.postedCreditMemos, lines: db.postedCreditMemoLines } as const;
	}
}

/** Posted documents of one kind, newest first, by No. or customer. */
export function postedListQuery(
	kind: PostedListKind,
	search: string,
	limit: number
): Observable<{ rows: PostedRow[]; more: boolean }> {
	return liveQuery(async () => {
		const term = search.trim().toLocaleLowerCase();
		const { header } = postedTables(kind);
		const rows = (await (header as typeof db.postedInvoices)
			.orderBy('no')
			.reverse()
			.filter(
				(row) =>
					term === '' ||
					row.no.toLocaleLowerCase().includes(term) ||
					row.sellToCustomerNo.toLocaleLowerCase().startsWith(term) ||
					row.sellToName.toLocaleLowerCase().includes(term)
			)
			.limit(limit + 1)
			.toArray()) as PostedRow[];
		return { rows: rows.slice(0, limit), more: rows.length > limit };
	});
}

export function postedDocumentQuery(kind: Exclude<PostedListKind, 'shipments'>, no: string) {
	return liveQuery(async () => {
		const { header, lines } = postedTables(kind);
		// Everything but the customers is read side by side with the header.
		const [found, postedLines, entry, company] = await Promise.all([
			(header as typeof db.postedInvoices).get(no),
			(lines as typeof db.postedInvoiceLines).where('documentNo').equals(no).sortBy('lineNo'),
			db.custLedgerEntries.where('documentNo').equals(no).first(),
			readCompanyInformation()
		]);
		if (!found) return null;
		const [billTo, sellTo] = await Promise.all([
			db.customers.get(found.billToCustomerNo),
			db.customers.get(found.sellToCustomerNo)
		]);
		return {
			header: found as PostedInvoice & Partial<PostedCreditMemo>,
			lines: postedLines,
			entry: entry ?? null,
			billTo: billTo ?? null,
			sellTo: sellTo ?? null,
			company
		};
	});
}

export function shipmentQuery(no: string) {
	return liveQuery(async () => {
		const shipment = await db.shipments.get(no);
		if (!shipment) return null;
		const lines = await db.shipmentLines.where('shipmentNo').equals(no).sortBy('lineNo');
		return { shipment, lines };
	});
}
