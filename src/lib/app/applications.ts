import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { NumberSeries } from '$lib/db/db';
import {
	entriesOf,
	lastApplication,
	nextTransactionNo,
	oldestFirst,
	planApplication,
	planUnapply,
	type AmountToApply,
	type ApplicationPlan
} from '$lib/domain/applications';
import type { PolicyCustomer } from '$lib/domain/policy';
import type { Application, CustLedgerEntry, LedgerEntryChange } from '$lib/domain/posted';
import { NotFoundError, refusalError, ValidationError } from './errors';
import { updateLedgerEntry } from './ledger';
import { assertAllowed } from './refusals';
import { readWorkDate } from './settings';

/** The counter of application transactions (Business Central's Transaction No.). */
const TRANSACTION_SERIES = 'APPLTX';

const APPLICATION_TABLES = () => [
	db.customers,
	db.custLedgerEntries,
	db.customerTotals,
	db.applications,
	db.numberSeries,
	db.settings,
	db.postedCreditMemos
];

/** Every application record that touches one of the entries (either side). */
export async function recordsOf(entryNos: readonly number[]): Promise<Application[]> {
	if (entryNos.length === 0) return [];
	const [applied, applying] = await Promise.all([
		db.applications.where('entryNo').anyOf(entryNos).toArray(),
		db.applications.where('appliedByEntryNo').anyOf(entryNos).toArray()
	]);
	const byId = new Map<string, Application>();
	for (const record of [...applied, ...applying]) byId.set(record.id, record);
	return [...byId.values()];
}

/**
 * The records of an entry's last application transaction in force, all of them: they share
 * the applying entry, whose records are read too.
 */
async function readLastApplication(entryNo: number): Promise<Application[]> {
	const own = lastApplication(entryNo, await recordsOf([entryNo]));
	if (own.length === 0) return [];
	return lastApplication(entryNo, await recordsOf([entryNo, own[0]!.appliedByEntryNo]));
}

/** The application transaction counter as stored (0: never drawn); inside a transaction. */
export async function readTransactionCounter(): Promise<number> {
	return (await db.numberSeries.get(TRANSACTION_SERIES))?.lastNo ?? 0;
}

/** The counter row with `lastNo` as the last transaction No. drawn. */
export function transactionCounter(lastNo: number): NumberSeries {
	return { code: TRANSACTION_SERIES, prefix: '', lastNo, increment: 1, width: 0 };
}

/**
 * Draws the next application transaction No. (see nextTransactionNo); inside a transaction
 * over `applications` and `numberSeries`.
 */
async function drawTransactionNo(entryNos: readonly number[]): Promise<number> {
	const [records, lastNo] = await Promise.all([recordsOf(entryNos), readTransactionCounter()]);
	const value = nextTransactionNo(lastNo, records);
	await db.numberSeries.put(transactionCounter(value));
	return value;
}

async function writeChanges(changes: readonly LedgerEntryChange[]): Promise<void> {
	for (const { entryNo, ...change } of changes) await updateLedgerEntry(entryNo, change);
}

/** Writes an application plan (entries and records); inside the caller's transaction. */
async function writeApplicationPlan(plan: ApplicationPlan): Promise<void> {
	await writeChanges(plan.changes);
	await db.applications.bulkAdd(
		plan.applications.map((record) => ({ id: crypto.randomUUID(), ...record }))
	);
}

/** Applying or undoing an application is a payment action for the entry's customer. */
async function ensurePaymentAllowed(entry: CustLedgerEntry): Promise<void> {
	const customer = await db.customers.get(entry.customerNo);
	if (!customer) throw new NotFoundError('Customer', entry.customerNo);
	assertAllowed(customer, 'payment.post', entry.documentNo);
}

async function entryOf(entryNo: number): Promise<CustLedgerEntry> {
	const entry = await db.custLedgerEntries.get(entryNo);
	if (!entry) throw new NotFoundError('Entry', String(entryNo));
	return entry;
}

function isApplyingEntry(entry: CustLedgerEntry): boolean {
	return entry.open === 1 && entry.remainingAmountCents < 0;
}

/**
 * Apply Entries on a customer ledger entry: applies an open payment or credit memo entry to
 * open entries of the same customer (invoices), each up to its Amount to Apply, at the work
 * date, in one transaction with the totals. Refused for a customer blocked All or for
 * privacy (a payment action), and logged. Returns the amount applied.
 */
export async function applyLedgerEntries(input: {
	entryNo: number;
	entries: readonly AmountToApply[];
}): Promise<number> {
	return db.transaction('rw', APPLICATION_TABLES(), async () => {
		const applying = await entryOf(input.entryNo);
		await ensurePaymentAllowed(applying);
		if (!isApplyingEntry(applying)) {
			throw new ValidationError(
				'error.applyingEntry',
				`Entry ${applying.entryNo} is not an open payment or credit memo.`,
				{ entryNo: applying.entryNo }
			);
		}
		const targets = [];
		for (const chosen of input.entries) {
			if (chosen.amountToApplyCents === 0) continue;
			targets.push({
				entry: await entryOf(chosen.entryNo),
				amountToApplyCents: chosen.amountToApplyCents
			});
		}
		const postingDate = await readWorkDate();
		const transactionNo = await drawTransactionNo([
			applying.entryNo,
			...targets.map((target) => target.entry.entryNo)
		]);
		const planned = planApplication({ applying, targets, postingDate, transactionNo });
		if (!planned.ok) throw refusalError(planned.refusal);
		await writeApplicationPlan(planned.plan);
		return planned.plan.appliedCents;
	});
}

