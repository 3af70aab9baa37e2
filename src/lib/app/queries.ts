import { liveQuery, type Observable } from 'dexie';
import { db, type ChangeLogEntry } from '$lib/db/db';
import type { Customer, PaymentTerms } from '$lib/domain/customer';
import type { SalesHeader } from '$lib/domain/documents';
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
