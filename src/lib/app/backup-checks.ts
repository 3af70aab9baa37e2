import type * as v from 'valibot';
import { db, type NumberSeries } from '$lib/db/db';
import { billToRing, CUSTOMER_NO_MAX, searchTermsOf } from '$lib/domain/customer';
import { POSTING_SERIES } from '$lib/domain/posting-plan';
import { CHECK_MESSAGES, type Row, type Rows, type TableName } from './backup-schema';
import { DEFAULT_SERIES } from './numbering';
import { SETTING } from './settings';

/**
 * What a backup must hold beyond the shape of its rows: unique keys, the settings the next
 * start needs, every reference between tables, no bill-to ring, and number series ahead of
 * the numbers in use (repaired, not refused). Each check returns the problems it found.
 */

/** A refusal names at most this many problems. */
export const MAX_BACKUP_PROBLEMS = 10;

/**
 * One thing wrong in a backup: where (`path`), and what, as a catalog key with its values (the
 * UI says it in its language) and in English (`message`).
 */
export interface BackupProblem {
	path: string;
	key: string;
	values: Record<string, string | number>;
	message: string;
}

export function backupProblem(
	path: string,
	key: string,
	values: Record<string, string | number>,
	message: string
): BackupProblem {
	return { path, key, values, message };
}

function primaryKeyOf(table: TableName): string {
	return db.table(table).schema.primKey.keyPath as string;
}

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

/** Two rows with one primary key would make the restore fail halfway (and roll back). */
export function duplicateKeys(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const [name, rows] of Object.entries(tables)) {
		const key = primaryKeyOf(name as TableName);
		const seen = new Set<unknown>();
		rows.forEach((row, index) => {
			if (seen.has(row[key])) {
				const value = String(row[key]);
				problems.push(
					backupProblem(
						`tables.${name}[${index}].${key}`,
						'backup.problem.duplicate',
						{ value },
						`${value} appears more than once`
					)
				);
			}
			seen.add(row[key]);
		});
	}
	return problems.slice(0, MAX_BACKUP_PROBLEMS);
}

/** Without the `initialized` setting the next start would take the database for a new one. */
export function missingSettings(tables: Rows): BackupProblem[] {
	const initialized = (tables.settings ?? []).some((row) => row.key === SETTING.initialized);
	return initialized
		? []
		: [
				backupProblem(
					'tables.settings',
					'backup.problem.settingMissing',
					{ setting: SETTING.initialized },
					`the setting ${SETTING.initialized} is missing`
				)
			];
}

export function brokenReferences(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const { table, field, target, optional, valuesOf } of REFERENCES) {
		const key = primaryKeyOf(target);
		const known = new Set((tables[target] ?? []).map((row) => row[key]));
		(tables[table] ?? []).forEach((row, index) => {
			for (const value of valuesOf ? valuesOf(row) : [row[field]]) {
				if (optional && (value === '' || value === 0)) continue;
				if (!known.has(value) && problems.length < MAX_BACKUP_PROBLEMS) {
					problems.push(
						backupProblem(
							`tables.${table}[${index}].${field}`,
							'backup.problem.reference',
							{ value: String(value), table: target },
							`${String(value)} is not in ${target}`
						)
					);
				}
			}
		});
	}
	return problems;
}

/** A customer billed to itself, or bill-to customers that bill to each other in a ring. */
export function circularBillTo(tables: Rows): BackupProblem[] {
	const customers = (tables.customers ?? []) as Array<{ no: string; billToCustomerNo: string }>;
	const billTo = new Map(customers.map((row) => [row.no, row.billToCustomerNo]));
	const problems: BackupProblem[] = [];
	customers.forEach((row, index) => {
		const ring = billToRing(row.no, row.billToCustomerNo, (no) => billTo.get(no));
		if (ring && problems.length < MAX_BACKUP_PROBLEMS) {
			problems.push(
				backupProblem(
					`tables.customers[${index}].billToCustomerNo`,
					'backup.problem.billToRing',
					{ no: row.no },
					`the bill-to customers of ${row.no} lead back to it`
				)
			);
		}
	});
	return problems;
}

/**
 * A ledger entry's remaining amount lies between 0 and its amount, on the same side of zero:
 * an entry is never more open than it was posted, nor open the other way.
 */
export function impossibleRemaining(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	(tables.custLedgerEntries ?? []).forEach((row, index) => {
		const amount = Number(row.amountCents);
		const remaining = Number(row.remainingAmountCents);
		const [low, high] = amount < 0 ? [amount, 0] : [0, amount];
		if ((remaining < low || remaining > high) && problems.length < MAX_BACKUP_PROBLEMS) {
			problems.push(
				backupProblem(
					`tables.custLedgerEntries[${index}].remainingAmountCents`,
					'backup.problem.remaining',
					{ remaining, amount },
					`the remaining amount ${remaining} is not between 0 and the amount ${amount}`
				)
			);
		}
	});
	return problems;
}

const POSTED_DOCUMENTS: Array<[headers: TableName, lines: TableName]> = [
	['postedInvoices', 'postedInvoiceLines'],
	['postedCreditMemos', 'postedCreditMemoLines']
];

