import { describe, expect, it } from 'vitest';
import { formatAmount } from '$lib/domain/number-text';
import { formatDate, formatDecimal, formatMoney } from '$lib/ui/format';

// The formatters are kept per locale and kind: each row follows one of another language or
// kind, so a formatter handed out for the wrong key shows here.
describe('formatting by language', () => {
	it.each([
		['en', 123456, '1,234.56'],
		['nl', 123456, '1.234,56'],
		['en', -5, '-0.05'],
		['nl', -5, '-0,05'],
		[null, 100, '1.00']
	])('formatMoney(%s, %i) is %s', (language, cents, expected) => {
		expect(formatMoney(cents, language)).toBe(expected);
	});

	it.each([
		['en', 12345.5, '12345.5'],
		['nl', 12345.5, '12345,5'],
		['en', 0.125, '0.125']
	])('formatDecimal(%s, %d) is %s, without grouping', (language, value, expected) => {
		expect(formatDecimal(value, language)).toBe(expected);
	});

	it.each([
		['en', '2026-11-23', '23 Nov 2026'],
		['nl', '2026-11-23', '23 nov 2026'],
		['en', '', '']
	])('formatDate(%s, %s) is %s', (language, date, expected) => {
		expect(formatDate(date, language)).toBe(expected);
	});

	it('keeps a currency amount apart from a plain one in the same locale', () => {
		expect(formatAmount(150, 'en-GB')).toBe('1.50');
		expect(formatAmount(150, 'en-GB', 'EUR')).toBe('€1.50');
		expect(formatAmount(150, 'en-GB')).toBe('1.50');
	});
});
