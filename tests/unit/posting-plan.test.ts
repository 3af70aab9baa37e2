import { describe, expect, it } from 'vitest';
import { MAX_UNIT_PRICE_CENTS } from '$lib/domain/bounds';
import { planDocumentPosting } from '$lib/domain/document-posting-plan';
import { planInvoiceCancel, planInvoiceCorrection } from '$lib/domain/invoice-cancel-plan';
import { planOrderPosting } from '$lib/domain/order-posting-plan';
import type { Blocked } from '$lib/domain/policy';
import {
	newLedgerEntry,
	newPostedHeader,
	newPostedLine,
	type CustLedgerEntry,
	type CustomerTotals,
	type PostedInvoice,
	type ShipmentLine
} from '$lib/domain/posted';
import type { Party, Planned, PostingContext, PostingPlan } from '$lib/domain/posting-plan';
import {
	newSalesHeader,
	newSalesLine,
	type SalesDocumentType,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';

// Pure plans: no IndexedDB, every record built here.

const NEXT_NOS = {
	'S-SHPT': 'PSS-1001',
	'S-RCPT': 'PRR-1001',
	'S-PINV': 'PSI-1001',
	'S-PCR': 'PSCM-1001',
	'S-INV': 'SI-1001'
};

function aParty(no: string, blocked: Blocked = ''): Party {
	return { no, name: `Customer ${no}`, blocked, privacyBlocked: false };
}

function aContext(
	options: { blocked?: Blocked; totals?: CustomerTotals[]; missing?: boolean } = {}
): PostingContext {
	let id = 0;
	const customer = aParty('C1', options.blocked);
	return {
		parties: {
			sellToNo: 'C1',
			sellTo: options.missing ? undefined : customer,
			billToNo: 'C1',
			billTo: options.missing ? undefined : customer
		},
		totals: new Map((options.totals ?? []).map((row) => [row.customerNo, row])),
		nextNos: NEXT_NOS,
		nextEntryNo: 7,
		newId: () => `id${++id}`
	};
}

function aHeader(documentType: SalesDocumentType, no = 'D-1'): SalesHeader {
	return newSalesHeader({
		no,
		documentType,
		sellTo: aParty('C1'),
		billTo: aParty('C1'),
		workDate: '2026-03-02',
		dueDays: 14,
		createdAt: '2026-03-02T08:00:00.000Z'
	});
}

/** An item line: [quantity, unit price, and what was shipped/invoiced or is to ship/invoice]. */
function aLine(id: string, fields: Partial<SalesLine> = {}): SalesLine {
	const quantity = fields.quantity ?? 1;
	return newSalesLine({
		id,
		documentNo: 'D-1',
		lineNo: 10_000,
		no: 'I1',
		description: 'Chair',
		quantity,
		unitPriceCents: 1000,
		vatPct: 21,
		unitOfMeasure: 'PCS',
		qtyToShip: quantity - (fields.quantityShipped ?? 0),
		qtyToInvoice: quantity - (fields.quantityInvoiced ?? 0),
		...fields
	});
}

function aShipmentLine(id: string, fields: Partial<ShipmentLine> = {}): ShipmentLine {
	return {
		id,
		shipmentNo: 'PSS-1000',
		lineNo: 10_000,
		orderNo: 'D-1',
		orderLineId: 'L1',
		billToCustomerNo: 'C1',
		no: 'I1',
		description: 'Chair',
		unitOfMeasure: 'PCS',
		quantity: 1,
		quantityInvoiced: 0,
		unitPriceCents: 1000,
		lineDiscountPct: 0,
		vatPct: 21,
		...fields
	};
}

function planOf(planned: Planned): PostingPlan {
	if (!planned.ok) throw new Error(`Expected a plan, got ${JSON.stringify(planned)}`);
	return planned.plan;
}

/** What a plan writes, in a few comparable figures. */
function summary(plan: PostingPlan) {
	return {
		drawn: plan.drawn,
		shipment: plan.shipment && {
			kind: plan.shipment.kind,
			no: plan.shipment.header.no,
			lines: plan.shipment.lines.map((line) => [line.quantity, line.quantityInvoiced])
		},
		posted: plan.posted && {
			kind: plan.posted.kind,
			no: plan.posted.header.no,
			amountCents: plan.posted.header.amountCents,
			amountInclVatCents: plan.posted.header.amountInclVatCents
		},
		entries: plan.ledger.added.map((entry) => [entry.entryNo, entry.amountCents, entry.open]),
		invoicedShipmentLines: plan.invoicedShipmentLines.lines.map((line) => [
			line.id,
			line.quantityInvoiced
		]),
		lines: plan.lineChanges.map(({ id, changes }) => [
			id,
			changes.quantityShipped,
			changes.quantityInvoiced,
			changes.qtyToShip,
			changes.qtyToInvoice
		]),
		headers: plan.headerChanges,
		deleted: plan.deleted,
		removed: plan.result.removed
	};
}

describe('planOrderPosting', () => {
	it.each([
		{
			name: 'ship only: part of a line, the order stays released',
			documentType: 'Order' as const,
			lines: [aLine('L1', { quantity: 10, qtyToShip: 4 })],
			shipped: [],
			ship: true,
			invoice: false,
			expected: {
				drawn: ['S-SHPT'],
				shipment: { kind: 'shipment', no: 'PSS-1001', lines: [[4, 0]] },
				posted: undefined,
				entries: [],
				invoicedShipmentLines: [],
				lines: [['L1', 4, 0, 6, 10]],
				headers: [{ no: 'D-1', changes: { status: 'Released', version: 1 } }],
				deleted: [],
				removed: false
			}
		},
		{
			name: 'invoice only: Qty. to Invoice is capped at what was shipped, from that shipment',
			documentType: 'Order' as const,
			lines: [aLine('L1', { quantity: 10, quantityShipped: 4, qtyToInvoice: 10 })],
			shipped: [aShipmentLine('S1', { quantity: 4 })],
			ship: false,
			invoice: true,
			expected: {
				drawn: ['S-PINV', 'CLE'],
				shipment: undefined,
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 4000, amountInclVatCents: 4840 },
				entries: [[7, 4840, 1]],
				invoicedShipmentLines: [['S1', 4]],
				lines: [['L1', 4, 4, 6, 6]],
				headers: [{ no: 'D-1', changes: { status: 'Released', version: 1 } }],
				deleted: [],
				removed: false
			}
		},
		{
			name: 'ship and invoice all: the fully posted order is deleted with every line',
			documentType: 'Order' as const,
			lines: [aLine('L1', { quantity: 2 }), aLine('L2', { type: 'Comment', no: '', quantity: 0 })],
			shipped: [],
			ship: true,
			invoice: true,
			expected: {
				drawn: ['S-SHPT', 'S-PINV', 'CLE'],
				shipment: { kind: 'shipment', no: 'PSS-1001', lines: [[2, 2]] },
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 2000, amountInclVatCents: 2420 },
				entries: [[7, 2420, 1]],
				invoicedShipmentLines: [],
				lines: [],
				headers: [],
				deleted: [{ no: 'D-1', lineIds: ['L1', 'L2'] }],
				removed: true
			}
		},
		{
			name: 'partial quantities: oldest shipment first, a line shipped now from this shipment',
			documentType: 'Order' as const,
			lines: [
				aLine('L1', { quantity: 10, quantityShipped: 3, qtyToShip: 2, qtyToInvoice: 4 }),
				aLine('L2', { quantity: 5 })
			],
			shipped: [aShipmentLine('S1', { quantity: 3 })],
			ship: true,
			invoice: true,
			expected: {
				drawn: ['S-SHPT', 'S-PINV', 'CLE'],
				shipment: {
					kind: 'shipment',
					no: 'PSS-1001',
					lines: [
						[2, 1],
						[5, 5]
					]
				},
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 9000, amountInclVatCents: 10_890 },
				entries: [[7, 10_890, 1]],
				invoicedShipmentLines: [['S1', 3]],
				lines: [
					['L1', 5, 4, 5, 6],
					['L2', 5, 5, 0, 0]
				],
				headers: [{ no: 'D-1', changes: { status: 'Released', version: 1 } }],
				deleted: [],
				removed: false
			}
		},
		{
			name: 'partial quantities: a part of a discounted line is invoiced pro rata',
			documentType: 'Order' as const,
			// 3 × 3.33 − 10 % = 8.99; one of three is 3.00 (2.997 rounded).
			lines: [
				aLine('L1', {
					quantity: 3,
					unitPriceCents: 333,
					lineDiscountPct: 10,
					qtyToShip: 1,
					qtyToInvoice: 1
				})
			],
			shipped: [],
			ship: true,
			invoice: true,
			expected: {
				drawn: ['S-SHPT', 'S-PINV', 'CLE'],
				shipment: { kind: 'shipment', no: 'PSS-1001', lines: [[1, 1]] },
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 300, amountInclVatCents: 363 },
				entries: [[7, 363, 1]],
				invoicedShipmentLines: [],
				lines: [['L1', 1, 1, 2, 2]],
				headers: [{ no: 'D-1', changes: { status: 'Released', version: 1 } }],
				deleted: [],
				removed: false
			}
		},
		{
			name: 'return order: receive and credit, a negative entry',
			documentType: 'ReturnOrder' as const,
			lines: [aLine('L1', { quantity: 2 })],
			shipped: [],
			ship: true,
			invoice: true,
			expected: {
				drawn: ['S-RCPT', 'S-PCR', 'CLE'],
				shipment: { kind: 'receipt', no: 'PRR-1001', lines: [[2, 2]] },
				posted: {
					kind: 'creditMemo',
					no: 'PSCM-1001',
					amountCents: 2000,
					amountInclVatCents: 2420
				},
				entries: [[7, -2420, 1]],
				invoicedShipmentLines: [],
				lines: [],
				headers: [],
				deleted: [{ no: 'D-1', lineIds: ['L1'] }],
				removed: true
			}
		},
		{
			name: 'return order: credit what was received before, from its return receipt',
			documentType: 'ReturnOrder' as const,
			lines: [aLine('L1', { quantity: 2, quantityShipped: 2 })],
			shipped: [aShipmentLine('R1', { shipmentNo: 'PRR-1000', quantity: 2 })],
			ship: false,
			invoice: true,
			expected: {
				drawn: ['S-PCR', 'CLE'],
				shipment: undefined,
				posted: {
					kind: 'creditMemo',
					no: 'PSCM-1001',
					amountCents: 2000,
					amountInclVatCents: 2420
				},
				entries: [[7, -2420, 1]],
				invoicedShipmentLines: [['R1', 2]],
				lines: [],
				headers: [],
				deleted: [{ no: 'D-1', lineIds: ['L1'] }],
				removed: true
			}
		}
	])('$name', ({ documentType, lines, shipped, ship, invoice, expected }) => {
		const header = { ...aHeader(documentType) };
		const plan = planOf(planOrderPosting({ header, lines, ship, invoice, shipped }, aContext()));
		expect(summary(plan)).toEqual(expected);
		expect(plan.result.shipmentNo).toBe(expected.shipment?.no);
		expect(plan.result[documentType === 'Order' ? 'invoiceNo' : 'creditMemoNo']).toBe(
			expected.posted?.no
		);
		if (expected.shipment) {
			expect(plan.invoicedShipmentLines.kind).toBe(expected.shipment.kind);
			expect(plan.shipment!.lines.map((line) => line.orderLineId)).toEqual(
				lines.filter((line) => line.qtyToShip > 0 && line.type === 'Item').map((line) => line.id)
			);
		}
	});

	it.each([
		{
			name: 'nothing to post (Invoice with nothing shipped)',
			header: aHeader('Order'),
			lines: [aLine('L1')],
			ship: false,
			context: aContext(),
			expected: { ok: false, refusal: { key: 'error.nothingToPost' } }
		},
		{
			name: 'nothing to post (neither Ship nor Invoice)',
			header: aHeader('Order'),
			lines: [aLine('L1')],
			ship: false,
			invoice: false,
			context: aContext(),
			expected: { ok: false, refusal: { key: 'error.nothingToPost' } }
		},
		{
			name: 'not an order',
			header: aHeader('Invoice'),
			lines: [aLine('L1')],
			ship: true,
			context: aContext(),
			expected: { ok: false, refusal: { key: 'error.notPostable', values: { no: 'D-1' } } }
		},
		{
			name: 'a Ship-blocked customer cannot ship',
			header: aHeader('Order'),
			lines: [aLine('L1')],
			ship: true,
			context: aContext({ blocked: 'Ship' }),
			expected: { ok: false, blocked: { action: 'order.postShip', decision: { customerNo: 'C1' } } }
		},
		{
			name: 'an Invoice-blocked customer cannot invoice what was shipped',
			header: aHeader('Order'),
			lines: [aLine('L1', { quantityShipped: 1 })],
			ship: false,
			context: aContext({ blocked: 'Invoice' }),
			expected: { ok: false, blocked: { action: 'order.postInvoice' } }
		},
		{
			name: 'the customer does not exist',
			header: aHeader('Order'),
			lines: [aLine('L1')],
			ship: true,
			context: aContext({ missing: true }),
			expected: { ok: false, missing: { what: 'Customer', no: 'C1' } }
		},
		{
			name: 'a total past what a backup can hold',
			header: aHeader('Order'),
			lines: [aLine('L1', { quantity: 1000, unitPriceCents: MAX_UNIT_PRICE_CENTS })],
			ship: true,
			context: aContext(),
			expected: { ok: false, refusal: { key: 'error.documentTooLarge' } }
		}
	])('refused: $name', ({ header, lines, ship, invoice = true, context, expected }) => {
		expect(planOrderPosting({ header, lines, ship, invoice, shipped: [] }, context)).toMatchObject(
			expected
		);
	});

	it('a Ship-blocked customer may invoice what was shipped before the block', () => {
		const lines = [aLine('L1', { quantity: 2, quantityShipped: 2 })];
		const planned = planOrderPosting(
			{ header: aHeader('Order'), lines, ship: true, invoice: true, shipped: [] },
			aContext({ blocked: 'Ship' })
		);
		expect(planned.ok).toBe(true);
	});

	it("keeps the bill-to's totals in step with the entry it writes", () => {
		const before = { customerNo: 'C1', balanceCents: 500, openEntries: 1, entries: 3 };
		const plan = planOf(
			planOrderPosting(
				{ header: aHeader('Order'), lines: [aLine('L1')], ship: true, invoice: true, shipped: [] },
				aContext({ totals: [before] })
			)
		);
		expect(plan.ledger.totals).toEqual([
			{ customerNo: 'C1', balanceCents: 500 + 1210, openEntries: 2, entries: 4 }
		]);
	});
});

