import { describe, expect, it } from 'vitest';
import { refusalsRecorded } from '$lib/app/refusals';
import { db } from '$lib/db/db';
import { BlockedError, ValidationError } from '$lib/app/errors';
import { addLedgerEntry } from '$lib/app/ledger';
import {
	addJournalLine,
	applyEntries,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { applyLedgerEntries, unapplyLedgerEntry } from '$lib/app/applications';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { totalsOf, type CustLedgerEntry } from '$lib/domain/posted';
import { nextEntryNo } from '$lib/app/numbering';
import { blockOf, givenCustomer, LEVELS, snapshotDatabase } from '../factories';

/** An open entry written as posting writes it (with the customer's totals). */
async function givenEntry(
	customerNo: string,
	amountCents: number,
	overrides: Partial<CustLedgerEntry> = {}
): Promise<CustLedgerEntry> {
	const entryNo = await db.transaction('rw', db.numberSeries, () => nextEntryNo('CLE'));
	const documentType = amountCents > 0 ? 'Invoice' : 'Payment';
	const entry: CustLedgerEntry = {
		entryNo,
		customerNo,
		postingDate: '2026-01-01',
		documentType,
		documentNo: `${documentType === 'Invoice' ? 'PSI' : 'PMT'}-T${entryNo}`,
		description: '',
		amountCents,
		remainingAmountCents: amountCents,
		dueDate: '2026-01-31',
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: '',
		...overrides
	};
	await db.transaction('rw', [db.custLedgerEntries, db.customerTotals], () =>
		addLedgerEntry(entry)
	);
	return entry;
}

/** The refused attempt is written in a transaction of its own, just after the refusal. */
async function refusedActions(customerNo: string) {
	await refusalsRecorded();
	const rows = await db.refusedAttempts.where('customerNo').equals(customerNo).toArray();
	return rows.map((row) => row.action);
}

async function totalsMatch(customerNo: string) {
	const entries = await db.custLedgerEntries.where('customerNo').equals(customerNo).toArray();
	expect(await db.customerTotals.get(customerNo)).toEqual(totalsOf(customerNo, entries));
}

describe('Apply Entries on a journal line (defect 5)', () => {
	it('applying with Amount 0 fills the Amount with the remaining amounts applied', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 12_345);
		const id = await addJournalLine({ customerNo: customer.no });

		await applyEntries({
			id,
			entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 12_345 }]
		});

		expect(await db.journalLines.get(id)).toMatchObject({
			amountCents: 12_345,
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 12_345 }]
		});
	});

	it('typing the Amount after applying keeps the applied entry', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const id = await addJournalLine({ customerNo: customer.no });
		await applyEntries({ id, entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }] });

		await updateJournalLine({ id, field: 'amountCents', value: 4_000 });

		expect(await db.journalLines.get(id)).toMatchObject({
			amountCents: 4_000,
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }]
		});
	});

	it.each([
		{ typed: 10_000, remaining: 0, open: 0, paymentRemaining: 0 },
		{ typed: 4_000, remaining: 6_000, open: 1, paymentRemaining: 0 },
		{ typed: 12_000, remaining: 0, open: 0, paymentRemaining: -2_000 }
	])(
		'apply, then type $typed, then post: the invoice has $remaining left',
		async ({ typed, remaining, open, paymentRemaining }) => {
			const customer = await givenCustomer();
			const invoice = await givenEntry(customer.no, 10_000);
			const id = await addJournalLine({ customerNo: customer.no });
			await applyEntries({
				id,
				entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }]
			});
			await updateJournalLine({ id, field: 'amountCents', value: typed });

			await postJournal();

			expect(await db.custLedgerEntries.get(invoice.entryNo)).toMatchObject({
				remainingAmountCents: remaining,
				open
			});
			const payment = (await db.custLedgerEntries.toArray()).find(
				(entry) => entry.documentType === 'Payment'
			);
			expect(payment).toMatchObject({
				amountCents: -typed,
				remainingAmountCents: paymentRemaining
			});
			const records = await db.applications.toArray();
			expect(records).toMatchObject([
				{
					entryNo: invoice.entryNo,
					appliedByEntryNo: payment!.entryNo,
					amountCents: typed - -paymentRemaining
				}
			]);
			expect(records[0]!.transactionNo).toBeGreaterThan(0);
			await totalsMatch(customer.no);
		}
	);

	it('a changed customer or document type still clears the application', async () => {
		const customer = await givenCustomer();
		const other = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const id = await addJournalLine({ customerNo: customer.no });
		await applyEntries({ id, entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }] });
		await updateJournalLine({ id, field: 'documentType', value: 'Refund' });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);

		await updateJournalLine({ id, field: 'documentType', value: 'Payment' });
		await applyEntries({ id, entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }] });
		await updateJournalLine({ id, field: 'customerNo', value: other.no });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
	});

	it.each(LEVELS.map((level) => ({ level, allowed: level !== 'All' && level !== 'Privacy' })))(
		'Apply Entries on a line of a customer at "$level" is allowed: $allowed',
		async ({ level, allowed }) => {
			const customer = await givenCustomer();
			const invoice = await givenEntry(customer.no, 10_000);
			const id = await addJournalLine({ customerNo: customer.no });
			await db.customers.update(customer.no, blockOf(level));
			const attempt = applyEntries({
				id,
				entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }]
			});
			if (allowed) {
				await attempt;
				expect((await db.journalLines.get(id))?.appliesToEntries).toHaveLength(1);
			} else {
				await expect(attempt).rejects.toBeInstanceOf(BlockedError);
				expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
				expect(await refusedActions(customer.no)).toEqual(['payment.post']);
			}
		}
	);
});

