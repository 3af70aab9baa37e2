import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import type {
	DocumentStatus,
	SalesDocumentType,
	SalesHeader,
	SalesLine
} from '$lib/domain/sales-document';

/** Sales documents (quotes, orders, invoices, credit memos…): the lists and one document. */

export interface DocumentListFilter {
	documentType: SalesDocumentType;
	search: string;
	status: DocumentStatus | 'any';
	limit: number;
}

export interface DocumentRow extends SalesHeader {
	/** The sell-to and bill-to as they are now, for the blocked badge. */
	customers: Customer[];
}

/** One type's documents, newest first, by No. or customer name; only as many as shown. */
export function documentListQuery(
	filter: DocumentListFilter
): Observable<{ rows: DocumentRow[]; more: boolean }> {
	return liveQuery(async () => {
		const term = filter.search.trim().toLocaleLowerCase();
		const headers = await db.salesHeaders
			.where('[documentType+no]')
			.between([filter.documentType, ''], [filter.documentType, '\uffff'])
			.reverse()
			.filter(
				(header) =>
					(filter.status === 'any' || header.status === filter.status) &&
					(term === '' ||
						header.no.toLocaleLowerCase().includes(term) ||
						header.sellToCustomerNo.toLocaleLowerCase().startsWith(term) ||
						header.sellToName.toLocaleLowerCase().includes(term))
			)
			.limit(filter.limit + 1)
			.toArray();
		const shown = headers.slice(0, filter.limit);
		const nos = [...new Set(shown.flatMap((h) => [h.sellToCustomerNo, h.billToCustomerNo]))];
		const customers = new Map(
			(await db.customers.bulkGet(nos))
				.filter((customer): customer is Customer => !!customer)
				.map((customer) => [customer.no, customer])
		);
		const rows = shown.map((header) => ({
			...header,
			customers: [header.sellToCustomerNo, header.billToCustomerNo]
				.filter((no, index, all) => all.indexOf(no) === index)
				.map((no) => customers.get(no))
				.filter((customer): customer is Customer => !!customer)
		}));
		return { rows, more: headers.length > filter.limit };
	});
}

export function salesHeaderQuery(no: string): Observable<SalesHeader | null> {
	return liveQuery(async () => (await db.salesHeaders.get(no)) ?? null);
}

export function documentLinesQuery(documentNo: string): Observable<SalesLine[]> {
	return liveQuery(() =>
		db.salesLines
			.where('[documentNo+lineNo]')
			.between([documentNo, -Infinity], [documentNo, Infinity])
			.toArray()
	);
}
