import { describe, expect, it, vi } from 'vitest';
import { Dexie } from 'dexie';
import { AppDB, closeOnVersionChange, db, onDatabaseOutdated } from '$lib/db/db';
import { ensureCompany, resetDemoData, startEmptyCompany } from '$lib/app/demo';
import { findCustomers } from '$lib/app/customer-queries';

describe('schema', () => {
	it('opens an empty database with every table of every version', async () => {
		const fresh = new AppDB(`schema-empty-${crypto.randomUUID()}`);
		await fresh.open();
		expect(fresh.tables.map((table) => table.name).sort()).toEqual(
			[
				'applications',
				'blockReasons',
				'changeLog',
				'custLedgerEntries',
				'customerDue',
				'customerTotals',
				'customers',
				'dueDateTotals',
				'financeChargeMemos',
				'financeChargeTerms',
				'firstDueCounts',
				'items',
				'journalLines',
				'numberSeries',
				'paymentTerms',
				'postedCreditMemoLines',
				'postedCreditMemos',
				'postedInvoiceLines',
				'postedInvoices',
				'refusedAttempts',
				'reminderTerms',
				'reminders',
				'returnReceiptLines',
				'returnReceipts',
				'salesHeaders',
				'salesLines',
				'settings',
				'shipmentLines',
				'shipments'
			].sort()
		);
		expect(await fresh.customers.count()).toBe(0);
		fresh.close();
	});

	it('sets up the demo company on first start, and only then', async () => {
		await ensureCompany();
		const count = await db.customers.count();
		expect(count).toBeGreaterThanOrEqual(12);
		await db.customers.delete('C00010');
		await ensureCompany();
		expect(await db.customers.count()).toBe(count - 1);
	});

	it('demo data has every block level, a privacy-blocked customer and a different bill-to', async () => {
		await resetDemoData();
		const customers = await db.customers.toArray();
		for (const level of ['', 'Ship', 'Invoice', 'All']) {
			expect(customers.some((c) => c.blocked === level && !c.privacyBlocked)).toBe(true);
		}
		expect(customers.some((c) => c.privacyBlocked)).toBe(true);
		const withBillTo = customers.find((c) => c.billToCustomerNo !== '');
		expect(customers.some((c) => c.no === withBillTo?.billToCustomerNo)).toBe(true);
		expect(await db.items.count()).toBeGreaterThanOrEqual(10);
	});

	it('Start empty company leaves no customers and does not reseed', async () => {
		await resetDemoData();
		await startEmptyCompany();
		await ensureCompany();
		expect(await db.customers.count()).toBe(0);
		expect(await db.numberSeries.get('CUST')).toMatchObject({ lastNo: 0 });
	});

	it('finds customers by a prefix of any word of the name, case-insensitive', async () => {
		await resetDemoData();
		const page = await findCustomers({ search: 'TRAD', blocked: 'any', limit: 10 });
		expect(page.rows.map((c) => c.name)).toEqual(['Gent Trading NV']);
		const byNo = await findCustomers({ search: 'c0004', blocked: 'any', limit: 10 });
		expect(byNo.rows.map((c) => c.no)).toEqual(['C00040']);
		const blocked = await findCustomers({ search: '', blocked: 'Ship', limit: 10 });
		expect(blocked.rows.every((c) => c.blocked === 'Ship')).toBe(true);
		expect(blocked.rows.length).toBeGreaterThan(0);
	});

	it('closes the old connection when another tab opens a newer version', async () => {
		const name = `schema-upgrade-${crypto.randomUUID()}`;
		const old = new AppDB(name);
		closeOnVersionChange(old);
		const outdated = vi.fn();
		const stop = onDatabaseOutdated(outdated);
		await old.open();

		const newer = new Dexie(name);
		newer.version(old.verno + 1).stores({ extra: 'id' });
		await newer.open();

		expect(old.isOpen()).toBe(false);
		expect(outdated).toHaveBeenCalled();
		newer.close();
		stop();
	});
});
