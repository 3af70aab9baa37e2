import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { vatSpecification } from '$lib/domain/vat-specification';
import { aPostedDocument } from '../posted-document-factories';

describe('VAT amount specification', () => {
	const { header, lines } = aPostedDocument('PSI-1001', [
		{ quantity: 2, unitPriceCents: 42900, vatPct: 21, lineDiscountPct: 10 }, // 772.20, VAT 162.16
		{ quantity: 3, unitPriceCents: 1850, vatPct: 6 }, // 55.50, VAT 3.33
		{ quantity: 1, unitPriceCents: 333, vatPct: 21, lineDiscountPct: 33.33 }, // 2.22, VAT 0.47
		{ type: 'Comment', quantity: 0, description: 'Delivered Monday' },
		{ quantity: 1.5, unitPriceCents: 2450, vatPct: 6, lineDiscountPct: 5 }, // 34.91, VAT 2.09
		{ quantity: 4, unitPriceCents: 995, vatPct: 0 } // 39.80, VAT 0
	]);
	const spec = vatSpecification(lines);

	it('has one row per rate, highest first, with base, VAT and amount incl. VAT', () => {
		expect(spec).toEqual([
			{ vatPct: 21, baseCents: 77442, vatCents: 16263, amountInclVatCents: 93705, lines: 2 },
			{ vatPct: 6, baseCents: 9041, vatCents: 542, amountInclVatCents: 9583, lines: 2 },
			{ vatPct: 0, baseCents: 3980, vatCents: 0, amountInclVatCents: 3980, lines: 1 }
		]);
	});

	it("adds up to the posted document's amount, VAT and amount incl. VAT", () => {
		const sum = (pick: (row: (typeof spec)[number]) => number) =>
			spec.reduce((total, row) => total + pick(row), 0);
		expect(sum((row) => row.baseCents)).toBe(header.amountCents);
		expect(sum((row) => row.vatCents)).toBe(header.vatCents);
		expect(sum((row) => row.amountInclVatCents)).toBe(header.amountInclVatCents);
	});

	it('adds up to the posted totals for any lines, discounts and rates', () => {
		const line = fc.record({
			quantity: fc.integer({ min: 0, max: 10_000_00 }).map((n) => n / 100),
			unitPriceCents: fc.integer({ min: 0, max: 1_000_000 }),
			lineDiscountPct: fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
			vatPct: fc.constantFrom(21, 12, 6, 0)
		});
		fc.assert(
			fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), (specs) => {
				const document = aPostedDocument('PSI-2000', specs);
				const rows = vatSpecification(document.lines);
				expect(rows.reduce((sum, row) => sum + row.baseCents, 0)).toBe(document.header.amountCents);
				expect(rows.reduce((sum, row) => sum + row.vatCents, 0)).toBe(document.header.vatCents);
				expect(new Set(rows.map((row) => row.vatPct)).size).toBe(rows.length);
			}),
			{ numRuns: 200 }
		);
	});

	it('leaves out a rate that only comment lines carry', () => {
		const { lines: commentOnly } = aPostedDocument('PSI-1002', [
			{ quantity: 1, vatPct: 21 },
			{ type: 'Comment', quantity: 0, vatPct: 6 }
		]);
		expect(vatSpecification(commentOnly).map((row) => row.vatPct)).toEqual([21]);
	});

	it('works the same for a credit memo', () => {
		const { header: memo, lines: memoLines } = aPostedDocument('PCM-1001', [
			{ quantity: 1, unitPriceCents: 18900, vatPct: 21 },
			{ quantity: 2, unitPriceCents: 1850, vatPct: 6, lineDiscountPct: 50 }
		]);
		const rows = vatSpecification(memoLines);
		expect(rows.map((row) => [row.vatPct, row.baseCents, row.vatCents])).toEqual([
			[21, 18900, 3969],
			[6, 1850, 111]
		]);
		expect(rows[0]!.vatCents + rows[1]!.vatCents).toBe(memo.vatCents);
	});
});
