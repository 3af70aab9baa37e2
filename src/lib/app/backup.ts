import * as v from 'valibot';
import { db, rebuildCustomerTotals, type NumberSeries } from '$lib/db/db';
import { migrateRows } from '$lib/db/migrations';
import { isIsoDate } from '$lib/domain/dates';
import { ValidationError } from './errors';
import { DEFAULT_SERIES } from './numbering';
import { SETTING } from './settings';

/**
 * Backups: every table as one versioned JSON file. An import is checked as a whole (every
 * table, field type and reference) before it replaces the data in one transaction.
 */

export const BACKUP_FORMAT = 'holdfast-backup';
export const APP_VERSION = '0.1.0';
/** Larger files are refused before they are read into memory. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;
const MAX_ERRORS = 10;

const text = v.string();
const int = v.pipe(v.number(), v.integer());
const amount = v.pipe(v.number(), v.safeInteger());
const quantity = v.pipe(v.number(), v.finite());
const date = v.pipe(
	v.string(),
	v.check((value) => value === '' || isIsoDate(value), 'a date YYYY-MM-DD')
);
const blocked = v.picklist(['', 'Ship', 'Invoice', 'All']);
const lineType = v.picklist(['Item', 'Comment']);
const documentType = v.picklist([
	'Quote',
	'Order',
	'Invoice',
	'CreditMemo',
	'BlanketOrder',
	'ReturnOrder'
]);
const ledgerType = v.picklist([
	'Invoice',
	'Credit Memo',
	'Payment',
	'Refund',
	'Finance Charge Memo',
	'Reminder'
]);

const postedLine = v.object({
	id: text,
	documentNo: text,
	lineNo: int,
	type: lineType,
	no: text,
	description: text,
	unitOfMeasure: text,
	quantity,
	unitPriceCents: amount,
	lineDiscountPct: quantity,
	vatPct: quantity,
	amountCents: amount,
	vatCents: amount
});
const postedHeader = {
	no: text,
	sellToCustomerNo: text,
	sellToName: text,
	billToCustomerNo: text,
	billToName: text,
	postingDate: date,
	documentDate: date,
	dueDate: date,
	externalDocumentNo: text,
	sourceNo: text,
	amountCents: amount,
	vatCents: amount,
	amountInclVatCents: amount
};
const shipment = v.object({
	no: text,
	orderNo: text,
	sellToCustomerNo: text,
	sellToName: text,
	billToCustomerNo: text,
	billToName: text,
	postingDate: date
});
const shipmentLine = v.object({
	id: text,
	shipmentNo: text,
	lineNo: int,
	orderNo: text,
	orderLineId: text,
	billToCustomerNo: text,
	no: text,
	description: text,
	unitOfMeasure: text,
	quantity,
	quantityInvoiced: quantity,
	unitPriceCents: amount,
	lineDiscountPct: quantity,
	vatPct: quantity
});

/** The shape of every table at the current schema version. */
const TABLES = {
	customers: v.object({
		no: text,
		name: text,
		address: text,
		postCode: text,
		city: text,
		countryRegion: text,
		phoneNo: text,
		email: text,
		billToCustomerNo: text,
		paymentTermsCode: text,
		reminderTermsCode: text,
		financeChargeTermsCode: text,
		creditLimitCents: amount,
		blocked,
		privacyBlocked: v.boolean(),
		searchTerms: v.array(text),
		blockReason: text,
		blockNote: text,
		blockedBy: text,
		blockedSince: text,
		blockedUntil: date
	}),
	items: v.object({
		no: text,
		description: text,
		baseUnitOfMeasure: text,
		unitPriceCents: amount,
		vatPct: quantity,
		searchTerms: v.array(text)
	}),
	paymentTerms: v.object({ code: text, description: text, dueDays: int }),
	blockReasons: v.object({ code: text, description: text }),
	customerTotals: v.object({
		customerNo: text,
		balanceCents: amount,
		openEntries: int,
		entries: int
	}),
	salesHeaders: v.object({
		no: text,
		documentType,
		sellToCustomerNo: text,
		sellToName: text,
		billToCustomerNo: text,
		billToName: text,
		documentDate: date,
		postingDate: date,
		dueDate: date,
		externalDocumentNo: text,
		status: v.picklist(['Open', 'Released']),
		createdAt: text,
		amountCents: amount,
		amountInclVatCents: amount,
		version: v.optional(int)
	}),
	salesLines: v.object({
		id: text,
		documentNo: text,
		lineNo: int,
		type: lineType,
		no: text,
		description: text,
		quantity,
		unitPriceCents: amount,
		lineDiscountPct: quantity,
		vatPct: quantity,
		unitOfMeasure: text,
		quantityOrdered: quantity,
		blanketOrderNo: text,
		blanketOrderLineId: text,
		qtyToShip: quantity,
		quantityShipped: quantity,
		qtyToInvoice: quantity,
		quantityInvoiced: quantity,
		shipmentNo: text,
		shipmentLineId: text
	}),
	numberSeries: v.object({ code: text, prefix: text, lastNo: int, increment: int, width: int }),
	settings: v.object({ key: text, value: text }),
	changeLog: v.object({
		id: text,
		at: text,
		tableName: v.picklist(['customers', 'custLedgerEntries']),
		key: text,
		field: v.picklist(['blocked', 'privacyBlocked', 'onHold', 'blockReason', 'blockedUntil']),
		oldValue: text,
		newValue: text,
		reason: v.optional(text),
		user: v.optional(text),
		automatic: v.optional(v.boolean()),
		batchId: v.optional(text)
	}),
	shipments: shipment,
	shipmentLines: shipmentLine,
	returnReceipts: shipment,
	returnReceiptLines: shipmentLine,
	postedInvoices: v.object({ ...postedHeader, cancelledBy: text }),
	postedInvoiceLines: postedLine,
	postedCreditMemos: v.object({ ...postedHeader, cancels: text }),
	postedCreditMemoLines: postedLine,
	custLedgerEntries: v.object({
		entryNo: int,
		customerNo: text,
		postingDate: date,
		documentType: ledgerType,
		documentNo: text,
		description: text,
		amountCents: amount,
		remainingAmountCents: amount,
		dueDate: date,
		open: v.picklist([0, 1]),
		onHold: v.pipe(text, v.maxLength(3)),
		noOfReminders: int,
		closedByEntryNo: int,
		closedAtDate: date
	}),
	applications: v.object({
		id: text,
		entryNo: int,
		appliedByEntryNo: int,
		amountCents: amount,
		postingDate: date,
		// Written by Apply / Unapply Entries; absent on older records.
		transactionNo: v.optional(int),
		unapplied: v.optional(v.boolean()),
		reversesId: v.optional(text)
	}),
	journalLines: v.object({
		id: text,
		lineNo: int,
		postingDate: date,
		documentType: v.picklist(['Payment', 'Refund']),
		documentNo: text,
		customerNo: text,
		description: text,
		amountCents: amount,
		appliesToDocNo: text,
		appliesToEntries: v.array(v.object({ entryNo: int, amountToApplyCents: amount }))
	}),
	reminderTerms: v.object({
		code: text,
		description: text,
		levels: v.array(
			v.object({ level: int, gracePeriodDays: int, dueDays: int, feeCents: amount, text })
		)
	}),
	financeChargeTerms: v.object({
		code: text,
		description: text,
		interestRatePct: quantity,
		interestPeriodDays: int,
		gracePeriodDays: int,
		minimumAmountCents: amount,
		additionalFeeCents: amount
	}),
	reminders: v.object({
		no: text,
		customerNo: text,
		customerName: text,
		documentDate: date,
		dueDate: date,
		reminderTermsCode: text,
		level: int,
		feeCents: amount,
		text,
		status: v.picklist(['Open', 'Issued']),
		issuedNo: text,
		lines: v.array(
			v.object({
				entryNo: int,
				documentType: ledgerType,
				documentNo: text,
				dueDate: date,
				originalAmountCents: amount,
				remainingAmountCents: amount,
				level: int,
				onHold: v.boolean()
			})
		)
	}),
	refusedAttempts: v.object({
		id: text,
		at: text,
		action: text,
		customerNo: text,
		documentNo: text,
		message: text
	}),
	financeChargeMemos: v.object({
		no: text,
		customerNo: text,
		customerName: text,
		documentDate: date,
		dueDate: date,
		financeChargeTermsCode: text,
		feeCents: amount,
		interestCents: amount,
		status: v.picklist(['Open', 'Issued']),
		issuedNo: text,
		lines: v.array(
			v.object({
				entryNo: int,
				documentNo: text,
				dueDate: date,
				remainingAmountCents: amount,
				daysOverdue: int,
				interestCents: amount
			})
		)
	})
} as const;

