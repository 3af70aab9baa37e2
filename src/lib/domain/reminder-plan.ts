import { documentDetailsOf, type Customer } from './customer';
import { addDays } from './dates';
import {
	planIssue,
	skippedByPolicy,
	type IssuePlan,
	type RunPlan,
	type Skipped
} from './dunning-plan';
import type { PlanResult } from './plan';
import type { CustLedgerEntry, CustomerTotals } from './posted';
import {
	groupByCustomer,
	reminderCandidates,
	reminderLevel,
	type Reminder,
	type ReminderTerms
} from './receivables';
import { reminderTextIn } from './terms-texts';

/**
 * Create Reminders and Issue as pure plans: given what the command read, the reminders to write
 * (or the issue to post) and what was passed over. The commands are in app/reminders.ts.
 */

/** A reminder before it is written: the write step gives it its No. */
export type NewReminder = Omit<Reminder, 'no'>;

export interface ReminderRunInput {
	documentDate: string;
	includeOnHold: boolean;
	/** The open entries of the customers in the run, in the order read (by entry No.). */
	entries: readonly CustLedgerEntry[];
	customers: ReadonlyMap<string, Customer>;
	terms: ReadonlyMap<string, ReminderTerms>;
	/** The customers that have an open (not issued) reminder. */
	withOpenReminder: ReadonlySet<string>;
}

/**
 * Create Reminders at a document date: one reminder per customer with reminder terms and an
 * overdue entry past its level's grace period (entries on hold listed apart when asked for, at
 * their current level). Customers the policy refuses, or with an open reminder already, are
 * skipped and listed; customers without terms or anything to remind are passed over silently.
 */
export function planReminders(input: ReminderRunInput): RunPlan<NewReminder> {
	const { documentDate } = input;
	const documents: NewReminder[] = [];
	const skipped: Skipped[] = [];
	for (const [customerNo, entries] of groupByCustomer(input.entries)) {
		const customer = input.customers.get(customerNo);
		const terms = customer ? input.terms.get(customer.reminderTermsCode) : undefined;
		if (!customer || !terms) continue;
		const candidates = reminderCandidates(entries, terms, documentDate, input.includeOnHold);
		if (!candidates.some((candidate) => !candidate.onHold)) continue;
		if (skippedByPolicy(skipped, customer, 'reminder.create')) continue;
		if (input.withOpenReminder.has(customerNo)) {
			skipped.push({
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
		// The texts in the customer's language, placeholders unfilled: the amounts may still change.
		const languageCode = documentDetailsOf(customer).languageCode;
		const texts = levelTerms ? reminderTextIn(levelTerms, languageCode) : null;
		documents.push({
			customerNo,
			customerName: customer.name,
			documentDate,
			dueDate: addDays(documentDate, levelTerms?.dueDays ?? 0),
			reminderTermsCode: terms.code,
			level,
			feeCents: levelTerms?.feeCents ?? 0,
			text: texts?.beginning ?? '',
			endingText: texts?.ending ?? '',
			languageCode,
			status: 'Open',
			issuedNo: '',
			lines
		});
	}
	return { documents, skipped };
}

export interface ReminderIssuePlan extends IssuePlan {
	/** No. of Reminders raised to the line's level, for the entries of lines not on hold. */
	reminded: Array<{ entryNo: number; noOfReminders: number }>;
}

/**
 * Issue a reminder: its fee (when not zero) is posted as a Reminder entry, and each entry it
 * reminds (not those on hold) gets No. of Reminders raised to the line's level.
 */
export function planReminderIssue(input: {
	reminder: Reminder;
	/** The entries of its lines as stored (an entry no longer there is passed over). */
	entries: readonly CustLedgerEntry[];
	issuedNo: string;
	nextEntryNo: number;
	totals: CustomerTotals | undefined;
}): PlanResult<ReminderIssuePlan> {
	const { reminder } = input;
	const planned = planIssue({
		document: reminder,
		entryType: 'Reminder',
		amountCents: reminder.feeCents,
		issuedNo: input.issuedNo,
		nextEntryNo: input.nextEntryNo,
		totals: input.totals
	});
	if (!planned.ok) return planned;
	const reminded: ReminderIssuePlan['reminded'] = [];
	for (const line of reminder.lines) {
		if (line.onHold) continue;
		const entry = input.entries.find((candidate) => candidate.entryNo === line.entryNo);
		if (entry && entry.noOfReminders < line.level) {
			reminded.push({ entryNo: entry.entryNo, noOfReminders: line.level });
		}
	}
	return { ok: true, plan: { ...planned.plan, reminded } };
}

/** An open reminder edited: its fee, or a line removed (the level follows its lines). */
export function editedReminder(
	reminder: Reminder,
	edit: { feeCents?: number; removeEntryNo?: number }
): Pick<Reminder, 'lines' | 'level' | 'feeCents'> {
	const lines = reminder.lines.filter((line) => line.entryNo !== edit.removeEntryNo);
	return { lines, level: reminderLevel(lines), feeCents: edit.feeCents ?? reminder.feeCents };
}
