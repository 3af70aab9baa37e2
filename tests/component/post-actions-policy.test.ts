import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { addLine, updateLine } from '$lib/app/sales-lines';
import { getShipmentLines, postSalesOrder, shipmentLinesToInvoice } from '$lib/app/posting';
import PostActions from '$lib/ui/PostActions.svelte';
import { blockOf, givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({ preloadCode: vi.fn(async () => {}), goto: vi.fn() }));
vi.mock('$app/navigation', () => navigation);

/** An invoice of Get Shipment Lines lines plus one own line of quantity 0. */
async function givenShipmentInvoiceWithEmptyOwnLine(customerNo: string) {
	const order = await givenDocument('Order', customerNo, [[2, 1000]]);
	await postSalesOrder({ no: order, ship: true, invoice: false });
	const invoice = await givenDocument('Invoice', customerNo);
	const offered = await shipmentLinesToInvoice(customerNo);
	await getShipmentLines({ invoiceNo: invoice, shipmentLineIds: offered.map((line) => line.id) });
	const own = await addLine({ documentNo: invoice });
	const [orderLine] = await db.salesLines.where('documentNo').equals(order).toArray();
	await updateLine({ id: own, field: 'no', value: orderLine!.no });
	await updateLine({ id: own, field: 'quantity', value: 0 });
	return invoice;
}

describe('PostActions asks the same posting action as the command', () => {
	it('enables Post for a Ship-blocked customer on an invoice of shipment lines and an own line of quantity 0, and posts it', async () => {
		const customer = await givenCustomer();
		const no = await givenShipmentInvoiceWithEmptyOwnLine(customer.no);
		const blocked = { ...customer, ...blockOf('Ship') };
		await db.customers.update(customer.no, blockOf('Ship'));
		const header = (await db.salesHeaders.get(no))!;
		const lines = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
		const onremoved = vi.fn();
		render(PostActions, { header, lines, sellTo: blocked, onremoved });

		const post = screen.getByRole('button', { name: 'Post' });
		expect(post).toBeEnabled();
		expect(post).toHaveAttribute('data-action', 'invoice.postFromShipments');
		await fireEvent.click(post);
		await fireEvent.click(screen.getByRole('button', { name: 'Yes' }));
		await waitFor(() => expect(onremoved).toHaveBeenCalledTimes(1));
		expect(await db.salesHeaders.get(no)).toBeUndefined();
	});

	it('keeps Post disabled, with the reason, once the own line has a quantity', async () => {
		const customer = await givenCustomer();
		const no = await givenShipmentInvoiceWithEmptyOwnLine(customer.no);
		const blocked = { ...customer, ...blockOf('Ship') };
		const header = (await db.salesHeaders.get(no))!;
		const lines = (await db.salesLines.where('documentNo').equals(no).sortBy('lineNo')).map(
			(line) => (line.shipmentLineId ? line : { ...line, quantity: 1 })
		);
		render(PostActions, { header, lines, sellTo: blocked, onremoved: vi.fn() });

		const post = screen.getByRole('button', { name: 'Post' });
		expect(post).toBeDisabled();
		expect(post).toHaveAccessibleDescription(
			`You cannot post this type of document when Customer ${customer.no} is blocked with type Ship.`
		);
	});
});