type TableName = keyof typeof TABLES;
type Rows = Record<string, Record<string, unknown>[]>;

const ENVELOPE = v.object({
	format: v.literal(BACKUP_FORMAT),
	schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	exportedAt: text,
	appVersion: text,
	tables: v.record(v.string(), v.array(v.record(v.string(), v.unknown())))
});

type Row = Record<string, unknown>;

/**
 * References a backup must keep: the values `valuesOf` reads from a row of `table` must be keys
 * of `target`. Optional references may be blank ('' or 0).
 */
interface Reference {
	table: TableName;
	field: string;
	target: TableName;
	optional?: boolean;
	valuesOf?: (row: Row) => unknown[];
}

const entriesOf = (field: string) => (row: Row) =>
	(row[field] as Row[]).map((line) => line.entryNo);

const REFERENCES: Reference[] = [
	{ table: 'customers', field: 'billToCustomerNo', target: 'customers', optional: true },
	{ table: 'customers', field: 'blockReason', target: 'blockReasons', optional: true },
	{ table: 'customers', field: 'paymentTermsCode', target: 'paymentTerms', optional: true },
	{ table: 'customers', field: 'reminderTermsCode', target: 'reminderTerms', optional: true },
	{
		table: 'customers',
		field: 'financeChargeTermsCode',
		target: 'financeChargeTerms',
		optional: true
	},
	{ table: 'salesHeaders', field: 'sellToCustomerNo', target: 'customers' },
	{ table: 'salesHeaders', field: 'billToCustomerNo', target: 'customers' },
	{ table: 'salesLines', field: 'documentNo', target: 'salesHeaders' },
	{ table: 'salesLines', field: 'shipmentNo', target: 'shipments', optional: true },
	{ table: 'shipments', field: 'sellToCustomerNo', target: 'customers' },
	{ table: 'shipments', field: 'billToCustomerNo', target: 'customers' },
	{ table: 'shipmentLines', field: 'shipmentNo', target: 'shipments' },
	{ table: 'returnReceipts', field: 'sellToCustomerNo', target: 'customers' },
	{ table: 'returnReceipts', field: 'billToCustomerNo', target: 'customers' },
	{ table: 'returnReceiptLines', field: 'shipmentNo', target: 'returnReceipts' },
	{ table: 'postedInvoiceLines', field: 'documentNo', target: 'postedInvoices' },
	{ table: 'postedCreditMemoLines', field: 'documentNo', target: 'postedCreditMemos' },
	{ table: 'postedInvoices', field: 'sellToCustomerNo', target: 'customers' },
	{ table: 'postedInvoices', field: 'billToCustomerNo', target: 'customers' },
	{ table: 'postedCreditMemos', field: 'sellToCustomerNo', target: 'customers' },
	{ table: 'postedCreditMemos', field: 'billToCustomerNo', target: 'customers' },
	{ table: 'custLedgerEntries', field: 'customerNo', target: 'customers' },
	{
		table: 'custLedgerEntries',
		field: 'closedByEntryNo',
		target: 'custLedgerEntries',
		optional: true
	},
	{ table: 'applications', field: 'entryNo', target: 'custLedgerEntries' },
	{ table: 'applications', field: 'appliedByEntryNo', target: 'custLedgerEntries' },
	{ table: 'journalLines', field: 'customerNo', target: 'customers', optional: true },
	{
		table: 'journalLines',
		field: 'appliesToEntries',
		target: 'custLedgerEntries',
		valuesOf: entriesOf('appliesToEntries')
	},
	{ table: 'reminders', field: 'customerNo', target: 'customers' },
	{ table: 'reminders', field: 'lines', target: 'custLedgerEntries', valuesOf: entriesOf('lines') },
	{ table: 'financeChargeMemos', field: 'customerNo', target: 'customers' },
	{
		table: 'financeChargeMemos',
		field: 'lines',
		target: 'custLedgerEntries',
		valuesOf: entriesOf('lines')
	}
];

