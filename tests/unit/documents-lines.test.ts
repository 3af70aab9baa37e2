import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	copyDocument,
	makeInvoiceFromQuote,
	makeOrderFromBlanket,
	makeOrderFromQuote
} from '$lib/app/document-conversions';
import {
	changeBillToCustomer,
	changeSellToCustomer,
	deleteDocument,
	releaseDocument,
	reopenDocument,
	updateHeaderField
} from '$lib/app/sales-headers';
import { addLine, deleteLine, updateLine } from '$lib/app/sales-lines';
import { BlockedError, ValidationError } from '$lib/app/errors';
import { setCustomerBlocked } from '$lib/app/customer-blocking';
import type { Blocked } from '$lib/domain/policy';
import { givenCustomer, givenDocument, givenItem, snapshotDatabase } from '../factories';

async function linesOf(no: string) {
	return db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
}

describe('lines and totals', () => {
	it('choosing an item fills description, price, VAT and quantity 1', async () => {
		const customer = await givenCustomer();
		const item = await givenItem({ description: 'Desk', unitPriceCents: 42900, vatPct: 21 });
		const no = await givenDocument('Order', customer.no);
		const id = await addLine({ documentNo: no });
		await updateLine({ id, field: 'no', value: item.no.toLowerCase() });
		expect(await db.salesLines.get(id)).toMatchObject({
			no: item.no,
			description: 'Desk',
			unitPriceCents: 42900,
			vatPct: 21,
			quantity: 1,
			unitOfMeasure: 'PCS'
		});
	});

	it('keeps the header totals equal to the lines', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [
			[2, 42900, 10],
			[3, 1850]
		]);
		// 77220 + 5550 = 82770; VAT 21 %: 16216.2 → 16216 and 1165.5 → 1166
		expect(await db.salesHeaders.get(no)).toMatchObject({
			amountCents: 82770,
			amountInclVatCents: 82770 + 16216 + 1166
		});
		const [first] = await linesOf(no);
		await deleteLine({ id: first!.id });
		expect(await db.salesHeaders.get(no)).toMatchObject({
			amountCents: 5550,
			amountInclVatCents: 5550 + 1166
		});
	});

	it.each([
		{ field: 'quantity' as const, value: -1, key: 'error.quantityNegative' },
		{ field: 'lineDiscountPct' as const, value: 100.5, key: 'error.percentInvalid' },
		{ field: 'unitPriceCents' as const, value: 12.5, key: 'error.amountInvalid' },
		{ field: 'no' as const, value: 'NOPE', key: 'error.itemMissing' },
		{ field: 'vatPct' as const, value: -3, key: 'error.percentInvalid' },
		{ field: 'quantity' as const, value: 1.123456, key: 'error.quantityDecimals' }
	])('refuses $field = $value and changes nothing', async ({ field, value, key }) => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[1, 1000]]);
		const before = await snapshotDatabase();
		const [line] = await linesOf(no);
		await expect(updateLine({ id: line!.id, field, value })).rejects.toMatchObject({ key, field });
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('refuses to release an empty document, and a released one cannot be edited', async () => {
		const customer = await givenCustomer();
		const empty = await givenDocument('Order', customer.no);
		await expect(releaseDocument({ no: empty })).rejects.toMatchObject({
			key: 'error.nothingToRelease'
		});

		const no = await givenDocument('Order', customer.no, [[1, 1000]]);
		await releaseDocument({ no });
		const [line] = await linesOf(no);
		await expect(updateLine({ id: line!.id, field: 'quantity', value: 5 })).rejects.toMatchObject({
			key: 'error.released'
		});
		await expect(addLine({ documentNo: no })).rejects.toBeInstanceOf(ValidationError);
		await expect(
			updateHeaderField({ no, field: 'externalDocumentNo', value: 'PO-1' })
		).rejects.toMatchObject({ key: 'error.released' });

		await reopenDocument({ no });
		await updateLine({ id: line!.id, field: 'quantity', value: 5 });
		expect((await db.salesLines.get(line!.id))?.quantity).toBe(5);
	});

	it('moves the due date with the document date by the payment terms', async () => {
		await db.paymentTerms.put({ code: '30 DAYS', description: '', dueDays: 30 });
		const customer = await givenCustomer({ paymentTermsCode: '30 DAYS' });
		const no = await givenDocument('Invoice', customer.no);
		await updateHeaderField({ no, field: 'documentDate', value: '2026-03-01' });
		expect(await db.salesHeaders.get(no)).toMatchObject({
			documentDate: '2026-03-01',
			dueDate: '2026-03-31'
		});
		await expect(
			updateHeaderField({ no, field: 'postingDate', value: '2026-02-30' })
		).rejects.toMatchObject({
			key: 'error.dateInvalid'
		});
	});

	it('deletes a document with its lines', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Quote', customer.no, [[1, 1000]]);
		await deleteDocument({ no });
		expect(await db.salesHeaders.get(no)).toBeUndefined();
		expect(await db.salesLines.where('documentNo').equals(no).count()).toBe(0);
	});
});

