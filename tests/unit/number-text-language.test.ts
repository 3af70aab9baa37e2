import { describe, expect, it } from 'vitest';
import {
	BEYOND_EXACT_CENTS,
	parseAmount,
	parseDecimal,
	parseFileAmount
} from '$lib/domain/number-text';
import { checkBound } from '$lib/domain/bounds';
import { messagePattern } from '$lib/i18n/lookup';

describe('a quantity is read by the UI language', () => {
	it.each([
		// Dutch: '.' groups thousands when three digits follow, else it is the keypad's decimal.
		['nl', '1.234', 1234],
		['nl', '1.234.567', 1234567],
		['nl', '1.5', 1.5],
		['nl', '1,5', 1.5],
		['nl', '1,234', 1.234],
		['nl', '0.500', 0.5],
		['nl', '1234.567', 1234.567],
		['nl', '12.34', 12.34],
		['nl', '1.234,5', 1234.5],
		['nl', '-1.234', -1234],
		['nl', '10', 10],
		['nl', '', 0],
		// English: ',' groups thousands when three digits follow, else it is decimal.
		['en', '1,234', 1234],
		['en', '1,234,567', 1234567],
		['en', '1,5', 1.5],
		['en', '1.5', 1.5],
		['en', '1.234', 1.234],
		['en', '0,500', 0.5],
		['en', '1,234.5', 1234.5],
		['en', '2.25', 2.25],
		['en', '1 234', 1234],
		// A locale such as the formats' nl-BE counts as its language; not known yet: English.
		['nl-BE', '1.234', 1234],
		[null, '1,234', 1234]
	])('%s %j → %d', (language, text, value) => {
		expect(parseDecimal(text, 5, 'error.quantityDecimals', language)).toEqual({ ok: true, value });
	});

	it.each([
		['nl', '1,234.5', 'error.numberAmbiguous'],
		['nl', '1.23.4', 'error.numberAmbiguous'],
		['nl', '1,2,3', 'error.numberAmbiguous'],
		['nl', '1.234,5.6', 'error.numberAmbiguous'],
		['en', '1.234,5', 'error.numberAmbiguous'],
		['en', '1,23,4', 'error.numberAmbiguous'],
		['en', '1.2.3', 'error.numberAmbiguous'],
		['en', '1,2345.6', 'error.numberAmbiguous'],
		['en', '1.123456', 'error.quantityDecimals'],
		['nl', '1,123456', 'error.quantityDecimals'],
		['en', 'abc', 'error.numberInvalid'],
		['nl', '.', 'error.numberInvalid'],
		['en', '1e5', 'error.numberInvalid']
	])('%s %j is refused with %s', (language, text, error) => {
		expect(parseDecimal(text, 5, 'error.quantityDecimals', language)).toEqual({
			ok: false,
			error
		});
	});
});

describe('an amount is read by the UI language', () => {
	it.each([
		['nl', '1.234', 123400],
		['nl', '1.234,56', 123456],
		['nl', '1234,5', 123450],
		['nl', '1.5', 150],
		['nl', '12,34', 1234],
		['nl', '1 234,56', 123456],
		['nl', '-5', -500],
		['en', '1,234', 123400],
		['en', '1,234.56', 123456],
		['en', '1,234.00', 123400],
		['en', '1234.5', 123450],
		['en', '12,34', 1234],
		['en', '1,234,567.89', 123456789],
		['en', '', 0]
	])('%s %j → %i cents', (language, text, cents) => {
		expect(parseAmount(text, language)).toEqual({ ok: true, cents });
	});

	it.each([
		['en', '12.345', 'error.tooManyDecimals'],
		['nl', '12,345', 'error.tooManyDecimals'],
		['en', '1.234,56', 'error.numberAmbiguous'],
		['nl', '1,234.56', 'error.numberAmbiguous'],
		['en', 'abc', 'error.amountInvalid']
	])('%s %j is refused with %s', (language, text, error) => {
		expect(parseAmount(text, language)).toEqual({ ok: false, error });
	});

	it.each(['en', 'nl'])(
		'%s: an amount too long to hold exactly is refused by its bound, which states the limit',
		(language) => {
			const parsed = parseAmount('99999999999999999999', language);
			expect(parsed).toEqual({ ok: true, cents: BEYOND_EXACT_CENTS });
			const refusal = checkBound('unitPrice', parsed.ok ? parsed.cents : 0);
			expect(refusal).toMatchObject({ key: 'error.amountTooLarge', values: { max: 999999999.99 } });
		}
	);

	it('the refusal of an ambiguous number says how to write it, in both catalogs', async () => {
		expect(messagePattern('error.numberAmbiguous', 'en')).toContain('1,234.56');
		expect(messagePattern('error.numberAmbiguous', 'nl')).toContain('1.234,56');
	});
});

describe('a file keeps its own rule (the CSV import)', () => {
	it.each([
		['1234', 123400],
		['1.234,56', 123456],
		['1,234.56', 123456],
		['1234,5', 123450]
	])('%j → %i cents', (text, cents) => {
		expect(parseFileAmount(text)).toEqual({ ok: true, cents });
	});

	it('three digits after one separator are too many decimals, not guessed thousands', () => {
		expect(parseFileAmount('12.345')).toEqual({ ok: false, error: 'error.tooManyDecimals' });
	});
});
