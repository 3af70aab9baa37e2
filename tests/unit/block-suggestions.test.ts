import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	applyBlockSuggestions,
	findBlockSuggestions,
	readSuggestionRules,
	saveSuggestionRules
} from '$lib/app/block-insight';
import { undoBatch } from '$lib/app/customer-blocking';
import { moveWorkDate } from '$lib/app/work-date';
import {
	figuresOf,
	NO_RULES,
	triggeredRules,
	type CustomerFigures,
	type SuggestionRule,
	type SuggestionRules
} from '$lib/domain/block-suggestions';
import { givenCustomer, givenInvoiceEntry } from '../factories';

const entry = (dueDate: string, remainingAmountCents: number, open: 0 | 1 = 1) => ({
	dueDate,
	remainingAmountCents,
	open
});

describe('figuresOf', () => {
	it('counts what is due before the work date as overdue, and the oldest in days', () => {
		expect(
			figuresOf(
				[
					entry('2026-03-10', 1000), // due on the work date: not overdue
					entry('2026-03-09', 2000), // one day overdue
					entry('2026-01-09', 3000), // 60 days overdue
					entry('2026-01-01', -500), // an overdue credit lowers the amount, not the age
					entry('2025-01-01', 9999, 0) // closed
				],
				4000,
				'2026-03-10'
			)
		).toEqual({
			balanceCents: 5500,
			overdueCents: 4500,
			oldestOverdueDays: 60,
			creditLimitCents: 4000
		});
	});

	it('is all zero without open entries', () => {
		expect(figuresOf([], 0, '2026-03-10')).toEqual({
			balanceCents: 0,
			overdueCents: 0,
			oldestOverdueDays: 0,
			creditLimitCents: 0
		});
	});
});

describe('triggeredRules on edge figures', () => {
	const figures = (over: Partial<CustomerFigures>): CustomerFigures => ({
		balanceCents: 0,
		overdueCents: 0,
		oldestOverdueDays: 0,
		creditLimitCents: 0,
		...over
	});
	const rules = (over: Partial<SuggestionRules>): SuggestionRules => ({ ...NO_RULES, ...over });

	const cases: Array<
		[string, Partial<CustomerFigures>, Partial<SuggestionRules>, SuggestionRule[]]
	> = [
		[
			'overdue exactly the amount',
			{ overdueCents: 10000 },
			{ overdueAmountCents: 10000 },
			['overdueAmount']
		],
		['overdue one cent below', { overdueCents: 9999 }, { overdueAmountCents: 10000 }, []],
		['amount rule 0 and nothing overdue', { overdueCents: 0 }, { overdueAmountCents: 0 }, []],
		[
			'amount rule 0 and one cent overdue',
			{ overdueCents: 1 },
			{ overdueAmountCents: 0 },
			['overdueAmount']
		],
		[
			'oldest exactly the days',
			{ oldestOverdueDays: 30 },
			{ oldestOverdueDays: 30 },
			['oldestOverdue']
		],
		['oldest one day short', { oldestOverdueDays: 29 }, { oldestOverdueDays: 30 }, []],
		['days rule 0 and nothing overdue', { oldestOverdueDays: 0 }, { oldestOverdueDays: 0 }, []],
		[
			'balance equal to the limit',
			{ balanceCents: 5000, creditLimitCents: 5000 },
			{ overCreditLimit: true },
			[]
		],
		[
			'balance one cent over',
			{ balanceCents: 5001, creditLimitCents: 5000 },
			{ overCreditLimit: true },
			['overCreditLimit']
		],
		[
			'no credit limit (0)',
			{ balanceCents: 999999, creditLimitCents: 0 },
			{ overCreditLimit: true },
			[]
		],
		[
			'limit rule off',
			{ balanceCents: 5001, creditLimitCents: 5000 },
			{ overCreditLimit: false },
			[]
		],
		['rules off', { overdueCents: 1e9, oldestOverdueDays: 999 }, {}, []],
		[
			'every rule at once',
			{ overdueCents: 200, oldestOverdueDays: 45, balanceCents: 300, creditLimitCents: 100 },
			{ overdueAmountCents: 100, oldestOverdueDays: 45, overCreditLimit: true },
			['overdueAmount', 'oldestOverdue', 'overCreditLimit']
		]
	];

	it.each(cases)('%s', (_name, given, rule, expected) => {
		expect(triggeredRules(figures(given), rules(rule))).toEqual(expected);
	});
});

