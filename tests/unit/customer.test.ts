import { describe, expect, it } from 'vitest';
import {
	fieldError,
	needsPrivacyConfirmation,
	searchTermsOf,
	withBlocked,
	withPrivacyBlocked
} from '$lib/domain/customer';
import { parseDecimal, parseFileAmount } from '$lib/domain/number-text';

describe('privacy coupling', () => {
	it('setting Privacy Blocked sets Blocked to All; clearing it sets blank', () => {
		expect(withPrivacyBlocked(true)).toEqual({ blocked: 'All', privacyBlocked: true });
		expect(withPrivacyBlocked(false)).toEqual({ blocked: '', privacyBlocked: false });
	});

	it.each([
		{ blocked: '' as const, confirm: true },
		{ blocked: 'Ship' as const, confirm: true },
		{ blocked: 'Invoice' as const, confirm: true },
		{ blocked: 'All' as const, confirm: false }
	])(
		'changing Blocked to "$blocked" while privacy-blocked asks: $confirm',
		({ blocked, confirm }) => {
			const current = { blocked: 'All' as const, privacyBlocked: true };
			expect(needsPrivacyConfirmation(current, blocked)).toBe(confirm);
			expect(withBlocked(current, blocked).privacyBlocked).toBe(!confirm);
		}
	);

	it('never asks when Privacy Blocked is not set', () => {
		expect(needsPrivacyConfirmation({ blocked: 'All', privacyBlocked: false }, '')).toBe(false);
	});
});

describe('field validation', () => {
	it.each([
		['email', 'not-an-email', 'error.emailInvalid'],
		['email', 'a@b.be', null],
		['email', '', null],
		['creditLimitCents', -1, 'error.creditLimitNegative'],
		['creditLimitCents', 0, null],
		['creditLimitCents', 1.5, 'error.amountInvalid'],
		['name', 'x'.repeat(101), 'error.tooLong'],
		['name', 'Gent Trading', null]
	] as const)('%s = %j → %s', (field, value, expected) => {
		expect(fieldError(field, value)).toBe(expected);
	});
});

describe('search terms', () => {
	it('holds the No. and each word of the name, lower case', () => {
		expect(searchTermsOf('C00010', 'Gent Trading NV')).toEqual(['c00010', 'gent', 'trading', 'nv']);
	});

	it('splits on punctuation and keeps accented letters', () => {
		expect(searchTermsOf('C1', 'Namur Électricité-SA')).toEqual([
			'c1',
			'namur',
			'électricité',
			'sa'
		]);
	});
});

describe('parseFileAmount (the CSV rule)', () => {
	it.each([
		['1234', 123400],
		['1234.5', 123450],
		['1234,56', 123456],
		['1.234,56', 123456],
		['1,234.56', 123456],
		['', 0],
		['-5', -500]
	])('%s → %i cents', (text, cents) => {
		expect(parseFileAmount(text)).toEqual({ ok: true, cents });
	});

	it.each([
		['12.345', 'error.tooManyDecimals'],
		['abc', 'error.amountInvalid'],
		['1e5', 'error.amountInvalid']
	])('%s is refused with %s', (text, error) => {
		expect(parseFileAmount(text)).toEqual({ ok: false, error });
	});
});

describe('parseDecimal', () => {
	it.each([
		['1,5', 1.5],
		['2.25', 2.25],
		['', 0],
		['10', 10]
	])('%s → %d', (text, value) => {
		expect(parseDecimal(text, 5, 'error.quantityDecimals', 'en')).toEqual({ ok: true, value });
	});

	it.each([
		['1.123456', 'error.quantityDecimals'],
		['abc', 'error.numberInvalid'],
		['.', 'error.numberInvalid']
	])('%s is refused with %s', (text, error) => {
		expect(parseDecimal(text, 5, 'error.quantityDecimals', 'en')).toEqual({ ok: false, error });
	});
});
