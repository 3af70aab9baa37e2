import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	addJournalLine,
	applyEntries,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { ValidationError } from '$lib/app/errors';
import { appliedByOtherLines, freeToApplyCents } from '$lib/domain/journal-applications';
import { planJournalPosting } from '$lib/domain/journal-posting-plan';
import type { CustLedgerEntry } from '$lib/domain/posted';
import type { JournalLine } from '$lib/domain/receivables';
import { givenCustomer, givenInvoiceEntry, snapshotDatabase } from '../factories';

/* Two lines of the cash receipt journal applying the same invoice (review finding 4). */

function journalLine(no: number, appliesToEntries: JournalLine['appliesToEntries']): JournalLine {
	return {
		id: `L${no}`,
		lineNo: no * 10_000,
		postingDate: '2026-02-01',
		documentType: 'Payment',
		documentNo: `PMT-${no}`,
		customerNo: 'C1',
		description: '',
		amountCents: 519_090,
		appliesToDocNo: '',
		appliesToEntries
	};
}

const invoice: CustLedgerEntry = {
	entryNo: 1,
	customerNo: 'C1',
	postingDate: '2026-01-01',
	documentType: 'Invoice',
	documentNo: 'PSI-1001',
	description: '',
	amountCents: 519_090,
	remainingAmountCents: 519_090,
	dueDate: '2026-01-31',
	open: 1,
	onHold: '',
	noOfReminders: 0,
	closedByEntryNo: 0,
	closedAtDate: ''
};

describe('what the other lines apply', () => {
	it('adds up the other lines’ amounts per entry, and leaves the rest free', () => {
		const lines = [
			journalLine(1, [{ entryNo: 1, amountToApplyCents: 300_000 }]),
			journalLine(2, [{ entryNo: 1, amountToApplyCents: 100_000 }]),
			journalLine(3, [{ entryNo: 1, amountToApplyCents: 50_000 }])
		];
		const elsewhere = appliedByOtherLines(lines, 'L3');
		expect([...elsewhere]).toEqual([[1, 400_000]]);
		expect(freeToApplyCents(invoice, elsewhere)).toBe(119_090);
		expect(freeToApplyCents(invoice, appliedByOtherLines(lines, 'L9'))).toBe(69_090);
		expect(freeToApplyCents({ ...invoice, open: 0 }, new Map())).toBe(0);
	});
});

/** The plan of `lines` over the one invoice of customer C1, posted from entry No. 100. */
function planOf(lines: JournalLine[]) {
	return planJournalPosting({
		lines,
		customers: new Map([['C1', { blocked: '', privacyBlocked: false, no: 'C1' } as never]]),
		entries: [invoice],
		records: [],
		totals: new Map(),
		nextEntryNo: 100,
		lastTransactionNo: 0,
		newId: () => 'id'
	});
}

