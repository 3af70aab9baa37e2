import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { setCustomerBlocked } from '$lib/app/customer-blocking';
import { createSalesDocument } from '$lib/app/sales-headers';
import { BlockedError } from '$lib/app/errors';
import { refusalsRecorded } from '$lib/app/refusals';
import { postSalesOrder } from '$lib/app/posting';
import { givenCustomer, givenDocument } from '../factories';

async function attempts() {
	// The record is written in its own transaction just after the refusal.
	await refusalsRecorded();
	return db.refusedAttempts.toArray();
}

describe('refused attempts', () => {
	it('are recorded with action, customer, document and message, and survive the rollback', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[1, 1000]]);
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });

		await expect(postSalesOrder({ no: order, ship: true, invoice: false })).rejects.toBeInstanceOf(
			BlockedError
		);
		await expect(
			createSalesDocument({ documentType: 'Quote', sellToCustomerNo: customer.no })
		).rejects.toBeInstanceOf(BlockedError);

		const rows = await attempts();
		expect(
			rows.map(({ action, customerNo, documentNo, message }) => ({
				action,
				customerNo,
				documentNo,
				message
			}))
		).toEqual(
			expect.arrayContaining([
				{
					action: 'order.postShip',
					customerNo: customer.no,
					documentNo: order,
					message: `You cannot post this type of document when Customer ${customer.no} is blocked with type Ship.`
				},
				{
					action: 'quote.create',
					customerNo: customer.no,
					documentNo: '',
					message: `You cannot create this type of document when Customer ${customer.no} is blocked with type Ship.`
				}
			])
		);
		expect(rows).toHaveLength(2);
	});

	it('an allowed command records nothing', async () => {
		const customer = await givenCustomer();
		await createSalesDocument({ documentType: 'Quote', sellToCustomerNo: customer.no });
		expect(await attempts()).toEqual([]);
	});
});
