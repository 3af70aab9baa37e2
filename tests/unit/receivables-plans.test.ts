import { describe, expect, it } from 'vitest';
import { emptyCustomer, type Customer } from '$lib/domain/customer';
import { issuedRefusal } from '$lib/domain/dunning-plan';
import {
	chargesOf,
	planFinanceChargeMemoIssue,
	planFinanceChargeMemos
} from '$lib/domain/finance-charge-plan';
import { planJournalPosting, type JournalPostingInput } from '$lib/domain/journal-posting-plan';
import type { Blocked } from '$lib/domain/policy';
import type { Application, CustLedgerEntry, CustomerTotals } from '$lib/domain/posted';
import type {
	FinanceChargeMemo,
	FinanceChargeTerms,
	JournalLine,
	Reminder,
	ReminderTerms
} from '$lib/domain/receivables';
import { planReminderIssue, planReminders } from '$lib/domain/reminder-plan';

/* Pure plans of the receivables: no IndexedDB, only the records a command would have read. */

function entry(entryNo: number, overrides: Partial<CustLedgerEntry> = {}): CustLedgerEntry {
	return {
		entryNo,
		customerNo: 'C1',
		postingDate: '2026-01-01',
		documentType: 'Invoice',
		documentNo: `PSI-${entryNo}`,
		description: '',
		amountCents: 10_000,
		remainingAmountCents: 10_000,
		dueDate: '2026-01-31',
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: '',
		...overrides
	};
}

function customer(no: string, blocked: Blocked = '', privacyBlocked = false): Customer {
	return {
		...emptyCustomer(no, `Customer ${no}`),
		blocked,
		privacyBlocked,
		reminderTermsCode: 'REM',
		financeChargeTermsCode: 'FIN'
	};
}

function line(lineNo: number, overrides: Partial<JournalLine> = {}): JournalLine {
	return {
		id: `L${lineNo}`,
		lineNo: lineNo * 10_000,
		postingDate: '2026-02-01',
		documentType: 'Payment',
		documentNo: `PMT-${lineNo}`,
		customerNo: 'C1',
		description: '',
		amountCents: 10_000,
		appliesToDocNo: '',
		appliesToEntries: [],
		...overrides
	};
}

function journal(
	lines: JournalLine[],
	entries: CustLedgerEntry[],
	overrides: Partial<JournalPostingInput> = {}
): JournalPostingInput {
	let id = 0;
	return {
		lines,
		customers: new Map([['C1', customer('C1')]]),
		entries,
		records: [],
		totals: new Map<string, CustomerTotals>(),
		nextEntryNo: 100,
		lastTransactionNo: 0,
		newId: () => `id-${++id}`,
		...overrides
	};
}

