import { liveQuery, type Observable } from 'dexie';
import { db, type ChangeLogEntry, type RefusedAttempt } from '$lib/db/db';
import type { Customer, PaymentTerms } from '$lib/domain/customer';
import type {
	DocumentStatus,
	SalesDocumentType,
	SalesHeader,
	SalesLine
} from '$lib/domain/sales-document';
import type { Item } from '$lib/domain/item';
import { lineAmountCents } from '$lib/domain/amounts';
import type { CustLedgerEntry, PostedCreditMemo, PostedInvoice } from '$lib/domain/posted';
import {
	ageReceivables,
	type AgedBuckets,
	type FinanceChargeMemo,
	type JournalLine,
	type Reminder
} from '$lib/domain/receivables';
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
	/** The search these rows answer (the list marks its rows with it). */
	search: string;
}

function matchesBlocked(customer: Customer, blocked: CustomerListFilter['blocked']): boolean {
	if (blocked === 'any') return true;
	if (blocked === 'anyBlocked') return customer.blocked !== '' || customer.privacyBlocked;
	return customer.blocked === blocked;
}

const WORD = /[^\p{L}\p{N}]+/u;

/**
 * Customers by No., or by a prefix of the No. or of any word of the Name, never the whole
 * table. Reads with plain key ranges and a count (one getAll each), which IndexedDB answers
 * far faster than a cursor stepping row by row; filters that the index cannot answer run on
 * what was read, reading more only when too little was left.
 */
export async function findCustomers(filter: CustomerListFilter): Promise<CustomerPage> {
	const term = filter.search.trim().toLocaleLowerCase();
	const take = filter.limit + 1;
	let rows: Customer[];
	if (term === '' && filter.blocked === 'any') {
		rows = await db.customers.orderBy('no').limit(take).toArray();
	} else if (term === '' && filter.blocked !== 'anyBlocked') {
		rows = await db.customers.where('blocked').equals(filter.blocked).limit(take).toArray();
	} else if (term === '') {
		rows = await db.customers
			.orderBy('no')
			.filter((customer) => matchesBlocked(customer, filter.blocked))
			.limit(take)
			.toArray();
	} else {
		const words = term.split(WORD).filter((word) => word !== '');
		const [firstWord = term, ...otherWords] = words;
		const wanted = (customer: Customer) =>
			matchesBlocked(customer, filter.blocked) &&
			otherWords.every((word) => customer.searchTerms.some((t) => t.startsWith(word)));
		// A customer whose No. and a word both match comes twice from the multi-entry index.
		for (let read = take; ; read *= 4) {
			const found = await db.customers
				.where('searchTerms')
				.startsWith(firstWord)
				.limit(read)
				.toArray();
			const unique = [...new Map(found.map((customer) => [customer.no, customer])).values()];
			rows = unique.filter(wanted);
			if (rows.length >= take || found.length < read) break;
		}
		rows = rows.slice(0, take).sort((a, b) => a.no.localeCompare(b.no));
	}
	return {
		rows: rows.slice(0, filter.limit),
		more: rows.length > filter.limit,
		search: filter.search
	};
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
		db.changeLog
			.where('[key+at]')
			.between([no, ''], [no, '\uffff'])
			.filter((entry) => entry.tableName === 'customers')
			.reverse()
			.toArray()
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
	companyAddress: string;
	userName: string;
}

