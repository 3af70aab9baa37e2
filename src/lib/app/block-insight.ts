import type { IndexableType } from 'dexie';
import { db } from '$lib/db/db';
import { blockImpact, type ImpactFact, type ImpactRow } from '$lib/domain/block-impact';
import {
	figuresOf,
	hasRules,
	NO_RULES,
	triggeredRules,
	type CustomerFigures,
	type SuggestionRule,
	type SuggestionRules
} from '$lib/domain/block-suggestions';
import { OVERDUE_REASON } from '$lib/domain/customer';
import { groupByCustomer } from '$lib/domain/receivables';
import { shippedNotInvoicedAmountCents } from '$lib/domain/customer-statistics';
import type { CustLedgerEntry } from '$lib/domain/posted';
import type { Blocked } from '$lib/domain/policy';
import { bulkSetBlocked, type BulkResult } from './customer-blocking';
import { ValidationError } from './errors';
import { readWorkDate } from './settings';

/** The open work of a customer a block can stop: documents (as sell-to or bill-to) and figures. */
async function impactFacts(no: string): Promise<ImpactFact[]> {
	return db.transaction(
		'r',
		[db.salesHeaders, db.salesLines, db.custLedgerEntries, db.reminders, db.financeChargeMemos],
		async () => {
			const [asSellTo, asBillTo, entries, reminders, memos] = await Promise.all([
				db.salesHeaders.where('sellToCustomerNo').equals(no).toArray(),
				db.salesHeaders.where('billToCustomerNo').equals(no).toArray(),
				db.custLedgerEntries.where('[customerNo+open]').equals([no, 1]).toArray(),
				db.reminders.where('customerNo').equals(no).toArray(),
				db.financeChargeMemos.where('customerNo').equals(no).toArray()
			]);
			const documents = [...new Map([...asSellTo, ...asBillTo].map((h) => [h.no, h])).values()];
			documents.sort((a, b) => a.no.localeCompare(b.no));
			const orderNos = documents.filter((h) => h.documentType === 'Order').map((h) => h.no);
			const lines = await db.salesLines.where('documentNo').anyOf(orderNos).toArray();
			const facts: ImpactFact[] = documents.map((header) => ({
				kind: header.documentType,
				ref: header.no,
				count: 1,
				amountCents: header.amountInclVatCents
			}));
			const shipped = lines.filter(
				(line) => line.type === 'Item' && line.quantityShipped > line.quantityInvoiced
			);
			if (shipped.length > 0) {
				facts.push({
					kind: 'shippedNotInvoiced',
					ref: '',
					count: shipped.length,
					amountCents: shipped.reduce((sum, line) => sum + shippedNotInvoicedAmountCents(line), 0)
				});
			}
			if (entries.length > 0) {
				facts.push({
					kind: 'openBalance',
					ref: '',
					count: entries.length,
					amountCents: entries.reduce((sum, entry) => sum + entry.remainingAmountCents, 0)
				});
			}
			for (const reminder of reminders.filter((r) => r.status === 'Open')) {
				facts.push({ kind: 'reminder', ref: reminder.no, count: 1, amountCents: 0 });
			}
			for (const memo of memos.filter((m) => m.status === 'Open')) {
				facts.push({ kind: 'financeChargeMemo', ref: memo.no, count: 1, amountCents: 0 });
			}
			return facts;
		}
	);
}

/** What saving `level` on the customer would stop, per piece of open work (asked of `decide`). */
export async function loadBlockImpact(no: string, level: Blocked): Promise<ImpactRow[]> {
	const customer = await db.customers.get(no);
	if (!customer) return [];
	return blockImpact(customer, level, await impactFacts(no));
}

const RULE_KEYS = {
	overdueAmountCents: 'suggest.overdueAmountCents',
	oldestOverdueDays: 'suggest.oldestOverdueDays',
	overCreditLimit: 'suggest.overCreditLimit'
} as const;

export async function readSuggestionRules(): Promise<SuggestionRules> {
	const rows = await db.settings.bulkGet(Object.values(RULE_KEYS));
	const [amount, days, overLimit] = rows.map((row) => row?.value ?? '');
	return {
		overdueAmountCents: amount === '' ? null : Number(amount),
		oldestOverdueDays: days === '' ? null : Number(days),
		overCreditLimit: overLimit === 'true'
	};
}

