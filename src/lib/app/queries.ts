import { liveQuery, type Observable } from 'dexie';
import { db, type ChangeLogEntry } from '$lib/db/db';
import type { Customer, PaymentTerms } from '$lib/domain/customer';
import type {
	DocumentStatus,
	SalesDocumentType,
	SalesHeader,
	SalesLine
} from '$lib/domain/documents';
import type { Item } from '$lib/domain/item';
import type { Blocked } from '$lib/domain/policy';
import { readWorkDate, SETTING } from './settings';

/**
 * Read models. Each returns a Dexie liveQuery, so every open tab follows changes made in
 * another one; components subscribe with `$derived(query(...))` and `$name`.
 */

export interface CustomerListFilter {
	search: string;
	blocked: Blocked | 'any' | 'anyBlocked';
	limit: number;
}

export interface CustomerPage {
	rows: Customer[];
	/** True when more rows match than `limit`: the list offers to show more. */
	more: boolean;
}

function matchesBlocked(customer: Customer, blocked: CustomerListFilter['blocked']): boolean {
	if (blocked === 'any') return true;
	if (blocked === 'anyBlocked') return customer.blocked !== '' || customer.privacyBlocked;
	return customer.blocked === blocked;
}

/** Customers by No., or by a prefix of the No. or of any word of the Name, never the whole table. */
export async function findCustomers(filter: CustomerListFilter): Promise<CustomerPage> {
	const term = filter.search.trim().toLocaleLowerCase();
	const wanted = (customer: Customer) => matchesBlocked(customer, filter.blocked);
	const take = filter.limit + 1;
	let rows: Customer[];
	if (term === '') {
		const source =
			filter.blocked === 'any' || filter.blocked === 'anyBlocked'
				? db.customers.orderBy('no')
				: db.customers.where('blocked').equals(filter.blocked);
		rows = await source.filter(wanted).limit(take).toArray();
	} else {
		const firstWord = term.split(/[^\p{L}\p{N}]+/u).find((word) => word !== '') ?? term;
		const otherWords = term
			.split(/[^\p{L}\p{N}]+/u)
			.filter((word) => word !== '' && word !== firstWord);
		rows = await db.customers
			.where('searchTerms')
			.startsWith(firstWord)
			.distinct()
			.filter(
				(customer) =>
					wanted(customer) &&
					otherWords.every((word) => customer.searchTerms.some((t) => t.startsWith(word)))
			)
			.limit(take)
			.toArray();
		rows.sort((a, b) => a.no.localeCompare(b.no));
	}
	return { rows: rows.slice(0, filter.limit), more: rows.length > filter.limit };
}

/** Customers as findCustomers finds them, with the bill-to customers they name. */
export async function findCustomersWithBillTo(
	filter: CustomerListFilter
): Promise<CustomerPage & { billTos: Map<string, Customer> }> {
	const page = await findCustomers(filter);
	const nos = [...new Set(page.rows.map((c) => c.billToCustomerNo).filter((no) => no !== ''))];
	const billTos = (await db.customers.bulkGet(nos)).filter((c): c is Customer => !!c);
	return { ...page, billTos: new Map(billTos.map((c) => [c.no, c])) };
}

export function customerListQuery(filter: CustomerListFilter): Observable<CustomerPage> {
	return liveQuery(() => findCustomers(filter));
}

export function customerQuery(no: string): Observable<Customer | null> {
	return liveQuery(async () => (await db.customers.get(no)) ?? null);
}

export function customersByNoQuery(nos: string[]): Observable<Customer[]> {
	return liveQuery(async () =>
		(await db.customers.bulkGet(nos)).filter((customer): customer is Customer => !!customer)
	);
}

export function paymentTermsQuery(): Observable<PaymentTerms[]> {
	return liveQuery(() => db.paymentTerms.orderBy('code').toArray());
}

export function blockHistoryQuery(no: string): Observable<ChangeLogEntry[]> {
	return liveQuery(() =>
		db.changeLog.where('[key+at]').between([no, ''], [no, '\uffff']).reverse().toArray()
	);
}

export function salesHeaderQuery(no: string): Observable<SalesHeader | null> {
	return liveQuery(async () => (await db.salesHeaders.get(no)) ?? null);
}

export function customerDocumentsQuery(customerNo: string): Observable<SalesHeader[]> {
	return liveQuery(() =>
		db.salesHeaders.where('sellToCustomerNo').equals(customerNo).reverse().sortBy('no')
	);
}

export interface CompanySettings {
	workDate: string;
	workDateIsToday: boolean;
	companyName: string;
}

export function companySettingsQuery(): Observable<CompanySettings> {
	return liveQuery(async () => {
		const [workDate, stored, name] = await Promise.all([
			readWorkDate(),
			db.settings.get(SETTING.workDate),
			db.settings.get(SETTING.companyName)
		]);
		return { workDate, workDateIsToday: !stored, companyName: name?.value ?? '' };
	});
}

export function customerCountsQuery(): Observable<{ total: number; blocked: number }> {
	return liveQuery(async () => {
		const [total, notBlocked] = await Promise.all([
			db.customers.count(),
			db.customers.where('blocked').equals('').count()
		]);
		return { total, blocked: total - notBlocked };
	});
}

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

export function documentLinesQuery(documentNo: string): Observable<SalesLine[]> {
	return liveQuery(() =>
		db.salesLines
			.where('[documentNo+lineNo]')
			.between([documentNo, -Infinity], [documentNo, Infinity])
			.toArray()
	);
}

/** Items by a prefix of the No. or of any word of the Description. */
export async function findItems(
	search: string,
	limit: number
): Promise<{ rows: Item[]; more: boolean }> {
	const term = search.trim().toLocaleLowerCase();
	const source =
		term === ''
			? db.items.orderBy('no')
			: db.items.where('searchTerms').startsWith(term).distinct();
	const rows = await source.limit(limit + 1).toArray();
	if (term !== '') rows.sort((a, b) => a.no.localeCompare(b.no));
	return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export function itemListQuery(
	search: string,
	limit: number
): Observable<{ rows: Item[]; more: boolean }> {
	return liveQuery(() => findItems(search, limit));
}

export function itemQuery(no: string): Observable<Item | null> {
	return liveQuery(async () => (await db.items.get(no)) ?? null);
}
