import {
	findStructuredCommunication,
	formatStructuredCommunication,
	REMINDER_COMMUNICATION_MARK,
	reminderCommunicationFor,
	structuredCommunicationFor
} from './belgian-numbers';
import { freeToApplyCents } from './journal-applications';
import type { CustLedgerEntry } from './posted';
import type { JournalLine, Reminder } from './receivables';

/**
 * Payments by reference: a payment line whose Description holds an invoice's structured
 * communication (typed, or pasted from the bank statement's message) is applied to that invoice,
 * as Business Central's payment reconciliation matches a payment by its reference. The
 * communication is made from the invoice's No. (structuredCommunicationFor), so it is found by
 * making it again for the open invoices, never stored.
 */

export type InvoiceEntry = Pick<
	CustLedgerEntry,
	'entryNo' | 'customerNo' | 'documentType' | 'documentNo' | 'remainingAmountCents' | 'open'
>;

export type ReferenceMatch =
	/** The line is applied to the invoice (and takes its customer and, at 0, its amount). */
	| {
			kind: 'applied';
			reference: string;
			entry: InvoiceEntry;
			changes: Pick<
				JournalLine,
				'customerNo' | 'amountCents' | 'appliesToDocNo' | 'appliesToEntries'
			>;
	  }
	/** No open invoice has this communication. */
	| { kind: 'notFound'; reference: string }
	/** The invoice is another customer's than the one on the line: the clerk decides. */
	| { kind: 'otherCustomer'; reference: string; entry: InvoiceEntry }
	/** Other lines of the journal already apply all that is open of it: nothing is applied. */
	| { kind: 'alreadyApplied'; reference: string; entry: InvoiceEntry };

/** The twelve digits of the first valid structured communication in a line's text, or ''. */
export function referenceIn(text: string): string {
	return findStructuredCommunication(text);
}

/** "PSI-1001" → the document No. a series makes for the number a communication holds. */
export function candidateNo(
	reference: string,
	series: { prefix: string; width: number } | undefined
): string {
	if (!series || reference.length !== 12) return '';
	const number = Number(reference.slice(0, 10));
	return `${series.prefix}${String(number).padStart(series.width, '0')}`;
}

/** True when `entry` is an open invoice whose structured communication is `reference`. */
export function isInvoiceOf(reference: string, entry: InvoiceEntry): boolean {
	if (entry.documentType !== 'Invoice' || entry.open !== 1 || entry.remainingAmountCents <= 0)
		return false;
	const made = structuredCommunicationFor(entry.documentNo);
	return made.ok && made.value === reference;
}

/**
 * What a payment line's reference does: apply the line to the open invoice it names. With
 * Amount 0 the line takes what is left to apply of the invoice (as Apply Entries fills it); with
 * an amount it applies up to that. What is left is the remaining amount less what the other lines
 * of the journal apply (`appliedElsewhere`, by entry No.). `candidates` are open ledger entries
 * the caller found (the one whose No. the series makes, else the open invoices).
 */
export function matchReference(
	line: Pick<JournalLine, 'customerNo' | 'amountCents'>,
	reference: string,
	candidates: readonly InvoiceEntry[],
	appliedElsewhere: ReadonlyMap<number, number> = new Map()
): ReferenceMatch {
	const entry = candidates.find((candidate) => isInvoiceOf(reference, candidate));
	if (!entry) return { kind: 'notFound', reference };
	if (line.customerNo !== '' && line.customerNo !== entry.customerNo)
		return { kind: 'otherCustomer', reference, entry };
	// What the other lines of the journal apply is not free for this one (two partial payments
	// of one invoice are fine; together they never apply more than is open).
	const free = freeToApplyCents(entry, appliedElsewhere);
	if (free === 0) return { kind: 'alreadyApplied', reference, entry };
	const amountCents = line.amountCents === 0 ? free : line.amountCents;
	return {
		kind: 'applied',
		reference,
		entry,
		changes: {
			customerNo: entry.customerNo,
			amountCents,
			appliesToDocNo: '',
			appliesToEntries: [
				{ entryNo: entry.entryNo, amountToApplyCents: Math.min(amountCents, free) }
			]
		}
	};
}

/** "+++000/0001/00131+++", as a message shows the reference. */
export function shownReference(reference: string): string {
	return formatStructuredCommunication(reference);
}

