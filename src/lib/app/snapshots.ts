import { liveQuery, type Observable } from 'dexie';
import { companyTables, db } from '$lib/db/db';
import { snapshotDb, type Snapshot, type SnapshotReason } from '$lib/db/snapshots';
import { checkBackup, exportBackup, restoreBackup, type BackupProblem } from './backup';
import { changedRecords, companyFingerprint, type CompanyFingerprint } from './company-changes';
import { NotFoundError, ValidationError } from './errors';
import { SETTING } from './settings';

export type { Snapshot, SnapshotReason };

/** How many automatic snapshots the browser keeps (the newest). */
export const KEEP_SNAPSHOTS = 3;
/**
 * Larger companies (a scale test) get no automatic snapshot: writing and keeping several copies
 * would take seconds and much of the browser's storage. The confirmation says so first.
 */
export const MAX_SNAPSHOT_RECORDS = 50_000;

export type SnapshotTaken =
	| { id: number; records: number }
	| { id: null; records: number; why: 'tooLarge' }
	| {
			id: null;
			records: number;
			why: 'unrestorable';
			/** In English; `cause` is the first problem the check found, for the UI to word. */
			problem: string;
			cause?: BackupProblem;
	  };

/**
 * What the confirmation can say before anything is taken: a snapshot will be kept (taken when
 * the user says Yes), or why not (as `takeSnapshot` found it).
 */
export type SnapshotOutlook =
	{ records: number; why: 'kept' } | Extract<SnapshotTaken, { id: null }>;

/** Whether a snapshot can be kept, from the company's size alone: cheap, nothing is written. */
export async function snapshotOutlook(): Promise<SnapshotOutlook> {
	const records = await companyRecords();
	return records > MAX_SNAPSHOT_RECORDS
		? { id: null, records, why: 'tooLarge' }
		: { records, why: 'kept' };
}

/**
 * Undo refused: the company changed after the action the snapshot was taken for. `current` is
 * the company as it is now, for a confirmed Undo that may lose exactly these changes.
 */
export class CompanyChangedError extends ValidationError {
	readonly current: CompanyFingerprint;

	constructor(changed: number, current: CompanyFingerprint) {
		super(
			'snapshot.changedSince',
			`${changed} records were added or changed since; nothing was undone.`,
			{ count: changed }
		);
		this.current = current;
	}
}

async function companyRecords(): Promise<number> {
	const counts = await db.transaction('r', companyTables(), () =>
		Promise.all(companyTables().map((table) => table.count()))
	);
	return counts.reduce((sum, count) => sum + count, 0);
}

/**
 * Keeps a copy of the company before a destructive action, outside the company's database (a
 * reset deletes that). Only a copy the backup check accepts is kept, so Undo can restore it.
 * The newest KEEP_SNAPSHOTS are kept, and `keep` (a snapshot about to be restored).
 */
export async function takeSnapshot(
	reason: SnapshotReason,
	options: { keep?: number } = {}
): Promise<SnapshotTaken> {
	const records = await companyRecords();
	if (records > MAX_SNAPSHOT_RECORDS) return { id: null, records, why: 'tooLarge' };
	const backup = await exportBackup();
	const checked = checkBackup(backup, 0, Infinity);
	if (!checked.ok) {
		const first = checked.problems[0];
		const problem = first ? `${first.path}: ${first.message}` : checked.key;
		return { id: null, records, why: 'unrestorable', problem, cause: first };
	}
	const companyName = (await db.settings.get(SETTING.companyName))?.value ?? '';
	const id = await snapshotDb.transaction(
		'rw',
		snapshotDb.snapshots,
		snapshotDb.snapshotFiles,
		async () => {
			const at = new Date().toISOString();
			const id = await snapshotDb.snapshots.add({ at, reason, companyName, records });
			await snapshotDb.snapshotFiles.add({ id, backup });
			const newestFirst = (await snapshotDb.snapshots.orderBy('id').primaryKeys()).reverse();
			const old = newestFirst.filter((key) => key !== options.keep).slice(KEEP_SNAPSHOTS);
			await snapshotDb.snapshots.bulkDelete(old);
			await snapshotDb.snapshotFiles.bulkDelete(old);
			return id;
		}
	);
	return { id, records };
}

/** Drops a snapshot taken for an action that was then cancelled. */
export async function discardSnapshot(input: { id: number }): Promise<void> {
	await snapshotDb.transaction('rw', snapshotDb.snapshots, snapshotDb.snapshotFiles, () =>
		Promise.all([snapshotDb.snapshots.delete(input.id), snapshotDb.snapshotFiles.delete(input.id)])
	);
}

/**
 * Puts the company back as the snapshot holds it, through the same check and restore as a
 * backup file: all of it or nothing. With `unchangedSince`, it refuses (CompanyChangedError,
 * nothing changed) when the company differs from that fingerprint, checked in the restore's
 * own transaction so that no write of another tab slips in between.
 */
export async function restoreSnapshot(input: {
	id: number;
	unchangedSince?: CompanyFingerprint;
}): Promise<{ records: number; snapshot: Snapshot }> {
	const [snapshot, file] = await snapshotDb.transaction(
		'r',
		snapshotDb.snapshots,
		snapshotDb.snapshotFiles,
		() => Promise.all([snapshotDb.snapshots.get(input.id), snapshotDb.snapshotFiles.get(input.id)])
	);
	if (!snapshot || !file) throw new NotFoundError('Snapshot', String(input.id));
	const checked = checkBackup(file.backup, 0, Infinity);
	if (!checked.ok) {
		throw new ValidationError(
			'backup.invalid',
			'The file cannot be imported; nothing was changed.'
		);
	}
	const since = input.unchangedSince;
	const guard = since
		? async () => {
				const current = await companyFingerprint();
				const changed = changedRecords(since, current);
				if (changed > 0) throw new CompanyChangedError(changed, current);
			}
		: undefined;
	return { records: await restoreBackup(checked, { guard }), snapshot };
}

/** The kept snapshots, newest first. */
export function snapshotsQuery(): Observable<Snapshot[]> {
	return liveQuery(() => snapshotDb.snapshots.orderBy('id').reverse().toArray());
}
