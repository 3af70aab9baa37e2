import type { DocumentLanguage } from './customer';
import { daysBetween } from './dates';
import type { CustLedgerEntry } from './posted';
import type { ReminderLevelTexts, Translations } from './terms-texts';

/** One open entry a payment (or refund) may be applied to, with what the clerk chose. */
export interface ApplicableEntry {
	entryNo: number;
	remainingAmountCents: number;
	/** Amount to Apply as chosen in Apply Entries; undefined = as much as possible. */
	amountToApplyCents?: number;
}

export interface Allocation {
	entryNo: number;
	amountCents: number;
}

/**
 * Splits a payment over the entries it is applied to, in the order given. `paymentCents` is
 * the payment's ledger amount (negative for a payment, positive for a refund); each entry
 * takes at most its remaining amount, of the opposite sign, and at most what is left of the
 * payment. What is not applied stays open on the payment.
 */
export function allocatePayment(
	paymentCents: number,
	entries: readonly ApplicableEntry[]
): Allocation[] {
	let left = Math.abs(paymentCents);
	const sign = Math.sign(paymentCents);
	const allocations: Allocation[] = [];
	for (const entry of entries) {
		if (left === 0) break;
		if (Math.sign(entry.remainingAmountCents) !== -sign) continue;
		const open = Math.abs(entry.remainingAmountCents);
		const wanted =
			entry.amountToApplyCents === undefined
				? open
				: Math.min(Math.abs(entry.amountToApplyCents), open);
		const amount = Math.min(wanted, left);
		if (amount <= 0) continue;
		allocations.push({ entryNo: entry.entryNo, amountCents: amount });
		left -= amount;
	}
	return allocations;
}

/** Entries by customer, each customer's in the order given; customers in order of first entry. */
export function groupByCustomer<T extends Pick<CustLedgerEntry, 'customerNo'>>(
	entries: readonly T[],
	byCustomer = new Map<string, T[]>()
): Map<string, T[]> {
	for (const entry of entries) {
		const own = byCustomer.get(entry.customerNo);
		if (own) own.push(entry);
		else byCustomer.set(entry.customerNo, [entry]);
	}
	return byCustomer;
}

/** Entries that count as receivable for dunning: open invoices with something left, not on hold. */
export function isDunnable(entry: CustLedgerEntry): boolean {
	return entry.open === 1 && entry.documentType === 'Invoice' && entry.remainingAmountCents > 0;
}

export interface ReminderLevel {
	level: number;
	gracePeriodDays: number;
	dueDays: number;
	feeCents: number;
	/** The one English text of a level stored before its texts per language (read with reminderTextsOf). */
	text?: string;
	/** Beginning Text and Ending Text per language, with placeholders (domain/terms-texts.ts). */
	texts?: ReminderLevelTexts;
}

export interface ReminderTerms {
	code: string;
	description: string;
	translations?: Translations;
	levels: ReminderLevel[];
}

export interface ReminderCandidate {
	entry: CustLedgerEntry;
	level: number;
	onHold: boolean;
}

/**
 * Which open invoice entries a reminder at `documentDate` takes, and at which level: the
 * next level (No. of Reminders + 1, capped at the last) once its grace period after the due
 * date has passed. Entries on hold never become candidates for a level; they are listed
 * (at their current level) only when asked for.
 */
export function reminderCandidates(
	entries: readonly CustLedgerEntry[],
	terms: ReminderTerms,
	documentDate: string,
	includeOnHold: boolean
): ReminderCandidate[] {
	const levels = [...terms.levels].sort((a, b) => a.level - b.level);
	if (levels.length === 0) return [];
	const candidates: ReminderCandidate[] = [];
	for (const entry of entries) {
		if (!isDunnable(entry)) continue;
		const next = levels[Math.min(entry.noOfReminders, levels.length - 1)]!;
		const overdue = daysBetween(entry.dueDate, documentDate) > next.gracePeriodDays;
		if (!overdue) continue;
		if (entry.onHold !== '') {
			if (includeOnHold) candidates.push({ entry, level: entry.noOfReminders, onHold: true });
			continue;
		}
		candidates.push({ entry, level: next.level, onHold: false });
	}
	return candidates;
}

export interface FinanceChargeTerms {
	code: string;
	description: string;
	translations?: Translations;
	interestRatePct: number;
	interestPeriodDays: number;
	gracePeriodDays: number;
	minimumAmountCents: number;
	additionalFeeCents: number;
}

/** Interest = Remaining Amount × rate / 100 × days overdue / interest period, to the cent. */
export function interestCents(
	remainingCents: number,
	terms: Pick<FinanceChargeTerms, 'interestRatePct' | 'interestPeriodDays'>,
	daysOverdue: number
): number {
	if (daysOverdue <= 0 || terms.interestPeriodDays <= 0) return 0;
	const value =
		(remainingCents * terms.interestRatePct * daysOverdue) / (100 * terms.interestPeriodDays);
	return Math.sign(value) * Math.round(Math.abs(value));
}

export interface FinanceChargeLine {
	entry: CustLedgerEntry;
	daysOverdue: number;
	/** Interest is charged for the days after `interestFromDate` up to `interestToDate`. */
	interestFromDate: string;
	interestToDate: string;
	interestCents: number;
}

/**
 * Finance charge lines at a document date: overdue beyond grace, not on hold, at least the
 * minimum. Interest runs from the due date or, for an entry an issued memo charged before, from
 * the date it was charged up to (`chargedUntil`, by entry No.), so no day is charged twice.
 */
