import { Dexie, type EntityTable, type Table, type Transaction } from 'dexie';
import { ROW_MIGRATIONS, TABLE_SEEDS } from './migrations';
import { companyDatabaseName, OPEN_COMPANY_ID } from './companies';
import { orderCueKeysMiddleware } from './order-cue-keys';
import {
	DUE_TABLES,
	dueTotalsMiddleware,
	dueTotalsOf,
	type CustomerDue,
	type DueDateTotal,
	type FirstDueCount
} from './due-totals';
import type { BlockReason, Customer, PaymentTerms } from '$lib/domain/customer';
import type { ChangeLogEntry } from '$lib/domain/change-log';
import type { SalesHeader, SalesLine } from '$lib/domain/sales-document';
import type { Item } from '$lib/domain/item';
import type { RefusalFacts } from '$lib/domain/policy';
import {
	totalsOf,
	type Application,
	type CustLedgerEntry,
	type CustomerTotals,
	type PostedCreditMemo,
	type PostedInvoice,
	type PostedLine,
	type Shipment,
	type ShipmentLine
} from '$lib/domain/posted';
import type {
	FinanceChargeMemo,
	FinanceChargeTerms,
	JournalLine,
	Reminder,
	ReminderTerms
} from '$lib/domain/receivables';

export interface NumberSeries {
	code: string;
	prefix: string;
	lastNo: number;
	increment: number;
	/** Digits after the prefix, zero-padded (C00010 has 5). */
	width: number;
}

export interface Setting {
	key: string;
	value: string;
}

export type { ChangeLogEntry };

/**
 * A command refused by the policy: kept so a credit controller sees who tried what. The UI says
 * why from the refusal's facts (`code`, `blocked`, `verb`) in its own language; `message` is the
 * English sentence, all that attempts recorded before the facts have.
 */
export interface RefusedAttempt extends Partial<Omit<RefusalFacts, 'customerNo'>> {
	id: string;
	at: string;
	action: string;
	customerNo: string;
	documentNo: string;
	message: string;
}

export const DATABASE_NAME = 'holdfast';

/** Runs one version's row migrations over the stored tables inside Dexie's upgrade. */
async function upgradeTo(tx: Transaction, version: number): Promise<void> {
	for (const [table, migrate] of Object.entries(ROW_MIGRATIONS[version] ?? {})) {
		await tx
			.table(table)
			.toCollection()
			.modify((row: Record<string, unknown>) => migrate(row));
	}
	for (const [table, rows] of Object.entries(TABLE_SEEDS[version] ?? {})) {
		await tx.table(table).bulkPut(rows);
	}
}

/** Computes every customer's ledger totals from the entries (an upgrade, a restored backup). */
export async function rebuildCustomerTotals(source: { table(name: string): Table }): Promise<void> {
	const entries: Table<CustLedgerEntry> = source.table('custLedgerEntries');
	const totals: Table<CustomerTotals> = source.table('customerTotals');
	const byCustomer = new Map<string, CustLedgerEntry[]>();
	await entries.each((entry) => {
		const own = byCustomer.get(entry.customerNo);
		if (own) own.push(entry);
		else byCustomer.set(entry.customerNo, [entry]);
	});
	await totals.clear();
	await totals.bulkPut([...byCustomer].map(([no, own]) => totalsOf(no, own)));
}

/** Computes the kept totals of the open entries from the entries (the upgrade to version 11). */
async function rebuildDueTotals(source: { table(name: string): Table }): Promise<void> {
	const open = await source.table('custLedgerEntries').where('open').equals(1).toArray();
	const built = dueTotalsOf(open);
	for (const [name, rows] of Object.entries(built)) {
		await source.table(name).clear();
		await source.table(name).bulkAdd(rows);
	}
}

/** Every version ever shipped stays here; a change is a new version with an upgrade. */
export class AppDB extends Dexie {
	customers!: EntityTable<Customer, 'no'>;
	items!: EntityTable<Item, 'no'>;
	paymentTerms!: EntityTable<PaymentTerms, 'code'>;
	salesHeaders!: EntityTable<SalesHeader, 'no'>;
	salesLines!: EntityTable<SalesLine, 'id'>;
	numberSeries!: EntityTable<NumberSeries, 'code'>;
	settings!: EntityTable<Setting, 'key'>;
	changeLog!: EntityTable<ChangeLogEntry, 'id'>;
	shipments!: EntityTable<Shipment, 'no'>;
	shipmentLines!: EntityTable<ShipmentLine, 'id'>;
	returnReceipts!: EntityTable<Shipment, 'no'>;
	returnReceiptLines!: EntityTable<ShipmentLine, 'id'>;
	postedInvoices!: EntityTable<PostedInvoice, 'no'>;
	postedInvoiceLines!: EntityTable<PostedLine, 'id'>;
	postedCreditMemos!: EntityTable<PostedCreditMemo, 'no'>;
	postedCreditMemoLines!: EntityTable<PostedLine, 'id'>;
	custLedgerEntries!: EntityTable<CustLedgerEntry, 'entryNo'>;
	applications!: EntityTable<Application, 'id'>;
	journalLines!: EntityTable<JournalLine, 'id'>;
	reminderTerms!: EntityTable<ReminderTerms, 'code'>;
	financeChargeTerms!: EntityTable<FinanceChargeTerms, 'code'>;
	reminders!: EntityTable<Reminder, 'no'>;
	financeChargeMemos!: EntityTable<FinanceChargeMemo, 'no'>;
	refusedAttempts!: EntityTable<RefusedAttempt, 'id'>;
	blockReasons!: EntityTable<BlockReason, 'code'>;
	customerTotals!: EntityTable<CustomerTotals, 'customerNo'>;
	dueDateTotals!: EntityTable<DueDateTotal, 'dueDate'>;
	customerDue!: EntityTable<CustomerDue, 'customerNo'>;
	firstDueCounts!: EntityTable<FirstDueCount, 'firstDue'>;

