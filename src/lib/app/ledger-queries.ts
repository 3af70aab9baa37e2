import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { CustLedgerEntry } from '$lib/domain/posted';

/** Customer ledger entries: the list, and a customer's open entries to apply. */

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

/** A customer's open entries, oldest due first (for Apply Entries). */
export async function openEntriesOf(customerNo: string): Promise<CustLedgerEntry[]> {
	const entries = await db.custLedgerEntries
		.where('[customerNo+open]')
		.equals([customerNo, 1])
		.toArray();
	return entries.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.entryNo - b.entryNo);
}
