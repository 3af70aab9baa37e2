import { afterEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { setCustomerBlocked } from '$lib/app/customer-blocking';
import { updateLine } from '$lib/app/sales-lines';
import { BlockedError } from '$lib/app/errors';
import {
	cancelPostedInvoice,
	correctPostedInvoice,
	getShipmentLines,
	postSalesInvoice,
	postSalesOrder,
	shipmentLinesToInvoice
} from '$lib/app/posting';
import { postingProbe } from '$lib/app/posting-write';
import { decide, type Action } from '$lib/domain/policy';
import { blockOf, givenCustomer, givenDocument, LEVELS, snapshotDatabase } from '../factories';

afterEach(() => {
	postingProbe.beforeWrite = null;
});

async function linesOf(no: string) {
	return db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
}

async function setLine(
	no: string,
	index: number,
	field: 'qtyToShip' | 'qtyToInvoice',
	value: number
) {
	const line = (await linesOf(no))[index]!;
	await updateLine({ id: line.id, field, value });
}

describe('posting a sales order', () => {
	it('Ship and Invoice invoices the oldest shipment first, the new one for a line shipped now', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [
			[10, 1000],
			[5, 500]
		]);
		// The first line ships 3 without an invoice; the second line ships nothing yet.
		await setLine(order, 0, 'qtyToShip', 3);
		await setLine(order, 1, 'qtyToShip', 0);
		const first = await postSalesOrder({ no: order, ship: true, invoice: false });

		// Then 2 more of the first line and 5 of the second, invoicing 4 and 5.
		await setLine(order, 0, 'qtyToShip', 2);
		await setLine(order, 0, 'qtyToInvoice', 4);
		await setLine(order, 1, 'qtyToShip', 5);
		const second = await postSalesOrder({ no: order, ship: true, invoice: true });

		const shipped = async (shipmentNo: string) =>
			(await db.shipmentLines.where('shipmentNo').equals(shipmentNo).sortBy('lineNo')).map(
				(line) => [line.quantity, line.quantityInvoiced]
			);
		expect(await shipped(first.shipmentNo!)).toEqual([[3, 3]]);
		expect(await shipped(second.shipmentNo!)).toEqual([
			[2, 1],
			[5, 5]
		]);
		expect((await linesOf(order)).map((line) => line.quantityInvoiced)).toEqual([4, 5]);
	});

	it('ships part, then invoices part, then the rest; the order disappears when done', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[10, 1000]]);

		await setLine(order, 0, 'qtyToShip', 4);
		const shipped = await postSalesOrder({ no: order, ship: true, invoice: false });
		expect(shipped.shipmentNo).toMatch(/^PSS-/);
		expect((await linesOf(order))[0]).toMatchObject({
			quantityShipped: 4,
			quantityInvoiced: 0,
			qtyToShip: 6,
			qtyToInvoice: 10
		});

		// Invoice only: Qty. to Invoice 10 is capped at what was shipped (4).
		const invoiced = await postSalesOrder({ no: order, ship: false, invoice: true });
		expect((await linesOf(order))[0]).toMatchObject({ quantityShipped: 4, quantityInvoiced: 4 });
		const shipmentLine = await db.shipmentLines
			.where('shipmentNo')
			.equals(shipped.shipmentNo!)
			.first();
		expect(shipmentLine).toMatchObject({ quantity: 4, quantityInvoiced: 4 });
		expect(await db.postedInvoices.get(invoiced.invoiceNo!)).toMatchObject({ amountCents: 4000 });

		const rest = await postSalesOrder({ no: order, ship: true, invoice: true });
		expect(rest.removed).toBe(true);
		expect(await db.salesHeaders.get(order)).toBeUndefined();
		expect(await db.postedInvoices.count()).toBe(2);
		expect(await db.shipments.count()).toBe(2);
	});

	it('says there is nothing to post and changes nothing', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[1, 1000]]);
		const before = await snapshotDatabase();
		await expect(postSalesOrder({ no: order, ship: false, invoice: true })).rejects.toMatchObject({
			key: 'error.nothingToPost',
			message: 'There is nothing to post.'
		});
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('posted amounts and the ledger entry equal the document totals, also over partial invoices', async () => {
		const customer = await givenCustomer();
		// 3 × 3.33 with 10 % discount = 8.991 → 8.99; invoiced 1 + 2 must add up to 8.99.
		const order = await givenDocument('Order', customer.no, [
			[3, 333, 10],
			[2, 42900]
		]);
		const header = await db.salesHeaders.get(order);
		await setLine(order, 0, 'qtyToShip', 1);
		await setLine(order, 0, 'qtyToInvoice', 1);
		await postSalesOrder({ no: order, ship: true, invoice: true });
		await postSalesOrder({ no: order, ship: true, invoice: true });

		const invoices = await db.postedInvoices.toArray();
		const entries = await db.custLedgerEntries.toArray();
		expect(invoices.reduce((sum, invoice) => sum + invoice.amountCents, 0)).toBe(
			header!.amountCents
		);
		expect(entries.reduce((sum, entry) => sum + entry.amountCents, 0)).toBe(
			invoices.reduce((sum, invoice) => sum + invoice.amountInclVatCents, 0)
		);
		for (const invoice of invoices) {
			const entry = entries.find((candidate) => candidate.documentNo === invoice.no)!;
			expect(entry).toMatchObject({
				customerNo: customer.no,
				documentType: 'Invoice',
				amountCents: invoice.amountInclVatCents,
				remainingAmountCents: invoice.amountInclVatCents,
				dueDate: header!.dueDate,
				open: 1
			});
		}
	});

	it('writes the ledger entry for the bill-to customer', async () => {
		const billTo = await givenCustomer();
		const sellTo = await givenCustomer({ billToCustomerNo: billTo.no });
		const order = await givenDocument('Order', sellTo.no, [[1, 1000]]);
		await postSalesOrder({ no: order, ship: true, invoice: true });
		expect((await db.custLedgerEntries.toArray()).map((entry) => entry.customerNo)).toEqual([
			billTo.no
		]);
	});
});

