/**
 * Numbers as text: what a clerk types in an amount, quantity or percentage field, parsed
 * without floating point, and amounts formatted for reading. Money is integer minor units
 * (cents); the arithmetic on amounts is in amounts.ts.
 *
 * A typed number is read by the conventions of the UI language: in Dutch '.' groups thousands
 * and ',' is the decimal separator, in English ',' groups and '.' is decimal. Belgian numeric
 * keypads type '.' whatever the language, so one rule decides each separator:
 *
 * - the language's group separator is a thousands separator when it is followed by exactly
 *   three digits in valid grouping positions (a first group of 1 to 3 digits not starting
 *   with 0, then groups of three up to the decimal separator or the end): Dutch '1.234' and
 *   English '1,234' are 1234, Dutch '1.234.567' is 1234567;
 * - otherwise a single separator is the decimal separator: Dutch '1.5' and '1,5' are 1.5,
 *   English '1,5' and '1.5' are 1.5, Dutch '0.500' is 0.5, Dutch '1,234' is 1.234;
 * - both separators together are read as the language writes them: Dutch '1.234,56' and
 *   English '1,234.56' are 1234.56;
 * - anything else is ambiguous and refused ('error.numberAmbiguous'): English '1.234,56',
 *   Dutch '1,234.56', '1.23.4', '1,2,3'.
 *
 * Spaces (also non-breaking) and apostrophes are taken as thousands separators and left out.
 * Files (the CSV import) come from anywhere and keep their own rule: parseFileAmount.
 */

/** The UI language or a locale ('en', 'nl', 'nl-BE'); English when not known yet. */
export type NumberLanguage = string | null | undefined;

interface Separators {
	group: '.' | ',';
	decimal: '.' | ',';
}

function separatorsOf(language: NumberLanguage): Separators {
	return (language ?? '').toLowerCase().startsWith('nl')
		? { group: '.', decimal: ',' }
		: { group: ',', decimal: '.' };
}

type ReadNumber =
	| { ok: true; negative: boolean; whole: string; fraction: string }
	| { ok: false; error: 'error.numberAmbiguous' | 'invalid' };

/** Whether the digits before the decimal separator are grouped in threes by `group`. */
function groupedInThrees(integer: string, group: string): boolean {
	const [first = '', ...rest] = integer.split(group);
	return (
		rest.length > 0 &&
		/^[1-9]\d{0,2}$/.test(first) &&
		rest.every((digits) => /^\d{3}$/.test(digits))
	);
}

/** The text before and after the first `separator`. */
function splitAt(text: string, separator: string): [string, string] {
	const at = text.indexOf(separator);
	return [text.slice(0, at), text.slice(at + 1)];
}

/** Reads a typed number into sign, whole digits and fraction digits by the rule above. */
function readNumber(text: string, language: NumberLanguage): ReadNumber {
	const compact = text.trim().replace(/[\s\u00a0\u202f']/g, '');
	const match = /^(-)?([\d.,]+)$/.exec(compact);
	if (!match) return { ok: false, error: 'invalid' };
	const negative = match[1] === '-';
	const body = match[2] ?? '';
	const { group, decimal } = separatorsOf(language);
	const groups = body.split(group).length - 1;
	const decimals = body.split(decimal).length - 1;
	let integer = body;
	let fraction = '';
	if (decimals > 1) return { ok: false, error: 'error.numberAmbiguous' };
	if (decimals === 1) {
		// With the decimal separator present, a group separator may only group the whole part.
		[integer, fraction] = splitAt(body, decimal);
		if (fraction.includes(group)) return { ok: false, error: 'error.numberAmbiguous' };
		if (groups > 0 && !groupedInThrees(integer, group)) {
			return { ok: false, error: 'error.numberAmbiguous' };
		}
	} else if (groups > 0 && !groupedInThrees(body, group)) {
		// Not a thousands separator: one is the decimal separator, more cannot be read.
		if (groups > 1) return { ok: false, error: 'error.numberAmbiguous' };
		[integer, fraction] = splitAt(body, group);
	}
	const whole = integer.split(group).join('');
	if (whole === '' && fraction === '') return { ok: false, error: 'invalid' };
	return { ok: true, negative, whole, fraction };
}

/**
 * Cents of an amount too long to be held exactly: above every bound (bounds.ts), so the
 * field's bound check says the limit instead of a message about the form of the number.
 */
export const BEYOND_EXACT_CENTS = Number.MAX_SAFE_INTEGER + 1;

export type ParsedAmount = { ok: true; cents: number } | { ok: false; error: string };

/** Parses an amount as a clerk types it in `language` (see the rule above); '' is 0. */
export function parseAmount(text: string, language: NumberLanguage): ParsedAmount {
	if (text.trim() === '') return { ok: true, cents: 0 };
	const read = readNumber(text, language);
	if (!read.ok) {
		return read.error === 'invalid'
			? { ok: false, error: 'error.amountInvalid' }
			: { ok: false, error: read.error };
	}
	if (read.fraction.length > 2) return { ok: false, error: 'error.tooManyDecimals' };
	const cents = Number(read.whole || '0') * 100 + Number(read.fraction.padEnd(2, '0'));
	const exact = Number.isSafeInteger(cents) ? cents : BEYOND_EXACT_CENTS;
	return { ok: true, cents: read.negative ? -exact : exact };
}

const FILE_AMOUNT = /^(-)?(\d+)(?:[.,](\d{1,2}))?$/;

/**
 * Parses an amount in a file (the CSV import), whatever language wrote it: with both
 * separators the last one is the decimal separator ("1.234,56", "1,234.56"); a single one is
 * the decimal separator ("1234,5"), and three digits after it are refused as too many
 * decimals rather than guessed to be thousands.
 */
export function parseFileAmount(text: string): ParsedAmount {
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
	const match = FILE_AMOUNT.exec(normalized);
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

/**
 * Parses a quantity or percentage as a clerk types it in `language` (see the rule above),
 * with at most `decimals`; '' is 0.
 */
export function parseDecimal(
	text: string,
	decimals: number,
	tooManyError: string,
	language: NumberLanguage
): ParsedNumber {
	if (text.trim() === '') return { ok: true, value: 0 };
	const read = readNumber(text, language);
	if (!read.ok) {
		return { ok: false, error: read.error === 'invalid' ? 'error.numberInvalid' : read.error };
	}
	if (read.fraction.length > decimals) return { ok: false, error: tooManyError };
	const value = Number(`${read.whole || '0'}.${read.fraction || '0'}`);
	return { ok: true, value: read.negative ? -value : value };
}
