import { hasAtMostDecimals, PERCENT_DECIMALS, QUANTITY_DECIMALS, type Totals } from './amounts';

/**
 * The limits of every quantity, price, percentage and amount Holdfast accepts, as Business
 * Central's Decimal fields have a fixed range. They are chosen so that every figure computed
 * from accepted values is an exact number of cents, a JavaScript safe integer (below
 * 2^53 ≈ 9.007 × 10^15 cents), which a backup must hold to be restored:
 *
 * - Quantity: 0 to 999,999,999 with up to 5 decimals. A 13-digit barcode scanned into
 *   Quantity is refused.
 * - Unit Price: 0 to 999,999,999.99 (10^11 − 1 cents), so one unit at the highest price, with
 *   any VAT, fits on a document.
 * - Line Discount % and VAT %: 0 to 100 with up to 2 decimals, so a line's VAT is at most its
 *   Line Amount.
 * - A cash receipt journal Amount (it may pay several invoices) and a document's total incl.
 *   VAT: 0 to 99,999,999,999.99 (10^13 − 1 cents; a company keeps its books in one currency,
 *   and in some that is a few million dollars). Each Line Amount and each VAT figure is part
 *   of the total, so every figure of a document and of what its postings write (posted
 *   lines, posted totals, the ledger entry) stays below 10^13 cents. Line amounts are
 *   computed exactly (BigInt) before the check, so an out-of-range product is caught, never
 *   rounded away.
 * - A fee (reminder, finance charge), a minimum amount and a Credit Limit: the same range as
 *   an amount, in whole cents.
 *
 * A customer's balance or a report adds such amounts up: it stays exact up to 900 documents
 * of the largest size, 90 trillion in turnover, which no business this app is for reaches.
 */
export const MAX_QUANTITY = 999_999_999;
export const MAX_UNIT_PRICE_CENTS = 99_999_999_999;
export const MAX_AMOUNT_CENTS = 9_999_999_999_999;
export const MAX_PERCENT = 100;

/** What a value is, for its bound. Amounts and prices are integer cents. */
export type BoundKind =
	'quantity' | 'unitPrice' | 'percent' | 'payment' | 'amount' | 'documentTotal';

interface Bound {
	min: number;
	max: number;
	decimals: number;
	/** Message keys for each way a value can miss its bound. */
	invalid: string;
	below: string;
	above: string;
	tooManyDecimals: string;
	/** The largest value as the clerk types it: cents are shown as currency units. */
	shownMax: number;
}

const AMOUNT = {
	min: 0,
	max: MAX_AMOUNT_CENTS,
	decimals: 0,
	tooManyDecimals: 'error.amountInvalid',
	shownMax: MAX_AMOUNT_CENTS / 100
};

export const BOUNDS: Readonly<Record<BoundKind, Bound>> = {
	quantity: {
		min: 0,
		max: MAX_QUANTITY,
		decimals: QUANTITY_DECIMALS,
		invalid: 'error.numberInvalid',
		below: 'error.quantityNegative',
		above: 'error.quantityTooLarge',
		tooManyDecimals: 'error.quantityDecimals',
		shownMax: MAX_QUANTITY
	},
	unitPrice: {
		...AMOUNT,
		max: MAX_UNIT_PRICE_CENTS,
		shownMax: MAX_UNIT_PRICE_CENTS / 100,
		invalid: 'error.amountInvalid',
		below: 'error.priceNegative',
		above: 'error.amountTooLarge'
	},
	percent: {
		min: 0,
		max: MAX_PERCENT,
		decimals: PERCENT_DECIMALS,
		invalid: 'error.percentInvalid',
		below: 'error.percentInvalid',
		above: 'error.percentInvalid',
		tooManyDecimals: 'error.percentInvalid',
		shownMax: MAX_PERCENT
	},
	payment: {
		...AMOUNT,
		invalid: 'error.paymentAmount',
		below: 'error.paymentAmount',
		above: 'error.amountTooLarge',
		tooManyDecimals: 'error.paymentAmount'
	},
	amount: {
		...AMOUNT,
		invalid: 'error.amountInvalid',
		below: 'error.paymentAmount',
		above: 'error.amountTooLarge'
	},
	documentTotal: {
		...AMOUNT,
		invalid: 'error.amountInvalid',
		below: 'error.amountInvalid',
		above: 'error.documentTooLarge'
	}
};

/** Why a value was refused: a message key, its English text and the values it names. */
export interface BoundRefusal {
	key: string;
	message: string;
	values: Record<string, number>;
}

/** The English text of each refusal (the catalogs hold the same under the same keys). */
const ENGLISH: Record<string, string> = {
	'error.numberInvalid': 'Enter a number.',
	'error.quantityNegative': 'Quantity cannot be negative.',
	'error.quantityDecimals': 'A quantity has at most 5 decimals.',
	'error.quantityTooLarge': 'A quantity can be at most {max}.',
	'error.amountInvalid': 'Enter an amount.',
	'error.amountTooLarge': 'An amount can be at most {max}.',
	'error.priceNegative': 'The price cannot be negative.',
	'error.percentInvalid': 'Enter a percentage from 0 to 100 with at most two decimals.',
	'error.paymentAmount': 'Enter a positive amount.',
	'error.documentTooLarge':
		"A document's total incl. VAT can be at most {max}. Split it over more documents."
};

function refusal(key: string, max: number): BoundRefusal {
	const text = ENGLISH[key] ?? key;
	const values: Record<string, number> = text.includes('{max}') ? { max } : {};
	return { key, message: text.replace('{max}', String(max)), values };
}

/**
 * Checks a value against its bound: the refusal to show (the command throws it, the UI shows
 * it before saving), or null when the value is accepted.
 */
export function checkBound(kind: BoundKind, value: number): BoundRefusal | null {
	const key = refusedKey(BOUNDS[kind], value);
	return key === null ? null : refusal(key, BOUNDS[kind].shownMax);
}

function refusedKey(bound: Bound, value: number): string | null {
	if (typeof value !== 'number' || !Number.isFinite(value)) return bound.invalid;
	if (value < bound.min) return bound.below;
	if (value > bound.max) return bound.above;
	if (bound.decimals === 0) return Number.isInteger(value) ? null : bound.tooManyDecimals;
	return hasAtMostDecimals(value, bound.decimals) ? null : bound.tooManyDecimals;
}

/** The refusal of a document whose lines add up to more than a document may hold, or null. */
export function checkDocumentTotal(totals: Totals): BoundRefusal | null {
	return checkBound('documentTotal', totals.amountInclVatCents);
}
