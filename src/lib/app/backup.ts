import * as v from 'valibot';
import { db, rebuildCustomerTotals } from '$lib/db/db';
import { migrateRows } from '$lib/db/migrations';
import { isIsoDate } from '$lib/domain/dates';
import { ValidationError } from './errors';

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
		amountInclVatCents: amount
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
		postingDate: date
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

/** References a backup must keep: rows of `table` whose `field` names a key of `target`. */
const REFERENCES: Array<[table: TableName, field: string, target: TableName, optional?: boolean]> =
	[
		['customers', 'billToCustomerNo', 'customers', true],
		['customers', 'blockReason', 'blockReasons', true],
		['salesHeaders', 'sellToCustomerNo', 'customers'],
		['salesHeaders', 'billToCustomerNo', 'customers'],
		['salesLines', 'documentNo', 'salesHeaders'],
		['shipmentLines', 'shipmentNo', 'shipments'],
		['returnReceiptLines', 'shipmentNo', 'returnReceipts'],
		['postedInvoiceLines', 'documentNo', 'postedInvoices'],
		['postedCreditMemoLines', 'documentNo', 'postedCreditMemos'],
		['postedInvoices', 'billToCustomerNo', 'customers'],
		['postedCreditMemos', 'billToCustomerNo', 'customers'],
		['custLedgerEntries', 'customerNo', 'customers'],
		['reminders', 'customerNo', 'customers'],
		['financeChargeMemos', 'customerNo', 'customers']
	];

export interface BackupProblem {
	path: string;
	message: string;
}

export type CheckedBackup =
	| { ok: true; tables: Rows; counts: Record<string, number>; schemaVersion: number }
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
 * Reads and checks a backup completely — envelope, schema version, every row of every table
 * and the references between them — bringing an older schema's rows up to date first.
 */
export function checkBackup(textContent: string, sizeBytes = textContent.length): CheckedBackup {
	if (sizeBytes > MAX_BACKUP_BYTES) {
		return {
			ok: false,
			key: 'backup.tooLarge',
			values: { max: MAX_BACKUP_BYTES / 1024 / 1024 },
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
	migrateRows(tables, schemaVersion, db.verno);

	const problems: BackupProblem[] = [];
	const checked: Rows = {};
	for (const name of Object.keys(TABLES) as TableName[]) {
		const rows = tables[name] ?? [];
		const result = v.safeParse(v.array(TABLES[name]), rows);
		if (result.success) checked[name] = result.output as Rows[string];
		else problems.push(...issuesOf(result.issues, `tables.${name}`));
		if (problems.length >= MAX_ERRORS) break;
	}
	for (const name of Object.keys(tables)) {
		if (!(name in TABLES)) problems.push({ path: `tables.${name}`, message: 'unknown table' });
	}
	if (problems.length === 0) problems.push(...brokenReferences(checked));
	if (problems.length > 0)
		return { ok: false, key: 'backup.invalid', problems: problems.slice(0, MAX_ERRORS) };
	const counts = Object.fromEntries(
		Object.entries(checked).map(([name, rows]) => [name, rows.length])
	);
	return { ok: true, tables: checked, counts, schemaVersion };
}

function brokenReferences(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const [table, field, target, optional] of REFERENCES) {
		const key = primaryKeyOf(target);
		const known = new Set((tables[target] ?? []).map((row) => row[key]));
		(tables[table] ?? []).forEach((row, index) => {
			const value = row[field];
			if (optional && value === '') return;
			if (!known.has(value) && problems.length < MAX_ERRORS) {
				problems.push({
					path: `tables.${table}[${index}].${field}`,
					message: `${String(value)} is not in ${target}`
				});
			}
		});
	}
	return problems;
}

function issuesOf(issues: ReadonlyArray<v.BaseIssue<unknown>>, prefix: string): BackupProblem[] {
	return issues.slice(0, MAX_ERRORS).map((issue) => {
		const path = (issue.path ?? [])
			.map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
			.join('');
		return { path: `${prefix}${path}`.replace(/^\./, '') || '(file)', message: issue.message };
	});
}

/** Replaces every table with a checked backup, in one transaction: all of it or nothing. */
export async function restoreBackup(backup: Extract<CheckedBackup, { ok: true }>): Promise<number> {
	if (!backup.ok) throw new ValidationError('backup.invalid', 'The backup was not checked.');
	let records = 0;
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
	return records;
}
