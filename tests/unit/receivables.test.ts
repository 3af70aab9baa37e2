import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { BlockedError } from '$lib/app/errors';
import {
	addJournalLine,
	applyEntries,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { createFinanceChargeMemos, issueFinanceChargeMemo } from '$lib/app/finance-charge-memos';
import { setOnHold } from '$lib/app/on-hold';
import { createReminders, issueReminder, updateReminder } from '$lib/app/reminders';
import { DEMO_FINANCE_CHARGE_TERMS, DEMO_REMINDER_TERMS } from '$lib/app/demo-data';
import { blockOf, givenCustomer, givenInvoiceEntry, LEVELS, snapshotDatabase } from '../factories';

beforeEach(async () => {
	await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
	await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
});

const TERMS = {
	reminderTermsCode: DEMO_REMINDER_TERMS[0]!.code,
	financeChargeTermsCode: DEMO_FINANCE_CHARGE_TERMS[0]!.code
};

async function paymentLine(customerNo: string, amountCents: number, appliesToDocNo = '') {
	const id = await addJournalLine({ customerNo });
	await updateJournalLine({ id, field: 'amountCents', value: amountCents });
	if (appliesToDocNo)
		await updateJournalLine({ id, field: 'appliesToDocNo', value: appliesToDocNo });
	return id;
}

describe('cash receipt journal', () => {
	it('a full payment closes the invoice; a partial one lowers it; an over-payment stays open', async () => {
		const customer = await givenCustomer();
		const full = await givenInvoiceEntry(customer.no, 10000, '2026-01-31');
		const partial = await givenInvoiceEntry(customer.no, 10000, '2026-01-31');
		const over = await givenInvoiceEntry(customer.no, 5000, '2026-01-31');
		await paymentLine(customer.no, 10000, full.documentNo);
		await paymentLine(customer.no, 4000, partial.documentNo);
		await paymentLine(customer.no, 6000, over.documentNo);

		expect(await postJournal()).toBe(3);

		const entries = await db.custLedgerEntries.orderBy('entryNo').toArray();
		const byNo = (no: number) => entries.find((entry) => entry.entryNo === no)!;
		expect(byNo(full.entryNo)).toMatchObject({ remainingAmountCents: 0, open: 0 });
		expect(byNo(full.entryNo).closedByEntryNo).toBeGreaterThan(over.entryNo);
		expect(byNo(partial.entryNo)).toMatchObject({ remainingAmountCents: 6000, open: 1 });
		expect(byNo(over.entryNo)).toMatchObject({ remainingAmountCents: 0, open: 0 });
		const payments = entries.filter((entry) => entry.documentType === 'Payment');
		expect(
			payments.map((entry) => [entry.amountCents, entry.remainingAmountCents, entry.open])
		).toEqual([
			[-10000, 0, 0],
			[-4000, 0, 0],
			[-6000, -1000, 1]
		]);
		expect(await db.applications.count()).toBe(3);
		expect(await db.journalLines.count()).toBe(0);
		// Balance = sum of remaining = sum of amounts.
		const balance = entries.reduce((sum, entry) => sum + entry.remainingAmountCents, 0);
		expect(balance).toBe(entries.reduce((sum, entry) => sum + entry.amountCents, 0));
	});

	it('Apply Entries spreads one payment over several invoices', async () => {
		const customer = await givenCustomer();
		const first = await givenInvoiceEntry(customer.no, 3000, '2026-01-31');
		const second = await givenInvoiceEntry(customer.no, 5000, '2026-01-31');
		const id = await paymentLine(customer.no, 6000);
		await applyEntries({
			id,
			entries: [
				{ entryNo: first.entryNo, amountToApplyCents: 3000 },
				{ entryNo: second.entryNo, amountToApplyCents: 5000 }
			]
		});
		await postJournal();
		expect((await db.custLedgerEntries.get(first.entryNo))?.open).toBe(0);
		expect((await db.custLedgerEntries.get(second.entryNo))?.remainingAmountCents).toBe(2000);
	});

	it.each(LEVELS.map((level) => ({ level, allowed: level !== 'All' && level !== 'Privacy' })))(
		'a payment for a customer at "$level" is allowed: $allowed',
		async ({ level, allowed }) => {
			const customer = await givenCustomer(blockOf(level));
			await paymentLine(customer.no, 1000);
			if (allowed) {
				await postJournal();
				expect(await db.custLedgerEntries.count()).toBe(1);
			} else {
				await expect(postJournal()).rejects.toBeInstanceOf(BlockedError);
			}
		}
	);

	it('posts nothing when one line is refused, and names the line', async () => {
		const fine = await givenCustomer();
		const blocked = await givenCustomer({ blocked: 'All' });
		await paymentLine(fine.no, 1000);
		await paymentLine(blocked.no, 2000);
		const before = await snapshotDatabase();

		const attempt = postJournal();

		await expect(attempt).rejects.toMatchObject({
			lineNo: 2,
			decision: { customerNo: blocked.no }
		});
		expect(await snapshotDatabase()).toEqual(before);
	});
});

describe('reminders', () => {
	it('remind overdue invoices at the work date, leave entries on hold out, and skip refused customers', async () => {
		const invoiceBlocked = await givenCustomer({ ...TERMS, blocked: 'Invoice' });
		const allBlocked = await givenCustomer({ ...TERMS, blocked: 'All' });
		const overdue = await givenInvoiceEntry(invoiceBlocked.no, 10000, '2026-01-31');
		const held = await givenInvoiceEntry(invoiceBlocked.no, 5000, '2026-01-31', { onHold: 'DSP' });
		await givenInvoiceEntry(invoiceBlocked.no, 7000, '2026-02-28');
		await givenInvoiceEntry(allBlocked.no, 10000, '2026-01-31');

		const result = await createReminders({ documentDate: '2026-02-10' });

		expect(result.created).toHaveLength(1);
		expect(result.skipped).toEqual([
			expect.objectContaining({
				customerNo: allBlocked.no,
				reason: `You cannot create this type of document when Customer ${allBlocked.no} is blocked with type All.`
			})
		]);
		const reminder = (await db.reminders.get(result.created[0]!))!;
		expect(reminder.lines.map((line) => [line.entryNo, line.level, line.onHold])).toEqual([
			[overdue.entryNo, 1, false]
		]);
		expect(held.onHold).toBe('DSP');

		const withHeld = await createReminders({ documentDate: '2026-02-10', includeOnHold: true });
		expect(withHeld.skipped.map((skip) => skip.customerNo)).toContain(invoiceBlocked.no);
	});

	it('issuing posts the fee, raises No. of Reminders and never raises entries on hold', async () => {
		const customer = await givenCustomer(TERMS);
		const entry = await givenInvoiceEntry(customer.no, 10000, '2026-01-31', { noOfReminders: 1 });
		const held = await givenInvoiceEntry(customer.no, 10000, '2026-01-31', {
			onHold: 'X',
			noOfReminders: 1
		});
		const { created } = await createReminders({ documentDate: '2026-02-15', includeOnHold: true });
		const reminder = (await db.reminders.get(created[0]!))!;
		expect(reminder).toMatchObject({ level: 2, feeCents: 1000 });
		expect(reminder.lines.find((line) => line.entryNo === held.entryNo)).toMatchObject({
			onHold: true,
			level: 1
		});

		const issuedNo = await issueReminder({ no: reminder.no });

		expect(issuedNo).toMatch(/^IR-/);
		expect((await db.custLedgerEntries.get(entry.entryNo))?.noOfReminders).toBe(2);
		expect((await db.custLedgerEntries.get(held.entryNo))?.noOfReminders).toBe(1);
		const fee = await db.custLedgerEntries.where('documentNo').equals(issuedNo).first();
		expect(fee).toMatchObject({
			documentType: 'Reminder',
			amountCents: 1000,
			customerNo: customer.no
		});
		await expect(updateReminder({ no: reminder.no, feeCents: 0 })).rejects.toMatchObject({
			key: 'error.issued'
		});
	});

	it('issuing is refused once the customer is blocked All, and nothing is written', async () => {
		const customer = await givenCustomer(TERMS);
		await givenInvoiceEntry(customer.no, 10000, '2026-01-31');
		const { created } = await createReminders({ documentDate: '2026-02-15' });
		await db.customers.update(customer.no, { blocked: 'All' });
		const before = await snapshotDatabase();
		await expect(issueReminder({ no: created[0]! })).rejects.toBeInstanceOf(BlockedError);
		expect(await snapshotDatabase()).toEqual(before);
	});
});

describe('finance charge memos', () => {
	it('charge interest on overdue entries not on hold, skip All-blocked customers, issue as an entry', async () => {
		const customer = await givenCustomer({ ...TERMS, blocked: 'Invoice' });
		const blocked = await givenCustomer({ ...TERMS, privacyBlocked: true, blocked: 'All' });
		await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01');
		await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01', { onHold: 'X' });
		await givenInvoiceEntry(blocked.no, 1_000_000, '2026-01-01');

		const result = await createFinanceChargeMemos({ documentDate: '2026-03-15' });

		expect(result.skipped.map((skip) => skip.customerNo)).toEqual([blocked.no]);
		const memo = (await db.financeChargeMemos.get(result.created[0]!))!;
		// 10,000.00 × 8 % × 73 / 365 = 160.00, plus a 5.00 fee
		expect(memo).toMatchObject({ interestCents: 16000, feeCents: 500 });
		expect(memo.lines).toHaveLength(1);

		const issuedNo = await issueFinanceChargeMemo({ no: memo.no });
		expect(await db.custLedgerEntries.where('documentNo').equals(issuedNo).first()).toMatchObject({
			documentType: 'Finance Charge Memo',
			amountCents: 16500
		});
	});
});

describe('on hold', () => {
	it('is at most 3 characters and every change is logged', async () => {
		const customer = await givenCustomer();
		const entry = await givenInvoiceEntry(customer.no, 1000, '2026-01-31');
		await expect(setOnHold({ entryNo: entry.entryNo, onHold: 'LONG' })).rejects.toMatchObject({
			key: 'error.onHoldTooLong'
		});
		await setOnHold({ entryNo: entry.entryNo, onHold: 'dsp' });
		expect((await db.custLedgerEntries.get(entry.entryNo))?.onHold).toBe('DSP');
		expect(await db.changeLog.toArray()).toEqual([
			expect.objectContaining({
				tableName: 'custLedgerEntries',
				field: 'onHold',
				oldValue: '',
				newValue: 'DSP'
			})
		]);
	});
});
