import { Dexie, liveQuery, type ObservabilitySet, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import type { Blocked } from '$lib/domain/policy';

/**
 * The customer list and the customer pickers: customers found by No. or name, a page at a
 * time, never the whole table. Live queries follow changes made in another tab.
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

/** The customer list as a user types: a store (Svelte's contract) the list asks with `ask`. */
export interface CustomerSearch {
	/** Called at once with the rows shown so far (undefined before the first answer). */
	subscribe(run: (page: CustomerPage | undefined) => void): () => void;
	/** Reads the rows of this filter; an answer to an earlier filter is then dropped. */
	ask(filter: CustomerListFilter): void;
}

/**
 * The customer list as a user types, without a live query per keystroke (setting one up cost
 * more than the read itself): each filter is read once, at once, and only the answer to the
 * latest filter is shown, however the reads overtake each other. The list stays live all the
 * same: while someone listens, any change to customers, in this tab or another, reads the
 * latest filter again.
 */
export function customerSearch({
	onerror,
	read = findCustomers
}: {
	/** Told when the latest filter's read fails (an older one's failure no longer matters). */
	onerror: (error: unknown) => void;
	/** How a filter is read; findCustomers unless a test slows it down. */
	read?: (filter: CustomerListFilter) => Promise<CustomerPage>;
}): CustomerSearch {
	let latest = 0;
	let filter: CustomerListFilter | undefined;
	let page: CustomerPage | undefined;
	const listeners = new Set<(page: CustomerPage | undefined) => void>();

	function load() {
		if (!filter) return;
		const mine = ++latest;
		read(filter).then(
			(answer) => {
				if (mine !== latest) return;
				page = answer;
				for (const listener of listeners) listener(page);
			},
			(error: unknown) => {
				if (mine === latest) onerror(error);
			}
		);
	}

	function onchange(parts: ObservabilitySet) {
		const customers = `idb://${db.name}/customers/`;
		if (Object.keys(parts).some((part) => part === 'all' || part.startsWith(customers))) load();
	}

	return {
		subscribe(run) {
			if (listeners.size === 0) Dexie.on('storagemutated', onchange);
			listeners.add(run);
			run(page);
			return () => {
				listeners.delete(run);
				if (listeners.size === 0) Dexie.on.storagemutated.unsubscribe(onchange);
			};
		},
		ask(next) {
			filter = { ...next };
			load();
		}
	};
}

export function customerQuery(no: string): Observable<Customer | null> {
	return liveQuery(async () => (await db.customers.get(no)) ?? null);
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

/** The Nos. of every customer the list's filter matches (for "all that match"). */
export async function customerNosMatching(
	filter: Omit<CustomerListFilter, 'limit'>
): Promise<string[]> {
	const page = await findCustomers({ ...filter, limit: Number.MAX_SAFE_INTEGER - 1 });
	return page.rows.map((customer) => customer.no);
}