/** A posted document's Amount, VAT and Amount Including VAT are the sums of its lines. */
export function documentTotalsOff(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	for (const [headers, linesTable] of POSTED_DOCUMENTS) {
		const sums = new Map<unknown, { amountCents: number; vatCents: number }>();
		for (const line of tables[linesTable] ?? []) {
			const sum = sums.get(line.documentNo) ?? { amountCents: 0, vatCents: 0 };
			sum.amountCents += Number(line.amountCents);
			sum.vatCents += Number(line.vatCents);
			sums.set(line.documentNo, sum);
		}
		(tables[headers] ?? []).forEach((header, index) => {
			const { amountCents, vatCents } = sums.get(header.no) ?? { amountCents: 0, vatCents: 0 };
			const expected = { amountCents, vatCents, amountInclVatCents: amountCents + vatCents };
			for (const [field, sum] of Object.entries(expected)) {
				if (header[field] === sum || problems.length >= MAX_BACKUP_PROBLEMS) continue;
				const value = Number(header[field]);
				problems.push(
					backupProblem(
						`tables.${headers}[${index}].${field}`,
						'backup.problem.documentTotal',
						{ value, sum },
						`${value} is not the sum of the document's lines (${sum})`
					)
				);
			}
		});
	}
	return problems;
}

/**
 * A customer's block state as the card and the commands allow it: Privacy Blocked only with
 * Blocked All. A block without a reason is accepted: the commands require one, but backups
 * made before they did carry such blocks, and refusing them would make those books
 * unrestorable.
 */
export function impossibleBlocks(tables: Rows): BackupProblem[] {
	const problems: BackupProblem[] = [];
	(tables.customers ?? []).forEach((row, index) => {
		if (problems.length >= MAX_BACKUP_PROBLEMS) return;
		const no = String(row.no);
		if (row.privacyBlocked === true && row.blocked !== 'All') {
			problems.push(
				backupProblem(
					`tables.customers[${index}].privacyBlocked`,
					'backup.problem.privacyNotAll',
					{ no },
					`${no} is Privacy Blocked but not blocked with type All`
				)
			);
		}
	});
	return problems;
}

/**
 * Derived fields are computed from the rows, never taken from the file: the search terms of
 * customers and items (from No. and name or description), as the card writes them. Changes
 * the rows in place.
 */
export function rebuildSearchTerms(tables: Rows): void {
	for (const row of tables.customers ?? []) {
		row.searchTerms = searchTermsOf(String(row.no), String(row.name));
	}
	for (const row of tables.items ?? []) {
		row.searchTerms = searchTermsOf(String(row.no), String(row.description));
	}
}

/** The series whose codes draw entry numbers (1, 2, 3…) rather than document numbers. */
const ENTRY_SERIES: Array<[code: string, table: TableName, field: string]> = [
	[POSTING_SERIES.entry, 'custLedgerEntries', 'entryNo']
];
/** Fields that hold numbers drawn from a series. */
const NUMBER_FIELDS = ['no', 'documentNo', 'issuedNo'];

/**
 * Every series the app draws from exists and lies ahead of the numbers in use, so the next
 * number drawn after the import is free. Changes the rows in place; returns the codes changed.
 */
export function repairNumberSeries(tables: Rows): string[] {
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

/** The catalog key of a valibot issue, by the schema or check that raised it. */
const ISSUE_KEYS: Record<string, string> = {
	string: 'backup.problem.text',
	number: 'backup.problem.number',
	boolean: 'backup.problem.boolean',
	array: 'backup.problem.list',
	object: 'backup.problem.record',
	record: 'backup.problem.record',
	picklist: 'backup.problem.choice',
	literal: 'backup.problem.choice',
	integer: 'backup.problem.integer',
	safe_integer: 'backup.problem.integer',
	finite: 'backup.problem.finite',
	max_length: 'backup.problem.maxLength',
	min_value: 'backup.problem.minValue'
};

/** What a valibot issue says, as a key and values; a missing field is said as such. */
function issueKey(issue: v.BaseIssue<unknown>): string {
	if (issue.type === 'object' && issue.received === 'undefined') return 'backup.problem.missing';
	if (issue.type === 'check') {
		const check = Object.entries(CHECK_MESSAGES).find(([, text]) => text === issue.message);
		return check?.[0] ?? 'backup.problem.invalid';
	}
	return Object.hasOwn(ISSUE_KEYS, issue.type) ? ISSUE_KEYS[issue.type]! : 'backup.problem.invalid';
}

export function issuesOf(
	issues: ReadonlyArray<v.BaseIssue<unknown>>,
	prefix: string
): BackupProblem[] {
	return issues.slice(0, MAX_BACKUP_PROBLEMS).map((issue) => {
		const path = (issue.path ?? [])
			.map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`))
			.join('');
		const key = issueKey(issue);
		const requirement = (issue as { requirement?: unknown }).requirement;
		const values: Record<string, string | number> = {
			expected: issue.expected ?? '',
			received: issue.received
		};
		if (typeof requirement === 'number') values.limit = requirement;
		if (key === 'backup.problem.customerNo') values.max = CUSTOMER_NO_MAX;
		return backupProblem(
			`${prefix}${path}`.replace(/^\./, '') || '(file)',
			key,
			values,
			issue.message
		);
	});
}
