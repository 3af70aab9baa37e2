import { describe, expect, it } from 'vitest';
import { documentTotals, hasAtMostDecimals, lineAmountCents, vatCents } from '$lib/domain/amounts';

describe('line amount', () => {
	it.each([
		// quantity, unit price (cents), discount %, expected cents
		[1, 18900, 0, 18900],
		[3, 1850, 0, 5550],
		[2, 42900, 10, 77220],
		[1.5, 1850, 0, 2775],
		[1, 333, 33.33, 222], // 221.9889 → 222
		[1, 5, 50, 3], // 2.5 → 3: half away from zero
		[0.33333, 100, 0, 33],
		[7, 695, 100, 0],
		[100000, 99999999, 0, 9999999900000]
	])('%d × %d ct − %d %% = %d ct', (quantity, unitPriceCents, lineDiscountPct, expected) => {
		expect(lineAmountCents({ quantity, unitPriceCents, lineDiscountPct })).toBe(expected);
	});

	it('rounds negative amounts half away from zero too', () => {
		expect(lineAmountCents({ quantity: -1, unitPriceCents: 5, lineDiscountPct: 50 })).toBe(-3);
	});
});

describe('VAT', () => {
	it.each([
		[18900, 21, 3969],
		[5550, 6, 333],
		[250, 21, 53], // 52.5 → 53
		[1000, 5.5, 55],
		[0, 21, 0]
	])('VAT of %d ct at %d %% is %d ct', (amount, pct, expected) => {
		expect(vatCents(amount, pct)).toBe(expected);
	});
});

describe('document totals', () => {
	it('sum the rounded line figures', () => {
		const totals = documentTotals([
			{ quantity: 1, unitPriceCents: 250, lineDiscountPct: 0, vatPct: 21 },
			{ quantity: 1, unitPriceCents: 250, lineDiscountPct: 0, vatPct: 21 }
		]);
		// Each line rounds its VAT (52.5 → 53): 106, not round(105) of the sum.
		expect(totals).toEqual({ amountCents: 500, vatCents: 106, amountInclVatCents: 606 });
	});

	it('are zero for no lines', () => {
		expect(documentTotals([])).toEqual({ amountCents: 0, vatCents: 0, amountInclVatCents: 0 });
	});
});

describe('decimals', () => {
	it.each([
		[1.25, 2, true],
		[1.255, 2, false],
		[0.1 + 0.2, 2, true],
		[3, 0, true]
	])('%d has at most %d decimals: %s', (value, decimals, expected) => {
		expect(hasAtMostDecimals(value, decimals)).toBe(expected);
	});
});