export interface BackupProblem {
	path: string;
	message: string;
}

export type CheckedBackup =
	| {
			ok: true;
			tables: Rows;
			counts: Record<string, number>;
			schemaVersion: number;
			/** Number series added or moved ahead of the numbers in use (codes, sorted). */
			repairedSeries: string[];
	  }
	| { ok: false; key: string; values?: Record<string, string | number>; problems: BackupProblem[] };

/** Every table, as the database holds it now, in one file. */
export async function exportBackup(): Promise<string> {
	const tables: Rows = {};
	await db.transaction('r', db.tables, async () => {
		for (const table of db.tables) tables[table.name] = await table.toArray();
	});
	return JSON.stringify({
		format: BACKUP_FORMAT,
		schemaVersion: db.verno,
		exportedAt: new Date().toISOString(),
		appVersion: APP_VERSION,
		tables
	});
}

function primaryKeyOf(table: TableName): string {
	return db.table(table).schema.primKey.keyPath as string;
}

/**
 * Reads and checks a backup completely — envelope, schema version, every row of every table,
 * unique keys, the references between them and the settings the next start needs — bringing
 * an older schema's rows up to date first. Number series behind the numbers in use are moved
 * ahead (and missing ones added) rather than refused: the result names them.
 */
export function checkBackup(
	textContent: string,
	sizeBytes = textContent.length,
	maxBytes = MAX_BACKUP_BYTES
): CheckedBackup {
	if (sizeBytes > maxBytes) {
		return {
			ok: false,
			key: 'backup.tooLarge',
			values: { max: maxBytes / 1024 / 1024 },
			problems: []
		};
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(textContent);
	} catch {
		return { ok: false, key: 'backup.notJson', problems: [] };
	}
	const envelope = v.safeParse(ENVELOPE, parsed);
	if (!envelope.success) {
		return { ok: false, key: 'backup.invalid', problems: issuesOf(envelope.issues, '') };
	}
	const { schemaVersion } = envelope.output;
	if (schemaVersion > db.verno) {
		return { ok: false, key: 'backup.newer', values: { version: schemaVersion }, problems: [] };
	}
	const tables = structuredClone(envelope.output.tables) as Rows;
	const problems: BackupProblem[] = [];
	// The names as the file has them (the parsed record leaves out `constructor` and the like),
	// tested as own properties: a table named `toString` is unknown, not "found".
	for (const name of Object.keys((parsed as { tables: object }).tables)) {
		if (!Object.hasOwn(TABLES, name)) {
			problems.push({ path: `tables.${name}`, message: 'unknown table' });
		}
	}
	if (problems.length > 0) return refusal(problems);
	migrateRows(tables, schemaVersion, db.verno);

	const checked: Rows = {};
	for (const name of Object.keys(TABLES) as TableName[]) {
		const rows = Object.hasOwn(tables, name) ? tables[name]! : [];
		const result = v.safeParse(v.array(TABLES[name]), rows);
		if (result.success) checked[name] = result.output as Rows[string];
		else problems.push(...issuesOf(result.issues, `tables.${name}`));
		if (problems.length >= MAX_ERRORS) break;
	}
	for (const check of [duplicateKeys, missingSettings, brokenReferences, circularBillTo]) {
		if (problems.length === 0) problems.push(...check(checked));
	}
	if (problems.length > 0) return refusal(problems);
	const repairedSeries = repairNumberSeries(checked);
	const counts = Object.fromEntries(
		Object.entries(checked).map(([name, rows]) => [name, rows.length])
	);
	return { ok: true, tables: checked, counts, schemaVersion, repairedSeries };
}