describe('planJournalPosting', () => {
	it.each([
		{ name: 'an empty journal', input: journal([], []), key: 'error.nothingToPost', values: {} },
		{
			name: 'a line without a customer',
			input: journal([line(1), line(2, { customerNo: '' })], []),
			key: 'error.journalCustomer',
			values: { line: 2 }
		},
		{
			name: 'a customer that does not exist',
			input: journal([line(1, { customerNo: 'C9' })], []),
			key: 'error.journalCustomer',
			values: { line: 1 }
		},
		{
			name: 'a line without an amount',
			input: journal([line(1, { amountCents: 0 })], []),
			key: 'error.journalAmount',
			values: { line: 1 }
		},
		{
			name: 'an Applies-to Doc. No. with no open entry of the customer',
			input: journal(
				[line(1, { appliesToDocNo: 'PSI-1' })],
				[entry(1, { customerNo: 'C2' }), entry(2, { documentNo: 'PSI-1', open: 0 })]
			),
			key: 'error.appliesToMissing',
			values: { no: 'PSI-1', line: 1 }
		}
	])('refuses $name', ({ input, key, values }) => {
		const planned = planJournalPosting(input);
		expect(planned).toEqual({ ok: false, refusal: expect.objectContaining({ key, values }) });
	});

	// Each case: the lines, the invoices (10,000 open each), and what the entries become as
	// [entry No., remaining, open, closed by] — invoices first, then the new entries 100, 101, …
	it.each([
		{
			name: 'a full payment by Applies-to Doc. No. closes the invoice and itself',
			lines: [line(1, { appliesToDocNo: 'PSI-1' })],
			after: [
				[1, 0, 0, 100],
				[100, 0, 0, 1]
			],
			applied: [[1, 100, 10_000, 1]]
		},
		{
			name: 'a partial payment lowers the invoice',
			lines: [line(1, { amountCents: 4_000, appliesToDocNo: 'PSI-1' })],
			after: [
				[1, 6_000, 1, 0],
				[100, 0, 0, 1]
			],
			applied: [[1, 100, 4_000, 1]]
		},
		{
			name: 'an over-payment stays open on the payment',
			lines: [line(1, { amountCents: 15_000, appliesToDocNo: 'PSI-1' })],
			after: [
				[1, 0, 0, 100],
				[100, -5_000, 1, 0]
			],
			applied: [[1, 100, 10_000, 1]]
		},
		{
			name: 'Apply Entries spreads a payment up to each Amount to Apply',
			lines: [
				line(1, {
					amountCents: 12_000,
					appliesToEntries: [
						{ entryNo: 1, amountToApplyCents: 10_000 },
						{ entryNo: 2, amountToApplyCents: 1_000 }
					]
				})
			],
			after: [
				[1, 0, 0, 100],
				[2, 9_000, 1, 0],
				[100, -1_000, 1, 0]
			],
			applied: [
				[1, 100, 10_000, 1],
				[2, 100, 1_000, 1]
			]
		},
		{
			name: 'a refund applies to a payment posted by an earlier line of the journal',
			lines: [
				line(1, { amountCents: 3_000 }),
				line(2, { documentType: 'Refund', amountCents: 3_000, appliesToDocNo: 'PMT-1' })
			],
			after: [
				[100, 0, 0, 101],
				[101, 0, 0, 100]
			],
			applied: [[100, 101, 3_000, 1]]
		},
		{
			name: 'a payment applied to nothing stays open, and no transaction No. is drawn',
			lines: [line(1, { description: 'Cash' })],
			after: [[100, -10_000, 1, 0]],
			applied: []
		}
	])('$name', ({ lines, after, applied }) => {
		const invoices = [entry(1), entry(2)];
		const planned = planJournalPosting(journal(lines, invoices));
		if (!planned.ok) throw new Error(planned.refusal.message);
		const { ledger, applications, lastEntryNo, lastTransactionNo, posted } = planned.plan;
		const written = [...ledger.changed.map(({ change }) => change), ...ledger.added].map((e) => [
			e.entryNo,
			e.remainingAmountCents,
			e.open,
			e.closedByEntryNo
		]);
		expect(written).toEqual(after);
		expect(
			applications.map((a) => [a.entryNo, a.appliedByEntryNo, a.amountCents, a.transactionNo])
		).toEqual(applied);
		expect(posted).toBe(lines.length);
		expect(lastEntryNo).toBe(99 + lines.length);
		expect(lastTransactionNo).toBe(applied.length > 0 ? 1 : null);
		// The balance moves by what the lines posted; the invoices' remaining amounts stay in it.
		const moved = lines.reduce(
			(sum, l) => sum + (l.documentType === 'Payment' ? -l.amountCents : l.amountCents),
			0
		);
		expect(ledger.totals).toEqual([
			{
				customerNo: 'C1',
				balanceCents: moved,
				openEntries: expect.any(Number),
				entries: lines.length
			}
		]);
	});

	it('builds each entry as newLedgerEntry does: open, never reminded, described by type and No.', () => {
		const planned = planJournalPosting(journal([line(1), line(2, { description: 'Cash' })], []));
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(planned.plan.ledger.added).toEqual([
			expect.objectContaining({
				entryNo: 100,
				documentType: 'Payment',
				documentNo: 'PMT-1',
				description: 'Payment PMT-1',
				amountCents: -10_000,
				dueDate: '2026-02-01',
				open: 1,
				onHold: '',
				noOfReminders: 0
			}),
			expect.objectContaining({ entryNo: 101, description: 'Cash' })
		]);
	});

	it.each([
		{ counter: 0, highest: 0, expected: 1 },
		{ counter: 7, highest: 3, expected: 8 },
		{ counter: 2, highest: 9, expected: 10 }
	])(
		'draws transaction No. $expected from counter $counter and records up to $highest',
		({ counter, highest, expected }) => {
			const records: Application[] = [
				{
					id: 'r',
					entryNo: 1,
					appliedByEntryNo: 50,
					amountCents: 1,
					postingDate: '',
					transactionNo: highest
				}
			];
			const planned = planJournalPosting(
				journal([line(1, { appliesToDocNo: 'PSI-1' })], [entry(1)], {
					records,
					lastTransactionNo: counter
				})
			);
			if (!planned.ok) throw new Error(planned.refusal.message);
			expect(planned.plan.lastTransactionNo).toBe(expected);
			expect(planned.plan.applications[0]?.transactionNo).toBe(expected);
		}
	);
});

