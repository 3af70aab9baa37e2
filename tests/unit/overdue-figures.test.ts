import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOverdue, overdueFigures, overdueFiguresOfBalance } from '$lib/domain/role-center';
import { anEntry } from '../factories';

const WORK_DATE = '2026-03-01';

describe('overdue figures from the overdue entries and the kept balance', () => {
	it('equal those read from every open entry', () => {
		const fields = fc.record({
			customerNo: fc.constantFrom('C1', 'C2', 'C3'),
			remainingAmountCents: fc.integer({ min: -50_000, max: 50_000 }),
			dueDate: fc
				.integer({ min: 0, max: 200 })
				.map((days) =>
					new Date(Date.UTC(2025, 11, 1) + days * 86_400_000).toISOString().slice(0, 10)
				)
		});
		fc.assert(
			fc.property(fc.array(fields, { maxLength: 30 }), (fields) => {
				const open = fields.map((f, index) => anEntry(index + 1, f));
				const balance = open.reduce((sum, e) => sum + e.remainingAmountCents, 0);
				const overdue = open.filter((e) => isOverdue(e, WORK_DATE));
				expect(overdueFiguresOfBalance(overdue, balance, WORK_DATE)).toEqual(
					overdueFigures(open, WORK_DATE)
				);
			})
		);
	});

	it('put what is not overdue in Not Due', () => {
		const overdue = [anEntry(1, { remainingAmountCents: 10_000, dueDate: '2026-01-15' })];
		const figures = overdueFiguresOfBalance(overdue, 15_000, WORK_DATE);
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