describe('block suggestions', () => {
	it('stores the rules, and a blank rule stays off', async () => {
		expect(await readSuggestionRules()).toEqual(NO_RULES);
		await saveSuggestionRules({
			overdueAmountCents: 12345,
			oldestOverdueDays: null,
			overCreditLimit: true
		});
		expect(await readSuggestionRules()).toEqual({
			overdueAmountCents: 12345,
			oldestOverdueDays: null,
			overCreditLimit: true
		});
		await expect(saveSuggestionRules({ ...NO_RULES, oldestOverdueDays: -1 })).rejects.toMatchObject(
			{ key: 'error.ruleInvalid' }
		);
	});

	it('the dry run lists unblocked customers with the figures, writes nothing; apply blocks them as one batch with reason OVERDUE', async () => {
		await moveWorkDate({ workDate: '2026-03-10' });
		const late = await givenCustomer({ name: 'Late Payer' });
		const onTime = await givenCustomer({ name: 'On Time' });
		const blocked = await givenCustomer({ name: 'Already Blocked', blocked: 'Ship' });
		await givenInvoiceEntry(late.no, 50000, '2026-02-08');
		await givenInvoiceEntry(onTime.no, 50000, '2026-03-10');
		await givenInvoiceEntry(blocked.no, 50000, '2026-01-01');
		const rules = { ...NO_RULES, oldestOverdueDays: 30 };
		const before = await db.changeLog.count();

		const suggestions = await findBlockSuggestions(rules);

		expect(suggestions.total).toBe(1);
		expect(suggestions.rows).toEqual([
			{
				no: late.no,
				name: 'Late Payer',
				figures: {
					balanceCents: 50000,
					overdueCents: 50000,
					oldestOverdueDays: 30,
					creditLimitCents: 0
				},
				triggered: ['oldestOverdue']
			}
		]);
		expect(await db.changeLog.count()).toBe(before);
		expect((await db.customers.get(late.no))?.blocked).toBe('');

		const result = await applyBlockSuggestions({ nos: [late.no], blocked: 'All' });
		expect(result.changed).toEqual([late.no]);
		expect(await db.customers.get(late.no)).toMatchObject({
			blocked: 'All',
			blockReason: 'OVERDUE'
		});
		const [logged] = await db.changeLog.where('batchId').equals(result.batchId).toArray();
		expect(logged).toMatchObject({ key: late.no, newValue: 'All', reason: 'OVERDUE' });
		expect(await findBlockSuggestions(rules)).toEqual({ total: 0, rows: [] });

		await undoBatch({ batchId: result.batchId });
		expect((await db.customers.get(late.no))?.blocked).toBe('');
	});

	it('lists the largest overdue amounts first, at most the limit, and counts them all', async () => {
		await moveWorkDate({ workDate: '2026-03-10' });
		for (const amount of [3000, 9000, 5000]) {
			const { no } = await givenCustomer();
			await givenInvoiceEntry(no, amount, '2026-01-01');
		}
		const run = await findBlockSuggestions({ ...NO_RULES, overdueAmountCents: 1 }, 2);
		expect(run.total).toBe(3);
		expect(run.rows.map((row) => row.figures.overdueCents)).toEqual([9000, 5000]);
	});

	it('finds nothing without rules', async () => {
		const { no } = await givenCustomer();
		await givenInvoiceEntry(no, 1, '2000-01-01');
		expect(await findBlockSuggestions(NO_RULES)).toEqual({ total: 0, rows: [] });
	});
});
