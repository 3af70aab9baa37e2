import { describe, expect, it } from 'vitest';
import {
	ageReceivables,
	allocatePayment,
	financeChargeLines,
	interestCents,
	reminderCandidates,
	type FinanceChargeTerms,
	type ReminderTerms
} from '$lib/domain/receivables';
import type { CustLedgerEntry } from '$lib/domain/posted';

let entryNo = 0;
function anEntry(overrides: Partial<CustLedgerEntry> = {}): CustLedgerEntry {
	entryNo += 1;
	return {
		entryNo,
		customerNo: 'C1',
		postingDate: '2026-01-01',
		documentType: 'Invoice',
		documentNo: `PSI-${entryNo}`,
		description: '',
		amountCents: 10000,
		remainingAmountCents: 10000,
		dueDate: '2026-01-31',
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: '',
		...overrides
	};
}

describe('allocatePayment', () => {
	it('applies part of an invoice', () => {
		expect(allocatePayment(-4000, [{ entryNo: 1, remainingAmountCents: 10000 }])).toEqual([
			{ entryNo: 1, amountCents: 4000 }
		]);
	});

	it('closes an invoice in full', () => {
		expect(allocatePayment(-10000, [{ entryNo: 1, remainingAmountCents: 10000 }])).toEqual([
			{ entryNo: 1, amountCents: 10000 }
		]);
	});

	it('leaves an over-payment unapplied', () => {
		expect(allocatePayment(-15000, [{ entryNo: 1, remainingAmountCents: 10000 }])).toEqual([
			{ entryNo: 1, amountCents: 10000 }
		]);
	});

	it('spreads over several invoices in order, and respects Amount to Apply', () => {
		expect(
			allocatePayment(-12000, [
				{ entryNo: 1, remainingAmountCents: 5000 },
				{ entryNo: 2, remainingAmountCents: 5000, amountToApplyCents: 3000 },
				{ entryNo: 3, remainingAmountCents: 8000 }
			])
		).toEqual([
			{ entryNo: 1, amountCents: 5000 },
			{ entryNo: 2, amountCents: 3000 },
			{ entryNo: 3, amountCents: 4000 }
		]);
	});

	it('never applies to an entry of the same sign', () => {
		expect(allocatePayment(-1000, [{ entryNo: 1, remainingAmountCents: -500 }])).toEqual([]);
		expect(allocatePayment(500, [{ entryNo: 1, remainingAmountCents: -2000 }])).toEqual([
			{ entryNo: 1, amountCents: 500 }
		]);
	});
});

const TERMS: ReminderTerms = {
	code: 'R',
	description: '',
	levels: [
		{ level: 1, gracePeriodDays: 5, dueDays: 7, feeCents: 0, text: '' },
		{ level: 2, gracePeriodDays: 10, dueDays: 7, feeCents: 1000, text: '' }
	]
};

describe('reminderCandidates', () => {
	it('takes an entry once its grace period has passed, not before', () => {
		const entry = anEntry({ dueDate: '2026-01-31' });
		expect(reminderCandidates([entry], TERMS, '2026-02-05', false)).toEqual([]);
		expect(reminderCandidates([entry], TERMS, '2026-02-06', false)).toEqual([
			{ entry, level: 1, onHold: false }
		]);
	});

	it('raises the level after a reminder, capped at the last level', () => {
		const second = anEntry({ noOfReminders: 1 });
		const beyond = anEntry({ noOfReminders: 5 });
		expect(reminderCandidates([second], TERMS, '2026-02-06', false)).toEqual([]);
		expect(
			reminderCandidates([second, beyond], TERMS, '2026-02-11', false).map((c) => c.level)
		).toEqual([2, 2]);
	});

	it('leaves out entries on hold, and lists them without raising when asked', () => {
		const held = anEntry({ onHold: 'DSP', noOfReminders: 1 });
		expect(reminderCandidates([held], TERMS, '2026-03-31', false)).toEqual([]);
		expect(reminderCandidates([held], TERMS, '2026-03-31', true)).toEqual([
			{ entry: held, level: 1, onHold: true }
		]);
	});

	it('ignores closed entries, credit memos and payments', () => {
		const entries = [
			anEntry({ open: 0, remainingAmountCents: 0 }),
			anEntry({ documentType: 'Credit Memo', amountCents: -100, remainingAmountCents: -100 }),
			anEntry({ documentType: 'Payment', amountCents: -100, remainingAmountCents: -100 })
		];
		expect(reminderCandidates(entries, TERMS, '2026-12-31', true)).toEqual([]);
	});
});

const FIN: FinanceChargeTerms = {
	code: 'F',
	description: '',
	interestRatePct: 10,
	interestPeriodDays: 365,
	gracePeriodDays: 5,
	minimumAmountCents: 50,
	additionalFeeCents: 500
};

describe('interest', () => {
	it('is remaining × rate × days / period, to the cent', () => {
		// 10,000.00 at 10 % for 73 days of 365 = 200.00
		expect(interestCents(1_000_000, FIN, 73)).toBe(20_000);
		// 100.00 at 10 % for 10 days = 0.27397… → 0.27
		expect(interestCents(10_000, FIN, 10)).toBe(27);
		expect(interestCents(10_000, FIN, 0)).toBe(0);
	});

	it('charges overdue entries past grace, not on hold, at least the minimum', () => {
		const big = anEntry({ remainingAmountCents: 1_000_000, dueDate: '2026-01-01' });
		const small = anEntry({ remainingAmountCents: 1000, dueDate: '2026-01-01' });
		const held = anEntry({ remainingAmountCents: 1_000_000, dueDate: '2026-01-01', onHold: 'X' });
		const inGrace = anEntry({ remainingAmountCents: 1_000_000, dueDate: '2026-03-10' });
		const lines = financeChargeLines([big, small, held, inGrace], FIN, '2026-03-15');
		expect(lines.map((line) => [line.entry.entryNo, line.daysOverdue, line.interestCents])).toEqual(
			[[big.entryNo, 73, 20_000]]
		);
	});
});

describe('ageReceivables', () => {
	it('sorts open remaining amounts into buckets at the work date', () => {
		const at = '2026-06-30';
		const buckets = ageReceivables(
			[
				anEntry({ dueDate: '2026-06-30', remainingAmountCents: 1 }),
				anEntry({ dueDate: '2026-06-29', remainingAmountCents: 10 }),
				anEntry({ dueDate: '2026-05-31', remainingAmountCents: 100 }),
				anEntry({ dueDate: '2026-05-01', remainingAmountCents: 1000 }),
				anEntry({ dueDate: '2026-04-01', remainingAmountCents: 10000 }),
				anEntry({ dueDate: '2026-01-01', remainingAmountCents: 100000 }),
				anEntry({ dueDate: '2026-01-01', remainingAmountCents: 0, open: 0 })
			],
			at
		);
		expect(buckets).toEqual({
			notDue: 1,
			days1to30: 110,
			days31to60: 1000,
			days61to90: 10000,
			over90: 100000
		});
	});
});
