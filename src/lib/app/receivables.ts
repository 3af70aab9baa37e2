import { drawTransactionNo, refusalError, writeApplicationPlan } from './applications';
import { addLedgerEntry } from './ledger';
import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import type { Customer } from '$lib/domain/customer';
import { addDays, isIsoDate } from '$lib/domain/dates';
import { decide, type Action, type Decision } from '$lib/domain/policy';
import type { CustLedgerEntry, LedgerDocumentType } from '$lib/domain/posted';
import { planApplication } from '$lib/domain/applications';
import {
	financeChargeLines,
	ledgerAmountOf,
	reminderCandidates,
	reminderLevel,
	type FinanceChargeMemo,
	type FinanceChargeTerms,
	type JournalLine,
	type Reminder,
	type ReminderTerms
} from '$lib/domain/receivables';
import { BlockedError, NotFoundError, ValidationError } from './errors';
import { nextEntryNo, nextNo } from './numbering';
import { recordRefusal, refuse } from './refusals';
import { readWorkDate } from './settings';

const ON_HOLD_MAX = 3;

/**
 * Sets or clears the On Hold code of a customer ledger entry (up to 3 characters) and
 * logs the change. Entries on hold are left out of reminders and finance charges.
 */
export async function setOnHold(input: { entryNo: number; onHold: string }): Promise<void> {
	const onHold = input.onHold.trim().toUpperCase();
	if (onHold.length > ON_HOLD_MAX) {
		throw new ValidationError(
			'error.onHoldTooLong',
			'On Hold is at most 3 characters.',
			{ max: ON_HOLD_MAX },
			'onHold'
		);
	}
	await db.transaction('rw', [db.custLedgerEntries, db.customerTotals, db.changeLog], async () => {
		const entry = await db.custLedgerEntries.get(input.entryNo);
		if (!entry) throw new NotFoundError('Entry', String(input.entryNo));
		if (entry.onHold === onHold) return;
		await db.custLedgerEntries.update(entry.entryNo, { onHold });
		await db.changeLog.add({
			id: crypto.randomUUID(),
			at: new Date().toISOString(),
			tableName: 'custLedgerEntries',
			key: String(entry.entryNo),
			field: 'onHold',
			oldValue: entry.onHold,
			newValue: onHold
		});
	});
}

// ---------------------------------------------------------------- cash receipt journal

