import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { generateCompany } from '$lib/app/synthetic';
import { findCustomers } from '$lib/app/queries';

describe('generateCompany', () => {
	it('writes the sizes asked, a quarter of the customers blocked, orders whose totals match their lines', async () => {
		const shares: number[] = [];
		await generateCompany(
			{ customers: 40, documents: 6, linesPerDocument: 3, ledgerEntries: 30 },
			(share) => shares.push(share)
		);
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
	});
});
