import { nextTransactionNo, planApplication } from './applications';
import { freeToApplyCents, heldBy } from './journal-applications';
import { refused, type PlanRefusal, type PlanResult } from './plan';
import type { Action, PolicyCustomer } from './policy';
import {
	generatedDescription,
	newLedgerEntry,
	totalsAfter,
	type Application,
	type CustLedgerEntry,
	type CustomerTotals,
	type LedgerEntryChange
} from './posted';
import { ledgerAmountOf, type JournalLine } from './receivables';

/**
 * Posting the cash receipt journal as a pure plan: given the lines and the records the command
 * read, the payment and refund entries to write, the entries they close and the application
 * records — or the refusal. The command is postJournal in app/cash-receipt-journal.ts.
 */

/**
 * Journal lines are stored as 10000, 20000, …: a new line goes after the last. A message names
 * a line by its place among the journal's lines (1, 2, …), as the page numbers its rows — never
 * by its line No., which counts the lines deleted before it too.
 */
export const JOURNAL_LINE_STEP = 10_000;

/** The policy action a journal line posts. */
export function journalAction(line: Pick<JournalLine, 'documentType'>): Action {
	return line.documentType === 'Payment' ? 'payment.post' : 'refund.post';
}

/** Why a line cannot be posted as it is (no customer, no amount); null when it can. */
export function journalLineRefusal(
	line: JournalLine,
	number: number,
	customer: PolicyCustomer | undefined
): PlanRefusal | null {
	if (!customer) {
		return {
			key: 'error.journalCustomer',
			message: `Line ${number}: choose a customer.`,
			values: { line: number }
		};
	}
	if (line.amountCents <= 0) {
		return {
			key: 'error.journalAmount',
			message: `Line ${number}: enter an amount.`,
			values: { line: number }
		};
	}
	return null;
}

export interface JournalPostingInput {
	/** Every line of the journal, by line No. */
	lines: readonly JournalLine[];
	/** The customers of the lines that exist. */
	customers: ReadonlyMap<string, PolicyCustomer>;
	/** Every stored entry a line may apply to: chosen with Apply Entries or by Applies-to Doc. No. */
	entries: readonly CustLedgerEntry[];
	/** The application records that touch those entries. */
	records: readonly Application[];
	/** The stored totals of the lines' customers. */
	totals: ReadonlyMap<string, CustomerTotals>;
	nextEntryNo: number;
	/** The application transaction counter as stored (0: never drawn). */
	lastTransactionNo: number;
	/** The id of a new record (crypto.randomUUID in the app, a counter in tests). */
	newId: () => string;
}

export interface JournalPostingPlan {
	ledger: {
		/** One entry per line, as it stands after its own application. */
		added: CustLedgerEntry[];
		/** Stored entries the lines closed in whole or in part, each as read with what it becomes. */
		changed: Array<{ entry: CustLedgerEntry; change: LedgerEntryChange }>;
		totals: CustomerTotals[];
	};
	applications: Application[];
	/** The last entry No. taken; the last application transaction No. taken (null: none). */
	lastEntryNo: number;
	lastTransactionNo: number | null;
	posted: number;
}

/** The entries a line applies to, as they stand after the lines before it. */
function targetsOf(
	line: JournalLine,
	number: number,
	state: ReadonlyMap<number, CustLedgerEntry>,
	firstNewEntryNo: number
): Array<{ entry: CustLedgerEntry; amountToApplyCents?: number }> | PlanRefusal {
	if (line.appliesToEntries.length > 0) {
		// An application chosen with Apply Entries is made in full or the posting is refused:
		// an earlier line (or a posting since) may have closed the entry, and dropping the
		// application would leave the payment open without a word.
		// Up to the line's Amount: a line whose Amount was lowered after applying pays no more.
		const targets: Array<{ entry: CustLedgerEntry; amountToApplyCents: number }> = [];
		for (const { entryNo, amountToApplyCents } of heldBy(line)) {
			const entry = state.get(entryNo);
			const free =
				entry && entry.customerNo === line.customerNo ? freeToApplyCents(entry, new Map()) : 0;
			if (free < amountToApplyCents) {
				return applicationShort(
					number,
					entry?.documentNo ?? String(entryNo),
					free,
					amountToApplyCents
				);
			}
			targets.push({ entry: entry!, amountToApplyCents });
		}
		return targets;
	}
	if (!line.appliesToDocNo) return [];
	// The open entry of that No. with the lowest entry No., as an index lookup finds it.
	const entry = [...state.values()]
		.filter(
			(candidate) =>
				candidate.documentNo === line.appliesToDocNo &&
				candidate.customerNo === line.customerNo &&
				candidate.open === 1
		)
		.sort((a, b) => a.entryNo - b.entryNo)[0];
	if (entry) return [{ entry }];
	// Open before the posting, and closed by an earlier line of it: said as such.
	const closed = [...state.values()].find(
		(candidate) =>
			candidate.documentNo === line.appliesToDocNo &&
			candidate.customerNo === line.customerNo &&
			candidate.open === 0 &&
			candidate.closedByEntryNo >= firstNewEntryNo
	);
	if (closed) return applicationShort(number, closed.documentNo, 0, Math.abs(line.amountCents));
	return {
		key: 'error.appliesToMissing',
		message: `There is no open entry ${line.appliesToDocNo}.`,
		values: { no: line.appliesToDocNo, line: number }
	};
}