describe('changing customers', () => {
	it('re-checks the policy when the sell-to changes, and the bill-to follows', async () => {
		const customer = await givenCustomer();
		const billTo = await givenCustomer();
		const other = await givenCustomer({ billToCustomerNo: billTo.no });
		const blocked = await givenCustomer({ blocked: 'Ship' });
		const no = await givenDocument('Order', customer.no);

		await expect(changeSellToCustomer({ no, customerNo: blocked.no })).rejects.toBeInstanceOf(
			BlockedError
		);
		await changeSellToCustomer({ no, customerNo: other.no });
		expect(await db.salesHeaders.get(no)).toMatchObject({
			sellToCustomerNo: other.no,
			billToCustomerNo: billTo.no,
			billToName: billTo.name
		});
	});

	it('refuses a bill-to the policy refuses for the document type', async () => {
		const customer = await givenCustomer();
		const invoiceBlocked = await givenCustomer({ blocked: 'Invoice' });
		const no = await givenDocument('Invoice', customer.no);
		await expect(changeBillToCustomer({ no, customerNo: invoiceBlocked.no })).rejects.toMatchObject(
			{
				decision: { customerNo: invoiceBlocked.no }
			}
		);
		expect((await db.salesHeaders.get(no))?.billToCustomerNo).toBe(customer.no);
	});
});

describe('conversions', () => {
	it('Make Order carries the lines and amounts and removes the quote', async () => {
		const customer = await givenCustomer();
		const quote = await givenDocument('Quote', customer.no, [
			[2, 1000, 5],
			[1, 2500]
		]);
		const quoteHeader = await db.salesHeaders.get(quote);
		const quoteLines = await linesOf(quote);

		const order = await makeOrderFromQuote({ quoteNo: quote });

		const header = await db.salesHeaders.get(order);
		expect(header).toMatchObject({
			documentType: 'Order',
			sellToCustomerNo: customer.no,
			amountCents: quoteHeader!.amountCents,
			amountInclVatCents: quoteHeader!.amountInclVatCents
		});
		const strip = ({
			no,
			description,
			quantity,
			unitPriceCents,
			lineDiscountPct,
			vatPct
		}: (typeof quoteLines)[number]) => ({
			no,
			description,
			quantity,
			unitPriceCents,
			lineDiscountPct,
			vatPct
		});
		expect((await linesOf(order)).map(strip)).toEqual(quoteLines.map(strip));
		expect(await db.salesHeaders.get(quote)).toBeUndefined();
		expect(await db.salesLines.where('documentNo').equals(quote).count()).toBe(0);
	});

	it('Make Invoice makes an invoice', async () => {
		const customer = await givenCustomer();
		const quote = await givenDocument('Quote', customer.no, [[1, 1000]]);
		const invoice = await makeInvoiceFromQuote({ quoteNo: quote });
		expect(await db.salesHeaders.get(invoice)).toMatchObject({
			documentType: 'Invoice',
			amountCents: 1000
		});
	});

	it('refuses to convert an empty quote', async () => {
		const customer = await givenCustomer();
		const quote = await givenDocument('Quote', customer.no);
		await expect(makeOrderFromQuote({ quoteNo: quote })).rejects.toMatchObject({
			key: 'error.nothingToConvert'
		});
	});

	type Conversion = {
		name: string;
		sourceType: 'Quote' | 'BlanketOrder' | 'Order';
		run: (no: string) => Promise<string>;
		refusedAt: Blocked;
	};
	const conversions: Conversion[] = [
		{
			name: 'Make Order',
			sourceType: 'Quote',
			run: (no) => makeOrderFromQuote({ quoteNo: no }),
			refusedAt: 'Ship'
		},
		{
			name: 'Make Invoice',
			sourceType: 'Quote',
			run: (no) => makeInvoiceFromQuote({ quoteNo: no }),
			refusedAt: 'Ship'
		},
		{
			name: 'blanket Make Order',
			sourceType: 'BlanketOrder',
			run: (no) => makeOrderFromBlanket({ blanketNo: no }),
			refusedAt: 'Ship'
		},
		{
			name: 'Copy to invoice',
			sourceType: 'Order',
			run: (no) => copyDocument({ fromNo: no, toType: 'Invoice', includeHeader: true }),
			refusedAt: 'Invoice'
		},
		{
			name: 'Copy to credit memo',
			sourceType: 'Order',
			run: (no) => copyDocument({ fromNo: no, toType: 'CreditMemo', includeHeader: true }),
			refusedAt: 'All'
		}
	];
	const cases = conversions.flatMap((conversion) =>
		(['sell-to', 'bill-to'] as const).map((who) => ({ ...conversion, who }))
	);

	it.each(cases)(
		'$name is refused for a blocked $who and writes nothing',
		async ({ sourceType, run, refusedAt, who }) => {
			const billTo = await givenCustomer();
			const sellTo = await givenCustomer({ billToCustomerNo: billTo.no });
			const source = await givenDocument(sourceType, sellTo.no, [[2, 1000]]);
			const blocked = who === 'sell-to' ? sellTo : billTo;
			await setCustomerBlocked({ no: blocked.no, blocked: refusedAt, reason: 'OVERDUE' });
			const before = await snapshotDatabase();

			const attempt = run(source);

			await expect(attempt).rejects.toBeInstanceOf(BlockedError);
			await expect(attempt).rejects.toMatchObject({ decision: { customerNo: blocked.no } });
			expect(await snapshotDatabase()).toEqual(before);
		}
	);

	it('copy without header uses the customer given and its create rule', async () => {
		const customer = await givenCustomer();
		const other = await givenCustomer();
		const shipBlocked = await givenCustomer({ blocked: 'Ship' });
		const source = await givenDocument('Invoice', customer.no, [[3, 700]]);

		await expect(
			copyDocument({
				fromNo: source,
				toType: 'Order',
				includeHeader: false,
				sellToCustomerNo: shipBlocked.no
			})
		).rejects.toBeInstanceOf(BlockedError);
		const copy = await copyDocument({
			fromNo: source,
			toType: 'Quote',
			includeHeader: false,
			sellToCustomerNo: other.no
		});
		expect(await db.salesHeaders.get(copy)).toMatchObject({
			documentType: 'Quote',
			sellToCustomerNo: other.no,
			amountCents: 2100
		});
		expect(await db.salesHeaders.get(source)).toBeDefined();
	});
});