describe('planDocumentPosting', () => {
	const fromShipment = (id: string, quantity: number, shipmentLineId = 'S1') =>
		aLine(id, { quantity, quantityShipped: quantity, shipmentNo: 'PSS-1000', shipmentLineId });
	const order = aHeader('Order', 'SO-1');
	const orderLine = (fields: Partial<SalesLine>) =>
		aLine('OL1', { documentNo: 'SO-1', quantity: 5, quantityShipped: 5, ...fields });

	it.each([
		{
			name: 'invoice with own lines: ships and invoices them, the invoice is deleted',
			header: aHeader('Invoice'),
			lines: [aLine('L1', { quantity: 2, unitPriceCents: 500 })],
			shipmentLines: [],
			orderLines: [],
			expected: {
				drawn: ['S-SHPT', 'S-PINV', 'CLE'],
				shipment: { kind: 'shipment', no: 'PSS-1001', lines: [[2, 2]] },
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 1000, amountInclVatCents: 1210 },
				entries: [[7, 1210, 1]],
				invoicedShipmentLines: [],
				lines: [],
				headers: [],
				deleted: [{ no: 'D-1', lineIds: ['L1'] }],
				removed: true
			}
		},
		{
			name: 'invoice from shipment lines: the order behind them is fully invoiced and deleted',
			header: aHeader('Invoice'),
			lines: [fromShipment('L1', 5)],
			shipmentLines: [aShipmentLine('S1', { orderNo: 'SO-1', orderLineId: 'OL1', quantity: 5 })],
			orderLines: [orderLine({})],
			expected: {
				drawn: ['S-PINV', 'CLE'],
				shipment: undefined,
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 5000, amountInclVatCents: 6050 },
				entries: [[7, 6050, 1]],
				invoicedShipmentLines: [['S1', 5]],
				lines: [],
				headers: [],
				deleted: [
					{ no: 'SO-1', lineIds: ['OL1'] },
					{ no: 'D-1', lineIds: ['L1'] }
				],
				removed: true
			}
		},
		{
			name: 'invoice from shipment lines: an order with more to ship records what is invoiced',
			header: aHeader('Invoice'),
			lines: [fromShipment('L1', 5)],
			shipmentLines: [aShipmentLine('S1', { orderNo: 'SO-1', orderLineId: 'OL1', quantity: 5 })],
			orderLines: [orderLine({ quantity: 10, qtyToShip: 5, qtyToInvoice: 10 })],
			expected: {
				drawn: ['S-PINV', 'CLE'],
				shipment: undefined,
				posted: { kind: 'invoice', no: 'PSI-1001', amountCents: 5000, amountInclVatCents: 6050 },
				entries: [[7, 6050, 1]],
				invoicedShipmentLines: [['S1', 5]],
				lines: [['OL1', undefined, 5, 5, 5]],
				headers: [{ no: 'SO-1', changes: { version: 1 } }],
				deleted: [{ no: 'D-1', lineIds: ['L1'] }],
				removed: true
			}
		},
		{
			name: 'credit memo: a negative entry, no shipment',
			header: aHeader('CreditMemo'),
			lines: [aLine('L1'), aLine('L2', { quantity: 0 })],
			shipmentLines: [],
			orderLines: [],
			expected: {
				drawn: ['S-PCR', 'CLE'],
				shipment: undefined,
				posted: {
					kind: 'creditMemo',
					no: 'PSCM-1001',
					amountCents: 1000,
					amountInclVatCents: 1210
				},
				entries: [[7, -1210, 1]],
				invoicedShipmentLines: [],
				lines: [],
				headers: [],
				deleted: [{ no: 'D-1', lineIds: ['L1', 'L2'] }],
				removed: true
			}
		}
	])('$name', ({ header, lines, shipmentLines, orderLines, expected }) => {
		const orderHeaders = orderLines.length > 0 ? [order] : [];
		const plan = planOf(
			planDocumentPosting({ header, lines, shipmentLines, orderHeaders, orderLines }, aContext())
		);
		expect(summary(plan)).toEqual(expected);
	});

	it.each([
		{
			name: 'nothing to post (only a comment and a line of quantity 0)',
			lines: [aLine('L1', { type: 'Comment', no: '' }), aLine('L2', { quantity: 0 })],
			shipmentLines: [],
			blocked: '' as Blocked,
			expected: { ok: false, refusal: { key: 'error.nothingToPost' } }
		},
		{
			name: 'a Ship-blocked customer cannot post an invoice with own lines',
			lines: [aLine('L1')],
			shipmentLines: [],
			blocked: 'Ship' as Blocked,
			expected: { ok: false, blocked: { action: 'invoice.post' } }
		},
		{
			name: 'more than the shipment line has left',
			lines: [fromShipment('L1', 5)],
			shipmentLines: [aShipmentLine('S1', { quantity: 5, quantityInvoiced: 3 })],
			blocked: '' as Blocked,
			expected: {
				ok: false,
				refusal: { key: 'error.shipmentOverInvoiced', values: { no: 'PSS-1000' } }
			}
		},
		{
			name: 'the shipment line does not exist',
			lines: [fromShipment('L1', 5)],
			shipmentLines: [],
			blocked: '' as Blocked,
			expected: { ok: false, missing: { what: 'Shipment line', no: 'PSS-1000' } }
		}
	])('refused: $name', ({ lines, shipmentLines, blocked, expected }) => {
		const input = {
			header: aHeader('Invoice'),
			lines,
			shipmentLines,
			orderHeaders: [],
			orderLines: []
		};
		expect(planDocumentPosting(input, aContext({ blocked }))).toMatchObject(expected);
	});

	it('a Ship-blocked customer may post an invoice whose lines all come from shipments', () => {
		const input = {
			header: aHeader('Invoice'),
			lines: [fromShipment('L1', 1)],
			shipmentLines: [aShipmentLine('S1', { orderLineId: '' })],
			orderHeaders: [],
			orderLines: []
		};
		expect(planDocumentPosting(input, aContext({ blocked: 'Ship' })).ok).toBe(true);
	});
});