describe('planJournalPosting never drops an application', () => {
	it('refuses, naming the line and the entry, when an earlier line closed the entry', () => {
		const planned = planOf([
			journalLine(1, [{ entryNo: 1, amountToApplyCents: 519_090 }]),
			journalLine(2, [{ entryNo: 1, amountToApplyCents: 519_090 }])
		]);
		expect(planned).toEqual({
			ok: false,
			refusal: {
				key: 'error.applicationShort',
				message:
					'Line 2: PSI-1001 has 0.00 left to apply, not 5190.90. Another line or posting applied the rest. Choose Apply Entries again.',
				values: { line: 2, no: 'PSI-1001', free: 0, amount: 5190.9 }
			}
		});
	});

	it('says that an earlier line closed the entry a line names by Applies-to Doc. No.', () => {
		const byDocNo = { ...journalLine(2, []), amountCents: 50_000, appliesToDocNo: 'PSI-1001' };
		const planned = planOf([
			journalLine(1, [{ entryNo: 1, amountToApplyCents: 519_090 }]),
			byDocNo
		]);
		expect(planned).toMatchObject({
			ok: false,
			refusal: { key: 'error.applicationShort', values: { line: 2, no: 'PSI-1001', free: 0 } }
		});
	});

	it('a line holds no more than its Amount: a lowered Amount leaves the rest to the next line', () => {
		const lines = [
			{ ...journalLine(1, [{ entryNo: 1, amountToApplyCents: 519_090 }]), amountCents: 19_090 },
			journalLine(2, [{ entryNo: 1, amountToApplyCents: 500_000 }])
		];
		expect(freeToApplyCents(invoice, appliedByOtherLines(lines, 'L2'))).toBe(500_000);
		const planned = planOf(lines);
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(planned.plan.ledger.changed[0]?.change).toMatchObject({
			remainingAmountCents: 0,
			open: 0
		});
	});

	it('posts two lines that share the invoice within what it has open', () => {
		const planned = planOf([
			journalLine(1, [{ entryNo: 1, amountToApplyCents: 300_000 }]),
			journalLine(2, [{ entryNo: 1, amountToApplyCents: 219_090 }])
		]);
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(
			planned.plan.applications.map((a) => [a.entryNo, a.appliedByEntryNo, a.amountCents])
		).toEqual([
			[1, 100, 300_000],
			[1, 101, 219_090]
		]);
		expect(planned.plan.ledger.changed[0]?.change).toMatchObject({
			remainingAmountCents: 0,
			open: 0
		});
	});
});

describe('Apply Entries and Post on the journal (fake IndexedDB)', () => {
	async function twoLinesOnOneInvoice() {
		const customer = await givenCustomer();
		const entry = await givenInvoiceEntry(customer.no, 519_090, '2026-01-31');
		const first = await addJournalLine({ customerNo: customer.no });
		const second = await addJournalLine({ customerNo: customer.no });
		return { customer, entry, first, second };
	}

	it('refuses to apply on a second line what the first line already applies', async () => {
		const { entry, first, second } = await twoLinesOnOneInvoice();
		await applyEntries({
			id: first,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		const refused = applyEntries({
			id: second,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		await expect(refused).rejects.toBeInstanceOf(ValidationError);
		await expect(refused).rejects.toMatchObject({
			key: 'error.applyOtherLines',
			values: { no: entry.documentNo, free: 0 }
		});
		expect((await db.journalLines.get(second))?.appliesToEntries).toEqual([]);
	});

	it('lets a second line apply what the first leaves free', async () => {
		const { entry, first, second } = await twoLinesOnOneInvoice();
		await applyEntries({
			id: first,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 300_000 }]
		});
		await applyEntries({
			id: second,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 219_090 }]
		});
		await expect(
			applyEntries({
				id: second,
				entries: [{ entryNo: entry.entryNo, amountToApplyCents: 219_091 }]
			})
		).rejects.toMatchObject({ key: 'error.applyOtherLines' });
		expect(await postJournal()).toBe(2);
		expect(await db.custLedgerEntries.get(entry.entryNo)).toMatchObject({
			remainingAmountCents: 0,
			open: 0
		});
	});

	it('refuses the posting, writing nothing, when a line’s application can no longer be made in full', async () => {
		const { entry, first, second } = await twoLinesOnOneInvoice();
		await applyEntries({
			id: first,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		// As a line applied before this rule, or in a tab that had not seen the first line, holds it.
		await db.journalLines.update(second, {
			amountCents: 519_090,
			appliesToEntries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		const before = await snapshotDatabase();
		await expect(postJournal()).rejects.toMatchObject({
			key: 'error.applicationShort',
			values: { line: 2, no: entry.documentNo, free: 0, amount: 5190.9 }
		});
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('a customer changed on the line clears its applications, so nothing is held for the old one', async () => {
		const { entry, first, second } = await twoLinesOnOneInvoice();
		await applyEntries({
			id: first,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		const other = await givenCustomer({ no: 'C99999' });
		await updateJournalLine({ id: first, field: 'customerNo', value: other.no });
		await applyEntries({
			id: second,
			entries: [{ entryNo: entry.entryNo, amountToApplyCents: 519_090 }]
		});
		expect((await db.journalLines.get(second))?.appliesToEntries).toHaveLength(1);
	});
});