function refusal(problems: BackupProblem[]): CheckedBackup {
	return { ok: false, key: 'backup.invalid', problems: problems.slice(0, MAX_ERRORS) };
}

/** Two rows with one primary key would make the restore fail halfway (and roll back). */
function duplicateKeys(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const [name, rows] of Object.entries(tables)) {
		const key = primaryKeyOf(name as TableName);
		const seen = new Set<unknown>();
		rows.forEach((row, index) => {
			if (seen.has(row[key])) {
				problems.push({
					path: `tables.${name}[${index}].${key}`,
					message: `${String(row[key])} appears more than once`
				});
			}
			seen.add(row[key]);
		});
	}
	return problems.slice(0, MAX_ERRORS);
}

/** Without the `initialized` setting the next start would take the database for a new one. */
function missingSettings(tables: Rows): BackupProblem[] {
	const initialized = (tables.settings ?? []).some((row) => row.key === SETTING.initialized);
	return initialized
		? []
		: [{ path: 'tables.settings', message: `the setting ${SETTING.initialized} is missing` }];
}

function brokenReferences(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const { table, field, target, optional, valuesOf } of REFERENCES) {
		const key = primaryKeyOf(target);
		const known = new Set((tables[target] ?? []).map((row) => row[key]));
		(tables[table] ?? []).forEach((row, index) => {
			for (const value of valuesOf ? valuesOf(row) : [row[field]]) {
				if (optional && (value === '' || value === 0)) continue;
				if (!known.has(value) && problems.length < MAX_ERRORS) {
					problems.push({
						path: `tables.${table}[${index}].${field}`,
						message: `${String(value)} is not in ${target}`
					});
				}
			}
		});
	}
	return problems;
}

