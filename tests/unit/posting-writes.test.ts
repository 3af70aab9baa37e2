import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/db/db';
import {
	getShipmentLines,
	postSalesInvoice,
	postSalesOrder,
	shipmentLinesToInvoice
} from '$lib/app/posting';
import { updateLine } from '$lib/app/sales-lines';
import { givenCustomer, givenDocument } from '../factories';

/*
 * Issue 14: a posting writes its plan without reading in between. A record it read is written
 * whole (put); an update by key would read the record first and wait for it.
 */

afterEach(() => {
	vi.restoreAllMocks();
});

/** Spies on every update by key of the tables a posting changes. */
function spyOnUpdates() {
	return [
		vi.spyOn(db.salesLines, 'bulkUpdate'),
		vi.spyOn(db.salesLines, 'update'),
		vi.spyOn(db.salesHeaders, 'update'),
		vi.spyOn(db.salesHeaders, 'bulkUpdate'),
		vi.spyOn(db.shipmentLines, 'bulkUpdate'),
		vi.spyOn(db.shipmentLines, 'update')
	];
}

async function linesOf(no: string) {
	return db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
}

describe('a posting writes without reading', () => {
	it('an order that stays: its lines, its header and the shipment lines it invoices are put whole', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [
			[10, 1000],
			[4, 500]
		]);
		const [first] = await linesOf(order);
		await updateLine({ id: first!.id, field: 'qtyToShip', value: 3 });
		await postSalesOrder({ no: order, ship: true, invoice: false });
		const before = await linesOf(order);

		const updates = spyOnUpdates();
		const outcome = await postSalesOrder({ no: order, ship: false, invoice: true });
		for (const update of updates) expect(update).not.toHaveBeenCalled();

		// Written whole, nothing else of the records changed.
		const after = await linesOf(order);
		expect(
			after.map(({ quantityInvoiced, qtyToInvoice }) => [quantityInvoiced, qtyToInvoice])
		).toEqual([
			[3, 7],
			[4, 0]
		]);
		// (The order cue keys are the database's, derived from the quantities on every write.)
		type Stored = (typeof after)[number] & { cueShippedNotInvoiced?: string };
		const unchanged = ({
			quantityInvoiced,
			qtyToInvoice,
			cueShippedNotInvoiced,
			...rest
		}: Stored) => rest;
		expect(after.map(unchanged)).toEqual(before.map(unchanged));
		const header = await db.salesHeaders.get(order);
		expect(header).toMatchObject({ no: order, status: 'Released', sellToCustomerNo: customer.no });
		const shipped = await db.shipmentLines.filter((row) => row.orderNo === order).toArray();
		shipped.sort((a, b) => a.lineNo - b.lineNo);
		expect(shipped.map((line) => [line.quantity, line.quantityInvoiced])).toEqual([
			[3, 3],
			[4, 4]
		]);
		expect(outcome.posted?.header).toEqual(await db.postedInvoices.get(outcome.invoiceNo!));
		expect(outcome.entry).toEqual(
			await db.custLedgerEntries.where('documentNo').equals(outcome.invoiceNo!).first()
		);
	});

	it('an invoice of Get Shipment Lines: the shipment lines and the order behind them are put whole', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[10, 1000]]);
		const [line] = await linesOf(order);
		await updateLine({ id: line!.id, field: 'qtyToShip', value: 4 });
		await postSalesOrder({ no: order, ship: true, invoice: false });
		const invoice = await givenDocument('Invoice', customer.no);
		const offered = await shipmentLinesToInvoice(customer.no);
		await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: offered.map((row) => row.id) });

		const updates = spyOnUpdates();
		await postSalesInvoice({ no: invoice });
		for (const update of updates) expect(update).not.toHaveBeenCalled();

		const [after] = await linesOf(order);
		expect([after!.quantityShipped, after!.quantityInvoiced, after!.qtyToShip]).toEqual([4, 4, 6]);
		const [shipped] = await db.shipmentLines.filter((row) => row.orderNo === order).toArray();
		expect(shipped!.quantityInvoiced).toBe(4);
		expect(await db.salesHeaders.get(invoice)).toBeUndefined();
	});
});