export function companySettingsQuery(): Observable<CompanySettings> {
	return liveQuery(async () => {
		const [workDate, stored, name, user, address] = await Promise.all([
			readWorkDate(),
			db.settings.get(SETTING.workDate),
			db.settings.get(SETTING.companyName),
			db.settings.get(SETTING.userName),
			db.settings.get(SETTING.companyAddress)
		]);
		return {
			workDate,
			workDateIsToday: !stored,
			companyName: name?.value ?? '',
			companyAddress: address?.value ?? '',
			userName: user?.value ?? ''
		};
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

export type PostedKind = 'shipments' | 'invoices' | 'creditMemos';

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

function postedTables(kind: PostedKind) {
	switch (kind) {
		case 'shipments':
			return { header: db.shipments, lines: db.shipmentLines, lineKey: 'shipmentNo' } as const;
		case 'invoices':
			return {
				header: db.postedInvoices,
				lines: db.postedInvoiceLines,
				lineKey: 'documentNo'
			} as const;
		case 'creditMemos':
			return {
				header: db.postedCreditMemos,
				lines: db.postedCreditMemoLines,
				lineKey: 'documentNo'
			} as const;
	}
}

/** Posted documents of one kind, newest first, by No. or customer. */
export function postedListQuery(
	kind: PostedKind,
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

export function postedDocumentQuery(kind: 'invoices' | 'creditMemos', no: string) {
	return liveQuery(async () => {
		const { header, lines } = postedTables(kind);
		// Everything but the customers is read side by side with the header.
		const [found, postedLines, entry, companyName, companyAddress] = await Promise.all([
			(header as typeof db.postedInvoices).get(no),
			(lines as typeof db.postedInvoiceLines).where('documentNo').equals(no).sortBy('lineNo'),
			db.custLedgerEntries.where('documentNo').equals(no).first(),
			db.settings.get(SETTING.companyName),
			db.settings.get(SETTING.companyAddress)
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
			companyName: companyName?.value ?? '',
			companyAddress: companyAddress?.value ?? ''
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

export interface LedgerFilter {
	customerNo: string;
	openOnly: boolean;
	limit: number;
}

/** Customer ledger entries, newest first: all customers' or one customer's. */
export function ledgerEntriesQuery(
	filter: LedgerFilter
): Observable<{ rows: CustLedgerEntry[]; more: boolean }> {
	return liveQuery(async () => {
		const source = filter.customerNo
			? filter.openOnly
				? db.custLedgerEntries.where('[customerNo+open]').equals([filter.customerNo, 1])
				: db.custLedgerEntries.where('customerNo').equals(filter.customerNo)
			: filter.openOnly
				? db.custLedgerEntries.where('open').equals(1)
				: db.custLedgerEntries.toCollection();
		const rows = await source
			.reverse()
			.limit(filter.limit + 1)
			.toArray();
		rows.sort((a, b) => b.entryNo - a.entryNo);
		return { rows: rows.slice(0, filter.limit), more: rows.length > filter.limit };
	});
}

export interface CustomerStatistics {
	balanceCents: number;
	balanceDueCents: number;
	outstandingOrdersCents: number;
	shippedNotInvoicedCents: number;
}

/**
 * Balance from the totals the postings keep; Balance Due (which moves with the work date) from
 * the open entries; order figures pro rata of their lines.
 */
async function readCustomerStatistics(no: string): Promise<CustomerStatistics> {
	const [totals, entries, orders, workDate] = await Promise.all([
		db.customerTotals.get(no),
		db.custLedgerEntries.where('[customerNo+open]').equals([no, 1]).toArray(),
		db.salesHeaders
			.where('billToCustomerNo')
			.equals(no)
			.filter((h) => h.documentType === 'Order')
			.toArray(),
		readWorkDate()
	]);
	const lines = await db.salesLines
		.where('documentNo')
		.anyOf(orders.map((order) => order.no))
		.toArray();
	let outstanding = 0;
	let shippedNotInvoiced = 0;
	for (const line of lines) {
		if (line.type !== 'Item' || line.quantity === 0) continue;
		const amount = lineAmountCents(line);
		outstanding += Math.round((amount * (line.quantity - line.quantityShipped)) / line.quantity);
		shippedNotInvoiced += Math.round(
			(amount * (line.quantityShipped - line.quantityInvoiced)) / line.quantity
		);
	}
	return {
		balanceCents: totals?.balanceCents ?? 0,
		balanceDueCents: entries
			.filter((entry) => entry.dueDate < workDate)
			.reduce((sum, entry) => sum + entry.remainingAmountCents, 0),
		outstandingOrdersCents: outstanding,
		shippedNotInvoicedCents: shippedNotInvoiced
	};
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

export function journalLinesQuery(): Observable<JournalLine[]> {
	return liveQuery(() => db.journalLines.orderBy('lineNo').toArray());
}

/** A customer's open entries, oldest due first (for Apply Entries). */
export async function openEntriesOf(customerNo: string): Promise<CustLedgerEntry[]> {
	const entries = await db.custLedgerEntries
		.where('[customerNo+open]')
		.equals([customerNo, 1])
		.toArray();
	return entries.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.entryNo - b.entryNo);
}

export function remindersQuery(): Observable<Reminder[]> {
	return liveQuery(() => db.reminders.orderBy('no').reverse().limit(500).toArray());
}

export function reminderQuery(no: string) {
	return liveQuery(async () => {
		const reminder = await db.reminders.get(no);
		if (!reminder) return null;
		const [customer, companyName] = await Promise.all([
			db.customers.get(reminder.customerNo),
			db.settings.get(SETTING.companyName)
		]);
		return { reminder, customer: customer ?? null, companyName: companyName?.value ?? '' };
	});
}

export function financeChargeMemosQuery(): Observable<FinanceChargeMemo[]> {
	return liveQuery(() => db.financeChargeMemos.orderBy('no').reverse().limit(500).toArray());
}

export function financeChargeMemoQuery(no: string) {
	return liveQuery(async () => {
		const memo = await db.financeChargeMemos.get(no);
		if (!memo) return null;
		const customer = await db.customers.get(memo.customerNo);
		return { memo, customer: customer ?? null };
	});
}

export interface AgedView {
	workDate: string;
	total: AgedBuckets;
	customers: Array<{ no: string; name: string; buckets: AgedBuckets; balanceCents: number }>;
}

/** Aged receivables at the work date, for one customer or all of them. */
export function agedReceivablesQuery(customerNo?: string): Observable<AgedView> {
	return liveQuery(async () => {
		const [entries, workDate] = await Promise.all([
			customerNo
				? db.custLedgerEntries.where('[customerNo+open]').equals([customerNo, 1]).toArray()
				: db.custLedgerEntries.where('open').equals(1).toArray(),
			readWorkDate()
		]);
		const byCustomer = new Map<string, CustLedgerEntry[]>();
		for (const entry of entries) {
			byCustomer.set(entry.customerNo, [...(byCustomer.get(entry.customerNo) ?? []), entry]);
		}
		const names = new Map(
			(await db.customers.bulkGet([...byCustomer.keys()]))
				.filter((c): c is Customer => !!c)
				.map((c) => [c.no, c.name])
		);
		const customers = [...byCustomer.entries()]
			.map(([no, own]) => ({
				no,
				name: names.get(no) ?? '',
				buckets: ageReceivables(own, workDate),
				balanceCents: own.reduce((sum, entry) => sum + entry.remainingAmountCents, 0)
			}))
			.filter((row) => row.balanceCents !== 0)
			.sort((a, b) => a.no.localeCompare(b.no));
		return { workDate, total: ageReceivables(entries, workDate), customers };
	});
}

export function termsQuery() {
	return liveQuery(async () => ({
		reminder: await db.reminderTerms.orderBy('code').toArray(),
		finance: await db.financeChargeTerms.orderBy('code').toArray()
	}));
}

/** Refused attempts, newest first: all, or one customer's. */
export function refusedAttemptsQuery(customerNo?: string): Observable<RefusedAttempt[]> {
	return liveQuery(async () => {
		const rows = customerNo
			? await db.refusedAttempts.where('customerNo').equals(customerNo).toArray()
			: await db.refusedAttempts.orderBy('at').reverse().limit(500).toArray();
		return rows.sort((a, b) => b.at.localeCompare(a.at));
	});
}

/** The Nos. of every customer the list's filter matches (for "all that match"). */
export async function customerNosMatching(
	filter: Omit<CustomerListFilter, 'limit'>
): Promise<string[]> {
	const page = await findCustomers({ ...filter, limit: Number.MAX_SAFE_INTEGER - 1 });
	return page.rows.map((customer) => customer.no);
}