/** An application made by Cancel belongs to the cancellation: it is not undone on its own. */
async function madeByCancel(transaction: readonly Application[]): Promise<boolean> {
	const applying = await db.custLedgerEntries.get(transaction[0]!.appliedByEntryNo);
	if (applying?.documentType !== 'Credit Memo') return false;
	const memo = await db.postedCreditMemos.get(applying.documentNo);
	return (memo?.cancels ?? '') !== '';
}

/**
 * Unapply Entries: undoes the last application transaction of an entry (every record of it)
 * at the work date, in one transaction: reversing records are written beside the originals
 * (both marked unapplied), the remaining amounts go back and closed entries reopen, the
 * totals with them. Refused for a customer blocked All or for privacy, and logged.
 */
export async function unapplyLedgerEntry(input: { entryNo: number }): Promise<void> {
	await db.transaction('rw', APPLICATION_TABLES(), async () => {
		const entry = await entryOf(input.entryNo);
		await ensurePaymentAllowed(entry);
		const last = await readLastApplication(entry.entryNo);
		if (last.length > 0 && (await madeByCancel(last))) {
			throw new ValidationError(
				'error.unapplyCancelled',
				`Entry ${entry.entryNo} was applied by Cancel and cannot be unapplied.`,
				{ entryNo: entry.entryNo }
			);
		}
		const involved = entriesOf(last);
		const [found, records] = await Promise.all([
			db.custLedgerEntries.bulkGet(involved),
			recordsOf(involved.length > 0 ? involved : [entry.entryNo])
		]);
		const postingDate = await readWorkDate();
		const transactionNo = await drawTransactionNo(involved);
		const planned = planUnapply({
			entryNo: entry.entryNo,
			entries: found.filter((candidate) => candidate !== undefined),
			records,
			postingDate,
			transactionNo
		});
		if (!planned.ok) throw refusalError(planned.refusal);
		await writeChanges(planned.plan.changes);
		for (const record of planned.plan.undone) {
			await db.applications.update(record.id, { unapplied: true });
		}
		await db.applications.bulkAdd(
			planned.plan.reversals.map((record) => ({ id: crypto.randomUUID(), ...record }))
		);
	});
}

// ---------------------------------------------------------------- read models

export interface ApplyEntriesView {
	applying: CustLedgerEntry;
	/** Open entries of the same customer it can close, oldest first. */
	candidates: CustLedgerEntry[];
}

/** What Apply Entries on a payment or credit memo entry offers. */
export async function loadApplyEntries(entryNo: number): Promise<ApplyEntriesView> {
	const applying = await entryOf(entryNo);
	const open = await db.custLedgerEntries
		.where('[customerNo+open]')
		.equals([applying.customerNo, 1])
		.toArray();
	const candidates = open.filter(
		(entry) =>
			entry.entryNo !== applying.entryNo &&
			Math.sign(entry.remainingAmountCents) === -Math.sign(applying.remainingAmountCents)
	);
	return { applying, candidates: oldestFirst(candidates) };
}

export interface UnapplyView {
	entry: CustLedgerEntry;
	/** The records Unapply Entries would undo, with the entries on both sides. */
	records: Array<{ record: Application; applied: CustLedgerEntry; appliedBy: CustLedgerEntry }>;
}

/** What Unapply Entries on an entry would undo (nothing: an empty list). */
export async function loadUnapply(entryNo: number): Promise<UnapplyView> {
	const entry = await entryOf(entryNo);
	const last = await readLastApplication(entryNo);
	const nos = entriesOf(last);
	const entries = new Map(
		(await db.custLedgerEntries.bulkGet(nos))
			.filter((found) => found !== undefined)
			.map((found) => [found.entryNo, found])
	);
	const records = last.flatMap((record) => {
		const applied = entries.get(record.entryNo);
		const appliedBy = entries.get(record.appliedByEntryNo);
		return applied && appliedBy ? [{ record, applied, appliedBy }] : [];
	});
	return { entry, records };
}

export interface LedgerApplicationState {
	/** Entries with an application in force (Unapply Entries has something to undo). */
	applied: ReadonlySet<number>;
	customers: ReadonlyMap<string, PolicyCustomer>;
}

/** For the entries shown: which have applications in force, and their customers' blocks. */
export function ledgerApplicationStateQuery(
	entries: readonly Pick<CustLedgerEntry, 'entryNo' | 'customerNo'>[]
): Observable<LedgerApplicationState> {
	const entryNos = entries.map((entry) => entry.entryNo);
	const customerNos = [...new Set(entries.map((entry) => entry.customerNo))];
	return liveQuery(async () => {
		const [records, customers] = await Promise.all([
			recordsOf(entryNos),
			db.customers.bulkGet(customerNos)
		]);
		const shown = new Set(entryNos);
		const applied = new Set<number>();
		for (const record of records) {
			if (record.unapplied) continue;
			if (shown.has(record.entryNo)) applied.add(record.entryNo);
			if (shown.has(record.appliedByEntryNo)) applied.add(record.appliedByEntryNo);
		}
		return {
			applied,
			customers: new Map(
				customers
					.filter((customer) => customer !== undefined)
					.map((customer) => [customer.no, customer])
			)
		};
	});
}
