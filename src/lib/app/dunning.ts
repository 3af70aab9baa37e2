import type { Table } from 'dexie';
import { db } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import type { BatchResult, DunningDocument, IssuePlan, RunPlan } from '$lib/domain/dunning-plan';
import { issuedRefusal } from '$lib/domain/dunning-plan';
import type { Action } from '$lib/domain/policy';
import type { PlanResult } from '$lib/domain/plan';
import type { CustLedgerEntry } from '$lib/domain/posted';
import { NotFoundError, refusalError } from './errors';
import { writePlannedEntries } from './ledger';
import { nextNo, readNextEntryNo, readNextNo } from './numbering';
import { assertAllowed } from './refusals';

/**
 * The read and write steps reminders (app/reminders.ts) and finance charge memos
 * (app/finance-charge-memos.ts) share: the records a Create run reads, the numbering and writing
 * of what it planned, issuing and deleting. The rules are in domain/dunning-plan.ts.
 */

export type { BatchResult } from '$lib/domain/dunning-plan';

/** The table of reminders or of finance charge memos, as the shared steps use it. */
export interface DunningStore<T extends DunningDocument> {
	table: () => Table;
	get: (no: string) => Promise<T | undefined>;
	add: (document: T) => Promise<unknown>;
	markIssued: (no: string, issuedNo: string) => Promise<unknown>;
	delete: (no: string) => Promise<unknown>;
}

/** What a Create run reads: the open entries of the customers asked for (all: none given). */
export async function readRun(customerNos?: readonly string[]): Promise<{
	entries: CustLedgerEntry[];
	customers: Map<string, Customer>;
}> {
	const open = await db.custLedgerEntries.where('open').equals(1).toArray();
	const wanted = customerNos && customerNos.length > 0 ? new Set(customerNos) : null;
	const entries = wanted ? open.filter((entry) => wanted.has(entry.customerNo)) : open;
	const nos = [...new Set(entries.map((entry) => entry.customerNo))];
	const customers = new Map<string, Customer>();
	for (const customer of await db.customers.bulkGet(nos)) {
		if (customer) customers.set(customer.no, customer);
	}
	return { entries, customers };
}

/** The terms the customers name, by code (`codeOf` reads the code off a customer). */
export async function readTerms<T extends { code: string }>(
	bulkGet: (codes: string[]) => Promise<Array<T | undefined>>,
	customers: ReadonlyMap<string, Customer>,
	codeOf: (customer: Customer) => string
): Promise<Map<string, T>> {
	const codes = [...new Set([...customers.values()].map(codeOf).filter((code) => code !== ''))];
	const terms = new Map<string, T>();
	for (const found of await bulkGet(codes)) if (found) terms.set(found.code, found);
	return terms;
}

/** Writes the documents a run planned, each with the next No. of `series`, in order. */
export async function writeRun<T extends DunningDocument>(
	store: DunningStore<T>,
	series: string,
	plan: RunPlan<Omit<T, 'no'>>
): Promise<BatchResult> {
	const created: string[] = [];
	for (const document of plan.documents) {
		const no = await nextNo(series, async (taken) => (await store.get(taken)) !== undefined);
		await store.add({ ...document, no } as T);
		created.push(no);
	}
	return { created, skipped: plan.skipped };
}

/** What issuing reads besides the document: the issued No., the next entry No., the totals. */
export async function readIssue(series: string, customerNo: string) {
	const [issued, entry, totals, customer] = await Promise.all([
		readNextNo(series, async () => false),
		readNextEntryNo('CLE'),
		db.customerTotals.get(customerNo),
		db.customers.get(customerNo)
	]);
	return { issued, entry, totals, customer };
}

/**
 * Issues a reminder or memo: the plan's refusal is thrown; then the customer must exist and the
 * policy allow `action` (refused attempts are recorded); then the document is marked issued and
 * the plan written with the numbers it took.
 */
export async function writeIssue<T extends DunningDocument>(
	store: DunningStore<T>,
	document: T,
	action: Action,
	read: Awaited<ReturnType<typeof readIssue>>,
	planned: PlanResult<IssuePlan>
): Promise<string> {
	if (!planned.ok) throw refusalError(planned.refusal);
	if (!read.customer) throw new NotFoundError('Customer', document.customerNo);
	assertAllowed(read.customer, action, document.no);
	const { issuedNo, ledger } = planned.plan;
	await db.numberSeries.put(read.issued.series);
	if (ledger.added.length > 0) {
		await db.numberSeries.put(read.entry.series);
		await writePlannedEntries({ ...ledger, changed: [] });
	}
	await store.markIssued(document.no, issuedNo);
	return issuedNo;
}

/** Reads an open document to change it: not found and issued are refused. */
export async function openDocument<T extends DunningDocument>(
	store: DunningStore<T>,
	what: string,
	no: string
): Promise<T> {
	const document = await store.get(no);
	if (!document) throw new NotFoundError(what, no);
	const issued = issuedRefusal(document, 'change');
	if (issued) throw refusalError(issued);
	return document;
}

/** Deletes an open reminder or memo (one already gone is fine); an issued one is refused. */
export async function deleteOpen<T extends DunningDocument>(
	store: DunningStore<T>,
	no: string
): Promise<void> {
	await db.transaction('rw', store.table(), async () => {
		const issued = issuedRefusal(await store.get(no), 'change');
		if (issued) throw refusalError(issued);
		await store.delete(no);
	});
}