describe('Apply Entries and Unapply Entries on customer ledger entries', () => {
	it('applies an open payment to open invoices oldest first, in one transaction with the totals', async () => {
		const customer = await givenCustomer();
		const first = await givenEntry(customer.no, 3_000);
		const second = await givenEntry(customer.no, 5_000);
		const payment = await givenEntry(customer.no, -6_000);

		const applied = await applyLedgerEntries({
			entryNo: payment.entryNo,
			entries: [
				{ entryNo: first.entryNo, amountToApplyCents: 3_000 },
				{ entryNo: second.entryNo, amountToApplyCents: 3_000 }
			]
		});

		expect(applied).toBe(6_000);
		expect(await db.custLedgerEntries.get(first.entryNo)).toMatchObject({
			remainingAmountCents: 0,
			open: 0,
			closedByEntryNo: payment.entryNo
		});
		expect(await db.custLedgerEntries.get(second.entryNo)).toMatchObject({
			remainingAmountCents: 2_000,
			open: 1
		});
		expect(await db.custLedgerEntries.get(payment.entryNo)).toMatchObject({
			remainingAmountCents: 0,
			open: 0,
			closedByEntryNo: second.entryNo
		});
		const records = await db.applications.toArray();
		records.sort((a, b) => a.entryNo - b.entryNo);
		expect(records.map((record) => [record.entryNo, record.amountCents])).toEqual([
			[first.entryNo, 3_000],
			[second.entryNo, 3_000]
		]);
		expect(new Set(records.map((record) => record.transactionNo)).size).toBe(1);
		await totalsMatch(customer.no);
	});

	it('unapplies the last application: remaining amounts and Open back, the history kept with reversals', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const other = await givenEntry(customer.no, 2_000);
		const payment = await givenEntry(customer.no, -12_000);
		await applyLedgerEntries({
			entryNo: payment.entryNo,
			entries: [
				{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 },
				{ entryNo: other.entryNo, amountToApplyCents: 2_000 }
			]
		});
		const before = await db.custLedgerEntries.toArray();

		// From the invoice: the whole transaction (both invoices) is undone.
		await unapplyLedgerEntry({ entryNo: invoice.entryNo });

		const after = await db.custLedgerEntries.toArray();
		expect(after).toEqual(
			before.map((entry) => ({
				...entry,
				remainingAmountCents: entry.amountCents,
				open: 1,
				closedByEntryNo: 0,
				closedAtDate: ''
			}))
		);
		const records = await db.applications.toArray();
		expect(records).toHaveLength(4);
		expect(records.every((record) => record.unapplied)).toBe(true);
		expect(records.reduce((sum, record) => sum + record.amountCents, 0)).toBe(0);
		expect(records.filter((record) => record.reversesId)).toHaveLength(2);
		await totalsMatch(customer.no);

		// Nothing more to undo.
		await expect(unapplyLedgerEntry({ entryNo: payment.entryNo })).rejects.toMatchObject({
			key: 'error.nothingToUnapply'
		});
	});

	it('undoes only the last transaction, and refuses while a later one holds an entry of it', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const first = await givenEntry(customer.no, -4_000);
		const second = await givenEntry(customer.no, -6_000);
		await applyLedgerEntries({
			entryNo: first.entryNo,
			entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 4_000 }]
		});
		await applyLedgerEntries({
			entryNo: second.entryNo,
			entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 6_000 }]
		});

		await expect(unapplyLedgerEntry({ entryNo: first.entryNo })).rejects.toMatchObject({
			key: 'error.unapplyLaterFirst',
			values: { entryNo: invoice.entryNo }
		});
		await unapplyLedgerEntry({ entryNo: invoice.entryNo });
		expect(await db.custLedgerEntries.get(invoice.entryNo)).toMatchObject({
			remainingAmountCents: 6_000,
			open: 1
		});
		expect(await db.custLedgerEntries.get(second.entryNo)).toMatchObject({
			remainingAmountCents: -6_000,
			open: 1
		});
		expect(await db.custLedgerEntries.get(first.entryNo)).toMatchObject({
			remainingAmountCents: 0,
			open: 0
		});
		await unapplyLedgerEntry({ entryNo: first.entryNo });
		expect(await db.custLedgerEntries.get(invoice.entryNo)).toMatchObject({
			remainingAmountCents: 10_000
		});
		await totalsMatch(customer.no);
	});

	it('unapplies a payment posted from the journal (one transaction per line)', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const id = await addJournalLine({ customerNo: customer.no });
		await applyEntries({ id, entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }] });
		await postJournal();

		await unapplyLedgerEntry({ entryNo: invoice.entryNo });

		expect(await db.custLedgerEntries.get(invoice.entryNo)).toMatchObject({
			remainingAmountCents: 10_000,
			open: 1
		});
		const payment = (await db.custLedgerEntries.toArray()).find(
			(entry) => entry.documentType === 'Payment'
		);
		expect(payment).toMatchObject({ remainingAmountCents: -10_000, open: 1 });
		await totalsMatch(customer.no);
	});

	it('refuses a payment entry that is not open, more than is open, and another customer', async () => {
		const customer = await givenCustomer();
		const stranger = await givenCustomer();
		const invoice = await givenEntry(customer.no, 1_000);
		const theirs = await givenEntry(stranger.no, 1_000);
		const payment = await givenEntry(customer.no, -5_000);
		const before = await snapshotDatabase();

		await expect(
			applyLedgerEntries({
				entryNo: invoice.entryNo,
				entries: [{ entryNo: payment.entryNo, amountToApplyCents: 1_000 }]
			})
		).rejects.toMatchObject({ key: 'error.applyingEntry' });
		await expect(
			applyLedgerEntries({
				entryNo: payment.entryNo,
				entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 1_001 }]
			})
		).rejects.toMatchObject({ key: 'error.applyTooMuch' });
		await expect(
			applyLedgerEntries({
				entryNo: payment.entryNo,
				entries: [{ entryNo: theirs.entryNo, amountToApplyCents: 1_000 }]
			})
		).rejects.toBeInstanceOf(ValidationError);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it.each(LEVELS.map((level) => ({ level, allowed: level !== 'All' && level !== 'Privacy' })))(
		'Apply and Unapply Entries for a customer at "$level" are allowed: $allowed',
		async ({ level, allowed }) => {
			const customer = await givenCustomer();
			const invoice = await givenEntry(customer.no, 1_000);
			const payment = await givenEntry(customer.no, -1_000);
			const apply = (paid: CustLedgerEntry, invoiced: CustLedgerEntry) =>
				applyLedgerEntries({
					entryNo: paid.entryNo,
					entries: [{ entryNo: invoiced.entryNo, amountToApplyCents: 1_000 }]
				});
			if (allowed) {
				await db.customers.update(customer.no, blockOf(level));
				await apply(payment, invoice);
				await unapplyLedgerEntry({ entryNo: payment.entryNo });
				expect(await db.applications.count()).toBe(2);
				return;
			}
			await apply(payment, invoice);
			const openInvoice = await givenEntry(customer.no, 1_000);
			const openPayment = await givenEntry(customer.no, -1_000);
			await db.customers.update(customer.no, blockOf(level));
			const before = await snapshotDatabase();

			await expect(unapplyLedgerEntry({ entryNo: invoice.entryNo })).rejects.toBeInstanceOf(
				BlockedError
			);
			await expect(apply(openPayment, openInvoice)).rejects.toBeInstanceOf(BlockedError);

			expect(await snapshotDatabase()).toEqual(before);
			expect(await refusedActions(customer.no)).toEqual(['payment.post', 'payment.post']);
		}
	);
});

describe('the application history in a backup', () => {
	it('keeps transaction Nos., unapplied marks and reversals through export and import', async () => {
		const customer = await givenCustomer();
		const invoice = await givenEntry(customer.no, 10_000);
		const payment = await givenEntry(customer.no, -10_000);
		await applyLedgerEntries({
			entryNo: payment.entryNo,
			entries: [{ entryNo: invoice.entryNo, amountToApplyCents: 10_000 }]
		});
		await unapplyLedgerEntry({ entryNo: invoice.entryNo });
		const records = await db.applications.toArray();
		// A backup is of a company that was set up.
		await db.settings.put({ key: 'initialized', value: '2026-01-01T00:00:00Z' });

		const checked = checkBackup(await exportBackup());
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
		await restoreBackup(checked);

		expect(await db.applications.toArray()).toEqual(records);
		expect(records.filter((record) => record.reversesId && record.unapplied)).toHaveLength(1);
	});
});