export function financeChargeLines(
	entries: readonly CustLedgerEntry[],
	terms: FinanceChargeTerms,
	documentDate: string,
	chargedUntil: ReadonlyMap<number, string> = new Map()
): FinanceChargeLine[] {
	const lines: FinanceChargeLine[] = [];
	for (const entry of entries) {
		if (!isDunnable(entry) || entry.onHold !== '') continue;
		const daysOverdue = daysBetween(entry.dueDate, documentDate);
		if (daysOverdue <= terms.gracePeriodDays) continue;
		const charged = chargedUntil.get(entry.entryNo) ?? '';
		const from = charged > entry.dueDate ? charged : entry.dueDate;
		const interest = interestCents(
			entry.remainingAmountCents,
			terms,
			daysBetween(from, documentDate)
		);
		if (interest <= 0 || interest < terms.minimumAmountCents) continue;
		lines.push({
			entry,
			daysOverdue,
			interestFromDate: from,
			interestToDate: documentDate,
			interestCents: interest
		});
	}
	return lines;
}

export interface AgedBuckets {
	notDue: number;
	days1to30: number;
	days31to60: number;
	days61to90: number;
	over90: number;
}

export const AGED_BUCKETS: ReadonlyArray<keyof AgedBuckets> = [
	'notDue',
	'days1to30',
	'days31to60',
	'days61to90',
	'over90'
];

/** Open remaining amounts by how long they are overdue at the work date. */
export function ageReceivables(
	entries: readonly Pick<CustLedgerEntry, 'open' | 'dueDate' | 'remainingAmountCents'>[],
	workDate: string
): AgedBuckets {
	const buckets: AgedBuckets = { notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 };
	for (const entry of entries) {
		if (entry.open !== 1) continue;
		const overdue = daysBetween(entry.dueDate, workDate);
		const bucket: keyof AgedBuckets =
			overdue <= 0
				? 'notDue'
				: overdue <= 30
					? 'days1to30'
					: overdue <= 60
						? 'days31to60'
						: overdue <= 90
							? 'days61to90'
							: 'over90';
		buckets[bucket] += entry.remainingAmountCents;
	}
	return buckets;
}

/** What a cash receipt journal line posts. */
export const JOURNAL_DOCUMENT_TYPES = ['Payment', 'Refund'] as const;

/** A reminder or finance charge memo is open until it is issued. */
export const MEMO_STATUSES = ['Open', 'Issued'] as const;

export type MemoStatus = (typeof MEMO_STATUSES)[number];

export interface JournalLine {
	id: string;
	lineNo: number;
	postingDate: string;
	documentType: (typeof JOURNAL_DOCUMENT_TYPES)[number];
	documentNo: string;
	customerNo: string;
	description: string;
	/** What the clerk entered, always positive: a payment lowers the balance, a refund raises it. */
	amountCents: number;
	appliesToDocNo: string;
	/** Chosen with Apply Entries; empty when Applies-to Doc. No. or nothing applies. */
	appliesToEntries: Array<{ entryNo: number; amountToApplyCents: number }>;
}

/** The ledger amount of a journal line: a payment credits the customer, a refund debits. */
export function ledgerAmountOf(line: Pick<JournalLine, 'documentType' | 'amountCents'>): number {
	return line.documentType === 'Payment' ? -line.amountCents : line.amountCents;
}

export interface ReminderLine {
	entryNo: number;
	documentType: CustLedgerEntry['documentType'];
	documentNo: string;
	dueDate: string;
	originalAmountCents: number;
	remainingAmountCents: number;
	level: number;
	onHold: boolean;
}

export interface Reminder {
	no: string;
	customerNo: string;
	customerName: string;
	documentDate: string;
	dueDate: string;
	reminderTermsCode: string;
	level: number;
	feeCents: number;
	/** The Beginning Text of its level in its language, placeholders unfilled. */
	text: string;
	/** The Ending Text; absent on reminders created before it. */
	endingText?: string;
	/** The customer's Language Code when it was created; absent on reminders created before. */
	languageCode?: DocumentLanguage;
	status: MemoStatus;
	issuedNo: string;
	lines: ReminderLine[];
}

/** What a reminder asks to pay: the remaining amounts of its lines not on hold, and the fee. */
export function reminderAmounts(reminder: Pick<Reminder, 'lines' | 'feeCents'>): {
	remainingCents: number;
	feeCents: number;
	totalCents: number;
} {
	const remainingCents = reminder.lines
		.filter((line) => !line.onHold)
		.reduce((sum, line) => sum + line.remainingAmountCents, 0);
	return {
		remainingCents,
		feeCents: reminder.feeCents,
		totalCents: remainingCents + reminder.feeCents
	};
}

export interface FinanceChargeMemoLine {
	entryNo: number;
	documentNo: string;
	dueDate: string;
	remainingAmountCents: number;
	daysOverdue: number;
	/**
	 * The period charged: the days after `interestFromDate` (the due date, or the document date
	 * of the last issued memo that charged the entry) up to `interestToDate` (this memo's
	 * document date). Absent on memos created before the period was recorded.
	 */
	interestFromDate?: string;
	interestToDate?: string;
	interestCents: number;
}

export interface FinanceChargeMemo {
	no: string;
	customerNo: string;
	customerName: string;
	documentDate: string;
	dueDate: string;
	financeChargeTermsCode: string;
	feeCents: number;
	interestCents: number;
	status: MemoStatus;
	issuedNo: string;
	lines: FinanceChargeMemoLine[];
}

/** The reminder's level is the highest of its lines (lines on hold do not count). */
export function reminderLevel(lines: readonly ReminderLine[]): number {
	return lines.filter((line) => !line.onHold).reduce((max, line) => Math.max(max, line.level), 0);
}
