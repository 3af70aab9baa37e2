import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import { isIsoDate } from '$lib/domain/dates';
import { miswrittenStructuredCommunication } from '$lib/domain/belgian-numbers';
import {
	JOURNAL_LINE_STEP,
	journalAction,
	journalLineRefusal,
	planJournalPosting
} from '$lib/domain/journal-posting-plan';
import {
	candidateNo,
	isReminderReference,
	matchReference,
	referenceIn,
	type InvoiceEntry
} from '$lib/domain/payment-reference';
import {
	appliedByOtherLines,
	freeToApplyCents,
	linesApplying
} from '$lib/domain/journal-applications';
import { decide, type Decision } from '$lib/domain/policy';
import { ledgerAmountOf, type JournalLine } from '$lib/domain/receivables';
import { readTransactionCounter, recordsOf, transactionCounter } from './applications';
import { NotFoundError, refusalError, ValidationError } from './errors';
import { writePlannedEntries } from './ledger';
import { nextNo, readNextEntryNo } from './numbering';
import { assertAllowed } from './refusals';
import { applyByReminderReference } from './reminder-payments';
import { readWorkDate } from './settings';

/**
 * The cash receipt journal: lines (add, edit, delete), Apply Entries on a line, and Post, which
 * reads the journal, asks planJournalPosting (domain/journal-posting-plan.ts) and writes the
 * plan, in one transaction.
 */

/** Adds a journal line (Payment, work date, next document No.) and returns its id. */
export async function addJournalLine(input: { customerNo?: string } = {}): Promise<string> {
	return db.transaction('rw', [db.journalLines, db.numberSeries, db.settings], async () => {
		const last = await db.journalLines.orderBy('lineNo').last();
		const line: JournalLine = {
			id: crypto.randomUUID(),
			lineNo: (last?.lineNo ?? 0) + JOURNAL_LINE_STEP,
			postingDate: await readWorkDate(),
			documentType: 'Payment',
			documentNo: await nextNo('CASHRCPT', async () => false),
			customerNo: input.customerNo ?? '',
			description: '',
			amountCents: 0,
			appliesToDocNo: '',
			appliesToEntries: []
		};
		await db.journalLines.add(line);
		return line.id;
	});
}

export type EditableJournalField =
	| 'postingDate'
	| 'documentType'
	| 'documentNo'
	| 'customerNo'
	| 'description'
	| 'amountCents'
	| 'appliesToDocNo';

/** What a payment line's structured communication did, for the line to say. */
export type ReferenceOutcome =
	| { kind: 'applied'; reference: string; documentNo: string }
	| { kind: 'notFound'; reference: string }
	| { kind: 'otherCustomer'; reference: string; documentNo: string; customerNo: string }
	| { kind: 'refused'; reference: string; decision: Extract<Decision, { allowed: false }> }
	/** Written as a structured communication, but its check digits do not match: nothing applied. */
	| { kind: 'badCheck'; reference: string }
	/** The journal's lines `lines` already apply all that is open of it: nothing applied. */
	| { kind: 'alreadyApplied'; reference: string; documentNo: string; lines: number[] };

/**
 * Saves one field of a journal line; a changed customer or document type clears its applications.
 * A payment's Description that holds a structured communication (+++000/0001/00131+++, typed or
 * pasted from a bank statement) applies the line to the open invoice it belongs to, as Apply
 * Entries would: the line takes the invoice's customer and, with Amount 0, its remaining amount.
 * An issued reminder's communication (+++9…+++) applies it to what the reminder asks to pay.
 * Returns what the reference did, or null when the field holds none.
 */
