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
	releaseDocument,
	reopenDocument,
	updateHeaderField
} from '$lib/app/sales-headers';
import { addLine, deleteLine, updateLine } from '$lib/app/sales-lines';
import { DocumentChangedError } from '$lib/app/errors';
import {
	getShipmentLines,
	postSalesInvoice,
	postSalesOrder,
	shipmentLinesToInvoice
} from '$lib/app/posting';
import { setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { DocumentSession } from '$lib/ui/document-session';
import { errorText } from '$lib/ui/messages';
import { givenCustomer, givenDocument, snapshotDatabase } from '../factories';

async function versionOf(no: string): Promise<number> {
	return (await db.salesHeaders.get(no))?.version ?? 0;
}

async function firstLine(no: string) {
	return (await db.salesLines.where('documentNo').equals(no).sortBy('lineNo'))[0]!;
}

/** An order of 10 with Qty. to Ship 4 saved, as both tabs of the defect had it. */
async function orderShippingFour(): Promise<string> {
	const customer = await givenCustomer();
	const no = await givenDocument('Order', customer.no, [[10, 1000]]);
	await updateLine({ id: (await firstLine(no)).id, field: 'qtyToShip', value: 4 });
	return no;
}

async function refusal(promise: Promise<unknown>): Promise<DocumentChangedError> {
	const caught = await promise.then(
		() => undefined,
		(error: unknown) => error
	);
	expect(caught).toBeInstanceOf(DocumentChangedError);
	return caught as DocumentChangedError;
}

describe('a document changed since the page read it', () => {
	it('refuses the second Ship of two tabs and writes nothing: only 4 are shipped', async () => {
		const no = await orderShippingFour();
		const read = await versionOf(no);

		await postSalesOrder({ no, ship: true, invoice: false, expectedVersion: read });
		const before = await snapshotDatabase();
		const error = await refusal(
			postSalesOrder({ no, ship: true, invoice: false, expectedVersion: read })
		);

		expect(error.key).toBe('error.documentChanged.post');
		expect(error.message).toBe(
			`Sales Order ${no} was changed in another window. Check it and post again.`
		);
		expect(error.currentVersion).toBe(await versionOf(no));
		expect(await snapshotDatabase()).toEqual(before);
		expect(await firstLine(no)).toMatchObject({ quantityShipped: 4, qtyToShip: 6 });
		expect(await db.shipments.count()).toBe(1);
	});

	it('refuses posting an invoice or credit memo the page read before a line changed', async () => {
		const customer = await givenCustomer();
		for (const type of ['Invoice', 'CreditMemo'] as const) {
			const no = await givenDocument(type, customer.no, [[2, 1000]]);
			const read = await versionOf(no);
			await updateLine({ id: (await firstLine(no)).id, field: 'quantity', value: 3 });

			await refusal(postSalesInvoice({ no, expectedVersion: read }));
			expect(await db.salesHeaders.get(no)).toBeDefined();
			await postSalesInvoice({ no, expectedVersion: read + 1 });
			expect(await db.salesHeaders.get(no)).toBeUndefined();
		}
	});

	it('refuses Release and Reopen with a stale version and keeps the status', async () => {
		const no = await orderShippingFour();
		const read = await versionOf(no);
		await updateLine({ id: (await firstLine(no)).id, field: 'qtyToShip', value: 3 });

		const error = await refusal(releaseDocument({ no, expectedVersion: read }));
		expect(error.key).toBe('error.documentChanged.release');
		expect((await db.salesHeaders.get(no))?.status).toBe('Open');

		await releaseDocument({ no, expectedVersion: read + 1 });
		await refusal(reopenDocument({ no, expectedVersion: read + 1 }));
		expect((await db.salesHeaders.get(no))?.status).toBe('Released');
	});

	it('refuses a line edit, a new line and a deleted line with a stale version', async () => {
		const no = await orderShippingFour();
		const line = await firstLine(no);
		const read = await versionOf(no);
		await updateLine({ id: line.id, field: 'description', value: 'Changed elsewhere' });
		const before = await snapshotDatabase();

		const error = await refusal(
			updateLine({ id: line.id, field: 'qtyToShip', value: 2, expectedVersion: read })
		);
		expect(error.key).toBe('error.documentChanged.edit');
		await refusal(addLine({ documentNo: no, expectedVersion: read }));
		await refusal(deleteLine({ id: line.id, documentNo: no, expectedVersion: read }));
		await refusal(
			updateHeaderField({
				no,
				field: 'externalDocumentNo',
				value: 'X',
				expectedVersion: read
			})
		);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('refuses Make Order, Make Invoice, Copy and a blanket Make Order from a stale page', async () => {
		const customer = await givenCustomer();
		const quote = await givenDocument('Quote', customer.no, [[1, 1000]]);
		const blanket = await givenDocument('BlanketOrder', customer.no, [[5, 1000]]);
		const read = { quote: await versionOf(quote), blanket: await versionOf(blanket) };
		await updateLine({ id: (await firstLine(quote)).id, field: 'quantity', value: 2 });
		await updateLine({ id: (await firstLine(blanket)).id, field: 'quantity', value: 6 });
		const before = await snapshotDatabase();

		const error = await refusal(
			makeOrderFromQuote({ quoteNo: quote, expectedVersion: read.quote })
		);
		expect(error.key).toBe('error.documentChanged.convert');
		await refusal(makeInvoiceFromQuote({ quoteNo: quote, expectedVersion: read.quote }));
		await refusal(
			copyDocument({
				fromNo: quote,
				toType: 'Order',
				includeHeader: true,
				expectedVersion: read.quote
			})
		);
		await refusal(makeOrderFromBlanket({ blanketNo: blanket, expectedVersion: read.blanket }));
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('accepts every command with the version the page read', async () => {
		const no = await orderShippingFour();
		const quote = await givenDocument('Quote', (await givenCustomer()).no, [[1, 1000]]);
		await copyDocument({
			fromNo: quote,
			toType: 'Order',
			includeHeader: true,
			expectedVersion: await versionOf(quote)
		});
		await makeOrderFromQuote({ quoteNo: quote, expectedVersion: await versionOf(quote) });
		await releaseDocument({ no, expectedVersion: await versionOf(no) });
		const result = await postSalesOrder({
			no,
			ship: true,
			invoice: false,
			expectedVersion: await versionOf(no)
		});
		expect(result.shipmentNo).toMatch(/^PSS-/);
	});

	it('works on a document stored before versions existed: it counts as version 0', async () => {
		const no = await orderShippingFour();
		const { version, ...old } = (await db.salesHeaders.get(no))!;
		expect(version).toBeGreaterThan(0);
		await db.salesHeaders.put(old);

		await refusal(releaseDocument({ no, expectedVersion: 1 }));
		await releaseDocument({ no, expectedVersion: 0 });
		expect(await versionOf(no)).toBe(1);
		await postSalesOrder({ no, ship: true, invoice: false, expectedVersion: 1 });
		expect((await firstLine(no)).quantityShipped).toBe(4);
	});
});

describe('the version of a document', () => {
	it('goes up by exactly one with every command that changes the document', async () => {
		const customer = await givenCustomer();
		const other = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[10, 1000]]);
		const line = await firstLine(no);
		const steps: Array<[string, () => Promise<unknown>]> = [
			['addLine', () => addLine({ documentNo: no })],
			['updateLine', () => updateLine({ id: line.id, field: 'quantity', value: 8 })],
			['updateHeaderField', () => updateHeaderField({ no, field: 'dueDate', value: '2030-01-01' })],
			['changeSellToCustomer', () => changeSellToCustomer({ no, customerNo: other.no })],
			['changeBillToCustomer', () => changeBillToCustomer({ no, customerNo: customer.no })],
			['releaseDocument', () => releaseDocument({ no })],
			[
				'updateLine on a released order',
				() => updateLine({ id: line.id, field: 'qtyToShip', value: 3 })
			],
			['releaseDocument again', () => releaseDocument({ no })],
			['postSalesOrder', () => postSalesOrder({ no, ship: true, invoice: false })],
			['reopenDocument', () => reopenDocument({ no })],
			[
				'deleteLine',
				async () => {
					const empty = (await db.salesLines.where('documentNo').equals(no).sortBy('lineNo'))[1]!;
					await deleteLine({ id: empty.id });
				}
			]
		];
		const seen: Array<[string, number]> = [];
		for (const [name, command] of steps) {
			const before = await versionOf(no);
			await command();
			seen.push([name, (await versionOf(no)) - before]);
		}
		expect(seen).toEqual(steps.map(([name]) => [name, 1]));
	});

	it('changes on the order when an invoice posts its shipment, and on a blanket order when it is ordered from', async () => {
		const customer = await givenCustomer();
		const order = await orderShippingFour();
		await postSalesOrder({ no: order, ship: true, invoice: false });
		const orderRead = await versionOf(order);
		const invoice = await givenDocument(
			'Invoice',
			(await db.salesHeaders.get(order))!.billToCustomerNo
		);
		const invoiceRead = await versionOf(invoice);
		const [shipmentLine] = await shipmentLinesToInvoice(
			(await db.salesHeaders.get(order))!.billToCustomerNo
		);
		await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: [shipmentLine!.id] });
		expect(await versionOf(invoice)).toBe(invoiceRead + 1);
		await postSalesInvoice({ no: invoice });
		expect(await versionOf(order)).toBeGreaterThan(orderRead);

		const blanket = await givenDocument('BlanketOrder', customer.no, [[5, 1000]]);
		const blanketRead = await versionOf(blanket);
		const made = await makeOrderFromBlanket({ blanketNo: blanket, quantities: {} });
		expect(await versionOf(blanket)).toBe(blanketRead + 1);
		await deleteLine({ id: (await firstLine(made)).id });
		expect(await versionOf(blanket)).toBe(blanketRead + 2);
	});
});

describe('DocumentSession: what one page has seen of a document', () => {
	it('runs quick edits one after the other and counts its own saves as seen', async () => {
		const no = await orderShippingFour();
		const line = await firstLine(no);
		const session = new DocumentSession(no);
		session.read(await versionOf(no));

		// Typing in one field and then the next: the second save starts before the first is done.
		await Promise.all([
			session.run((expectedVersion) =>
				updateLine({ id: line.id, field: 'quantity', value: 12, expectedVersion })
			),
			session.run((expectedVersion) =>
				updateLine({ id: line.id, field: 'qtyToShip', value: 5, expectedVersion })
			),
			session.run((expectedVersion) => addLine({ documentNo: no, expectedVersion })),
			session.run((expectedVersion) =>
				postSalesOrder({ no, ship: true, invoice: false, expectedVersion })
			)
		]);
		expect(await firstLine(no)).toMatchObject({ quantity: 12, quantityShipped: 5 });
	});

	it('refuses what was asked before another window changed the document, then takes the new version', async () => {
		const no = await orderShippingFour();
		const line = await firstLine(no);
		const session = new DocumentSession(no);
		session.read(await versionOf(no));
		// The other window ships the 4; this page still shows Qty. to Ship 4 and asks for both.
		await postSalesOrder({ no, ship: true, invoice: false });

		const results = await Promise.allSettled([
			session.run((expectedVersion) =>
				updateLine({ id: line.id, field: 'qtyToShip', value: 4, expectedVersion })
			),
			session.run((expectedVersion) =>
				postSalesOrder({ no, ship: true, invoice: false, expectedVersion })
			)
		]);
		expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
		expect((await firstLine(no)).quantityShipped).toBe(4);

		// Told, the clerk checks the page and posts again: now it goes through.
		await session.run((expectedVersion) =>
			postSalesOrder({ no, ship: true, invoice: false, expectedVersion })
		);
		expect(await db.salesHeaders.get(no)).toBeDefined();
		expect((await firstLine(no)).quantityShipped).toBe(10);
	});

	it('checks nothing before it has read the document', async () => {
		const no = await orderShippingFour();
		const session = new DocumentSession(no);
		await session.run((expectedVersion) => releaseDocument({ no, expectedVersion }));
		expect((await db.salesHeaders.get(no))?.status).toBe('Released');
	});
});

describe('the message', () => {
	it('names the document in both languages', async () => {
		const no = await orderShippingFour();
		const error = await refusal(releaseDocument({ no, expectedVersion: 99 }));
		await setupI18n('en');
		expect(errorText(error, translate)).toBe(
			`Sales Order ${no} was changed in another window. Check it and release it again.`
		);
		const post = await refusal(
			postSalesOrder({ no, ship: true, invoice: false, expectedVersion: 99 })
		);
		expect(errorText(post, translate)).toBe(
			`Sales Order ${no} was changed in another window. Check it and post again.`
		);
		await setupI18n('nl');
		expect(errorText(post, translate)).toBe(
			`Verkooporder ${no} is in een ander venster gewijzigd. Controleer het document en boek opnieuw.`
		);
		await setupI18n('en');
	});
});