const REMINDER_TERMS: ReminderTerms = {
	code: 'REM',
	description: '',
	levels: [
		{ level: 1, gracePeriodDays: 5, dueDays: 7, feeCents: 0, text: 'First' },
		{ level: 2, gracePeriodDays: 7, dueDays: 7, feeCents: 1_000, text: 'Second' }
	]
};

describe('planReminders', () => {
	const run = (
		customers: Customer[],
		entries: CustLedgerEntry[],
		options: { withOpenReminder?: string[]; includeOnHold?: boolean } = {}
	) =>
		planReminders({
			documentDate: '2026-02-15',
			includeOnHold: options.includeOnHold ?? false,
			entries,
			customers: new Map(customers.map((c) => [c.no, c])),
			terms: new Map([['REM', REMINDER_TERMS]]),
			withOpenReminder: new Set(options.withOpenReminder ?? [])
		});

	it.each([
		{
			name: 'an overdue invoice past its grace period is reminded at level 1',
			customers: [customer('C1')],
			entries: [entry(1)],
			created: [['C1', 1, 0, '2026-02-22', [1]]],
			skipped: []
		},
		{
			name: 'an entry reminded once goes to level 2, with its fee',
			customers: [customer('C1')],
			entries: [entry(1, { noOfReminders: 1 })],
			created: [['C1', 2, 1_000, '2026-02-22', [1]]],
			skipped: []
		},
		{
			name: 'an entry within its grace period, or on hold, is not reminded',
			customers: [customer('C1')],
			entries: [entry(1, { dueDate: '2026-02-12' }), entry(2, { onHold: 'DSP' })],
			created: [],
			skipped: []
		},
		{
			name: 'a customer blocked All is skipped with the policy reason',
			customers: [customer('C1', 'All'), customer('C2', 'Invoice')],
			entries: [entry(1), entry(2, { customerNo: 'C2' })],
			created: [['C2', 1, 0, '2026-02-22', [2]]],
			skipped: [['C1', 'blocked']]
		},
		{
			name: 'a customer blocked for privacy is skipped',
			customers: [customer('C1', '', true)],
			entries: [entry(1)],
			created: [],
			skipped: [['C1', 'privacyBlocked']]
		},
		{
			name: 'a customer with an open reminder is skipped and says so',
			customers: [customer('C1')],
			entries: [entry(1)],
			withOpenReminder: ['C1'],
			created: [],
			skipped: [['C1', 'reminders.openExists']]
		},
		{
			name: 'a customer without reminder terms, or unknown, is passed over silently',
			customers: [{ ...customer('C1'), reminderTermsCode: '' }],
			entries: [entry(1), entry(2, { customerNo: 'C9' })],
			created: [],
			skipped: []
		}
	])('$name', ({ customers, entries, withOpenReminder, created, skipped }) => {
		const plan = run(customers, entries, { withOpenReminder });
		expect(
			plan.documents.map((r) => [
				r.customerNo,
				r.level,
				r.feeCents,
				r.dueDate,
				r.lines.map((l) => l.entryNo)
			])
		).toEqual(created);
		expect(plan.skipped.map((s) => [s.customerNo, s.decision?.code ?? s.key])).toEqual(skipped);
	});

	it('lists entries on hold apart, at their level, when asked for', () => {
		const plan = run([customer('C1')], [entry(1), entry(2, { onHold: 'X', noOfReminders: 1 })], {
			includeOnHold: true
		});
		expect(plan.documents[0]?.lines.map((l) => [l.entryNo, l.level, l.onHold])).toEqual([
			[1, 1, false],
			[2, 1, true]
		]);
	});
});

