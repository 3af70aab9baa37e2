import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dueTotalsOf } from '$lib/db/due-totals';
import { balanceDueOf, overdueFigures, overdueFiguresOfTotals } from '$lib/domain/role-center';
import { anEntry } from '../factories';

const WORK_DATE = '2026-03-01';

const fields = fc.record({
	customerNo: fc.constantFrom('C1', 'C2', 'C3'),
	remainingAmountCents: fc.integer({ min: -50_000, max: 50_000 }),
	dueDate: fc
		.integer({ min: 0, max: 200 })
		.map((days) => new Date(Date.UTC(2025, 11, 1) + days * 86_400_000).toISOString().slice(0, 10))
});

describe('overdue figures from the totals per due date', () => {
	it('equal those read from every open entry', () => {
		fc.assert(
			fc.property(fc.array(fields, { maxLength: 30 }), (fields) => {
				const open = fields.map((f, index) => anEntry(index + 1, f));
				const customers = new Set(open.map((entry) => entry.customerNo));
				const owing = [...customers].filter(
					(no) =>
						balanceDueOf(
							open.filter((entry) => entry.customerNo === no),
							WORK_DATE
						) > 0
				).length;
				expect(overdueFiguresOfTotals(dueTotalsOf(open).dueDateTotals, owing, WORK_DATE)).toEqual(
					overdueFigures(open, WORK_DATE)
				);
			})
		);
	});

	it('put what is not overdue in Not Due', () => {
		const figures = overdueFiguresOfTotals(
			[
				{ dueDate: '2026-01-15', remainingCents: 10_000 },
				{ dueDate: '2026-03-01', remainingCents: 5_000 }
			],
			1,
			WORK_DATE
		);
		expect(figures).toMatchObject({ amountCents: 10_000, customers: 1 });
		expect(figures.aged).toEqual({
			notDue: 5_000,
			days1to30: 0,
			days31to60: 10_000,
			days61to90: 0,
			over90: 0
		});
	});
});
