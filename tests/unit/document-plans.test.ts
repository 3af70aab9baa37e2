import { describe, expect, it } from 'vitest';
import {
	copiedLines,
	planCopyDocument,
	planOrderFromBlanket,
	planQuoteConversion,
	remainingOnBlanket,
	type NewDocumentStart
} from '$lib/domain/document-plans';
import type { Item } from '$lib/domain/item';
import {
	hasSomethingToSell,
	newSalesHeader,
	newSalesLine,
	type EditableLineField,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';
import { planLineChange, planTotals } from '$lib/domain/sales-line-rules';

// Pure plans: no IndexedDB, every record built here.

function aLine(id: string, fields: Partial<SalesLine> = {}): SalesLine {
	return newSalesLine({
		id,
		documentNo: 'SQ-1001',
		lineNo: 10_000,
		no: 'I1010',
		description: 'Chair',
		quantity: 2,
		unitPriceCents: 10_000,
		vatPct: 21,
		unitOfMeasure: 'PCS',
		...fields
	});
}

function aHeader(fields: Partial<SalesHeader> = {}): SalesHeader {
	return {
		...newSalesHeader({
			no: 'SQ-1001',
			documentType: 'Quote',
			sellTo: { no: 'C00010', name: 'Sell-to' },
			billTo: { no: 'C00020', name: 'Bill-to' },
			workDate: '2026-01-10',
			dueDays: 0,
			createdAt: '2026-01-10T08:00:00.000Z',
			externalDocumentNo: 'PO-77'
		}),
		...fields
	};
}

function aStart(no: string): NewDocumentStart {
	let next = 0;
	return {
		no,
		workDate: '2026-02-01',
		dueDays: 14,
		createdAt: '2026-02-01T09:00:00.000Z',
		newId: () => `new-${++next}`
	};
}

const customers = {
	sellTo: { no: 'C00010', name: 'Sell-to' },
	billTo: { no: 'C00020', name: 'Bill-to' }
};

const chair: Item = {
	no: 'I1010',
	description: 'Chair',
	baseUnitOfMeasure: 'PCS',
	unitPriceCents: 4_500,
	vatPct: 21,
	searchTerms: []
};

describe('newSalesHeader and newSalesLine', () => {
	it('start a header open, at version 0, dated on the work date, due by the payment terms', () => {
		expect(
			newSalesHeader({
				...aStart('SO-1001'),
				documentType: 'Order',
				...customers
			})
		).toEqual({
			no: 'SO-1001',
			documentType: 'Order',
			sellToCustomerNo: 'C00010',
			sellToName: 'Sell-to',
			billToCustomerNo: 'C00020',
			billToName: 'Bill-to',
			documentDate: '2026-02-01',
			postingDate: '2026-02-01',
			dueDate: '2026-02-15',
			externalDocumentNo: '',
			status: 'Open',
			createdAt: '2026-02-01T09:00:00.000Z',
			amountCents: 0,
			amountInclVatCents: 0,
			version: 0
		});
	});

	it('start a line as an empty Item line with nothing posted, ordered or linked', () => {
		expect(newSalesLine({ id: 'L1', documentNo: 'SO-1001', lineNo: 10_000 })).toEqual({
			id: 'L1',
			documentNo: 'SO-1001',
			lineNo: 10_000,
			type: 'Item',
			no: '',
			description: '',
			quantity: 0,
			unitPriceCents: 0,
			lineDiscountPct: 0,
			vatPct: 0,
			unitOfMeasure: '',
			quantityOrdered: 0,
			blanketOrderNo: '',
			blanketOrderLineId: '',
			qtyToShip: 0,
			quantityShipped: 0,
			qtyToInvoice: 0,
			quantityInvoiced: 0,
			shipmentNo: '',
			shipmentLineId: ''
		});
	});
});

describe('hasSomethingToSell and remainingOnBlanket', () => {
	it.each([
		{ lines: [], expected: false },
		{ lines: [aLine('a', { type: 'Comment', no: '' })], expected: false },
		{ lines: [aLine('a', { no: '' })], expected: false },
		{ lines: [aLine('a', { quantity: 0 })], expected: false },
		{ lines: [aLine('a', { quantity: 0 }), aLine('b', { quantity: 0.5 })], expected: true }
	])('$lines.length line(s): $expected', ({ lines, expected }) => {
		expect(hasSomethingToSell(lines)).toBe(expected);
	});

	it.each([
		{ quantity: 10, quantityOrdered: 0, left: 10 },
		{ quantity: 10, quantityOrdered: 4, left: 6 },
		{ quantity: 10, quantityOrdered: 10, left: 0 },
		{ quantity: 5, quantityOrdered: 8, left: 0 }
	])('$quantity ordered $quantityOrdered leaves $left', ({ quantity, quantityOrdered, left }) => {
		expect(remainingOnBlanket(aLine('a', { quantity, quantityOrdered }))).toBe(left);
	});
});

describe('planLineChange refuses', () => {
	const shipped = { quantity: 5, quantityShipped: 2, qtyToShip: 3, qtyToInvoice: 5 };
	it.each<{
		field: EditableLineField;
		value: string | number;
		line?: Partial<SalesLine>;
		key: string;
	}>([
		{ field: 'type', value: 'Resource', key: 'error.lineTypeInvalid' },
		{ field: 'description', value: 'x'.repeat(101), key: 'error.tooLong' },
		{ field: 'no', value: 7, key: 'error.tooLong' },
		{ field: 'quantity', value: -1, key: 'error.quantityNegative' },
		{ field: 'quantity', value: 1_000_000_000, key: 'error.quantityTooLarge' },
		{ field: 'quantity', value: 0.000001, key: 'error.quantityDecimals' },
		{ field: 'quantity', value: 3, line: { quantityOrdered: 4 }, key: 'error.belowOrdered' },
		{ field: 'unitPriceCents', value: -1, key: 'error.priceNegative' },
		{ field: 'vatPct', value: 101, key: 'error.percentInvalid' },
		{ field: 'lineDiscountPct', value: 0.001, key: 'error.percentInvalid' },
		{ field: 'quantity', value: 3, line: { shipmentLineId: 'S1' }, key: 'error.lineFromShipment' },
		{ field: 'unitPriceCents', value: 1, line: shipped, key: 'error.linePosted' },
		{ field: 'quantity', value: 1, line: shipped, key: 'error.belowPosted' },
		{ field: 'qtyToShip', value: 4, line: shipped, key: 'error.qtyToShipTooHigh' },
		{ field: 'qtyToInvoice', value: 6, line: shipped, key: 'error.qtyToInvoiceTooHigh' },
		{ field: 'no', value: 'nope', key: 'error.itemMissing' }
	])('$field = $value with $key', ({ field, value, line, key }) => {
		const planned = planLineChange({ line: aLine('a', line), field, value });
		expect(planned).toMatchObject({ ok: false, refusal: { key, field } });
	});
});

describe('planLineChange writes', () => {
	it.each<{
		name: string;
		field: EditableLineField;
		value: string | number;
		line?: Partial<SalesLine>;
		item?: Item;
		changes: Partial<SalesLine>;
	}>([
		{
			name: 'a new quantity, with what to ship and invoice',
			field: 'quantity',
			value: 7,
			changes: { quantity: 7, qtyToShip: 7, qtyToInvoice: 7 }
		},
		{
			name: 'a new quantity of a line shipped in part',
			field: 'quantity',
			value: 7,
			line: { quantityShipped: 2, quantityInvoiced: 1 },
			changes: { quantity: 7, qtyToShip: 5, qtyToInvoice: 6 }
		},
		{
			name: 'the item chosen, with its description, price and VAT',
			field: 'no',
			value: 'i1010',
			line: { no: '', description: '', quantity: 0 },
			item: chair,
			changes: {
				no: 'I1010',
				description: 'Chair',
				unitOfMeasure: 'PCS',
				unitPriceCents: 4_500,
				vatPct: 21,
				quantity: 1,
				qtyToShip: 1,
				qtyToInvoice: 1
			}
		},
		{
			name: 'an emptied item No.',
			field: 'no',
			value: '',
			changes: { no: '' }
		},
		{
			name: 'another type, emptying the line',
			field: 'type',
			value: 'Comment',
			changes: {
				type: 'Comment',
				no: '',
				description: '',
				quantity: 0,
				unitPriceCents: 0,
				vatPct: 0,
				unitOfMeasure: '',
				qtyToShip: 0,
				qtyToInvoice: 0
			}
		},
		{
			name: 'the description of a line posted in part',
			field: 'description',
			value: 'Oak chair',
			line: { quantityInvoiced: 1 },
			changes: { description: 'Oak chair' }
		},
		{
			name: 'a Qty. to Ship up to what is left',
			field: 'qtyToShip',
			value: 3,
			line: { quantity: 5, quantityShipped: 2 },
			changes: { qtyToShip: 3 }
		}
	])('$name', ({ field, value, line, item, changes }) => {
		expect(planLineChange({ line: aLine('a', line), field, value, item })).toEqual({
			ok: true,
			plan: changes
		});
	});
});

// 200 at the highest unit price: 24,199,999,999,758 cents incl. VAT, past the document bound.
const tooLarge = aLine('big', { quantity: 200, unitPriceCents: 99_999_999_999 });

describe('planTotals', () => {
	it.each([
		{ name: 'sums the lines', lines: [aLine('a'), aLine('b')], stored: 0, inclVat: 48_400 },
		{ name: 'of no lines is zero', lines: [], stored: 500, inclVat: 0 },
		{ name: 'refuses a total past the bound', lines: [tooLarge], stored: 0, inclVat: null },
		{
			name: 'refuses a total past the bound that goes up',
			lines: [tooLarge],
			stored: 24_199_999_999_757,
			inclVat: null
		},
		{
			name: 'keeps a total already past the bound that does not go up',
			lines: [tooLarge],
			stored: 24_199_999_999_758,
			inclVat: 24_199_999_999_758
		},
		{
			name: 'lets a total past the bound go down',
			lines: [tooLarge],
			stored: 30_000_000_000_000,
			inclVat: 24_199_999_999_758
		}
	])('$name', ({ lines, stored, inclVat }) => {
		const planned = planTotals(lines, stored);
		if (inclVat === null) {
			expect(planned).toMatchObject({ ok: false, refusal: { key: 'error.documentTooLarge' } });
		} else {
			expect(planned).toMatchObject({ ok: true, plan: { amountInclVatCents: inclVat } });
		}
	});
});

describe('copiedLines', () => {
	const posted = aLine('a', {
		documentNo: 'SO-1',
		lineNo: 30_000,
		quantity: 4,
		lineDiscountPct: 5,
		quantityShipped: 2,
		quantityInvoiced: 1,
		qtyToShip: 2,
		qtyToInvoice: 3,
		quantityOrdered: 1,
		shipmentNo: 'PSS-1',
		shipmentLineId: 'S1'
	});

	it('numbers the copies from 10000 with fresh ids and leaves posted quantities and links behind', () => {
		expect(
			copiedLines([posted, aLine('b', { type: 'Comment', no: '' })], 'SI-9', aStart('x').newId)
		).toEqual([
			newSalesLine({
				id: 'new-1',
				documentNo: 'SI-9',
				lineNo: 10_000,
				no: 'I1010',
				description: 'Chair',
				quantity: 4,
				unitPriceCents: 10_000,
				lineDiscountPct: 5,
				vatPct: 21,
				unitOfMeasure: 'PCS',
				qtyToShip: 4,
				qtyToInvoice: 4
			}),
			newSalesLine({
				id: 'new-2',
				documentNo: 'SI-9',
				lineNo: 20_000,
				type: 'Comment',
				description: 'Chair',
				quantity: 2,
				unitPriceCents: 10_000,
				vatPct: 21,
				unitOfMeasure: 'PCS',
				qtyToShip: 2,
				qtyToInvoice: 2
			})
		]);
	});

	it.each([
		{ quantities: { a: 3, b: 0 }, copied: [['a', 3]] },
		{ quantities: { b: 1.5 }, copied: [['b', 1.5]] },
		{
			quantities: { a: 1, b: 2 },
			copied: [
				['a', 1],
				['b', 2]
			]
		}
	])(
		'with quantities $quantities copies $copied, linked to the blanket line',
		({ quantities, copied }) => {
			const lines = copiedLines(
				[aLine('a', { documentNo: 'SBO-1' }), aLine('b', { documentNo: 'SBO-1' })],
				'SO-2',
				aStart('x').newId,
				new Map(Object.entries(quantities))
			);
			expect(
				lines.map((line) => [line.blanketOrderLineId, line.quantity, line.qtyToShip, line.lineNo])
			).toEqual(
				copied.map(([id, quantity], index) => [id, quantity, quantity, (index + 1) * 10_000])
			);
			expect(lines.every((line) => line.blanketOrderNo === 'SBO-1')).toBe(true);
		}
	);
});

describe('planQuoteConversion', () => {
	it.each(['Order', 'Invoice'] as const)(
		'makes an %s with the quote lines, customers, External Document No. and totals',
		(target) => {
			const planned = planQuoteConversion({
				quote: aHeader(),
				lines: [aLine('a'), aLine('b', { lineNo: 20_000, quantity: 1 })],
				target,
				customers,
				start: aStart('SO-1001')
			});
			if (!planned.ok) throw new Error(planned.refusal.message);
			expect(planned.plan.header).toMatchObject({
				no: 'SO-1001',
				documentType: target,
				sellToCustomerNo: 'C00010',
				billToCustomerNo: 'C00020',
				externalDocumentNo: 'PO-77',
				documentDate: '2026-02-01',
				dueDate: '2026-02-15',
				amountCents: 30_000,
				amountInclVatCents: 36_300,
				version: 0
			});
			expect(planned.plan.lines.map((line) => [line.id, line.documentNo, line.quantity])).toEqual([
				['new-1', 'SO-1001', 2],
				['new-2', 'SO-1001', 1]
			]);
		}
	);

	it.each([
		{ name: 'no lines', lines: [] },
		{ name: 'only a comment', lines: [aLine('a', { type: 'Comment', no: '' })] },
		{ name: 'only quantity 0', lines: [aLine('a', { quantity: 0 })] }
	])('refuses a quote with $name', ({ lines }) => {
		expect(
			planQuoteConversion({
				quote: aHeader(),
				lines,
				target: 'Order',
				customers,
				start: aStart('SO-1001')
			})
		).toEqual({
			ok: false,
			refusal: {
				key: 'error.nothingToConvert',
				message: 'There is nothing to convert in SQ-1001.',
				values: { no: 'SQ-1001' }
			}
		});
	});
});

describe('planOrderFromBlanket', () => {
	const blanket = aHeader({ no: 'SBO-1', documentType: 'BlanketOrder' });
	const lines = [
		aLine('a', { documentNo: 'SBO-1', quantity: 10, quantityOrdered: 4 }),
		aLine('b', { documentNo: 'SBO-1', lineNo: 20_000, quantity: 5 }),
		aLine('c', { documentNo: 'SBO-1', lineNo: 30_000, type: 'Comment', no: '' })
	];

	type Quantities = Record<string, number> | undefined;
	it.each<{ quantities: Quantities; ordered: Record<string, number>; orderLines: number[] }>([
		{ quantities: undefined, ordered: { a: 10, b: 5 }, orderLines: [6, 5] },
		{ quantities: { a: 2 }, ordered: { a: 6, b: 5 }, orderLines: [2, 5] },
		{ quantities: { a: 0, b: 1.25 }, ordered: { b: 1.25 }, orderLines: [1.25] }
	])(
		'orders $quantities: blanket lines ordered $ordered, order lines $orderLines',
		({ quantities, ordered, orderLines }) => {
			const planned = planOrderFromBlanket({
				blanket,
				lines,
				quantities,
				customers,
				start: aStart('SO-7')
			});
			if (!planned.ok) throw new Error(planned.refusal.message);
			expect(
				Object.fromEntries(planned.plan.ordered.map((line) => [line.id, line.quantityOrdered]))
			).toEqual(ordered);
			expect(planned.plan.order.header).toMatchObject({
				no: 'SO-7',
				documentType: 'Order',
				externalDocumentNo: 'PO-77'
			});
			expect(planned.plan.order.lines.map((line) => line.quantity)).toEqual(orderLines);
		}
	);

	it.each<{ quantities: Quantities; key: string; values: Record<string, string | number> }>([
		{ quantities: { a: 7 }, key: 'error.blanketQuantity', values: { max: 6, line: 'Chair' } },
		{ quantities: { b: -1 }, key: 'error.blanketQuantity', values: { max: 5, line: 'Chair' } },
		{
			quantities: { b: 0.000001 },
			key: 'error.blanketQuantity',
			values: { max: 5, line: 'Chair' }
		},
		{ quantities: { a: 0, b: 0 }, key: 'error.nothingToOrder', values: { no: 'SBO-1' } }
	])('refuses $quantities with $key', ({ quantities, key, values }) => {
		expect(
			planOrderFromBlanket({ blanket, lines, quantities, customers, start: aStart('SO-7') })
		).toMatchObject({ ok: false, refusal: { key, values } });
	});

	it('refuses when everything is ordered already', () => {
		const done = lines.map((line) => ({ ...line, quantityOrdered: line.quantity }));
		expect(
			planOrderFromBlanket({ blanket, lines: done, customers, start: aStart('SO-7') })
		).toMatchObject({ ok: false, refusal: { key: 'error.nothingToOrder' } });
	});
});

describe('planCopyDocument', () => {
	it.each([
		{ includeHeader: true, externalDocumentNo: 'PO-77' },
		{ includeHeader: false, externalDocumentNo: '' }
	])(
		'with includeHeader $includeHeader: External Document No. "$externalDocumentNo"',
		({ includeHeader, externalDocumentNo }) => {
			const planned = planCopyDocument({
				source: aHeader({ status: 'Released', version: 9 }),
				lines: [aLine('a', { quantityShipped: 2, quantityInvoiced: 2 })],
				toType: 'CreditMemo',
				includeHeader,
				customers,
				start: aStart('SCM-3')
			});
			if (!planned.ok) throw new Error(planned.refusal.message);
			expect(planned.plan.header).toMatchObject({
				no: 'SCM-3',
				documentType: 'CreditMemo',
				status: 'Open',
				version: 0,
				externalDocumentNo,
				amountInclVatCents: 24_200
			});
			expect(planned.plan.lines).toMatchObject([
				{ documentNo: 'SCM-3', quantity: 2, quantityShipped: 0, quantityInvoiced: 0 }
			]);
		}
	);

	it('refuses a copy whose total passes the document bound', () => {
		expect(
			planCopyDocument({
				source: aHeader(),
				lines: [tooLarge],
				toType: 'Invoice',
				includeHeader: true,
				customers,
				start: aStart('SI-1')
			})
		).toMatchObject({ ok: false, refusal: { key: 'error.documentTooLarge' } });
	});
});