function reminder(overrides: Partial<Reminder> = {}): Reminder {
	return {
		no: 'R-1',
		customerNo: 'C1',
		customerName: '',
		documentDate: '2026-02-15',
		dueDate: '2026-02-22',
		reminderTermsCode: 'REM',
		level: 2,
		feeCents: 1_000,
		text: '',
		status: 'Open',
		issuedNo: '',
		lines: [
			{ ...reminderLine(1), level: 2 },
			{ ...reminderLine(2), level: 1 },
			{ ...reminderLine(3), level: 2, onHold: true }
		],
		...overrides
	};
}

function reminderLine(entryNo: number) {
	return {
		entryNo,
		documentType: 'Invoice' as const,
		documentNo: `PSI-${entryNo}`,
		dueDate: '2026-01-31',
		originalAmountCents: 10_000,
		remainingAmountCents: 10_000,
		level: 1,
		onHold: false
	};
}

const TOTALS: CustomerTotals = {
	customerNo: 'C1',
	balanceCents: 30_000,
	openEntries: 3,
	entries: 3
};

describe('planReminderIssue', () => {
	it.each([
		{ fee: 1_000, entries: [[7, 'Reminder', 'IR-1', 1_000, '2026-02-15', '2026-02-22', 1]] },
		{ fee: 0, entries: [] }
	])('a fee of $fee is posted as $entries.length entry', ({ fee, entries }) => {
		const planned = planReminderIssue({
			reminder: reminder({ feeCents: fee }),
			entries: [entry(1, { noOfReminders: 1 }), entry(2, { noOfReminders: 1 }), entry(3)],
			issuedNo: 'IR-1',
			nextEntryNo: 7,
			totals: TOTALS
		});
		if (!planned.ok) throw new Error(planned.refusal.message);
		const { ledger, reminded, issuedNo } = planned.plan;
		expect(issuedNo).toBe('IR-1');
		expect(
			ledger.added.map((e) => [
				e.entryNo,
				e.documentType,
				e.documentNo,
				e.amountCents,
				e.postingDate,
				e.dueDate,
				e.open
			])
		).toEqual(entries);
		expect(ledger.totals).toEqual(
			fee > 0 ? [{ customerNo: 'C1', balanceCents: 30_000 + fee, openEntries: 4, entries: 4 }] : []
		);
		// Entry 1 rises to level 2; entry 2 is at level 1 already; entry 3 is on hold.
		expect(reminded).toEqual([{ entryNo: 1, noOfReminders: 2 }]);
	});

	it('refuses a reminder issued already', () => {
		const planned = planReminderIssue({
			reminder: reminder({ status: 'Issued', issuedNo: 'IR-1' }),
			entries: [],
			issuedNo: 'IR-2',
			nextEntryNo: 7,
			totals: TOTALS
		});
		expect(planned).toEqual({
			ok: false,
			refusal: { key: 'error.issued', message: 'R-1 is issued already.', values: { no: 'R-1' } }
		});
	});
});

