import {
	findStructuredCommunication,
	formatStructuredCommunication,
	structuredCommunicationFor
} from './belgian-numbers';
import type { CustLedgerEntry } from './posted';
import type { JournalLine } from './receivables';

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
	| { kind: 'otherCustomer'; reference: string; entry: InvoiceEntry };

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
 * Amount 0 the line takes the invoice's remaining amount (as Apply Entries fills it); with an
 * amount it applies up to the remaining amount. `candidates` are open ledger entries the caller
 * found (the one whose No. the series makes, else the open invoices).
 */
export function matchReference(
	line: Pick<JournalLine, 'customerNo' | 'amountCents'>,
	reference: string,
	candidates: readonly InvoiceEntry[]
): ReferenceMatch {
	const entry = candidates.find((candidate) => isInvoiceOf(reference, candidate));
	if (!entry) return { kind: 'notFound', reference };
	if (line.customerNo !== '' && line.customerNo !== entry.customerNo)
		return { kind: 'otherCustomer', reference, entry };
	const remaining = entry.remainingAmountCents;
	const amountCents = line.amountCents === 0 ? remaining : line.amountCents;
	return {
		kind: 'applied',
		reference,
		entry,
		changes: {
			customerNo: entry.customerNo,
			amountCents,
			appliesToDocNo: '',
			appliesToEntries: [
				{ entryNo: entry.entryNo, amountToApplyCents: Math.min(amountCents, remaining) }
			]
		}
	};
}

/** "+++000/0001/00131+++", as a message shows the reference. */
export function shownReference(reference: string): string {
	return formatStructuredCommunication(reference);
}
