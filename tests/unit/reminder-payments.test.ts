import { describe, expect, it } from 'vitest';
import { addJournalLine, postJournal, updateJournalLine } from '$lib/app/cash-receipt-journal';
import { saveReminderTerms } from '$lib/app/receivables-terms';
import { createReminders, issueReminder } from '$lib/app/reminders';
import { db } from '$lib/db/db';
import {
	formatStructuredCommunication,
	reminderCommunicationFor
} from '$lib/domain/belgian-numbers';
import { matchReminderReference, type InvoiceEntry } from '$lib/domain/payment-reference';
import type { Reminder } from '$lib/domain/receivables';
import { givenCustomer, givenInvoiceEntry } from '../factories';

function referenceOf(issuedNo: string): string {
	const made = reminderCommunicationFor(issuedNo);
	if (!made.ok) throw new Error(made.refusal.message);
	return made.value;
}

/** An issued reminder of one overdue invoice of 121.00 with a fee of 10.00; its issued No. */
async function givenIssuedReminder() {
	await saveReminderTerms({
		code: 'REM',
		description: '',
		levels: [{ level: 1, gracePeriodDays: 0, dueDays: 7, feeCents: 1_000 }]
	});
	const customer = await givenCustomer({ reminderTermsCode: 'REM' });
	const invoice = await givenInvoiceEntry(customer.no, 12_100, '2026-01-31');
	const { created } = await createReminders({
		documentDate: '2026-03-01',
		customerNos: [customer.no]
	});
	const issuedNo = await issueReminder({ no: created[0]! });
	const fee = await db.custLedgerEntries.where('documentNo').equals(issuedNo).first();
	return { customer, invoice, fee: fee!, issuedNo };
}

describe("a payment found by an issued reminder's structured communication", () => {
	it('applies a blank line to the reminded invoice and the fee, and posting closes both', async () => {
		const { customer, invoice, fee, issuedNo } = await givenIssuedReminder();
		const id = await addJournalLine();
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: `Aanmaning ${formatStructuredCommunication(referenceOf(issuedNo))}`
		});
		expect(outcome).toEqual({
			kind: 'applied',
			reference: referenceOf(issuedNo),
			documentNo: issuedNo
		});
		expect(await db.journalLines.get(id)).toMatchObject({
			customerNo: customer.no,
			amountCents: 13_100,
			appliesToEntries: [
				{ entryNo: invoice.entryNo, amountToApplyCents: 12_100 },
				{ entryNo: fee.entryNo, amountToApplyCents: 1_000 }
			]
		});
		await postJournal();
		expect(
			(await db.custLedgerEntries.bulkGet([invoice.entryNo, fee.entryNo])).map((e) => e?.open)
		).toEqual([0, 0]);
	});

	it('with a typed amount, pays the invoice first and the fee with what is left', async () => {
		const { customer, invoice, fee, issuedNo } = await givenIssuedReminder();
		const id = await addJournalLine({ customerNo: customer.no });
		await updateJournalLine({ id, field: 'amountCents', value: 12_500 });
		await updateJournalLine({ id, field: 'description', value: referenceOf(issuedNo) });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([
			{ entryNo: invoice.entryNo, amountToApplyCents: 12_100 },
			{ entryNo: fee.entryNo, amountToApplyCents: 400 }
		]);
	});
});

describe('matchReminderReference', () => {
	const reminder: Pick<Reminder, 'customerNo' | 'status' | 'issuedNo' | 'lines'> = {
		customerNo: 'C1',
		status: 'Issued',
		issuedNo: 'IR-1001',
		lines: [
			{
				entryNo: 1,
				documentType: 'Invoice',
				documentNo: 'PSI-1',
				dueDate: '2026-01-31',
				originalAmountCents: 5_000,
				remainingAmountCents: 5_000,
				level: 1,
				onHold: false
			},
			{
				entryNo: 2,
				documentType: 'Invoice',
				documentNo: 'PSI-2',
				dueDate: '2026-01-31',
				originalAmountCents: 7_000,
				remainingAmountCents: 7_000,
				level: 1,
				onHold: true
			}
		]
	};
	const entry = (entryNo: number, overrides: Partial<InvoiceEntry> = {}): InvoiceEntry => ({
		entryNo,
		customerNo: 'C1',
		documentType: 'Invoice',
		documentNo: `PSI-${entryNo}`,
		remainingAmountCents: 5_000,
		open: 1,
		...overrides
	});
	const reference = referenceOf('IR-1001');
	const line = { customerNo: '', amountCents: 0 };

	it('leaves out the lines on hold, and entries paid since', () => {
		const match = matchReminderReference(line, reference, reminder, [
			entry(1),
			entry(2, { remainingAmountCents: 7_000 }),
			entry(3, {
				documentType: 'Reminder',
				documentNo: 'IR-1001',
				remainingAmountCents: 0,
				open: 0
			})
		]);
		expect(match).toMatchObject({
			kind: 'applied',
			changes: { amountCents: 5_000, appliesToEntries: [{ entryNo: 1, amountToApplyCents: 5_000 }] }
		});
	});

	it.each([
		['an open reminder', { ...reminder, status: 'Open' as const }, line, 'notFound'],
		['another reminder', { ...reminder, issuedNo: 'IR-1002' }, line, 'notFound'],
		['a line of another customer', reminder, { customerNo: 'C2', amountCents: 0 }, 'otherCustomer']
	])('%s: %s', (_name, candidate, paymentLine, kind) => {
		expect(matchReminderReference(paymentLine, reference, candidate, [entry(1)]).kind).toBe(kind);
	});

	it('applies only what the other lines of the journal leave free, and nothing when they take it all', () => {
		const fee = entry(3, {
			documentType: 'Reminder',
			documentNo: 'IR-1001',
			remainingAmountCents: 1_000
		});
		expect(
			matchReminderReference(line, reference, reminder, [entry(1), fee], new Map([[1, 4_000]]))
		).toMatchObject({
			kind: 'applied',
			changes: {
				amountCents: 2_000,
				appliesToEntries: [
					{ entryNo: 1, amountToApplyCents: 1_000 },
					{ entryNo: 3, amountToApplyCents: 1_000 }
				]
			}
		});
		expect(
			matchReminderReference(
				line,
				reference,
				reminder,
				[entry(1), fee],
				new Map([
					[1, 5_000],
					[3, 1_000]
				])
			)
		).toEqual({ kind: 'alreadyApplied', reference, documentNo: 'IR-1001', entryNos: [1, 3] });
	});

	it('finds nothing when all it reminded is paid', () => {
		expect(
			matchReminderReference(line, reference, reminder, [
				entry(1, { open: 0, remainingAmountCents: 0 })
			]).kind
		).toBe('notFound');
	});
});
