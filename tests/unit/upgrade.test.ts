import { describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { AppDB } from '$lib/db/db';
import { totalsOf } from '$lib/domain/posted';
import { aCustomer } from '../factories';

/** The schema as version 1 shipped it. */
const VERSION_1 = {
	customers: 'no, name, blocked, *searchTerms',
	items: 'no, description',
	paymentTerms: 'code',
	salesHeaders: 'no, documentType, sellToCustomerNo, billToCustomerNo',
	salesLines: 'id, documentNo',
	numberSeries: 'code',
	settings: 'key',
	changeLog: 'id, at, [key+at]'
};

describe('upgrade from version 1', () => {
	it('keeps customers, items and documents and fills what later versions add', async () => {
		const name = `upgrade-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		old.version(1).stores(VERSION_1);
		// Version 1 customers had no reminder or finance charge terms.
		const customers = [
			aCustomer({ blocked: 'Ship' }),
			aCustomer({ privacyBlocked: true, blocked: 'All' })
		];
		await old.table('customers').bulkAdd(
			customers.map((customer) => {
				const {
					reminderTermsCode: _r,
					financeChargeTermsCode: _f,
					blockReason: _br,
					blockNote: _bn,
					blockedBy: _bb,
					blockedSince: _bs,
					blockedUntil: _bu,
					...v1
				} = customer;
				return v1;
			})
		);
		await old.table('items').add({
			no: 'I1',
			description: 'Oak Desk',
			baseUnitOfMeasure: 'PCS',
			unitPriceCents: 100,
			vatPct: 21
		});
		await old
			.table('salesHeaders')
			.add({ no: 'SO-1001', documentType: 'Order', sellToCustomerNo: customers[0]!.no });
		await old
			.table('salesLines')
			.add({ id: 'L1', documentNo: 'SO-1001', lineNo: 10000, type: 'Item', no: 'I1', quantity: 1 });
		old.close();

		const upgraded = new AppDB(name);
		await upgraded.open();

		expect(upgraded.verno).toBe(11);
		expect(await upgraded.customers.toArray()).toEqual(
			customers.map((customer) => ({
				...customer,
				reminderTermsCode: '',
				financeChargeTermsCode: ''
			}))
		);
		expect(await upgraded.items.get('I1')).toMatchObject({ searchTerms: ['i1', 'oak', 'desk'] });
		expect(await upgraded.items.where('searchTerms').startsWith('des').primaryKeys()).toEqual([
			'I1'
		]);
		expect(await upgraded.salesHeaders.get('SO-1001')).toMatchObject({
			amountCents: 0,
			amountInclVatCents: 0
		});
		expect(await upgraded.salesLines.get('L1')).toMatchObject({
			quantityOrdered: 0,
			blanketOrderLineId: '',
			qtyToShip: 1,
			quantityShipped: 0,
			qtyToInvoice: 1,
			quantityInvoiced: 0,
			shipmentLineId: ''
		});
		// Version 10: the line has all to ship, so the Role Center's cue index holds it.
		expect(await upgraded.salesLines.get('L1')).not.toHaveProperty('cueShippedNotInvoiced');
		expect(await upgraded.salesLines.orderBy('cueToShip').uniqueKeys()).toEqual(['SO-1001']);
		expect(await upgraded.custLedgerEntries.count()).toBe(0);
		// Version 8 brings the block reasons table with the five codes every company starts with.
		expect(await upgraded.blockReasons.toArray()).toEqual(
			['CREDIT REVIEW', 'DISPUTE', 'INSOLVENCY', 'OTHER', 'OVERDUE'].map((code) => ({
				code,
				description: ''
			}))
		);
		upgraded.close();
	});

	it("version 9 computes every customer's ledger totals from the entries already there", async () => {
		const name = `upgrade-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		old.version(8).stores({
			custLedgerEntries: 'entryNo, customerNo, [customerNo+open], documentNo, open'
		});
		const entry = (entryNo: number, customerNo: string, remainingAmountCents: number) => ({
			entryNo,
			customerNo,
			amountCents: 1000,
			remainingAmountCents,
			open: remainingAmountCents === 0 ? (0 as const) : (1 as const)
		});
		const entries = [
			entry(1, 'C1', 1000),
			entry(2, 'C1', 0),
			entry(3, 'C1', -250),
			entry(4, 'C2', 5)
		];
		await old.table('custLedgerEntries').bulkAdd(entries);
		old.close();

		const upgraded = new AppDB(name);
		await upgraded.open();
		expect(await upgraded.customerTotals.orderBy('customerNo').toArray()).toEqual([
			{ customerNo: 'C1', balanceCents: 750, openEntries: 2, entries: 3 },
			{ customerNo: 'C2', balanceCents: 5, openEntries: 1, entries: 1 }
		]);
		expect(totalsOf('C1', entries.slice(0, 3)).balanceCents).toBe(750);
		upgraded.close();
	});

	it('version 11 keeps the open entries per due date and per customer, from the entries already there', async () => {
		const name = `upgrade-${crypto.randomUUID()}`;
		const old = new Dexie(name);
		old.version(10).stores({
			custLedgerEntries: 'entryNo, customerNo, [customerNo+open], documentNo, open, [open+dueDate]'
		});
		const entry = (entryNo: number, customerNo: string, cents: number, dueDate: string) => ({
			entryNo,
			customerNo,
			dueDate,
			remainingAmountCents: cents,
			open: cents === 0 ? (0 as const) : (1 as const)
		});
		await old
			.table('custLedgerEntries')
			.bulkAdd([
				entry(1, 'C1', 1000, '2026-02-01'),
				entry(2, 'C1', 0, '2026-01-01'),
				entry(3, 'C2', 500, '2026-02-01'),
				entry(4, 'C2', -200, '2026-03-01')
			]);
		old.close();

		const upgraded = new AppDB(name);
		await upgraded.open();
		expect(await upgraded.dueDateTotals.orderBy('dueDate').toArray()).toEqual([
			{ dueDate: '2026-02-01', remainingCents: 1500, entries: 2 },
			{ dueDate: '2026-03-01', remainingCents: -200, entries: 1 }
		]);
		expect(await upgraded.customerDue.orderBy('customerNo').toArray()).toEqual([
			{ customerNo: 'C1', firstDue: '2026-02-01', credit: 0 },
			{ customerNo: 'C2', firstDue: '2026-02-01', credit: 1 }
		]);
		expect(await upgraded.firstDueCounts.toArray()).toEqual([
			{ firstDue: '2026-02-01', customers: 1 }
		]);
		upgraded.close();
	});
});