// 8 % a year (365 days), 10 days' grace, minimum 1.00, fee 5.00.
const FIN: FinanceChargeTerms = {
	code: 'FIN',
	description: '',
	interestRatePct: 8,
	interestPeriodDays: 365,
	gracePeriodDays: 10,
	minimumAmountCents: 100,
	additionalFeeCents: 500
};

function memo(
	no: string,
	status: FinanceChargeMemo['status'],
	documentDate: string,
	lines: Array<{ entryNo: number; interestToDate?: string }>
): FinanceChargeMemo {
	return {
		no,
		customerNo: 'C1',
		customerName: '',
		documentDate,
		dueDate: documentDate,
		financeChargeTermsCode: 'FIN',
		feeCents: 500,
		interestCents: 0,
		status,
		issuedNo: status === 'Issued' ? `I${no}` : '',
		lines: lines.map((l) => ({
			entryNo: l.entryNo,
			documentNo: `PSI-${l.entryNo}`,
			dueDate: '2026-01-01',
			remainingAmountCents: 1_000_000,
			daysOverdue: 0,
			interestCents: 0,
			...(l.interestToDate ? { interestToDate: l.interestToDate } : {})
		}))
	};
}

describe('planFinanceChargeMemos', () => {
	const big = (entryNo: number, overrides: Partial<CustLedgerEntry> = {}) =>
		entry(entryNo, {
			amountCents: 1_000_000,
			remainingAmountCents: 1_000_000,
			dueDate: '2026-01-01',
			...overrides
		});

	// Lines as [entry No., days overdue, from, to, interest]; 10,000.00 × 8 % / 365 = 2.19 a day.
	it.each([
		{
			name: 'the first memo charges from the due date',
			memos: [],
			lines: [[1, 73, '2026-01-01', '2026-03-15', 16_000]],
			skipped: []
		},
		{
			name: 'after an issued memo, only the days after its date are charged',
			memos: [memo('FC-1', 'Issued', '2026-02-13', [{ entryNo: 1 }])],
			lines: [[1, 73, '2026-02-13', '2026-03-15', 6_575]]
		},
		{
			name: 'the latest of several issued memos counts, by the date its line charged up to',
			memos: [
				memo('FC-1', 'Issued', '2026-02-01', [{ entryNo: 1 }]),
				memo('FC-2', 'Issued', '2026-03-01', [{ entryNo: 1, interestToDate: '2026-02-13' }])
			],
			lines: [[1, 73, '2026-02-13', '2026-03-15', 6_575]]
		},
		{
			name: 'an entry charged up to the document date is not charged again',
			memos: [memo('FC-1', 'Issued', '2026-03-15', [{ entryNo: 1 }])],
			lines: []
		},
		{
			name: 'an issued memo of another entry changes nothing',
			memos: [memo('FC-1', 'Issued', '2026-03-01', [{ entryNo: 2 }])],
			lines: [[1, 73, '2026-01-01', '2026-03-15', 16_000]]
		}
	])('$name', ({ memos, lines }) => {
		const plan = planFinanceChargeMemos({
			documentDate: '2026-03-15',
			entries: [big(1)],
			customers: new Map([['C1', customer('C1')]]),
			terms: new Map([['FIN', FIN]]),
			memos
		});
		expect(
			plan.documents.flatMap((m) =>
				m.lines.map((l) => [
					l.entryNo,
					l.daysOverdue,
					l.interestFromDate,
					l.interestToDate,
					l.interestCents
				])
			)
		).toEqual(lines);
		for (const document of plan.documents) {
			expect(document).toMatchObject({
				interestCents: document.lines.reduce((sum, l) => sum + l.interestCents, 0),
				feeCents: 500,
				status: 'Open',
				dueDate: '2026-03-15'
			});
		}
		expect(plan.skipped).toEqual([]);
	});

	it.each([
		{
			name: 'an entry on an open memo is left to it, the others are charged',
			customers: [customer('C1')],
			memos: [memo('FC-1', 'Open', '2026-03-01', [{ entryNo: 1 }])],
			charged: [[2]],
			skipped: [['C1', 'finance.entryOnOpenMemo', { documentNo: 'PSI-1', memoNo: 'FC-1' }]]
		},
		{
			name: 'a customer whose every entry is on an open memo gets no second memo',
			customers: [customer('C1')],
			memos: [memo('FC-1', 'Open', '2026-03-01', [{ entryNo: 1 }, { entryNo: 2 }])],
			charged: [],
			skipped: [
				['C1', 'finance.entryOnOpenMemo', { documentNo: 'PSI-1', memoNo: 'FC-1' }],
				['C1', 'finance.entryOnOpenMemo', { documentNo: 'PSI-2', memoNo: 'FC-1' }]
			]
		},
		{
			name: 'a customer blocked All is skipped with the policy reason only',
			customers: [customer('C1', 'All')],
			memos: [memo('FC-1', 'Open', '2026-03-01', [{ entryNo: 1 }])],
			charged: [],
			skipped: [['C1', 'blocked', undefined]]
		},
		{
			name: 'a customer blocked Invoice is charged',
			customers: [customer('C1', 'Invoice')],
			memos: [],
			charged: [[1, 2]],
			skipped: []
		}
	])('$name', ({ customers, memos, charged, skipped }) => {
		const plan = planFinanceChargeMemos({
			documentDate: '2026-03-15',
			entries: [big(1), big(2), big(3, { onHold: 'X' })],
			customers: new Map(customers.map((c) => [c.no, c])),
			terms: new Map([['FIN', FIN]]),
			memos
		});
		expect(plan.documents.map((m) => m.lines.map((l) => l.entryNo))).toEqual(charged);
		expect(plan.skipped.map((s) => [s.customerNo, s.decision?.code ?? s.key, s.values])).toEqual(
			skipped
		);
	});

	it('knows which entries issued memos charged until when, and which are on open memos', () => {
		expect(
			chargesOf([
				memo('FC-1', 'Issued', '2026-02-01', [{ entryNo: 1 }, { entryNo: 2 }]),
				memo('FC-2', 'Issued', '2026-01-15', [{ entryNo: 1 }]),
				memo('FC-3', 'Open', '2026-03-01', [{ entryNo: 3 }])
			])
		).toEqual({
			chargedUntil: new Map([
				[1, '2026-02-01'],
				[2, '2026-02-01']
			]),
			onOpenMemo: new Map([[3, 'FC-3']])
		});
	});
});

