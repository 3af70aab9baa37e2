import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { resetDemoData, startEmptyCompany } from '$lib/app/demo';
import { generateCompany } from '$lib/app/synthetic';
import { snapshotDatabase } from '../factories';

const NO_CUSTOMERS = { customers: 0, documents: 4, linesPerDocument: 2, ledgerEntries: 5 };

describe('the scale generator without new customers', () => {
	it('writes the orders and entries for customers that exist', async () => {
		await resetDemoData();
		// The demo company has documents and entries of its own: only the generated ones count.
		const [demoOrders, demoEntries] = await Promise.all([
			db.salesHeaders.toCollection().primaryKeys(),
			db.custLedgerEntries.toCollection().primaryKeys()
		]);
		await generateCompany(NO_CUSTOMERS);

		const known = new Set(await db.customers.toCollection().primaryKeys());
		const orders = await db.salesHeaders.where('no').noneOf(demoOrders).toArray();
		const entries = await db.custLedgerEntries.where('entryNo').noneOf(demoEntries).toArray();
		expect(orders).toHaveLength(4);
		expect(entries).toHaveLength(5);
		for (const order of orders) {
			expect(known.has(order.sellToCustomerNo)).toBe(true);
			expect(known.has(order.billToCustomerNo)).toBe(true);
		}
		for (const entry of entries) expect(known.has(entry.customerNo)).toBe(true);
	});

	it('in a company without customers refuses, says why and writes nothing', async () => {
		await startEmptyCompany();
		const before = await snapshotDatabase();

		await expect(generateCompany(NO_CUSTOMERS)).rejects.toMatchObject({
			key: 'scale.noCustomers'
		});
		expect(await snapshotDatabase()).toEqual(before);
	});
});
