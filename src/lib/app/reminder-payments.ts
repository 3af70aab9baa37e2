import { db } from '$lib/db/db';
import { journalAction } from '$lib/domain/journal-posting-plan';
import { candidateReminderNo, matchReminderReference } from '$lib/domain/payment-reference';
import { decide } from '$lib/domain/policy';
import type { JournalLine } from '$lib/domain/receivables';
import { appliedByOtherLines, linesApplying } from '$lib/domain/journal-applications';
import type { ReferenceOutcome } from './cash-receipt-journal';

/**
 * Payments of issued reminders by their structured communication (+++9…+++): inside the cash
 * receipt journal's transaction (journal lines, customers, ledger entries, number series and
 * reminders), finds the issued reminder and adds to `changes` the application of the line to
 * what the reminder asks to pay and is still open; see matchReminderReference.
 */
export async function applyByReminderReference(
	line: JournalLine,
	reference: string,
	changes: Partial<JournalLine>,
	lines: readonly JournalLine[]
): Promise<ReferenceOutcome> {
	const issuedNo = candidateReminderNo(reference, await db.numberSeries.get('ISSREM'));
	const reminder = issuedNo
		? await db.reminders
				.where('status')
				.equals('Issued')
				.filter((candidate) => candidate.issuedNo === issuedNo)
				.first()
		: undefined;
	const entryNos = reminder?.lines.map((reminded) => reminded.entryNo) ?? [];
	const [reminded, fees] = await Promise.all([
		db.custLedgerEntries.bulkGet(entryNos),
		reminder ? db.custLedgerEntries.where('documentNo').equals(reminder.issuedNo).toArray() : []
	]);
	const entries = [...reminded.filter((entry) => entry !== undefined), ...fees];
	const match = matchReminderReference(
		line,
		reference,
		reminder,
		entries,
		appliedByOtherLines(lines, line.id)
	);
	if (match.kind === 'alreadyApplied') {
		const { documentNo, entryNos } = match;
		const held = linesApplying(lines, entryNos, line.id);
		return { kind: 'alreadyApplied', reference, documentNo, lines: held };
	}
	if (match.kind !== 'applied') return match;
	const customer = await db.customers.get(match.customerNo);
	const decision = customer ? decide(customer, journalAction(line)) : { allowed: true as const };
	if (!decision.allowed) return { kind: 'refused', reference, decision };
	Object.assign(changes, match.changes);
	return { kind: 'applied', reference, documentNo: match.documentNo };
}
