import { liveQuery, type Observable } from 'dexie';
import { db, type ChangeLogEntry } from '$lib/db/db';
import type { BlockReason, Customer, PaymentTerms } from '$lib/domain/customer';
import { customerStatistics, type CustomerStatistics } from '$lib/domain/customer-statistics';
import {
	ageReceivables,
	type AgedBuckets,
	type FinanceChargeTerms,
	type ReminderTerms
} from '$lib/domain/receivables';
import type { SalesHeader } from '$lib/domain/sales-document';
import { readWorkDate } from './settings';

/** What the customer card reads: the customer with its statistics, block history, documents. */

/** What the customer card shows first, read at once. */
export interface CustomerCard {
	/** Null when there is no customer with this No. */
	customer: Customer | null;
	billTo: Customer | null;
	statistics: CustomerStatistics | null;
	/** The customer's open entries by age at the work date. */
	aged: AgedBuckets | null;
	/** What the card's fields offer: block reasons and the three kinds of terms. */
	reasons: BlockReason[];
	paymentTerms: PaymentTerms[];
	reminderTerms: ReminderTerms[];
	financeChargeTerms: FinanceChargeTerms[];
}

/** Reads what the statistics and the ageing are made of, side by side; the domain adds it up. */
async function readCustomerFigures(
	no: string
): Promise<{ statistics: CustomerStatistics; aged: AgedBuckets }> {
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
	return {
		statistics: customerStatistics({
			balanceCents: totals?.balanceCents ?? 0,
			openEntries,
			orderLines,
			workDate
		}),
		aged: ageReceivables(openEntries, workDate)
	};
}

/** Every table the card's first view reads (the work date is a setting). */
const CARD_TABLES = () => [
	db.customers,
	db.customerTotals,
	db.custLedgerEntries,
	db.salesHeaders,
	db.salesLines,
	db.settings,
	db.blockReasons,
	db.paymentTerms,
	db.reminderTerms,
	db.financeChargeTerms
];

/**
 * The card's first view in one live query (one transaction, every read side by side): the
 * customer, its bill-to customer, statistics and ageing, and the choices its fields offer. The
 * card appears whole as soon as this is read, instead of in steps, one read per part.
 */
export function customerCardQuery(no: string): Observable<CustomerCard> {
	return liveQuery(() =>
		db.transaction('r', CARD_TABLES(), async () => {
			const [customer, figures, reasons, paymentTerms, reminderTerms, financeChargeTerms] =
				await Promise.all([
					db.customers.get(no),
					readCustomerFigures(no),
					db.blockReasons.orderBy('code').toArray(),
					db.paymentTerms.orderBy('code').toArray(),
					db.reminderTerms.orderBy('code').toArray(),
					db.financeChargeTerms.orderBy('code').toArray()
				]);
			const choices = { reasons, paymentTerms, reminderTerms, financeChargeTerms };
			if (!customer)
				return { customer: null, billTo: null, statistics: null, aged: null, ...choices };
			const billTo = customer.billToCustomerNo
				? ((await db.customers.get(customer.billToCustomerNo)) ?? null)
				: null;
			return { customer, billTo, ...figures, ...choices };
		})
	);
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
