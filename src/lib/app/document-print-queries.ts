import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { CompanyInformation } from '$lib/domain/company';
import type { Customer } from '$lib/domain/customer';
import type { SalesHeader, SalesLine } from '$lib/domain/sales-document';
import { readCompanyInformation } from './company-information';

/** What the printed copy of an open sales document (a quote, an order confirmation) shows. */
export interface OpenDocumentPrint {
	header: SalesHeader;
	lines: SalesLine[];
	billTo: Customer | null;
	company: CompanyInformation;
}

/** An open sales document with its lines, bill-to customer and Company Information; null: none. */
export function openDocumentPrintQuery(no: string): Observable<OpenDocumentPrint | null> {
	return liveQuery(async () => {
		const [header, lines, company] = await Promise.all([
			db.salesHeaders.get(no),
			db.salesLines.where('[documentNo+lineNo]').between([no, -Infinity], [no, Infinity]).toArray(),
			readCompanyInformation()
		]);
		if (!header) return null;
		const billTo = await db.customers.get(header.billToCustomerNo || header.sellToCustomerNo);
		return { header, lines, billTo: billTo ?? null, company };
	});
}