describe('blanket orders', () => {
	it('Make Order takes the chosen quantities and the blanket order keeps track', async () => {
		const customer = await givenCustomer();
		const blanket = await givenDocument('BlanketOrder', customer.no, [
			[10, 1000],
			[4, 500]
		]);
		const [first, second] = await linesOf(blanket);

		const order = await makeOrderFromBlanket({
			blanketNo: blanket,
			quantities: { [first!.id]: 3, [second!.id]: 0 }
		});

		const orderLines = await linesOf(order);
		expect(orderLines).toHaveLength(1);
		expect(orderLines[0]).toMatchObject({
			quantity: 3,
			blanketOrderNo: blanket,
			blanketOrderLineId: first!.id
		});
		expect((await db.salesLines.get(first!.id))?.quantityOrdered).toBe(3);
		expect(await db.salesHeaders.get(blanket)).toBeDefined();

		await expect(
			makeOrderFromBlanket({ blanketNo: blanket, quantities: { [first!.id]: 8 } })
		).rejects.toMatchObject({ key: 'error.blanketQuantity' });
		await expect(updateLine({ id: first!.id, field: 'quantity', value: 2 })).rejects.toMatchObject({
			key: 'error.belowOrdered'
		});

		// What is left by default; deleting the order gives the quantity back.
		const rest = await makeOrderFromBlanket({ blanketNo: blanket });
		expect((await linesOf(rest)).map((line) => line.quantity)).toEqual([7, 4]);
		await deleteDocument({ no: order });
		expect((await db.salesLines.get(first!.id))?.quantityOrdered).toBe(7);
	});

	it('refuses when nothing is left to order', async () => {
		const customer = await givenCustomer();
		const blanket = await givenDocument('BlanketOrder', customer.no, [[1, 1000]]);
		await makeOrderFromBlanket({ blanketNo: blanket });
		await expect(makeOrderFromBlanket({ blanketNo: blanket })).rejects.toMatchObject({
			key: 'error.nothingToOrder'
		});
	});
});
