import { db } from '$lib/db/db';
import { TABLE_SEEDS } from '$lib/db/migrations';
import { companyRegistry, DEFAULT_COMPANY_ID } from '$lib/db/companies';
import { emptyCustomer, searchTermsOf, type Customer } from '$lib/domain/customer';
import type { Blocked, PolicyCustomer } from '$lib/domain/policy';
import type { Item } from '$lib/domain/item';
import { totalsOf, type CustLedgerEntry } from '$lib/domain/posted';
import type { SalesDocumentType } from '$lib/domain/sales-document';
import { createSalesDocument } from '$lib/app/sales-headers';
import { addLine, updateLine } from '$lib/app/sales-lines';

let counter = 0;

/** Empties every table and writes back the rows a new database starts with. */
export async function resetDatabase(): Promise<void> {
	if (!db.isOpen()) await db.open();
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map((table) => table.clear()));
		for (const seeds of Object.values(TABLE_SEEDS)) {
			for (const [table, rows] of Object.entries(seeds)) await db.table(table).bulkPut(rows);
		}
	});
	// As the first start lists it: the one company, the training company (reset allowed).
	await companyRegistry.transaction('rw', companyRegistry.tables, async () => {
		await Promise.all(companyRegistry.tables.map((table) => table.clear()));
		await companyRegistry.companies.put({
			id: DEFAULT_COMPANY_ID,
			name: 'Holdfast Demo BV',
			kind: 'training',
			created: '2026-01-01T00:00:00.000Z'
		});
	});
}

/** A customer with sensible defaults; pass only what the test is about. */
export function aCustomer(overrides: Partial<Customer> = {}): Customer {
	counter += 1;
	const no = overrides.no ?? `T${String(counter).padStart(5, '0')}`;
	const name = overrides.name ?? `Test Customer ${counter}`;
	return { ...emptyCustomer(no), name, searchTerms: searchTermsOf(no, name), ...overrides };
}

export async function givenCustomer(overrides: Partial<Customer> = {}): Promise<Customer> {
	const customer = aCustomer(overrides);
	await db.customers.add(customer);
	return customer;
}

export type Level = Blocked | 'Privacy';

export const LEVELS: Level[] = ['', 'Ship', 'Invoice', 'All', 'Privacy'];

/** The block fields for one column of the policy matrix. */
export function blockOf(level: Level): Pick<PolicyCustomer, 'blocked' | 'privacyBlocked'> {
	return level === 'Privacy'
		? { blocked: 'All', privacyBlocked: true }
		: { blocked: level, privacyBlocked: false };
}

/** Every table's rows, but the log of refused attempts (an audit trail, written on refusal). */
export async function snapshotDatabase(): Promise<Record<string, unknown[]>> {
	const entries = await Promise.all(
		db.tables
			.filter((table) => table.name !== 'refusedAttempts')
			.map(async (table) => [table.name, await table.toArray()] as const)
	);
	return Object.fromEntries(entries);
}

export async function givenItem(overrides: Partial<Item> = {}): Promise<Item> {
	counter += 1;
	const no = overrides.no ?? `IT${counter}`;
	const description = overrides.description ?? `Item ${counter}`;
	const item: Item = {
		no,
		description,
		baseUnitOfMeasure: 'PCS',
		unitPriceCents: 1000,
		vatPct: 21,
		searchTerms: searchTermsOf(no, description),
		...overrides
	};
	await db.items.add(item);
	return item;
}

/** A document with item lines given as [quantity, unit price in cents, discount %]. */
export async function givenDocument(
	documentType: SalesDocumentType,
	customerNo: string,
	lines: Array<[quantity: number, unitPriceCents: number, discountPct?: number]> = []
): Promise<string> {
	const no = await createSalesDocument({ documentType, sellToCustomerNo: customerNo });
	for (const [quantity, unitPriceCents, discount = 0] of lines) {
		const item = await givenItem({ unitPriceCents });
		const id = await addLine({ documentNo: no });
		await updateLine({ id, field: 'no', value: item.no });
		await updateLine({ id, field: 'quantity', value: quantity });
		if (discount) await updateLine({ id, field: 'lineDiscountPct', value: discount });
	}
	return no;
}

/** An open invoice entry of customer C1, not stored; pass only what the test is about. */
export function anEntry(
	entryNo: number,
	overrides: Partial<CustLedgerEntry> = {}
): CustLedgerEntry {
	return {
		entryNo,
		customerNo: 'C1',
		postingDate: '2026-01-01',
		documentType: 'Invoice',
		documentNo: `PSI-T${entryNo}`,
		description: '',
		amountCents: 0,
		remainingAmountCents: 0,
		dueDate: '2026-01-31',
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: '',
		...overrides
	};
}

/** An open invoice entry for a customer, stored as posting would write it (totals kept). */
export async function givenInvoiceEntry(
	customerNo: string,
	amountCents: number,
	dueDate: string,
	overrides: Partial<CustLedgerEntry> = {}
): Promise<CustLedgerEntry> {
	const last = await db.custLedgerEntries.orderBy('entryNo').last();
	const entryNo = (last?.entryNo ?? 0) + 1;
	const entry = anEntry(entryNo, {
		customerNo,
		amountCents,
		remainingAmountCents: amountCents,
		dueDate,
		...overrides
	});
	await db.transaction(
		'rw',
		[db.custLedgerEntries, db.customerTotals, db.numberSeries],
		async () => {
			await db.custLedgerEntries.add(entry);
			// The customer's kept totals, as posting keeps them.
			const own = await db.custLedgerEntries.where('customerNo').equals(customerNo).toArray();
			await db.customerTotals.put(totalsOf(customerNo, own));
			await db.numberSeries.put({
				code: 'CLE',
				prefix: '',
				lastNo: entryNo,
				increment: 1,
				width: 0
			});
		}
	);
	return entry;
}