export async function saveSuggestionRules(rules: SuggestionRules): Promise<void> {
	for (const value of [rules.overdueAmountCents, rules.oldestOverdueDays]) {
		if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
			throw new ValidationError('error.ruleInvalid', 'Enter a whole number of at least 0.');
		}
	}
	await db.transaction('rw', db.settings, () =>
		db.settings.bulkPut([
			{ key: RULE_KEYS.overdueAmountCents, value: String(rules.overdueAmountCents ?? '') },
			{ key: RULE_KEYS.oldestOverdueDays, value: String(rules.oldestOverdueDays ?? '') },
			{ key: RULE_KEYS.overCreditLimit, value: String(rules.overCreditLimit) }
		])
	);
}

export interface BlockSuggestion {
	no: string;
	name: string;
	figures: CustomerFigures;
	triggered: SuggestionRule[];
}

/** How many suggestions a dry run lists at most: the largest overdue amounts first. */
export const SUGGESTION_LIMIT = 500;

export interface SuggestionRun {
	/** Every customer the rules found. */
	total: number;
	/** The first `limit` of them by overdue amount (largest first), then by No. */
	rows: BlockSuggestion[];
}

/**
 * The dry run: every customer not blocked yet whose open entries trigger a rule at the work
 * date, with the figures that did. Nothing is written.
 */
export async function findBlockSuggestions(
	rules: SuggestionRules = NO_RULES,
	limit = SUGGESTION_LIMIT,
	onProgress: (share: number) => void = () => {}
): Promise<SuggestionRun> {
	if (!hasRules(rules)) return { total: 0, rows: [] };
	const workDate = await readWorkDate();
	// Read in pages by key range, yielding between them: at 300,000 entries and 100,000
	// customers this takes seconds, and the page must stay responsive and show progress.
	const entryCount = await db.custLedgerEntries.count();
	const customerCount = await db.customers.count();
	const total = Math.max(1, entryCount + customerCount);
	let read = 0;
	const byCustomer = new Map<string, CustLedgerEntry[]>();
	await inPages(
		(after) => db.custLedgerEntries.where('entryNo').above(after).limit(PAGE).toArray(),
		(entry) => entry.entryNo,
		(entries) => {
			groupByCustomer(
				entries.filter((entry) => entry.open === 1),
				byCustomer
			);
			read += entries.length;
			onProgress(read / total);
		}
	);
	const found: BlockSuggestion[] = [];
	await inPages(
		(after) => db.customers.where('no').above(after).limit(PAGE).toArray(),
		(customer) => customer.no,
		(customers) => {
			for (const customer of customers) {
				const own = byCustomer.get(customer.no);
				if (!own || customer.blocked !== '' || customer.privacyBlocked) continue;
				const figures = figuresOf(own, customer.creditLimitCents, workDate);
				const triggered = triggeredRules(figures, rules);
				if (triggered.length > 0) {
					found.push({ no: customer.no, name: customer.name, figures, triggered });
				}
			}
			read += customers.length;
			onProgress(read / total);
		}
	);
	found.sort((a, b) => b.figures.overdueCents - a.figures.overdueCents || a.no.localeCompare(b.no));
	return { total: found.length, rows: found.slice(0, limit) };
}

const PAGE = 5000;

/** Calls `each` with rows a page at a time, in key order, yielding to the page between. */
async function inPages<T>(
	read: (after: IndexableType) => Promise<T[]>,
	keyOf: (row: T) => IndexableType,
	each: (rows: T[]) => void
): Promise<void> {
	let after: IndexableType = -Infinity;
	for (;;) {
		const rows = await read(after);
		if (rows.length === 0) return;
		each(rows);
		after = keyOf(rows[rows.length - 1]!);
		await new Promise((resolve) => setTimeout(resolve));
	}
}

/** Blocks the chosen suggestions as one bulk run (one batch, reason OVERDUE). */
export function applyBlockSuggestions(
	input: { nos: string[]; blocked: Exclude<Blocked, ''> },
	onProgress?: (share: number) => void
): Promise<BulkResult> {
	return bulkSetBlocked(
		{ nos: input.nos, blocked: input.blocked, reason: OVERDUE_REASON },
		onProgress
	);
}
