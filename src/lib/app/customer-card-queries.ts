import { liveQuery, type Observable } from 'dexie';
import { db, type ChangeLogEntry } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import { customerStatistics, type CustomerStatistics } from '$lib/domain/customer-statistics';
import type { SalesHeader } from '$lib/domain/sales-document';
import { readWorkDate } from './settings';

/** What the customer card reads: the customer with its statistics, block history, documents. */

/** Reads what the statistics are made of, side by side, and lets the domain add it up. */
async function readCustomerStatistics(no: string): Promise<CustomerStatistics> {
	const [totals, openEntries, orders, workDate] = await Promise.all([
		db.customerTotals.get(no),
		db.custLedgerEntries.where('[customerNo+open]').equals([no, 1]).toArray(),
		db.salesHeaders
			.where('billToCustomerNo')
			.equals(no)
			.filter((h) => h.documentType === 'Order')
			.toArray(),
		readWorkDate()
	]);
	const orderLines = await db.salesLines
		.where('documentNo')
		.anyOf(orders.map((order) => order.no))
		.toArray();
	return customerStatistics({
		balanceCents: totals?.balanceCents ?? 0,
		openEntries,
		orderLines,
		workDate
	});
}

/** What the customer card shows first: the customer, its bill-to customer and statistics. */
export interface CustomerCard {
	/** Null when there is no customer with this No. */
	customer: Customer | null;
	billTo: Customer | null;
	statistics: CustomerStatistics | null;
}

/**
 * The card's first view in one query (one transaction, reads side by side), so the card
 * appears whole as soon as its data is read instead of in steps.
 */
export function customerCardQuery(no: string): Observable<CustomerCard> {
	return liveQuery(async () => {
		const [customer, statistics] = await Promise.all([
			db.customers.get(no),
			readCustomerStatistics(no)
		]);
		if (!customer) return { customer: null, billTo: null, statistics: null };
		const billTo = customer.billToCustomerNo
			? ((await db.customers.get(customer.billToCustomerNo)) ?? null)
			: null;
		return { customer, billTo, statistics };
	});
}

/** The customer's changes of its block fields, newest first. */
export function blockHistoryQuery(no: string): Observable<ChangeLogEntry[]> {
	return liveQuery(() =>
		db.changeLog
			.where('[key+at]')
			.between([no, ''], [no, '\uffff'])
			.filter((entry) => entry.tableName === 'customers')
			.reverse()
			.toArray()
	);
}

/** The sales documents the customer is the sell-to customer of, newest No. first. */
export function customerDocumentsQuery(customerNo: string): Observable<SalesHeader[]> {
	return liveQuery(() =>
		db.salesHeaders.where('sellToCustomerNo').equals(customerNo).reverse().sortBy('no')
	);
}