describe('planInvoiceCancel and planInvoiceCorrection', () => {
	const postedLine = newPostedLine(
		{
			type: 'Item',
			no: 'I1',
			description: 'Chair',
			unitOfMeasure: 'PCS',
			unitPriceCents: 700,
			lineDiscountPct: 0,
			vatPct: 21
		},
		{ id: 'P1', documentNo: 'PSI-1', lineNo: 10_000, quantity: 3, amountCents: 2100 }
	);
	const invoice: PostedInvoice = {
		...newPostedHeader(aHeader('Invoice'), 'PSI-1', 'SI-1', [postedLine]),
		cancelledBy: ''
	};
	const entry: CustLedgerEntry = newLedgerEntry({
		entryNo: 3,
		customerNo: 'C1',
		postingDate: invoice.postingDate,
		documentType: 'Invoice',
		documentNo: 'PSI-1',
		amountCents: invoice.amountInclVatCents,
		dueDate: invoice.dueDate
	});
	const totals = { customerNo: 'C1', balanceCents: 2541, openEntries: 1, entries: 1 };
	const input = { no: 'PSI-1', invoice, lines: [postedLine], entry };

	it('Cancel: a credit memo for all of it, both entries closed by each other', () => {
		const plan = planOf(planInvoiceCancel(input, aContext({ totals: [totals] })));
		expect(summary(plan)).toMatchObject({
			drawn: ['S-PCR', 'CLE'],
			posted: { kind: 'creditMemo', no: 'PSCM-1001', amountCents: 2100, amountInclVatCents: 2541 },
			entries: [[7, -2541, 0]],
			deleted: []
		});
		expect(plan.posted!.header).toMatchObject({ cancels: 'PSI-1', sourceNo: 'PSI-1' });
		expect(plan.ledger.added[0]).toMatchObject({ remainingAmountCents: 0, closedByEntryNo: 3 });
		expect(plan.ledger.changed.map(({ change }) => change)).toEqual([
			{
				entryNo: 3,
				remainingAmountCents: 0,
				open: 0,
				closedByEntryNo: 7,
				closedAtDate: invoice.postingDate
			}
		]);
		expect(plan.applications).toMatchObject([
			{ entryNo: 3, appliedByEntryNo: 7, amountCents: 2541 }
		]);
		expect(plan.cancelledInvoice).toEqual({ no: 'PSI-1', cancelledBy: 'PSCM-1001' });
		expect(plan.ledger.totals).toEqual([
			{ customerNo: 'C1', balanceCents: 0, openEntries: 0, entries: 2 }
		]);
	});

	it.each([
		{
			name: 'the invoice does not exist',
			input: { ...input, invoice: undefined },
			blocked: '' as Blocked,
			expected: { ok: false, missing: { what: 'Posted invoice', no: 'PSI-1' } }
		},
		{
			name: 'an Invoice-blocked customer',
			input,
			blocked: 'Invoice' as Blocked,
			expected: { ok: false, blocked: { action: 'postedInvoice.cancel' } }
		},
		{
			name: 'cancelled before',
			input: { ...input, invoice: { ...invoice, cancelledBy: 'PSCM-9' } },
			blocked: '' as Blocked,
			expected: {
				ok: false,
				refusal: { key: 'error.alreadyCancelled', values: { no: 'PSI-1', by: 'PSCM-9' } }
			}
		},
		{
			name: 'paid in part',
			input: { ...input, entry: { ...entry, remainingAmountCents: 1000 } },
			blocked: '' as Blocked,
			expected: { ok: false, refusal: { key: 'error.invoicePaid' } }
		},
		{
			name: 'without its ledger entry',
			input: { ...input, entry: undefined },
			blocked: '' as Blocked,
			expected: { ok: false, refusal: { key: 'error.invoicePaid' } }
		}
	])('Cancel refused: $name', ({ input, blocked, expected }) => {
		expect(planInvoiceCancel(input, aContext({ blocked }))).toMatchObject(expected);
	});

	it('Correct: cancels and opens a new invoice with the same lines, dated the work date', () => {
		const start = { workDate: '2026-04-01', dueDays: 30, createdAt: '2026-04-01T09:00:00.000Z' };
		const plan = planOf(planInvoiceCorrection({ ...input, start }, aContext()));
		expect(plan.drawn).toEqual(['S-PCR', 'CLE', 'S-INV']);
		expect(plan.cancelledInvoice).toEqual({ no: 'PSI-1', cancelledBy: 'PSCM-1001' });
		expect(plan.newDocument!.header).toMatchObject({
			no: 'SI-1001',
			documentType: 'Invoice',
			status: 'Open',
			sellToCustomerNo: 'C1',
			postingDate: '2026-04-01',
			dueDate: '2026-05-01',
			amountCents: 2100,
			amountInclVatCents: 2541
		});
		expect(
			plan.newDocument!.lines.map((line) => [line.documentNo, line.quantity, line.qtyToShip])
		).toEqual([['SI-1001', 3, 3]]);
	});

	it('Correct asks the policy for postedInvoice.correct', () => {
		const start = { workDate: '2026-04-01', dueDays: 0, createdAt: '' };
		expect(
			planInvoiceCorrection({ ...input, start }, aContext({ blocked: 'Invoice' }))
		).toMatchObject({ ok: false, blocked: { action: 'postedInvoice.correct' } });
	});
});
