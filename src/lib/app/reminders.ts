import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import type { Reminder } from '$lib/domain/receivables';
import { editedReminder, planReminderIssue, planReminders } from '$lib/domain/reminder-plan';
import { NotFoundError, ValidationError } from './errors';
import {
	deleteOpen,
	openDocument,
	readIssue,
	readRun,
	readTerms,
	writeIssue,
	writeRun,
	type BatchResult,
	type DunningStore
} from './dunning';
import { readWorkDate } from './settings';

const REMINDERS: DunningStore<Reminder> = {
	table: () => db.reminders,
	get: (no) => db.reminders.get(no),
	add: (reminder) => db.reminders.add(reminder),
	markIssued: (no, issuedNo) => db.reminders.update(no, { status: 'Issued', issuedNo }),
	delete: (no) => db.reminders.delete(no)
};

/**
 * Reminders: Create Reminders, edit, Issue and Delete. Each command reads, asks the plan in
 * domain/reminder-plan.ts and writes, in one transaction.
 */

/**
 * Create Reminders at a document date (the work date by default) for all customers with
 * open entries, or those given. Customers the policy refuses are skipped and listed; so are
 * customers with an open reminder already; see planReminders.
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
			const { entries, customers } = await readRun(input.customerNos);
			const [terms, open] = await Promise.all([
				readTerms(
					(codes) => db.reminderTerms.bulkGet(codes),
					customers,
					(customer) => customer.reminderTermsCode
				),
				db.reminders.where('status').equals('Open').toArray()
			]);
			const plan = planReminders({
				documentDate,
				includeOnHold: input.includeOnHold ?? false,
				entries,
				customers,
				terms,
				withOpenReminder: new Set(open.map((reminder) => reminder.customerNo))
			});
			return writeRun(REMINDERS, 'REMINDER', plan);
		}
	);
}

export async function deleteReminder(input: { no: string }): Promise<void> {
	await deleteOpen(REMINDERS, input.no);
}

/** Edits an open reminder: its fee, or a line removed. */
export async function updateReminder(input: {
	no: string;
	feeCents?: number;
	removeEntryNo?: number;
}): Promise<void> {
	await db.transaction('rw', db.reminders, async () => {
		const reminder = await openDocument(REMINDERS, 'Reminder', input.no);
		const refusal = input.feeCents === undefined ? null : checkBound('amount', input.feeCents);
		if (refusal) {
			throw new ValidationError(refusal.key, refusal.message, refusal.values, 'feeCents');
		}
		await db.reminders.update(reminder.no, editedReminder(reminder, input));
	});
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
			const [read, entries] = await Promise.all([
				readIssue('ISSREM', reminder.customerNo),
				db.custLedgerEntries.bulkGet(reminder.lines.map((line) => line.entryNo))
			]);
			const planned = planReminderIssue({
				reminder,
				entries: entries.filter((entry) => entry !== undefined),
				issuedNo: read.issued.no,
				nextEntryNo: read.entry.entryNo,
				totals: read.totals
			});
			const issuedNo = await writeIssue(REMINDERS, reminder, 'reminder.issue', read, planned);
			if (planned.ok && planned.plan.reminded.length > 0) {
				await db.custLedgerEntries.bulkUpdate(
					planned.plan.reminded.map(({ entryNo, noOfReminders }) => ({
						key: entryNo,
						changes: { noOfReminders }
					}))
				);
			}
			return issuedNo;
		}
	);
}
