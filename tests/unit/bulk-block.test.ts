import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { bulkSetBlocked, setCustomerBlocked, undoBatch } from '$lib/app/customer-blocking';
import { givenCustomer } from '../factories';

describe('bulk block and Undo batch', () => {
	it('blocks many customers as one batch, each with its history entry', async () => {
		const customers = await Promise.all([
			givenCustomer(),
			givenCustomer({ blocked: 'Ship' }),
			givenCustomer()
		]);
		const privacy = await givenCustomer({ blocked: 'All', privacyBlocked: true });
		const shares: number[] = [];

		const result = await bulkSetBlocked(
			{ nos: [...customers, privacy].map((c) => c.no), blocked: 'Invoice', reason: 'OVERDUE' },
			(share) => shares.push(share)
		);

		expect(result.changed).toEqual(customers.map((c) => c.no));
		for (const customer of customers) {
			expect(await db.customers.get(customer.no)).toMatchObject({
				blocked: 'Invoice',
				blockReason: 'OVERDUE'
			});
		}
		expect((await db.customers.get(privacy.no))?.privacyBlocked).toBe(true);
		expect(await db.changeLog.where('batchId').equals(result.batchId).count()).toBe(3);
		expect(shares.at(-1)).toBe(1);
	});

	it('Undo batch restores the previous levels, but leaves alone a customer changed since', async () => {
		const first = await givenCustomer();
		const second = await givenCustomer({ blocked: 'Ship' });
		const third = await givenCustomer();
		const { batchId } = await bulkSetBlocked({
			nos: [first.no, second.no, third.no],
			blocked: 'All',
			reason: 'OVERDUE'
		});
		await setCustomerBlocked({ no: third.no, blocked: 'Invoice', reason: 'DISPUTE' });

		const result = await undoBatch({ batchId });

		expect(result).toEqual({ restored: [first.no, second.no], leftAlone: [third.no] });
		expect((await db.customers.get(first.no))?.blocked).toBe('');
		expect((await db.customers.get(second.no))?.blocked).toBe('Ship');
		expect((await db.customers.get(third.no))?.blocked).toBe('Invoice');
	});

	it('refuses an unknown level or reason and changes nothing', async () => {
		const customer = await givenCustomer();
		await expect(
			bulkSetBlocked({ nos: [customer.no], blocked: 'Ship', reason: 'WHIM' })
		).rejects.toMatchObject({
			key: 'error.reasonInvalid'
		});
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
	});
});
