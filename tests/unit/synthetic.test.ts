import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { generateCompany } from '$lib/app/synthetic';
import { findCustomers } from '$lib/app/customer-queries';
import { documentTotals } from '$lib/domain/amounts';
import { totalsOf } from '$lib/domain/posted';

const SIZE = { customers: 40, documents: 6, linesPerDocument: 3, ledgerEntries: 30 };

describe('generateCompany', () => {
	it('writes the sizes asked, a quarter of the customers blocked, orders whose totals match their lines', async () => {
		const shares: number[] = [];
		await generateCompany(SIZE, (share) => shares.push(share));
		expect(await db.customers.count()).toBe(40);
		expect(await db.customers.where('blocked').notEqual('').count()).toBe(10);
		expect(await db.salesHeaders.count()).toBe(6);
		expect(await db.salesLines.count()).toBe(18);
		expect(await db.custLedgerEntries.count()).toBe(30);
		expect(shares.at(-1)).toBe(1);
		const page = await findCustomers({ search: 'trad', blocked: 'any', limit: 100 });
		expect(page.rows.length).toBeGreaterThan(0);
		expect(page.rows.every((customer) => customer.name.toLowerCase().includes('trading'))).toBe(
			true
		);

		for (const header of await db.salesHeaders.toArray()) {
			const lines = await db.salesLines.where('documentNo').equals(header.no).toArray();
			expect(lines).toHaveLength(3);
			const totals = documentTotals(lines);
			expect(totals.amountCents).toBeGreaterThan(0);
			expect(header).toMatchObject({
				amountCents: totals.amountCents,
				amountInclVatCents: totals.amountInclVatCents
			});
		}
	});

	it("keeps every customer's ledger totals equal to its entries", async () => {
		await generateCompany(SIZE);
		const entries = await db.custLedgerEntries.toArray();
		const customerNos = [...new Set(entries.map((entry) => entry.customerNo))];
		expect(customerNos.length).toBeGreaterThan(1);
		const stored = await db.customerTotals.toArray();
		expect(stored).toHaveLength(customerNos.length);
		for (const no of customerNos) {
			const own = entries.filter((entry) => entry.customerNo === no);
			expect(stored.find((row) => row.customerNo === no)).toEqual(totalsOf(no, own));
		}
		// A third of the entries are paid: closed with nothing remaining, the rest open in full.
		for (const entry of entries) {
			expect(entry.remainingAmountCents).toBe(entry.open ? entry.amountCents : 0);
		}
		expect(entries.filter((entry) => entry.open === 0)).toHaveLength(10);
		expect((await db.numberSeries.get('CLE'))?.lastNo).toBe(30);
	});

	it('gives every block a reason of the block reasons table, who set it and since when', async () => {
		await generateCompany(SIZE);
		const reasons = new Set(await db.blockReasons.toCollection().primaryKeys());
		const blocked = await db.customers.where('blocked').notEqual('').toArray();
		expect(blocked.map((customer) => customer.blocked).sort()).toEqual(
			[...Array(3).fill('All'), ...Array(3).fill('Invoice'), ...Array(4).fill('Ship')].sort()
		);
		for (const customer of blocked) {
			expect(reasons.has(customer.blockReason)).toBe(true);
			expect(customer.blockedBy).not.toBe('');
			expect(customer.blockedSince).not.toBe('');
		}
	});

	it('with the Overdue reason deleted, blocks with a reason the table still has', async () => {
		await db.blockReasons.delete('OVERDUE');
		await generateCompany(SIZE);
		const reasons = new Set(await db.blockReasons.toCollection().primaryKeys());
		expect(reasons.has('OVERDUE')).toBe(false);
		for (const customer of await db.customers.where('blocked').notEqual('').toArray()) {
			expect(reasons.has(customer.blockReason)).toBe(true);
		}
	});
});