describe('invoices, Get Shipment Lines and credit memos', () => {
	it('an invoice with its own lines posts a shipment and an invoice', async () => {
		const customer = await givenCustomer();
		const invoice = await givenDocument('Invoice', customer.no, [[2, 500]]);
		const result = await postSalesInvoice({ no: invoice });
		expect(result.shipmentNo).toMatch(/^PSS-/);
		expect(await db.postedInvoices.get(result.invoiceNo!)).toMatchObject({
			amountCents: 1000,
			amountInclVatCents: 1210
		});
		expect(await db.salesHeaders.get(invoice)).toBeUndefined();
	});

	it('Get Shipment Lines offers each shipped-not-invoiced line once and invoices the order behind it', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[5, 1000]]);
		await postSalesOrder({ no: order, ship: true, invoice: false });

		const offered = await shipmentLinesToInvoice(customer.no);
		expect(offered.map((line) => line.quantity - line.quantityInvoiced)).toEqual([5]);
		const invoice = await givenDocument('Invoice', customer.no);
		await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: offered.map((line) => line.id) });

		// Not offered again, and refused on a second invoice.
		expect(await shipmentLinesToInvoice(customer.no)).toEqual([]);
		const second = await givenDocument('Invoice', customer.no);
		await expect(
			getShipmentLines({ invoiceNo: second, shipmentLineIds: [offered[0]!.id] })
		).rejects.toMatchObject({ key: 'error.shipmentLineTaken' });

		const result = await postSalesInvoice({ no: invoice });
		expect(result.shipmentNo).toBeUndefined();
		expect(await db.postedInvoices.get(result.invoiceNo!)).toMatchObject({ amountCents: 5000 });
		expect(await db.salesHeaders.get(order)).toBeUndefined();
		expect(await shipmentLinesToInvoice(customer.no)).toEqual([]);
	});

	it('a credit memo posts a negative ledger entry', async () => {
		const customer = await givenCustomer();
		const memo = await givenDocument('CreditMemo', customer.no, [[1, 1000]]);
		const result = await postSalesInvoice({ no: memo });
		expect(
			await db.custLedgerEntries.where('documentNo').equals(result.creditMemoNo!).first()
		).toMatchObject({
			documentType: 'Credit Memo',
			amountCents: -1210
		});
	});

	it('a return order receives and credits', async () => {
		const customer = await givenCustomer();
		const ret = await givenDocument('ReturnOrder', customer.no, [[2, 1000]]);
		const result = await postSalesOrder({ no: ret, ship: true, invoice: true });
		expect(result.shipmentNo).toMatch(/^PRR-/);
		expect(await db.returnReceipts.count()).toBe(1);
		expect(await db.postedCreditMemos.get(result.creditMemoNo!)).toMatchObject({
			amountInclVatCents: 2420
		});
		expect(result.removed).toBe(true);
	});

	it('Cancel posts a credit memo for all of it and closes both entries', async () => {
		const customer = await givenCustomer();
		const invoice = await givenDocument('Invoice', customer.no, [[1, 1000]]);
		const { invoiceNo } = await postSalesInvoice({ no: invoice });
		const memoNo = await cancelPostedInvoice({ no: invoiceNo! });
		const entries = await db.custLedgerEntries.toArray();
		expect(
			entries.map((entry) => [
				entry.documentNo,
				entry.amountCents,
				entry.remainingAmountCents,
				entry.open
			])
		).toEqual([
			[invoiceNo, 1210, 0, 0],
			[memoNo, -1210, 0, 0]
		]);
		expect(await db.applications.count()).toBe(1);
		await expect(cancelPostedInvoice({ no: invoiceNo! })).rejects.toMatchObject({
			key: 'error.alreadyCancelled'
		});
	});

	it('Correct cancels and opens a new invoice with the same lines', async () => {
		const customer = await givenCustomer();
		const invoice = await givenDocument('Invoice', customer.no, [[3, 700]]);
		const { invoiceNo } = await postSalesInvoice({ no: invoice });
		const copy = await correctPostedInvoice({ no: invoiceNo! });
		expect(await db.salesHeaders.get(copy)).toMatchObject({
			documentType: 'Invoice',
			amountCents: 2100,
			status: 'Open'
		});
		expect((await db.postedInvoices.get(invoiceNo!))?.cancelledBy).toMatch(/^PSCM-/);
	});
});

