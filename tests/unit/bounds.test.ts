import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { addLine, updateLine } from '$lib/app/sales-lines';
import { ValidationError } from '$lib/app/errors';
import { updateItemField } from '$lib/app/items';
import { postSalesInvoice } from '$lib/app/posting';
import { addJournalLine, updateJournalLine } from '$lib/app/cash-receipt-journal';
import { documentTotals } from '$lib/domain/amounts';
import {
	checkBound,
	checkDocumentTotal,
	MAX_AMOUNT_CENTS,
	MAX_QUANTITY,
	MAX_UNIT_PRICE_CENTS,
	type BoundKind
} from '$lib/domain/bounds';
import { givenCustomer, givenDocument, givenItem, snapshotDatabase } from '../factories';

describe('the bounds of what a clerk enters', () => {
	it.each<[BoundKind, number, string | null]>([
		['quantity', 0, null],
		['quantity', 1.23456, null],
		['quantity', MAX_QUANTITY, null],
		['quantity', MAX_QUANTITY + 1, 'error.quantityTooLarge'],
		['quantity', 99_999_999_999_999, 'error.quantityTooLarge'],
		['quantity', 5_400_000_000_123, 'error.quantityTooLarge'],
		['quantity', -1, 'error.quantityNegative'],
		['quantity', 1.234567, 'error.quantityDecimals'],
		['quantity', Number.NaN, 'error.numberInvalid'],
		['quantity', Infinity, 'error.numberInvalid'],
		['unitPrice', 0, null],
		['unitPrice', MAX_UNIT_PRICE_CENTS, null],
		['unitPrice', MAX_UNIT_PRICE_CENTS + 1, 'error.amountTooLarge'],
		['unitPrice', Number.MAX_SAFE_INTEGER + 2, 'error.amountTooLarge'],
		['unitPrice', -1, 'error.priceNegative'],
		['unitPrice', 10.5, 'error.amountInvalid'],
		['percent', 0, null],
		['percent', 12.25, null],
		['percent', 100, null],
		['percent', 100.01, 'error.percentInvalid'],
		['percent', -0.01, 'error.percentInvalid'],
		['percent', 1.234, 'error.percentInvalid'],
		['payment', 0, null],
		['payment', MAX_AMOUNT_CENTS, null],
		['payment', MAX_AMOUNT_CENTS + 1, 'error.amountTooLarge'],
		['payment', -5, 'error.paymentAmount'],
		['payment', 0.5, 'error.paymentAmount'],
		['documentTotal', MAX_AMOUNT_CENTS, null],
		['documentTotal', MAX_AMOUNT_CENTS + 1, 'error.documentTooLarge']
	])('%s %d → %s', (kind, value, key) => {
		expect(checkBound(kind, value)?.key ?? null).toBe(key);
	});

	it('gives the limit with a refusal for too much, in the unit the clerk types', () => {
		expect(checkBound('quantity', 1e10)?.values).toEqual({ max: 999_999_999 });
		expect(checkBound('unitPrice', 1e13)?.values).toEqual({ max: 999_999_999.99 });
		expect(checkBound('payment', 1e14)?.values).toEqual({ max: 99_999_999_999.99 });
		expect(checkBound('quantity', 1e10)?.message).toBe('A quantity can be at most 999999999.');
	});

	it('refuses anything but a number', () => {
		expect(checkBound('quantity', '12' as unknown as number)?.key).toBe('error.numberInvalid');
	});

	it('fits one unit at the highest price with 100 % VAT on a document, and keeps sums of many documents exact', () => {
		const line = { unitPriceCents: MAX_UNIT_PRICE_CENTS, lineDiscountPct: 0, vatPct: 100 };
		expect(checkDocumentTotal(documentTotals([{ ...line, quantity: 1 }]))).toBeNull();
		expect(checkDocumentTotal(documentTotals([{ ...line, quantity: MAX_QUANTITY }]))?.key).toBe(
			'error.documentTooLarge'
		);
		// A customer's balance over 900 documents at the bound is still exact to the cent.
		expect(Number.isSafeInteger(MAX_AMOUNT_CENTS * 900)).toBe(true);
	});
});

describe('commands refuse values out of bounds', () => {
	it('a 14-digit quantity on a line priced 429.00 is refused with a message, and nothing changes', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Invoice', customer.no, [[1, 42_900]]);
		const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
		const before = await snapshotDatabase();
		const refused = updateLine({ id: line!.id, field: 'quantity', value: 99_999_999_999_999 });
		await expect(refused).rejects.toBeInstanceOf(ValidationError);
		await expect(refused).rejects.toMatchObject({
			key: 'error.quantityTooLarge',
			message: 'A quantity can be at most 999999999.',
			field: 'quantity'
		});
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('a barcode scanned into Quantity on a line priced 16.65 is refused', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[1, 1_665]]);
		const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
		await expect(
			updateLine({ id: line!.id, field: 'quantity', value: 5_410_000_012_345 })
		).rejects.toMatchObject({ key: 'error.quantityTooLarge' });
	});

	it('refuses a unit price or a discount out of bounds on a line', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[1, 100]]);
		const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
		await expect(
			updateLine({ id: line!.id, field: 'unitPriceCents', value: MAX_UNIT_PRICE_CENTS + 1 })
		).rejects.toMatchObject({ key: 'error.amountTooLarge', field: 'unitPriceCents' });
		await expect(
			updateLine({ id: line!.id, field: 'lineDiscountPct', value: 101 })
		).rejects.toMatchObject({ key: 'error.percentInvalid' });
	});

	it('refuses a line whose document total would pass the bound, and keeps the document', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[1, 50_000_000_000]]);
		const id = await addLine({ documentNo: no });
		const item = await givenItem({ unitPriceCents: 1_000_000_000 });
		await updateLine({ id, field: 'no', value: item.no });
		const before = await snapshotDatabase();
		await expect(updateLine({ id, field: 'quantity', value: 10_000 })).rejects.toMatchObject({
			key: 'error.documentTooLarge',
			values: { max: 99_999_999_999.99 }
		});
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('the item card refuses a unit price out of bounds', async () => {
		const item = await givenItem();
		await expect(
			updateItemField({ no: item.no, field: 'unitPriceCents', value: 99_999_999_999_999 })
		).rejects.toMatchObject({ key: 'error.amountTooLarge', field: 'unitPriceCents' });
		expect((await db.items.get(item.no))!.unitPriceCents).toBe(item.unitPriceCents);
	});

	it('the cash receipt journal refuses an amount out of bounds', async () => {
		const customer = await givenCustomer();
		const id = await addJournalLine({ customerNo: customer.no });
		await expect(
			updateJournalLine({ id, field: 'amountCents', value: MAX_AMOUNT_CENTS + 1 })
		).rejects.toMatchObject({ key: 'error.amountTooLarge', field: 'amountCents' });
		await updateJournalLine({ id, field: 'amountCents', value: MAX_AMOUNT_CENTS });
		expect((await db.journalLines.get(id))!.amountCents).toBe(MAX_AMOUNT_CENTS);
	});

	it('posting refuses a document whose total is out of bounds (written before the bounds)', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Invoice', customer.no, [[1, 42_900]]);
		const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
		// As an older version stored it, past every command.
		await db.salesLines.update(line!.id, { quantity: 99_999_999_999_999 });
		const before = await snapshotDatabase();
		await expect(postSalesInvoice({ no })).rejects.toMatchObject({
			key: 'error.documentTooLarge'
		});
		expect(await snapshotDatabase()).toEqual(before);
	});
});
