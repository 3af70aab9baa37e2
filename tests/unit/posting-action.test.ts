import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { addLine, updateLine } from '$lib/app/sales-lines';
import { BlockedError } from '$lib/app/errors';
import {
	getShipmentLines,
	postSalesInvoice,
	postSalesOrder,
	shipmentLinesToInvoice
} from '$lib/app/posting';
import { IMPACT_ACTIONS } from '$lib/domain/block-impact';
import {
	DOCUMENT_ACTIONS,
	SALES_DOCUMENT_TYPES,
	type SalesDocumentType,
	type SalesLine
} from '$lib/domain/sales-document';
import { decide, type Action } from '$lib/domain/policy';
import { postingAction, type PostableDocumentType, type PostKind } from '$lib/domain/posting-rules';
import { blockOf, givenCustomer, givenDocument, LEVELS, snapshotDatabase } from '../factories';

function aLine(overrides: Partial<SalesLine> = {}): SalesLine {
	return {
		id: crypto.randomUUID(),
		documentNo: 'D',
		lineNo: 10_000,
		type: 'Item',
		no: 'I1',
		description: '',
		quantity: 1,
		unitPriceCents: 1000,
		lineDiscountPct: 0,
		vatPct: 21,
		unitOfMeasure: 'PCS',
		quantityOrdered: 0,
		blanketOrderNo: '',
		blanketOrderLineId: '',
		qtyToShip: 1,
		quantityShipped: 0,
		qtyToInvoice: 1,
		quantityInvoiced: 0,
		shipmentNo: '',
		shipmentLineId: '',
		...overrides
	};
}

const fromShipment = (overrides: Partial<SalesLine> = {}) =>
	aLine({
		qtyToShip: 0,
		quantityShipped: 1,
		shipmentNo: 'SHP-1',
		shipmentLineId: 'sl-1',
		...overrides
	});
const shippedNotInvoiced = aLine({ qtyToShip: 0, quantityShipped: 1 });
const nothingLeft = aLine({
	qtyToShip: 0,
	qtyToInvoice: 0,
	quantityShipped: 1,
	quantityInvoiced: 1
});

describe('postingAction: the one policy action a posting needs', () => {
	const cases: Array<[string, PostableDocumentType, SalesLine[], PostKind, Action]> = [
		['an invoice of own lines', 'Invoice', [aLine()], 'post', 'invoice.post'],
		[
			'an invoice of Get Shipment Lines lines',
			'Invoice',
			[fromShipment()],
			'post',
			'invoice.postFromShipments'
		],
		[
			'shipment lines plus an own line of quantity 0 (it ships nothing)',
			'Invoice',
			[fromShipment(), aLine({ quantity: 0, qtyToShip: 0, qtyToInvoice: 0 })],
			'post',
			'invoice.postFromShipments'
		],
		[
			'shipment lines plus an own line with a quantity',
			'Invoice',
			[fromShipment(), aLine()],
			'post',
			'invoice.post'
		],
		[
			'shipment lines plus a comment and an item line without No.',
			'Invoice',
			[fromShipment(), aLine({ type: 'Comment', no: '' }), aLine({ no: '' })],
			'post',
			'invoice.postFromShipments'
		],
		['an invoice with nothing to post', 'Invoice', [], 'post', 'invoice.postFromShipments'],
		['a credit memo', 'CreditMemo', [aLine()], 'post', 'creditMemo.post'],
		['a return order, Receive', 'ReturnOrder', [aLine()], 'ship', 'returnOrder.post'],
		['a return order, Invoice', 'ReturnOrder', [aLine()], 'invoice', 'returnOrder.post'],
		['an order, Ship', 'Order', [aLine()], 'ship', 'order.postShip'],
		[
			'an order, Ship with nothing to ship',
			'Order',
			[shippedNotInvoiced],
			'ship',
			'order.postShip'
		],
		['an order, Invoice', 'Order', [shippedNotInvoiced], 'invoice', 'order.postInvoice'],
		[
			'an order, Invoice while a line has Qty. to Ship (Invoice does not ship)',
			'Order',
			[aLine(), shippedNotInvoiced],
			'invoice',
			'order.postInvoice'
		],
		[
			'an order, Ship and Invoice with something to ship',
			'Order',
			[aLine()],
			'shipAndInvoice',
			'order.postShip'
		],
		[
			'an order, Ship and Invoice with only shipped lines left',
			'Order',
			[shippedNotInvoiced, nothingLeft],
			'shipAndInvoice',
			'order.postInvoice'
		],
		[
			'an order, Ship and Invoice with Qty. to Ship 0 on every line',
			'Order',
			[aLine({ qtyToShip: 0, qtyToInvoice: 0 })],
			'shipAndInvoice',
			'order.postInvoice'
		]
	];

	it.each(cases)('%s → %s', (_name, type, lines, kind, action) => {
		expect(postingAction(type, lines, kind)).toBe(action);
	});
});

