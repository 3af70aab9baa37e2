import * as v from 'valibot';
import { companyTables, db, rebuildCustomerTotals } from '$lib/db/db';
import { migrateRows } from '$lib/db/migrations';
import {
	backupProblem,
	brokenReferences,
	circularBillTo,
	documentTotalsOff,
	duplicateKeys,
	impossibleBlocks,
	impossibleRemaining,
	issuesOf,
	MAX_BACKUP_PROBLEMS,
	missingSettings,
	rebuildSearchTerms,
	repairNumberSeries,
	type BackupProblem
} from './backup-checks';
import { BACKUP_FORMAT, ENVELOPE, TABLES, type Rows, type TableName } from './backup-schema';
import { ValidationError } from './errors';

/**
 * Backups: every table as one versioned JSON file. An import is checked as a whole (every
 * table, field type and reference) before it replaces the data in one transaction. The file's
 * shape is in backup-schema.ts, the checks across rows and tables in backup-checks.ts.
 */

export type { BackupProblem };
export const APP_VERSION = '0.1.0';
/** Larger files are refused before they are read into memory. */
export const MAX_BACKUP_BYTES = 25 * 1024 * 1024;

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
	await db.transaction('r', companyTables(), async () => {
		for (const table of companyTables()) tables[table.name] = await table.toArray();
	});
	return JSON.stringify({
		format: BACKUP_FORMAT,
		schemaVersion: db.verno,
		exportedAt: new Date().toISOString(),
		appVersion: APP_VERSION,
		tables
	});
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
			problems.push(
				backupProblem(`tables.${name}`, 'backup.problem.unknownTable', {}, 'unknown table')
			);
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
		if (problems.length >= MAX_BACKUP_PROBLEMS) break;
	}
	const checks = [
		duplicateKeys,
		missingSettings,
		brokenReferences,
		circularBillTo,
		impossibleRemaining,
		documentTotalsOff,
		impossibleBlocks
	];
	for (const check of checks) {
		if (problems.length === 0) problems.push(...check(checked));
	}
	if (problems.length > 0) return refusal(problems);
	rebuildSearchTerms(checked);
	const repairedSeries = repairNumberSeries(checked);
	const counts = Object.fromEntries(
		Object.entries(checked).map(([name, rows]) => [name, rows.length])
	);
	return { ok: true, tables: checked, counts, schemaVersion, repairedSeries };
}

function refusal(problems: BackupProblem[]): CheckedBackup {
	return { ok: false, key: 'backup.invalid', problems: problems.slice(0, MAX_BACKUP_PROBLEMS) };
}

/**
 * Replaces every table with a checked backup, in one transaction: all of it or nothing. A
 * failure IndexedDB reports late is turned into a message that says nothing was changed.
 * `guard` runs first inside that transaction; what it throws refuses the restore as it is.
 */
export async function restoreBackup(
	backup: Extract<CheckedBackup, { ok: true }>,
	options: { guard?: () => Promise<void> } = {}
): Promise<number> {
	if (!backup.ok) throw new ValidationError('backup.invalid', 'The backup was not checked.');
	let records = 0;
	try {
		await db.transaction('rw', db.tables, async () => {
			await options.guard?.();
			// The derived tables follow the entries written here (due-totals.ts).
			for (const table of companyTables()) {
				await table.clear();
				const rows = backup.tables[table.name] ?? [];
				await table.bulkAdd(rows);
				records += rows.length;
			}
			// Totals are derived: whatever the file says, they are computed from its entries.
			await rebuildCustomerTotals(db);
		});
	} catch (caught) {
		if (caught instanceof ValidationError) throw caught;
		const message = caught instanceof Error ? caught.message : String(caught);
		throw new ValidationError(
			'backup.failed',
			`The backup could not be imported (${message}); nothing was changed.`,
			{ message }
		);
	}
	return records;
}