/** A customer billed to itself, or bill-to customers that bill to each other in a ring. */
function circularBillTo(tables: Rows): BackupProblem[] {
	const customers = tables.customers ?? [];
	const billTo = new Map(customers.map((row) => [row.no, row.billToCustomerNo]));
	const problems: BackupProblem[] = [];
	customers.forEach((row, index) => {
		const seen = new Set<unknown>([row.no]);
		let next = row.billToCustomerNo;
		while (next !== '' && next !== undefined && problems.length < MAX_ERRORS) {
			if (seen.has(next)) {
				if (next === row.no) {
					problems.push({
						path: `tables.customers[${index}].billToCustomerNo`,
						message: `the bill-to customers of ${String(row.no)} lead back to it`
					});
				}
				break;
			}
			seen.add(next);
			next = billTo.get(next);
		}
	});
	return problems;
}

/** The series whose codes draw entry numbers (1, 2, 3…) rather than document numbers. */
const ENTRY_SERIES: Array<[code: string, table: TableName, field: string]> = [
	['CLE', 'custLedgerEntries', 'entryNo']
];
/** Fields that hold numbers drawn from a series. */
const NUMBER_FIELDS = ['no', 'documentNo', 'issuedNo'];

/**
 * Every series the app draws from exists and lies ahead of the numbers in use, so the next
 * number drawn after the import is free. Changes the rows in place; returns the codes changed.
 */
function repairNumberSeries(tables: Rows): string[] {
	const series = (tables.numberSeries ??= []) as unknown as NumberSeries[];
	const repaired = new Set<string>();
	for (const wanted of DEFAULT_SERIES) {
		if (!series.some((row) => row.code === wanted.code)) {
			series.push({ ...wanted });
			repaired.add(wanted.code);
		}
	}
	const highest = new Map<string, number>();
	for (const rows of Object.values(tables)) {
		for (const row of rows) {
			for (const field of NUMBER_FIELDS) {
				const value = row[field];
				if (typeof value !== 'string') continue;
				const match = /^(.*?)(\d+)$/.exec(value);
				if (!match) continue;
				const number = Number(match[2]);
				if (Number.isSafeInteger(number) && number > (highest.get(match[1]!) ?? -1)) {
					highest.set(match[1]!, number);
				}
			}
		}
	}
	for (const row of series) {
		if (row.prefix === '') continue;
		const inUse = highest.get(row.prefix) ?? -1;
		if (inUse > row.lastNo) {
			row.lastNo = inUse;
			repaired.add(row.code);
		}
	}
	for (const [code, table, field] of ENTRY_SERIES) {
		const inUse = Math.max(0, ...(tables[table] ?? []).map((row) => Number(row[field])));
		const row = series.find((candidate) => candidate.code === code);
		if (inUse > (row?.lastNo ?? 0)) {
			if (row) row.lastNo = inUse;
			else series.push({ code, prefix: '', lastNo: inUse, increment: 1, width: 0 });
			repaired.add(code);
		}
	}
	return [...repaired].sort();
}

function issuesOf(issues: ReadonlyArray<v.BaseIssue<unknown>>, prefix: string): BackupProblem[] {
	return issues.slice(0, MAX_ERRORS).map((issue) => {
		const path = (issue.path ?? [])
			.map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
			.join('');
		return { path: `${prefix}${path}`.replace(/^\./, '') || '(file)', message: issue.message };
	});
}

/**
 * Replaces every table with a checked backup, in one transaction: all of it or nothing. A
 * failure IndexedDB reports late is turned into a message that says nothing was changed.
 */
export async function restoreBackup(backup: Extract<CheckedBackup, { ok: true }>): Promise<number> {
	if (!backup.ok) throw new ValidationError('backup.invalid', 'The backup was not checked.');
	let records = 0;
	try {
		await db.transaction('rw', db.tables, async () => {
			for (const table of db.tables) {
				await table.clear();
				const rows = backup.tables[table.name] ?? [];
				await table.bulkAdd(rows);
				records += rows.length;
			}
			// Totals are derived: whatever the file says, they are computed from its entries.
			await rebuildCustomerTotals(db);
		});
	} catch (caught) {
		const message = caught instanceof Error ? caught.message : String(caught);
		throw new ValidationError(
			'backup.failed',
			`The backup could not be imported (${message}); nothing was changed.`,
			{ message }
		);
	}
	return records;
}