	constructor(name = DATABASE_NAME) {
		super(name);
		this.version(1).stores({
			customers: 'no, name, blocked, *searchTerms',
			items: 'no, description',
			paymentTerms: 'code',
			salesHeaders: 'no, documentType, sellToCustomerNo, billToCustomerNo',
			salesLines: 'id, documentNo',
			numberSeries: 'code',
			settings: 'key',
			changeLog: 'id, at, [key+at]'
		});
		// Version 2: lines in line order, headers by type, items searchable by word.
		this.version(2)
			.stores({
				items: 'no, description, *searchTerms',
				salesHeaders: 'no, documentType, sellToCustomerNo, billToCustomerNo, [documentType+no]',
				salesLines: 'id, documentNo, [documentNo+lineNo], blanketOrderLineId'
			})
			.upgrade((tx) => upgradeTo(tx, 2));
		// Version 3: posting — posted documents, the customer ledger and applications.
		this.version(3)
			.stores({
				salesLines: 'id, documentNo, [documentNo+lineNo], blanketOrderLineId, shipmentLineId',
				shipments: 'no, orderNo, sellToCustomerNo, billToCustomerNo',
				shipmentLines: 'id, shipmentNo, orderLineId, billToCustomerNo',
				returnReceipts: 'no, orderNo, sellToCustomerNo, billToCustomerNo',
				returnReceiptLines: 'id, shipmentNo, orderLineId, billToCustomerNo',
				postedInvoices: 'no, sellToCustomerNo, billToCustomerNo, postingDate',
				postedInvoiceLines: 'id, documentNo',
				postedCreditMemos: 'no, sellToCustomerNo, billToCustomerNo, postingDate',
				postedCreditMemoLines: 'id, documentNo',
				custLedgerEntries: 'entryNo, customerNo, [customerNo+open], documentNo, open',
				applications: 'id, entryNo, appliedByEntryNo'
			})
			.upgrade((tx) => upgradeTo(tx, 3));
		// Version 4: receivables — cash receipt journal, reminders, finance charge memos.
		this.version(4)
			.stores({
				journalLines: 'id, lineNo',
				reminderTerms: 'code',
				financeChargeTerms: 'code',
				reminders: 'no, customerNo, status',
				financeChargeMemos: 'no, customerNo, status'
			})
			.upgrade((tx) => upgradeTo(tx, 4));
		// Version 5: the log of refused attempts.
		this.version(5).stores({ refusedAttempts: 'id, at, customerNo' });
		// Version 6: block reason, owner and end date on the customer.
		this.version(6)
			.stores({ customers: 'no, name, blocked, *searchTerms, blockedUntil' })
			.upgrade((tx) => upgradeTo(tx, 6));
		// Version 7: block changes findable by batch.
		this.version(7).stores({ changeLog: 'id, at, [key+at], batchId' });
		// Version 8: the editable table of block reasons.
		this.version(8)
			.stores({ blockReasons: 'code' })
			.upgrade((tx) => upgradeTo(tx, 8));
		// Version 9: ledger totals per customer, kept by every posting.
		this.version(9)
			.stores({ customerTotals: 'customerNo' })
			.upgrade((tx) => rebuildCustomerTotals(tx));
		// Version 10: the Role Center's cues read from indexes — the order lines that count for a
		// cue (sparse, see order-cue-keys.ts) and the open entries by due date.
		this.version(10)
			.stores({
				salesLines:
					'id, documentNo, [documentNo+lineNo], blanketOrderLineId, shipmentLineId, cueToShip, cueShippedNotInvoiced',
				custLedgerEntries:
					'entryNo, customerNo, [customerNo+open], documentNo, open, [open+dueDate]'
			})
			.upgrade((tx) => upgradeTo(tx, 10));
		// Version 11: the overdue cues from kept totals of the open entries (see due-totals.ts).
		this.version(11)
			.stores({
				dueDateTotals: 'dueDate',
				customerDue: 'customerNo, [credit+firstDue]',
				firstDueCounts: 'firstDue'
			})
			.upgrade((tx) => rebuildDueTotals(tx));
		this.use(orderCueKeysMiddleware);
		this.use(dueTotalsMiddleware);
		// A new database starts with the rows an upgrade would have written.
		this.on('populate', async (tx) => {
			for (const seeds of Object.values(TABLE_SEEDS)) {
				for (const [table, rows] of Object.entries(seeds)) await tx.table(table).bulkPut(rows);
			}
		});
	}
}

/** The database of the company this tab opened (the first company's is still `holdfast`). */
export const db = new AppDB(companyDatabaseName(OPEN_COMPANY_ID));

/**
 * The company's own tables: every table but those a middleware derives from the others
 * (due-totals.ts). A backup, a snapshot and a comparison of the company hold these.
 */
export function companyTables(database: AppDB = db): Table[] {
	const derived: readonly string[] = DUE_TABLES;
	return database.tables.filter((table) => !derived.includes(table.name));
}

/** Listeners told when another tab opened a newer schema and this connection was closed. */
const outdatedListeners = new Set<() => void>();

export function onDatabaseOutdated(listener: () => void): () => void {
	outdatedListeners.add(listener);
	return () => outdatedListeners.delete(listener);
}

/**
 * An installed app often keeps an old tab open: when a newer version of the schema is
 * opened elsewhere, close this connection so the upgrade can proceed, and ask for a reload.
 */
export function closeOnVersionChange(database: AppDB): void {
	database.on('versionchange', () => {
		database.close();
		for (const listener of outdatedListeners) listener();
		return false;
	});
}

closeOnVersionChange(db);
