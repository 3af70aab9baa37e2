/**
 * Sales line and document amounts in integer cents, computed exactly (BigInt) and rounded
 * once per figure, half away from zero, as Business Central rounds to the currency's precision:
 *   Line Amount = round(Quantity × Unit Price × (1 − Line Discount % / 100))
 *   VAT         = round(Line Amount × VAT % / 100)
 * Document totals are sums of the rounded line figures.
 */

/** Quantities carry up to 5 decimals, percentages up to 2. */
export const QUANTITY_DECIMALS = 5;
export const PERCENT_DECIMALS = 2;

function scaled(value: number, decimals: number): bigint {
	return BigInt(Math.round(value * 10 ** decimals));
}

/** numerator / denominator rounded half away from zero (denominator > 0). */
function divideRounded(numerator: bigint, denominator: bigint): bigint {
	const negative = numerator < 0n;
	const magnitude = negative ? -numerator : numerator;
	const quotient = (magnitude * 2n + denominator) / (denominator * 2n);
	return negative ? -quotient : quotient;
}

export function roundHalfAwayFromZero(value: number): number {
	return Math.sign(value) * Math.round(Math.abs(value));
}

export interface AmountLine {
	quantity: number;
	unitPriceCents: number;
	lineDiscountPct: number;
	vatPct: number;
}

export function lineAmountCents(line: Omit<AmountLine, 'vatPct'>): number {
	const quantity = scaled(line.quantity, QUANTITY_DECIMALS);
	const keep =
		100n * 10n ** BigInt(PERCENT_DECIMALS) - scaled(line.lineDiscountPct, PERCENT_DECIMALS);
	const denominator = 10n ** BigInt(QUANTITY_DECIMALS) * 100n * 10n ** BigInt(PERCENT_DECIMALS);
	return Number(divideRounded(quantity * BigInt(line.unitPriceCents) * keep, denominator));
}

export function vatCents(lineAmount: number, vatPct: number): number {
	const denominator = 100n * 10n ** BigInt(PERCENT_DECIMALS);
	return Number(divideRounded(BigInt(lineAmount) * scaled(vatPct, PERCENT_DECIMALS), denominator));
}

export interface Totals {
	amountCents: number;
	vatCents: number;
	amountInclVatCents: number;
}

export function documentTotals(lines: readonly AmountLine[]): Totals {
	let amount = 0;
	let vat = 0;
	for (const line of lines) {
		const lineAmount = lineAmountCents(line);
		amount += lineAmount;
		vat += vatCents(lineAmount, line.vatPct);
	}
	return { amountCents: amount, vatCents: vat, amountInclVatCents: amount + vat };
}

/** True when a number has no more decimals than allowed (0.1 + 0.2 style noise tolerated). */
export function hasAtMostDecimals(value: number, decimals: number): boolean {
	const shifted = value * 10 ** decimals;
	return Math.abs(shifted - Math.round(shifted)) < 1e-6;
}