describe('the policy in the write path', () => {
	type Prepare = (sellToNo: string, billToNo: string) => Promise<() => Promise<unknown>>;
	const postedInvoice = async (sellToNo: string) =>
		(await postSalesInvoice({ no: await givenDocument('Invoice', sellToNo, [[1, 100]]) }))
			.invoiceNo!;
	const postings: Array<{ name: string; action: Action; prepare: Prepare }> = [
		{
			name: 'order Ship',
			action: 'order.postShip',
			prepare: async (no) => {
				const order = await givenDocument('Order', no, [[1, 100]]);
				return () => postSalesOrder({ no: order, ship: true, invoice: false });
			}
		},
		{
			name: 'order Invoice of what was shipped',
			action: 'order.postInvoice',
			prepare: async (no) => {
				const order = await givenDocument('Order', no, [[1, 100]]);
				await postSalesOrder({ no: order, ship: true, invoice: false });
				return () => postSalesOrder({ no: order, ship: false, invoice: true });
			}
		},
		{
			name: 'invoice with own lines',
			action: 'invoice.post',
			prepare: async (no) => {
				const invoice = await givenDocument('Invoice', no, [[1, 100]]);
				return () => postSalesInvoice({ no: invoice });
			}
		},
		{
			name: 'invoice from shipments',
			action: 'invoice.postFromShipments',
			prepare: async (no, billToNo) => {
				const order = await givenDocument('Order', no, [[1, 100]]);
				await postSalesOrder({ no: order, ship: true, invoice: false });
				const invoice = await givenDocument('Invoice', no);
				const lines = await shipmentLinesToInvoice(billToNo);
				await getShipmentLines({
					invoiceNo: invoice,
					shipmentLineIds: lines.map((line) => line.id)
				});
				return () => postSalesInvoice({ no: invoice });
			}
		},
		{
			name: 'credit memo',
			action: 'creditMemo.post',
			prepare: async (no) => {
				const memo = await givenDocument('CreditMemo', no, [[1, 100]]);
				return () => postSalesInvoice({ no: memo });
			}
		},
		{
			name: 'return order',
			action: 'returnOrder.post',
			prepare: async (no) => {
				const ret = await givenDocument('ReturnOrder', no, [[1, 100]]);
				return () => postSalesOrder({ no: ret, ship: true, invoice: true });
			}
		},
		{
			name: 'cancel posted invoice',
			action: 'postedInvoice.cancel',
			prepare: async (no) => {
				const posted = await postedInvoice(no);
				return () => cancelPostedInvoice({ no: posted });
			}
		},
		{
			name: 'correct posted invoice',
			action: 'postedInvoice.correct',
			prepare: async (no) => {
				const posted = await postedInvoice(no);
				return () => correctPostedInvoice({ no: posted });
			}
		}
	];

	const cases = postings.flatMap((posting) =>
		LEVELS.flatMap((level) =>
			(['sell-to', 'bill-to'] as const).map((who) => ({ ...posting, level, who }))
		)
	);

	it.each(cases)('$name at "$level" on the $who', async ({ action, prepare, level, who }) => {
		const billTo = await givenCustomer();
		const sellTo = await givenCustomer({ billToCustomerNo: billTo.no });
		// The story runs unblocked up to the posting; then the block is set and the posting meets it.
		const post = await prepare(sellTo.no, billTo.no);
		const blocked = who === 'sell-to' ? sellTo : billTo;
		await db.customers.update(blocked.no, blockOf(level));
		const refused = !decide({ ...blocked, ...blockOf(level) }, action).allowed;
		const before = await snapshotDatabase();

		const attempt = post();

		if (refused) {
			await expect(attempt).rejects.toBeInstanceOf(BlockedError);
			await expect(attempt).rejects.toMatchObject({ decision: { customerNo: blocked.no } });
			expect(await snapshotDatabase()).toEqual(before);
		} else {
			await expect(attempt).resolves.toBeDefined();
			expect(await snapshotDatabase()).not.toEqual(before);
		}
	});

	it('a Ship-blocked customer can invoice what was shipped and a Get Shipment Lines invoice, but not ship', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[10, 1000]]);
		await setLine(order, 0, 'qtyToShip', 6);
		await postSalesOrder({ no: order, ship: true, invoice: false });
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });

		await expect(postSalesOrder({ no: order, ship: true, invoice: false })).rejects.toBeInstanceOf(
			BlockedError
		);
		await expect(postSalesOrder({ no: order, ship: true, invoice: true })).rejects.toBeInstanceOf(
			BlockedError
		);
		await setLine(order, 0, 'qtyToInvoice', 2);
		await postSalesOrder({ no: order, ship: false, invoice: true });
		expect((await linesOf(order))[0]).toMatchObject({ quantityShipped: 6, quantityInvoiced: 2 });

		// Invoice-blocked: what was shipped can no longer be invoiced.
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'DISPUTE' });
		await expect(postSalesOrder({ no: order, ship: false, invoice: true })).rejects.toBeInstanceOf(
			BlockedError
		);

		await db.customers.update(customer.no, { blocked: '' });
		const invoice = await givenDocument('Invoice', customer.no);
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });
		const lines = await shipmentLinesToInvoice(customer.no);
		await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: lines.map((line) => line.id) });
		const result = await postSalesInvoice({ no: invoice });
		expect(await db.postedInvoices.get(result.invoiceNo!)).toMatchObject({ amountCents: 4000 });
		expect((await linesOf(order))[0]).toMatchObject({ quantityShipped: 6, quantityInvoiced: 6 });
	});
});