/** Adds a journal line (Payment, work date, next document No.) and returns its id. */
export async function addJournalLine(input: { customerNo?: string } = {}): Promise<string> {
	return db.transaction('rw', [db.journalLines, db.numberSeries, db.settings], async () => {
		const last = await db.journalLines.orderBy('lineNo').last();
		const line: JournalLine = {
			id: crypto.randomUUID(),
			lineNo: (last?.lineNo ?? 0) + 10_000,
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

/** Saves one field of a journal line; a changed customer or document type clears its applications. */
export async function updateJournalLine(input: {
	id: string;
	field: EditableJournalField;
	value: string | number;
}): Promise<void> {
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
	await db.transaction('rw', [db.journalLines, db.customers], async () => {
		const line = await db.journalLines.get(input.id);
		if (!line) throw new NotFoundError('Journal line', input.id);
		const changes: Partial<JournalLine> = { [field]: value };
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
	});
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
			const action: Action = line.documentType === 'Payment' ? 'payment.post' : 'refund.post';
			const decision = decide(customer, action);
			if (!decision.allowed) refuse(decision, action, line.documentNo);
			const sign = Math.sign(ledgerAmountOf({ documentType: line.documentType, amountCents: 1 }));
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

function refusedOnLine(
	decision: Extract<Decision, { allowed: false }>,
	action: Action,
	line: JournalLine
): never {
	recordRefusal(decision, action, line.documentNo);
	const error = new BlockedError(decision);
	error.lineNo = line.lineNo / 10_000;
	throw error;
}

/**
 * Writes one payment or refund entry and applies it (one application transaction per line);
 * inside the posting transaction. Entries closed meanwhile (by an earlier line) are passed
 * over; what is not applied stays open on the payment.
 */
async function postJournalLine(line: JournalLine): Promise<void> {
	const amount = ledgerAmountOf(line);
	let targets: Array<{ entry: CustLedgerEntry; amountToApplyCents?: number }> = [];
	if (line.appliesToEntries.length > 0) {
		for (const chosen of line.appliesToEntries) {
			const entry = await db.custLedgerEntries.get(chosen.entryNo);
			if (entry && entry.open === 1 && chosen.amountToApplyCents > 0)
				targets.push({ entry, amountToApplyCents: chosen.amountToApplyCents });
		}
	} else if (line.appliesToDocNo) {
		const entry = await db.custLedgerEntries
			.where('documentNo')
			.equals(line.appliesToDocNo)
			.filter((candidate) => candidate.customerNo === line.customerNo && candidate.open === 1)
			.first();
		if (!entry) {
			throw new ValidationError(
				'error.appliesToMissing',
				`There is no open entry ${line.appliesToDocNo}.`,
				{
					no: line.appliesToDocNo,
					line: line.lineNo / 10_000
				}
			);
		}
		targets = [{ entry }];
	}
	targets = targets.filter(
		({ entry }) =>
			entry.customerNo === line.customerNo &&
			Math.sign(entry.remainingAmountCents) === -Math.sign(amount)
	);
	const payment: CustLedgerEntry = {
		entryNo: await nextEntryNo('CLE'),
		customerNo: line.customerNo,
		postingDate: line.postingDate,
		documentType: line.documentType,
		documentNo: line.documentNo,
		description: line.description || `${line.documentType} ${line.documentNo}`,
		amountCents: amount,
		remainingAmountCents: amount,
		dueDate: line.postingDate,
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: ''
	};
	if (targets.length === 0) {
		await addLedgerEntry(payment);
		return;
	}
	const planned = planApplication({
		applying: payment,
		targets,
		postingDate: line.postingDate,
		transactionNo: await drawTransactionNo(targets.map(({ entry }) => entry.entryNo))
	});
	if (!planned.ok) throw refusalError(planned.refusal);
	// The new entry is written as the plan leaves it; the applied entries are updated.
	const [own, ...others] = planned.plan.changes;
	await addLedgerEntry({ ...payment, ...own });
	await writeApplicationPlan({ ...planned.plan, changes: others });
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
			if (lines.length === 0)
				throw new ValidationError('error.nothingToPost', 'There is nothing to post.');
			for (const line of lines) {
				const number = line.lineNo / 10_000;
				const customer = line.customerNo ? await db.customers.get(line.customerNo) : undefined;
				if (!customer) {
					throw new ValidationError('error.journalCustomer', `Line ${number}: choose a customer.`, {
						line: number
					});
				}
				if (line.amountCents <= 0) {
					throw new ValidationError('error.journalAmount', `Line ${number}: enter an amount.`, {
						line: number
					});
				}
				const action: Action = line.documentType === 'Payment' ? 'payment.post' : 'refund.post';
				const decision = decide(customer, action);
				if (!decision.allowed) refusedOnLine(decision, action, line);
			}
			for (const line of lines) await postJournalLine(line);
			await db.journalLines.clear();
			return lines.length;
		}
	);
}

// ---------------------------------------------------------------- reminders and finance charges

export interface BatchResult {
	created: string[];
	/** Customers the run passed over, with the reason (the policy's message or another). */
	skipped: Array<{
		customerNo: string;
		/** In English; `key` names it in the message catalog when there is no decision. */
		reason: string;
		key?: string;
		decision?: Extract<Decision, { allowed: false }>;
	}>;
}

async function customersWithOpenEntries(
	customerNos?: string[]
): Promise<Map<string, CustLedgerEntry[]>> {
	const open = await db.custLedgerEntries.where('open').equals(1).toArray();
	const wanted = customerNos && customerNos.length > 0 ? new Set(customerNos) : null;
	const byCustomer = new Map<string, CustLedgerEntry[]>();
	for (const entry of open) {
		if (wanted && !wanted.has(entry.customerNo)) continue;
		byCustomer.set(entry.customerNo, [...(byCustomer.get(entry.customerNo) ?? []), entry]);
	}
	return byCustomer;
}

function skip(result: BatchResult, customer: Customer, action: Action): boolean {
	const decision = decide(customer, action);
	if (decision.allowed) return false;
	result.skipped.push({ customerNo: customer.no, reason: decision.message, decision });
	return true;
}

/**
 * Create Reminders at a document date (the work date by default) for all customers with
 * open entries, or those given. Customers the policy refuses are skipped and listed; so are
 * customers without reminder terms or with an open reminder already.
 */
export async function createReminders(input: {
	documentDate?: string;
	customerNos?: string[];
	includeOnHold?: boolean;
}): Promise<BatchResult> {
	return db.transaction(
		'rw',
		[
			db.customers,
			db.custLedgerEntries,
			db.customerTotals,
			db.reminderTerms,
			db.reminders,
			db.numberSeries,
			db.settings
		],
		async () => {
			const documentDate = input.documentDate || (await readWorkDate());
			const result: BatchResult = { created: [], skipped: [] };
			for (const [customerNo, entries] of await customersWithOpenEntries(input.customerNos)) {
				const customer = await db.customers.get(customerNo);
				if (!customer) continue;
				const terms = customer.reminderTermsCode
					? await db.reminderTerms.get(customer.reminderTermsCode)
					: undefined;
				if (!terms) continue;
				const candidates = reminderCandidates(
					entries,
					terms,
					documentDate,
					input.includeOnHold ?? false
				);
				if (!candidates.some((candidate) => !candidate.onHold)) continue;
				if (skip(result, customer, 'reminder.create')) continue;
				if (
					(await db.reminders
						.where('customerNo')
						.equals(customerNo)
						.filter((r) => r.status === 'Open')
						.count()) > 0
				) {
					result.skipped.push({
						customerNo,
						reason: 'An open reminder exists already.',
						key: 'reminders.openExists'
					});
					continue;
				}
				const lines = candidates.map(({ entry, level, onHold }) => ({
					entryNo: entry.entryNo,
					documentType: entry.documentType,
					documentNo: entry.documentNo,
					dueDate: entry.dueDate,
					originalAmountCents: entry.amountCents,
					remainingAmountCents: entry.remainingAmountCents,
					level,
					onHold
				}));
				const level = reminderLevel(lines);
				const levelTerms = terms.levels.find((candidate) => candidate.level === level);
				const reminder: Reminder = {
					no: await nextNo('REMINDER', async (no) => (await db.reminders.get(no)) !== undefined),
					customerNo,
					customerName: customer.name,
					documentDate,
					dueDate: addDays(documentDate, levelTerms?.dueDays ?? 0),
					reminderTermsCode: terms.code,
					level,
					feeCents: levelTerms?.feeCents ?? 0,
					text: levelTerms?.text ?? '',
					status: 'Open',
					issuedNo: '',
					lines
				};
				await db.reminders.add(reminder);
				result.created.push(reminder.no);
			}
			return result;
		}
	);
}

export async function deleteReminder(input: { no: string }): Promise<void> {
	await db.transaction('rw', db.reminders, async () => {
		const reminder = await db.reminders.get(input.no);
		if (reminder?.status === 'Issued') {
			throw new ValidationError('error.issued', `${input.no} is issued and cannot be changed.`, {
				no: input.no
			});
		}
		await db.reminders.delete(input.no);
	});
}

/** Edits an open reminder: its fee, or a line removed. */
export async function updateReminder(input: {
	no: string;
	feeCents?: number;
	removeEntryNo?: number;
}): Promise<void> {
	await db.transaction('rw', db.reminders, async () => {
		const reminder = await db.reminders.get(input.no);
		if (!reminder) throw new NotFoundError('Reminder', input.no);
		if (reminder.status === 'Issued') {
			throw new ValidationError('error.issued', `${input.no} is issued and cannot be changed.`, {
				no: input.no
			});
		}
		const refusal = input.feeCents === undefined ? null : checkBound('amount', input.feeCents);
		if (refusal) {
			throw new ValidationError(refusal.key, refusal.message, refusal.values, 'feeCents');
		}
		const lines = reminder.lines.filter((line) => line.entryNo !== input.removeEntryNo);
		await db.reminders.update(reminder.no, {
			lines,
			level: reminderLevel(lines),
			feeCents: input.feeCents ?? reminder.feeCents
		});
	});
}

async function addChargeEntry(
	customerNo: string,
	documentType: LedgerDocumentType,
	documentNo: string,
	amountCents: number,
	postingDate: string,
	dueDate: string
): Promise<void> {
	await addLedgerEntry({
		entryNo: await nextEntryNo('CLE'),
		customerNo,
		postingDate,
		documentType,
		documentNo,
		description: `${documentType} ${documentNo}`,
		amountCents,
		remainingAmountCents: amountCents,
		dueDate,
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: ''
	});
}

function ensureAllowed(
	customer: Customer | undefined,
	no: string,
	action: Action,
	documentNo: string
): Customer {
	if (!customer) throw new NotFoundError('Customer', no);
	const decision = decide(customer, action);
	if (!decision.allowed) refuse(decision, action, documentNo);
	return customer;
}

/**
 * Issues a reminder: gives it an issued number, posts its fee (when not zero) as a Reminder
 * entry and raises No. of Reminders of each entry to the line's level (not for lines on hold).
 */
export async function issueReminder(input: { no: string }): Promise<string> {
	return db.transaction(
		'rw',
		[db.reminders, db.customers, db.custLedgerEntries, db.customerTotals, db.numberSeries],
		async () => {
			const reminder = await db.reminders.get(input.no);
			if (!reminder) throw new NotFoundError('Reminder', input.no);
			if (reminder.status === 'Issued') {
				throw new ValidationError('error.issued', `${input.no} is issued already.`, {
					no: input.no
				});
			}
			ensureAllowed(
				await db.customers.get(reminder.customerNo),
				reminder.customerNo,
				'reminder.issue',
				reminder.no
			);
			const issuedNo = await nextNo('ISSREM', async () => false);
			if (reminder.feeCents > 0) {
				await addChargeEntry(
					reminder.customerNo,
					'Reminder',
					issuedNo,
					reminder.feeCents,
					reminder.documentDate,
					reminder.dueDate
				);
			}
			for (const line of reminder.lines) {
				if (line.onHold) continue;
				const entry = await db.custLedgerEntries.get(line.entryNo);
				if (entry && entry.noOfReminders < line.level) {
					await db.custLedgerEntries.update(entry.entryNo, { noOfReminders: line.level });
				}
			}
			await db.reminders.update(reminder.no, { status: 'Issued', issuedNo });
			return issuedNo;
		}
	);
}

/**
 * Create Finance Charge Memos at a document date for customers with finance charge terms:
 * interest on overdue entries not on hold. Customers the policy refuses are skipped and listed.
 */
export async function createFinanceChargeMemos(input: {
	documentDate?: string;
	customerNos?: string[];
}): Promise<BatchResult> {
	return db.transaction(
		'rw',
		[
			db.customers,
			db.custLedgerEntries,
			db.customerTotals,
			db.financeChargeTerms,
			db.financeChargeMemos,
			db.numberSeries,
			db.settings
		],
		async () => {
			const documentDate = input.documentDate || (await readWorkDate());
			const result: BatchResult = { created: [], skipped: [] };
			for (const [customerNo, entries] of await customersWithOpenEntries(input.customerNos)) {
				const customer = await db.customers.get(customerNo);
				if (!customer) continue;
				const terms = customer.financeChargeTermsCode
					? await db.financeChargeTerms.get(customer.financeChargeTermsCode)
					: undefined;
				if (!terms) continue;
				const lines = financeChargeLines(entries, terms, documentDate);
				if (lines.length === 0) continue;
				if (skip(result, customer, 'financeChargeMemo.create')) continue;
				const memo: FinanceChargeMemo = {
					no: await nextNo(
						'FINCHRG',
						async (no) => (await db.financeChargeMemos.get(no)) !== undefined
					),
					customerNo,
					customerName: customer.name,
					documentDate,
					dueDate: documentDate,
					financeChargeTermsCode: terms.code,
					feeCents: terms.additionalFeeCents,
					interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
					status: 'Open',
					issuedNo: '',
					lines: lines.map((line) => ({
						entryNo: line.entry.entryNo,
						documentNo: line.entry.documentNo,
						dueDate: line.entry.dueDate,
						remainingAmountCents: line.entry.remainingAmountCents,
						daysOverdue: line.daysOverdue,
						interestCents: line.interestCents
					}))
				};
				await db.financeChargeMemos.add(memo);
				result.created.push(memo.no);
			}
			return result;
		}
	);
}

export async function deleteFinanceChargeMemo(input: { no: string }): Promise<void> {
	await db.transaction('rw', db.financeChargeMemos, async () => {
		const memo = await db.financeChargeMemos.get(input.no);
		if (memo?.status === 'Issued') {
			throw new ValidationError('error.issued', `${input.no} is issued and cannot be changed.`, {
				no: input.no
			});
		}
		await db.financeChargeMemos.delete(input.no);
	});
}

/** Issues a finance charge memo: interest and fee post as one Finance Charge Memo entry. */
export async function issueFinanceChargeMemo(input: { no: string }): Promise<string> {
	return db.transaction(
		'rw',
		[db.financeChargeMemos, db.customers, db.custLedgerEntries, db.customerTotals, db.numberSeries],
		async () => {
			const memo = await db.financeChargeMemos.get(input.no);
			if (!memo) throw new NotFoundError('Finance charge memo', input.no);
			if (memo.status === 'Issued') {
				throw new ValidationError('error.issued', `${input.no} is issued already.`, {
					no: input.no
				});
			}
			ensureAllowed(
				await db.customers.get(memo.customerNo),
				memo.customerNo,
				'financeChargeMemo.issue',
				memo.no
			);
			const issuedNo = await nextNo('ISSFINCHRG', async () => false);
			const total = memo.interestCents + memo.feeCents;
			if (total > 0) {
				await addChargeEntry(
					memo.customerNo,
					'Finance Charge Memo',
					issuedNo,
					total,
					memo.documentDate,
					memo.dueDate
				);
			}
			await db.financeChargeMemos.update(memo.no, { status: 'Issued', issuedNo });
			return issuedNo;
		}
	);
}

/** Fees and minimums are amounts: within an amount's bound, in whole cents. */
function assertAmounts(amounts: number[]): void {
	for (const cents of amounts) {
		const refusal = checkBound('amount', cents);
		if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values);
	}
}

/** Saves reminder terms with their levels (numbered 1..n in the order given). */
export async function saveReminderTerms(input: ReminderTerms): Promise<void> {
	const code = input.code.trim().toUpperCase();
	const levels = input.levels.map((level, index) => ({ ...level, level: index + 1 }));
	const figures = levels.flatMap((level) => [level.gracePeriodDays, level.dueDays, level.feeCents]);
	if (
		!code ||
		code.length > 10 ||
		figures.some((value) => !Number.isSafeInteger(value) || value < 0)
	) {
		throw new ValidationError(
			'error.termsInvalid',
			'Check the terms: every figure must be zero or more.'
		);
	}
	assertAmounts(levels.map((level) => level.feeCents));
	await db.transaction('rw', db.reminderTerms, () =>
		db.reminderTerms.put({ code, description: input.description.trim(), levels })
	);
}

/** Saves finance charge terms. */
export async function saveFinanceChargeTerms(input: FinanceChargeTerms): Promise<void> {
	const code = input.code.trim().toUpperCase();
	const figures = [
		input.interestRatePct,
		input.interestPeriodDays,
		input.gracePeriodDays,
		input.minimumAmountCents,
		input.additionalFeeCents
	];
	if (
		!code ||
		code.length > 10 ||
		figures.some((value) => !Number.isFinite(value) || value < 0) ||
		input.interestPeriodDays === 0
	) {
		throw new ValidationError(
			'error.termsInvalid',
			'Check the terms: every figure must be zero or more.'
		);
	}
	assertAmounts([input.minimumAmountCents, input.additionalFeeCents]);
	await db.transaction('rw', db.financeChargeTerms, () =>
		db.financeChargeTerms.put({ ...input, code })
	);
}