describe('the posting commands ask exactly that action', () => {
	it('posts an invoice of Get Shipment Lines lines plus an own line of quantity 0 for a Ship-blocked customer', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[2, 1000]]);
		await postSalesOrder({ no: order, ship: true, invoice: false });
		const invoice = await givenDocument('Invoice', customer.no);
		const offered = await shipmentLinesToInvoice(customer.no);
		await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: offered.map((line) => line.id) });
		const own = await addLine({ documentNo: invoice });
		const [orderLine] = await db.salesLines.where('documentNo').equals(order).toArray();
		await updateLine({ id: own, field: 'no', value: orderLine!.no });
		await updateLine({ id: own, field: 'quantity', value: 0 });
		await db.customers.update(customer.no, blockOf('Ship'));
		const lines = await db.salesLines.where('documentNo').equals(invoice).toArray();
		expect(postingAction('Invoice', lines, 'post')).toBe('invoice.postFromShipments');

		const result = await postSalesInvoice({ no: invoice });

		expect(await db.postedInvoices.get(result.invoiceNo!)).toMatchObject({ amountCents: 2000 });
		expect(result.shipmentNo).toBeUndefined();
	});

	type Story = {
		name: string;
		kind: PostKind;
		prepare: (customerNo: string) => Promise<{ no: string; post: () => Promise<unknown> }>;
	};
	const stories: Story[] = [
		{
			name: 'invoice of own lines',
			kind: 'post',
			prepare: async (customerNo) => {
				const no = await givenDocument('Invoice', customerNo, [[1, 1000]]);
				return { no, post: () => postSalesInvoice({ no }) };
			}
		},
		{
			name: 'order, Ship and Invoice of a line shipped before',
			kind: 'shipAndInvoice',
			prepare: async (customerNo) => {
				const no = await givenDocument('Order', customerNo, [[2, 1000]]);
				const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
				await updateLine({ id: line!.id, field: 'qtyToShip', value: 2 });
				await postSalesOrder({ no, ship: true, invoice: false });
				return { no, post: () => postSalesOrder({ no, ship: true, invoice: true }) };
			}
		},
		{
			name: 'order, Ship and Invoice with something to ship',
			kind: 'shipAndInvoice',
			prepare: async (customerNo) => {
				const no = await givenDocument('Order', customerNo, [[2, 1000]]);
				return { no, post: () => postSalesOrder({ no, ship: true, invoice: true }) };
			}
		},
		{
			name: 'credit memo',
			kind: 'post',
			prepare: async (customerNo) => {
				const no = await givenDocument('CreditMemo', customerNo, [[1, 1000]]);
				return { no, post: () => postSalesInvoice({ no }) };
			}
		}
	];
	const cases = stories.flatMap((story) => LEVELS.map((level) => ({ ...story, level })));

	it.each(cases)('$name at "$level": the command decides as postingAction', async (story) => {
		const customer = await givenCustomer();
		const { no, post } = await story.prepare(customer.no);
		const header = (await db.salesHeaders.get(no))!;
		const lines = await db.salesLines.where('documentNo').equals(no).toArray();
		const action = postingAction(header.documentType as PostableDocumentType, lines, story.kind);
		await db.customers.update(customer.no, blockOf(story.level));
		const allowed = decide({ ...customer, ...blockOf(story.level) }, action).allowed;
		const before = await snapshotDatabase();
		if (allowed) await expect(post()).resolves.toBeDefined();
		else {
			await expect(post()).rejects.toBeInstanceOf(BlockedError);
			expect(await snapshotDatabase()).toEqual(before);
		}
	});
});

describe('one document type → actions list', () => {
	it.each(SALES_DOCUMENT_TYPES)(
		'the block impact of an open %s uses the documents list',
		(type) => {
			expect(IMPACT_ACTIONS[type]).toBe(DOCUMENT_ACTIONS[type as SalesDocumentType]);
		}
	);

	it('names every action a posting of each type can need', () => {
		const kinds: PostKind[] = ['ship', 'invoice', 'shipAndInvoice', 'post'];
		const samples = [[aLine()], [fromShipment()], [shippedNotInvoiced], []];
		for (const type of ['Order', 'Invoice', 'CreditMemo', 'ReturnOrder'] as const) {
			for (const kind of kinds) {
				for (const lines of samples) {
					expect(DOCUMENT_ACTIONS[type]).toContain(postingAction(type, lines, kind));
				}
			}
		}
	});
});