describe('atomicity', () => {
	type Scenario = { name: string; prepare: () => Promise<() => Promise<unknown>> };
	const scenarios: Scenario[] = [
		{
			name: 'order ship and invoice (partly, order stays)',
			prepare: async () => {
				const customer = await givenCustomer();
				const order = await givenDocument('Order', customer.no, [
					[4, 1000],
					[2, 500]
				]);
				await setLine(order, 0, 'qtyToShip', 1);
				return () => postSalesOrder({ no: order, ship: true, invoice: true });
			}
		},
		{
			name: 'order fully posted (order removed)',
			prepare: async () => {
				const customer = await givenCustomer();
				const order = await givenDocument('Order', customer.no, [[2, 1000]]);
				return () => postSalesOrder({ no: order, ship: true, invoice: true });
			}
		},
		{
			name: 'invoice with own lines',
			prepare: async () => {
				const customer = await givenCustomer();
				const invoice = await givenDocument('Invoice', customer.no, [[2, 1000]]);
				return () => postSalesInvoice({ no: invoice });
			}
		},
		{
			name: 'invoice from shipments',
			prepare: async () => {
				const customer = await givenCustomer();
				const order = await givenDocument('Order', customer.no, [[2, 1000]]);
				await postSalesOrder({ no: order, ship: true, invoice: false });
				const invoice = await givenDocument('Invoice', customer.no);
				const lines = await shipmentLinesToInvoice(customer.no);
				await getShipmentLines({
					invoiceNo: invoice,
					shipmentLineIds: lines.map((line) => line.id)
				});
				return () => postSalesInvoice({ no: invoice });
			}
		},
		{
			name: 'credit memo',
			prepare: async () => {
				const customer = await givenCustomer();
				const memo = await givenDocument('CreditMemo', customer.no, [[1, 1000]]);
				return () => postSalesInvoice({ no: memo });
			}
		},
		{
			name: 'return order',
			prepare: async () => {
				const customer = await givenCustomer();
				const ret = await givenDocument('ReturnOrder', customer.no, [[1, 1000]]);
				return () => postSalesOrder({ no: ret, ship: true, invoice: true });
			}
		},
		{
			name: 'cancel',
			prepare: async () => {
				const customer = await givenCustomer();
				const { invoiceNo } = await postSalesInvoice({
					no: await givenDocument('Invoice', customer.no, [[1, 1000]])
				});
				return () => cancelPostedInvoice({ no: invoiceNo! });
			}
		},
		{
			name: 'correct',
			prepare: async () => {
				const customer = await givenCustomer();
				const { invoiceNo } = await postSalesInvoice({
					no: await givenDocument('Invoice', customer.no, [[1, 1000]])
				});
				return () => correctPostedInvoice({ no: invoiceNo! });
			}
		}
	];

	it.each(scenarios)(
		'$name: a failure at any write step leaves the database as it was',
		async ({ prepare }) => {
			// Count the write steps of a successful run on a copy of the same story.
			const steps: string[] = [];
			const dry = await prepare();
			postingProbe.beforeWrite = (name) => void steps.push(name);
			await dry();
			postingProbe.beforeWrite = null;
			expect(steps.length).toBeGreaterThan(1);

			for (let failAt = 0; failAt < steps.length; failAt++) {
				const run = await prepare();
				const before = await snapshotDatabase();
				let seen = 0;
				postingProbe.beforeWrite = (name) => {
					if (seen++ === failAt) throw new Error(`injected failure at ${name}`);
				};
				await expect(run()).rejects.toThrow('injected failure');
				postingProbe.beforeWrite = null;
				expect(await snapshotDatabase()).toEqual(before);
			}
		}
	);
});