export async function updateJournalLine(input: {
	id: string;
	field: EditableJournalField;
	value: string | number;
}): Promise<ReferenceOutcome | null> {
	const { field } = input;
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	if (field === 'postingDate' && !isIsoDate(String(value))) {
		throw new ValidationError('error.dateInvalid', 'Enter a valid date.', {}, field);
	}
	if (field === 'documentType' && value !== 'Payment' && value !== 'Refund') {
		throw new ValidationError('error.documentTypeInvalid', 'Choose Payment or Refund.', {}, field);
	}
	const refusal = field === 'amountCents' ? checkBound('payment', value as number) : null;
	if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values, field);
	if (typeof value === 'string' && value.length > 100) {
		throw new ValidationError('error.tooLong', 'The text is too long.', { max: 100 }, field);
	}
	const tables = [
		db.journalLines,
		db.customers,
		db.custLedgerEntries,
		db.numberSeries,
		db.reminders
	];
	return db.transaction('rw', tables, async () => {
		const line = await db.journalLines.get(input.id);
		if (!line) throw new NotFoundError('Journal line', input.id);
		const changes: Partial<JournalLine> = { [field]: value };
		const reference =
			field === 'description' && line.documentType === 'Payment' ? referenceIn(String(value)) : '';
		if (reference) {
			const lines = await db.journalLines.orderBy('lineNo').toArray();
			const outcome = isReminderReference(reference)
				? await applyByReminderReference(line, reference, changes, lines)
				: await applyByReference(line, reference, changes, lines);
			await db.journalLines.update(line.id, changes);
			return outcome;
		}
		const miswritten =
			field === 'description' && line.documentType === 'Payment'
				? miswrittenStructuredCommunication(String(value))
				: '';
		if (miswritten) {
			await db.journalLines.update(line.id, changes);
			return { kind: 'badCheck', reference: miswritten };
		}
		if (field === 'customerNo') {
			const no = String(value).toUpperCase();
			if (no !== '' && !(await db.customers.get(no))) {
				throw new ValidationError(
					'error.billToMissing',
					`Customer ${no} does not exist.`,
					{ no },
					field
				);
			}
			changes.customerNo = no;
		}
		// The entries applied belong to the customer and face the document type; the amount
		// may be typed after applying (posting applies up to it), as in Business Central.
		if (field === 'customerNo' || field === 'documentType') {
			changes.appliesToEntries = [];
		}
		await db.journalLines.update(line.id, changes);
		return null;
	});
}

/**
 * Finds the open invoice of a structured communication and adds its application to `changes`
 * (inside the caller's transaction). The invoice is looked up by the No. the posted invoices'
 * series makes of the communication's number, else among the open invoices.
 */
async function applyByReference(
	line: JournalLine,
	reference: string,
	changes: Partial<JournalLine>,
	lines: readonly JournalLine[]
): Promise<ReferenceOutcome> {
	const elsewhere = appliedByOtherLines(lines, line.id);
	const series = await db.numberSeries.get('S-PINV');
	const likely = candidateNo(reference, series);
	let candidates: InvoiceEntry[] = likely
		? await db.custLedgerEntries.where('documentNo').equals(likely).toArray()
		: [];
	let match = matchReference(line, reference, candidates, elsewhere);
	if (match.kind === 'notFound') {
		// Every customer's: a reference of another customer's invoice is said, not ignored.
		candidates = await db.custLedgerEntries
			.where('open')
			.equals(1)
			.filter((entry) => entry.documentType === 'Invoice')
			.toArray();
		match = matchReference(line, reference, candidates, elsewhere);
	}
	if (match.kind === 'notFound') return match;
	const { entry } = match;
	if (match.kind === 'alreadyApplied') {
		const held = linesApplying(lines, [entry.entryNo], line.id);
		return { kind: 'alreadyApplied', reference, documentNo: entry.documentNo, lines: held };
	}
	if (match.kind === 'otherCustomer')
		return { ...match, documentNo: entry.documentNo, customerNo: entry.customerNo };
	const customer = await db.customers.get(entry.customerNo);
	const decision = customer ? decide(customer, journalAction(line)) : { allowed: true as const };
	if (!decision.allowed) return { kind: 'refused', reference, decision };
	Object.assign(changes, match.changes);
	return { kind: 'applied', reference, documentNo: entry.documentNo };
}

export async function deleteJournalLine(input: { id: string }): Promise<void> {
	await db.transaction('rw', db.journalLines, () => db.journalLines.delete(input.id));
}

/**
 * Apply Entries: the open entries (and amounts) this line's payment should close. A line
 * with Amount 0 gets the total to apply as its Amount (Business Central fills it the same
 * way). Refused, and logged, when the policy refuses the line's payment or refund.
 */