/** The refusal of a line whose application to an entry can no longer be made in full. */
function applicationShort(
	number: number,
	no: string,
	freeCents: number,
	amountCents: number
): PlanRefusal {
	const free = (freeCents / 100).toFixed(2);
	const amount = (amountCents / 100).toFixed(2);
	return {
		key: 'error.applicationShort',
		message: `Line ${number}: ${no} has ${free} left to apply, not ${amount}. Another line or posting applied the rest. Choose Apply Entries again.`,
		values: { line: number, no, free: freeCents / 100, amount: amountCents / 100 }
	};
}

function touches(record: Application, entryNos: ReadonlySet<number>): boolean {
	return entryNos.has(record.entryNo) || entryNos.has(record.appliedByEntryNo);
}

/**
 * Posts every line or none: each line becomes a payment (−) or refund (+) entry at its posting
 * date, applied (one application transaction per line) to the entries it chose with Apply
 * Entries, each up to its Amount to Apply, or to the open entry of its Applies-to Doc. No.; the
 * lines are posted in order, so a later line sees what the earlier ones closed. What is not
 * applied stays open on the payment. The policy is the command's to ask, line by line, first.
 */
export function planJournalPosting(input: JournalPostingInput): PlanResult<JournalPostingPlan> {
	const { lines } = input;
	if (lines.length === 0) return refused('error.nothingToPost', 'There is nothing to post.');
	for (const [index, line] of lines.entries()) {
		const refusal = journalLineRefusal(line, index + 1, input.customers.get(line.customerNo));
		if (refusal) return { ok: false, refusal };
	}
	const stored = new Map(input.entries.map((entry) => [entry.entryNo, entry]));
	const state = new Map(stored);
	const added: number[] = [];
	const applications: Application[] = [];
	let entryNo = input.nextEntryNo - 1;
	let transactionNo = input.lastTransactionNo;
	let drewTransaction = false;
	for (const [index, line] of lines.entries()) {
		const amount = ledgerAmountOf(line);
		const found = targetsOf(line, index + 1, state, input.nextEntryNo);
		if (!Array.isArray(found)) return { ok: false, refusal: found };
		const targets = found.filter(
			({ entry }) =>
				entry.customerNo === line.customerNo &&
				Math.sign(entry.remainingAmountCents) === -Math.sign(amount)
		);
		entryNo += 1;
		const payment = newLedgerEntry({
			entryNo,
			customerNo: line.customerNo,
			postingDate: line.postingDate,
			documentType: line.documentType,
			documentNo: line.documentNo,
			description: line.description || generatedDescription(line),
			amountCents: amount,
			dueDate: line.postingDate
		});
		state.set(entryNo, payment);
		added.push(entryNo);
		if (targets.length === 0) continue;
		const targetNos = new Set(targets.map(({ entry }) => entry.entryNo));
		transactionNo = nextTransactionNo(
			transactionNo,
			[...input.records, ...applications].filter((record) => touches(record, targetNos))
		);
		drewTransaction = true;
		const planned = planApplication({
			applying: payment,
			targets,
			postingDate: line.postingDate,
			transactionNo
		});
		if (!planned.ok) return planned;
		for (const change of planned.plan.changes) {
			state.set(change.entryNo, { ...state.get(change.entryNo)!, ...change });
		}
		for (const record of planned.plan.applications) {
			applications.push({ id: input.newId(), ...record });
		}
	}
	const addedEntries = added.map((no) => state.get(no)!);
	const changed = [...stored.values()].flatMap((entry) => {
		const now = state.get(entry.entryNo)!;
		if (now === entry) return [];
		const { remainingAmountCents, open, closedByEntryNo, closedAtDate } = now;
		return [
			{
				entry,
				change: {
					entryNo: entry.entryNo,
					remainingAmountCents,
					open,
					closedByEntryNo,
					closedAtDate
				}
			}
		];
	});
	const customers = new Set([
		...addedEntries.map((entry) => entry.customerNo),
		...changed.map(({ entry }) => entry.customerNo)
	]);
	const totals = [...customers].map((customerNo) =>
		totalsAfter(customerNo, input.totals.get(customerNo), addedEntries, changed)
	);
	return {
		ok: true,
		plan: {
			ledger: { added: addedEntries, changed, totals },
			applications,
			lastEntryNo: entryNo,
			lastTransactionNo: drewTransaction ? transactionNo : null,
			posted: lines.length
		}
	};
}
