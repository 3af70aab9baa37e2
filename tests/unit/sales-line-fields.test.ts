import { describe, expect, it } from 'vitest';
import { newSalesLine, type EditableLineField, type SalesLine } from '$lib/domain/sales-document';
import {
	lineFieldDiffers,
	lineFieldText,
	lineOutOfBounds,
	parseLineField
} from '$lib/ui/sales-lines/line-fields';

const line = (fields: Partial<SalesLine> = {}) =>
	newSalesLine({ id: 'l1', documentNo: 'SO-1', lineNo: 10000, ...fields });

describe('a sales line field read from its text', () => {
	it.each<[EditableLineField, string, string, unknown]>([
		['quantity', '2.5', 'en', { ok: true, value: 2.5 }],
		['quantity', '2,5', 'nl', { ok: true, value: 2.5 }],
		['qtyToShip', '', 'en', { ok: true, value: 0 }],
		['quantity', '1.123456', 'en', { ok: false, error: 'error.quantityDecimals' }],
		['vatPct', '21', 'en', { ok: true, value: 21 }],
		['lineDiscountPct', '1.234', 'en', { ok: false, error: 'error.percentInvalid' }],
		['unitPriceCents', '1,234.56', 'en', { ok: true, value: 123456 }],
		['unitPriceCents', '1.234,56', 'nl', { ok: true, value: 123456 }],
		['unitPriceCents', 'abc', 'en', { ok: false, error: 'error.amountInvalid' }],
		['description', ' Chair ', 'en', { ok: true, value: ' Chair ' }]
	])('%s "%s" in %s reads as %j', (field, text, language, expected) => {
		expect(parseLineField(field, text, language)).toEqual(expected);
	});
});

describe('a sales line field shown and compared with what is stored', () => {
	const stored = line({ no: 'CHAIR', quantity: 2.5, unitPriceCents: 123456, vatPct: 21 });

	it.each<[EditableLineField, string, string]>([
		['quantity', 'en', '2.5'],
		['quantity', 'nl', '2,5'],
		['unitPriceCents', 'en', '1,234.56'],
		['unitPriceCents', 'nl', '1.234,56'],
		['no', 'en', 'CHAIR']
	])('%s in %s shows %s', (field, language, expected) => {
		expect(lineFieldText(stored, field, language)).toBe(expected);
	});

	it.each<[EditableLineField, string, string, boolean]>([
		['quantity', '2.50', 'en', false],
		['quantity', '3', 'en', true],
		['unitPriceCents', '1234.56', 'en', false],
		['no', ' CHAIR ', 'en', false],
		['no', 'TABLE', 'en', true],
		['vatPct', 'x', 'en', true]
	])('%s "%s" (%s) differs from the stored value: %s', (field, text, language, expected) => {
		expect(lineFieldDiffers(stored, field, text, language)).toBe(expected);
	});
});

describe('the bounds of a sales line value, said before saving', () => {
	const item = line({ quantity: 1, unitPriceCents: 99_999_999_999 });
	const comment = line({ type: 'Comment', quantity: 1, unitPriceCents: 99_999_999_999 });

	it.each<[string, SalesLine, EditableLineField, string | number, string | null]>([
		['a quantity within its bound', item, 'quantity', 10, null],
		['a negative quantity', item, 'quantity', -1, 'error.quantityNegative'],
		['a quantity past its bound', item, 'quantity', 1e10, 'error.quantityTooLarge'],
		['a unit price past its bound', item, 'unitPriceCents', 1e11, 'error.amountTooLarge'],
		['a percentage past 100', item, 'vatPct', 101, 'error.percentInvalid'],
		[
			'a quantity taking the total past its bound',
			item,
			'quantity',
			1000,
			'error.documentTooLarge'
		],
		['the same quantity on a comment line', comment, 'quantity', 1000, null],
		['a text field', item, 'description', 'x'.repeat(10), null]
	])('%s: %s', (_name, stored, field, value, expected) => {
		expect(lineOutOfBounds([stored], stored, field, value)?.key ?? null).toBe(expected);
	});

	it('does not refuse a value that makes a total already past its bound smaller', () => {
		const over = line({ quantity: 1000, unitPriceCents: 99_999_999_999 });
		expect(lineOutOfBounds([over], over, 'quantity', 999)).toBeNull();
		expect(lineOutOfBounds([over], over, 'quantity', 1001)?.key).toBe('error.documentTooLarge');
	});
});