export async function applyEntries(input: {
	id: string;
	entries: Array<{ entryNo: number; amountToApplyCents: number }>;
}): Promise<void> {
	await db.transaction(
		'rw',
		[db.journalLines, db.customers, db.custLedgerEntries, db.customerTotals],
		async () => {
			const line = await db.journalLines.get(input.id);
			if (!line) throw new NotFoundError('Journal line', input.id);
			const customer = await db.customers.get(line.customerNo);
			if (!customer) throw new NotFoundError('Customer', line.customerNo);
			assertAllowed(customer, journalAction(line), line.documentNo);
			const sign = Math.sign(ledgerAmountOf({ documentType: line.documentType, amountCents: 1 }));
			// What the other lines of the journal apply is not free for this one.
			const elsewhere = appliedByOtherLines(await db.journalLines.toArray(), line.id);
			for (const chosen of input.entries) {
				const entry = await db.custLedgerEntries.get(chosen.entryNo);
				if (
					!entry ||
					entry.customerNo !== line.customerNo ||
					entry.open !== 1 ||
					Math.sign(entry.remainingAmountCents) !== -sign
				) {
					throw new ValidationError(
						'error.entryNotApplicable',
						`Entry ${chosen.entryNo} cannot be applied.`,
						{
							entryNo: chosen.entryNo
						}
					);
				}
				if (
					!Number.isSafeInteger(chosen.amountToApplyCents) ||
					chosen.amountToApplyCents < 0 ||
					chosen.amountToApplyCents > Math.abs(entry.remainingAmountCents)
				) {
					throw new ValidationError('error.applyTooMuch', 'You cannot apply more than is open.', {
						entryNo: chosen.entryNo
					});
				}
				const free = freeToApplyCents(entry, elsewhere);
				if (chosen.amountToApplyCents > free) {
					throw new ValidationError(
						'error.applyOtherLines',
						`You cannot apply more than ${(free / 100).toFixed(2)} to ${entry.documentNo}: other lines of the journal apply the rest.`,
						{ no: entry.documentNo, free: free / 100 }
					);
				}
			}
			const appliesToEntries = input.entries.filter((entry) => entry.amountToApplyCents > 0);
			const changes: Partial<JournalLine> = { appliesToEntries, appliesToDocNo: '' };
			if (line.amountCents === 0) {
				const total = appliesToEntries.reduce((sum, entry) => sum + entry.amountToApplyCents, 0);
				const refusal = checkBound('payment', total);
				if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values);
				changes.amountCents = total;
			}
			await db.journalLines.update(line.id, changes);
		}
	);
}

/**
 * Posts every line of the cash receipt journal, or none: a line whose customer the policy
 * refuses (All, Privacy Blocked) stops the whole posting with a message naming the line.
 * Returns how many lines were posted.
 */
export async function postJournal(): Promise<number> {
	return db.transaction(
		'rw',
		[
			db.journalLines,
			db.customers,
			db.custLedgerEntries,
			db.customerTotals,
			db.applications,
			db.numberSeries
		],
		async () => {
			const lines = await db.journalLines.orderBy('lineNo').toArray();
			const customerNos = [...new Set(lines.map((line) => line.customerNo))];
			const found = await db.customers.bulkGet(customerNos);
			const customers = new Map(
				found.filter((customer) => customer !== undefined).map((c) => [c.no, c])
			);
			// Line by line, as the clerk reads them: what is missing, then the policy.
			for (const [index, line] of lines.entries()) {
				const customer = customers.get(line.customerNo);
				const refusal = journalLineRefusal(line, index + 1, customer);
				if (refusal) throw refusalError(refusal);
				assertAllowed(customer!, journalAction(line), line.documentNo, index + 1);
			}
			const chosen = lines.flatMap((line) => line.appliesToEntries.map(({ entryNo }) => entryNo));
			const docNos = [...new Set(lines.map((line) => line.appliesToDocNo).filter(Boolean))];
			const [byEntry, byDocNo, totals, entry, counter] = await Promise.all([
				db.custLedgerEntries.bulkGet(chosen),
				db.custLedgerEntries.where('documentNo').anyOf(docNos).toArray(),
				db.customerTotals.bulkGet(customerNos),
				readNextEntryNo('CLE'),
				readTransactionCounter()
			]);
			const entries = new Map(
				[...byEntry, ...byDocNo]
					.filter((candidate) => candidate !== undefined)
					.map((candidate) => [candidate.entryNo, candidate])
			);
			const planned = planJournalPosting({
				lines,
				customers,
				entries: [...entries.values()],
				records: await recordsOf([...entries.keys()]),
				totals: new Map(
					totals.filter((row) => row !== undefined).map((row) => [row.customerNo, row])
				),
				nextEntryNo: entry.entryNo,
				lastTransactionNo: counter,
				newId: () => crypto.randomUUID()
			});
			if (!planned.ok) throw refusalError(planned.refusal);
			const { plan } = planned;
			await Promise.all([
				writePlannedEntries(plan.ledger),
				db.applications.bulkAdd(plan.applications),
				db.numberSeries.put({ ...entry.series, lastNo: plan.lastEntryNo }),
				plan.lastTransactionNo === null
					? null
					: db.numberSeries.put(transactionCounter(plan.lastTransactionNo)),
				db.journalLines.clear()
			]);
			return plan.posted;
		}
	);
}
