import { liveQuery, type Observable } from 'dexie';
import { db, type RefusedAttempt } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import type { CustLedgerEntry } from '$lib/domain/posted';
import type { Reminder } from '$lib/domain/receivables';
import { dayBounds, isOverdue, type OrderCue } from '$lib/domain/role-center';
import type { DocumentStatus, SalesHeader } from '$lib/domain/sales-document';
import type { DocumentRow } from './document-queries';
import { readOrderNosForCue } from './role-center-queries';
import { readWorkDate } from './settings';

/**
 * The lists a Role Center cue opens: the same rows the cue counted (orders to ship, overdue
 * entries, reminders to issue, refused attempts of a day), for the list pages to show when
 * their URL names the cue's filter.
 */

export interface OrderCueFilter {
	cue: OrderCue;
	search: string;
	status: DocumentStatus | 'any';
	limit: number;
}

function matches(header: SalesHeader, filter: OrderCueFilter, term: string): boolean {
	return (
		(filter.status === 'any' || header.status === filter.status) &&
		(term === '' ||
			header.no.toLocaleLowerCase().includes(term) ||
			header.sellToCustomerNo.toLocaleLowerCase().startsWith(term) ||
			header.sellToName.toLocaleLowerCase().includes(term))
	);
}

/** The sell-to and bill-to of each header as they are now, for the blocked badge. */
async function withCustomers(headers: SalesHeader[]): Promise<DocumentRow[]> {
	const nos = [...new Set(headers.flatMap((h) => [h.sellToCustomerNo, h.billToCustomerNo]))];
	const customers = new Map(
		(await db.customers.bulkGet(nos))
			.filter((customer): customer is Customer => !!customer)
			.map((customer) => [customer.no, customer])
	);
	return headers.map((header) => ({
		...header,
		customers: [...new Set([header.sellToCustomerNo, header.billToCustomerNo])]
			.map((no) => customers.get(no))
			.filter((customer): customer is Customer => !!customer)
	}));
}

/** How many orders' headers the list reads at a time. */
const ORDER_BATCH = 200;

/**
 * The sales orders a cue counts, newest No. first, as the order list shows them: the Nos. come
 * from the cue's index (no line is read), the headers a batch at a time until a page matches.
 */
export function orderCueListQuery(
	filter: OrderCueFilter
): Observable<{ rows: DocumentRow[]; more: boolean }> {
	return liveQuery(async () => {
		const term = filter.search.trim().toLocaleLowerCase();
		const nos = (await readOrderNosForCue(filter.cue)).reverse();
		const headers: SalesHeader[] = [];
		for (let from = 0; from < nos.length && headers.length <= filter.limit;) {
			const batch = nos.slice(from, from + ORDER_BATCH);
			from += batch.length;
			for (const header of await db.salesHeaders.bulkGet(batch)) {
				if (header && matches(header, filter, term)) headers.push(header);
			}
		}
		const shown = headers.slice(0, filter.limit);
		return { rows: await withCustomers(shown), more: headers.length > filter.limit };
	});
}

/**
 * Open entries due before the work date (what the Overdue cues add up), newest first; one
 * customer's or all. Steps back through the `open` index and stops once a page is found.
 */
export function overdueEntriesQuery(filter: {
	customerNo: string;
	limit: number;
}): Observable<{ rows: CustLedgerEntry[]; more: boolean; workDate: string }> {
	return liveQuery(async () => {
		const workDate = await readWorkDate();
		const source = filter.customerNo
			? db.custLedgerEntries.where('[customerNo+open]').equals([filter.customerNo, 1])
			: db.custLedgerEntries.where('open').equals(1);
		const rows = await source
			.reverse()
			.filter((entry) => isOverdue(entry, workDate))
			.limit(filter.limit + 1)
			.toArray();
		rows.sort((a, b) => b.entryNo - a.entryNo);
		return { rows: rows.slice(0, filter.limit), more: rows.length > filter.limit, workDate };
	});
}

/** Reminders created and not issued yet, newest first (the `status` index). */
export function remindersToIssueQuery(): Observable<Reminder[]> {
	return liveQuery(async () =>
		(await db.reminders.where('status').equals('Open').toArray()).sort((a, b) =>
			b.no.localeCompare(a.no)
		)
	);
}

/** Refused attempts on a day of the user's calendar, newest first (the `at` index). */
export function refusedAttemptsOnQuery(day: string): Observable<RefusedAttempt[]> {
	return liveQuery(() => {
		const [start, end] = dayBounds(day);
		return db.refusedAttempts.where('at').between(start, end, true, false).reverse().toArray();
	});
}
