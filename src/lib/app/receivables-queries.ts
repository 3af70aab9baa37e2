import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import {
	ageReceivables,
	groupByCustomer,
	type AgedBuckets,
	type FinanceChargeMemo,
	type JournalLine,
	type Reminder
} from '$lib/domain/receivables';
import { readCompanyInformation } from './company-information';
import { readWorkDate } from './settings';

/** Receivables: the cash receipt journal, reminders, finance charge memos, aged receivables. */

export function journalLinesQuery(): Observable<JournalLine[]> {
	return liveQuery(() => db.journalLines.orderBy('lineNo').toArray());
}

export function remindersQuery(): Observable<Reminder[]> {
	return liveQuery(() => db.reminders.orderBy('no').reverse().limit(500).toArray());
}

export function reminderQuery(no: string) {
	return liveQuery(async () => {
		const reminder = await db.reminders.get(no);
		if (!reminder) return null;
		const [customer, company] = await Promise.all([
			db.customers.get(reminder.customerNo),
			readCompanyInformation()
		]);
		return { reminder, customer: customer ?? null, company };
	});
}

export function financeChargeMemosQuery(): Observable<FinanceChargeMemo[]> {
	return liveQuery(() => db.financeChargeMemos.orderBy('no').reverse().limit(500).toArray());
}

export function financeChargeMemoQuery(no: string) {
	return liveQuery(async () => {
		const memo = await db.financeChargeMemos.get(no);
		if (!memo) return null;
		const [customer, company] = await Promise.all([
			db.customers.get(memo.customerNo),
			readCompanyInformation()
		]);
		return { memo, customer: customer ?? null, company };
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
		const byCustomer = groupByCustomer(entries);
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