describe('planFinanceChargeMemoIssue', () => {
	it.each([
		{ interest: 16_000, fee: 500, amount: 16_500 },
		{ interest: 0, fee: 500, amount: 500 },
		{ interest: 0, fee: 0, amount: null }
	])('interest $interest and fee $fee post $amount', ({ interest, fee, amount }) => {
		const planned = planFinanceChargeMemoIssue({
			memo: { ...memo('FC-1', 'Open', '2026-03-15', []), interestCents: interest, feeCents: fee },
			issuedNo: 'IFC-1',
			nextEntryNo: 9,
			totals: undefined
		});
		if (!planned.ok) throw new Error(planned.refusal.message);
		expect(
			planned.plan.ledger.added.map((e) => [e.documentType, e.documentNo, e.amountCents])
		).toEqual(amount === null ? [] : [['Finance Charge Memo', 'IFC-1', amount]]);
		expect(planned.plan.ledger.totals).toEqual(
			amount === null
				? []
				: [{ customerNo: 'C1', balanceCents: amount, openEntries: 1, entries: 1 }]
		);
	});

	it.each([
		{ status: 'Open' as const, verb: 'issue' as const, refusal: null },
		{ status: 'Issued' as const, verb: 'issue' as const, refusal: 'FC-1 is issued already.' },
		{
			status: 'Issued' as const,
			verb: 'change' as const,
			refusal: 'FC-1 is issued and cannot be changed.'
		}
	])('a memo $status may $verb: $refusal', ({ status, verb, refusal }) => {
		expect(issuedRefusal({ no: 'FC-1', status }, verb)?.message ?? null).toBe(refusal);
	});
});
