/**
 * Numbers as text: what a clerk types in an amount, quantity or percentage field, parsed
 * without floating point, and amounts formatted for reading. Money is integer minor units
 * (cents); the arithmetic on amounts is in amounts.ts.
 */

const AMOUNT = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

export type ParsedAmount = { ok: true; cents: number } | { ok: false; error: string };

/** Parses what a clerk types: "1234", "1234.5", "1.234,56", "1 234,56". */
export function parseAmount(text: string): ParsedAmount {
	const compact = text.trim().replace(/[\s\u00a0']/g, '');
	if (compact === '') return { ok: true, cents: 0 };
	// With both separators present the last one is the decimal separator.
	const lastSeparator = Math.max(compact.lastIndexOf('.'), compact.lastIndexOf(','));
	const normalized =
		compact.includes('.') && compact.includes(',')
			? compact.slice(0, lastSeparator).replace(/[.,]/g, '') +
				'.' +
				compact.slice(lastSeparator + 1)
			: compact;
	const match = AMOUNT.exec(normalized);
	if (!match) {
		return /^-?\d*[.,]\d{3,}$/.test(normalized)
			? { ok: false, error: 'error.tooManyDecimals' }
			: { ok: false, error: 'error.amountInvalid' };
	}
	const [, sign, whole = '0', fraction = ''] = match;
	const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) return { ok: false, error: 'error.amountInvalid' };
	return { ok: true, cents: sign ? -cents : cents };
}

/** Formatters are costly to make and a page shows hundreds of amounts: one per kind. */
const amountFormats = new Map<string, Intl.NumberFormat>();

export function formatAmount(cents: number, locale: string, currency?: string): string {
	const key = `${locale}|${currency ?? ''}`;
	let format = amountFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, {
			style: currency ? 'currency' : 'decimal',
			currency,
			minimumFractionDigits: 2,
			maximumFractionDigits: 2
		});
		amountFormats.set(key, format);
	}
	return format.format(cents / 100);
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; error: string };

/** Parses a quantity or percentage as typed ("1,5" or "1.5"), with at most `decimals`. */
export function parseDecimal(text: string, decimals: number, tooManyError: string): ParsedNumber {
	const compact = text.trim().replace(/\s/g, '').replace(',', '.');
	if (compact === '') return { ok: true, value: 0 };
	const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(compact);
	if (!match || (match[2] === '' && !match[3])) return { ok: false, error: 'error.numberInvalid' };
	if ((match[3] ?? '').length > decimals) return { ok: false, error: tooManyError };
	return { ok: true, value: Number(compact) };
}