/** True when a communication is an issued reminder's (reminderCommunicationFor). */
export function isReminderReference(reference: string): boolean {
	return reference.length === 12 && reference.startsWith(REMINDER_COMMUNICATION_MARK);
}

/** "IR-1001": the issued reminder No. a series makes for the number a reminder's communication holds. */
export function candidateReminderNo(
	reference: string,
	series: { prefix: string; width: number } | undefined
): string {
	if (!series || !isReminderReference(reference)) return '';
	return `${series.prefix}${String(Number(reference.slice(1, 10))).padStart(series.width, '0')}`;
}

/** What a payment line's reminder reference does, as matchReference does for an invoice's. */
export type ReminderReferenceMatch =
	| {
			kind: 'applied';
			reference: string;
			documentNo: string;
			customerNo: string;
			changes: Pick<
				JournalLine,
				'customerNo' | 'amountCents' | 'appliesToDocNo' | 'appliesToEntries'
			>;
	  }
	| { kind: 'notFound'; reference: string }
	| { kind: 'otherCustomer'; reference: string; documentNo: string; customerNo: string }
	| { kind: 'alreadyApplied'; reference: string; documentNo: string; entryNos: number[] };

/**
 * A payment of an issued reminder by its structured communication: the line is applied to what
 * the reminder asked to pay and is still open — the entries it reminded (not those on hold) and
 * its fee entry — in that order, up to the line's amount (with Amount 0, it takes their sum),
 * less what the other lines of the journal apply to them (`appliedElsewhere`, by entry No.).
 * `entries` are the ledger entries of the reminder's lines and of its fee, as stored.
 */
export function matchReminderReference(
	line: Pick<JournalLine, 'customerNo' | 'amountCents'>,
	reference: string,
	reminder: Pick<Reminder, 'customerNo' | 'status' | 'issuedNo' | 'lines'> | undefined,
	entries: readonly InvoiceEntry[],
	appliedElsewhere: ReadonlyMap<number, number> = new Map()
): ReminderReferenceMatch {
	const made = reminder?.issuedNo ? reminderCommunicationFor(reminder.issuedNo) : null;
	if (!reminder || reminder.status !== 'Issued' || !made?.ok || made.value !== reference)
		return { kind: 'notFound', reference };
	const reminded = new Set(reminder.lines.filter((l) => !l.onHold).map((l) => l.entryNo));
	const open = entries.filter(
		(entry) =>
			entry.customerNo === reminder.customerNo &&
			entry.open === 1 &&
			entry.remainingAmountCents > 0 &&
			(reminded.has(entry.entryNo) ||
				(entry.documentType === 'Reminder' && entry.documentNo === reminder.issuedNo))
	);
	// The reminded invoices first, the fee last.
	open.sort(
		(a, b) => Number(a.documentType === 'Reminder') - Number(b.documentType === 'Reminder')
	);
	if (open.length === 0) return { kind: 'notFound', reference };
	const documentNo = reminder.issuedNo;
	if (line.customerNo !== '' && line.customerNo !== reminder.customerNo)
		return { kind: 'otherCustomer', reference, documentNo, customerNo: reminder.customerNo };
	// What the other lines of the journal apply is not free for this one.
	const free = open
		.map((entry) => ({ entry, cents: freeToApplyCents(entry, appliedElsewhere) }))
		.filter(({ cents }) => cents > 0);
	if (free.length === 0)
		return {
			kind: 'alreadyApplied',
			reference,
			documentNo,
			entryNos: open.map((entry) => entry.entryNo)
		};
	const owed = free.reduce((sum, { cents }) => sum + cents, 0);
	const amountCents = line.amountCents === 0 ? owed : line.amountCents;
	const appliesToEntries: JournalLine['appliesToEntries'] = [];
	let left = amountCents;
	for (const { entry, cents } of free) {
		if (left <= 0) break;
		const amountToApplyCents = Math.min(cents, left);
		appliesToEntries.push({ entryNo: entry.entryNo, amountToApplyCents });
		left -= amountToApplyCents;
	}
	return {
		kind: 'applied',
		reference,
		documentNo,
		customerNo: reminder.customerNo,
		changes: { customerNo: reminder.customerNo, amountCents, appliesToDocNo: '', appliesToEntries }
	};
}
