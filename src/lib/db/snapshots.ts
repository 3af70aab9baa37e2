import { Dexie, type EntityTable } from 'dexie';
import { OPEN_COMPANY_ID, snapshotDatabaseName } from './companies';

/** What a snapshot was taken before (the destructive action that followed it). */
export type SnapshotReason = 'reset' | 'empty' | 'import' | 'scale' | 'restore';

/** One automatic snapshot of the company, without its content (listed in Settings). */
export interface Snapshot {
	id: number;
	at: string;
	reason: SnapshotReason;
	companyName: string;
	records: number;
}

/** A snapshot's content: a backup file as `exportBackup` writes it. */
export interface SnapshotFile {
	id: number;
	backup: string;
}

export const SNAPSHOT_DATABASE_NAME = 'holdfast-snapshots';

/**
 * Snapshots live in their own database: a reset deletes and recreates the company's database,
 * and the snapshot taken just before must survive it. Content apart from the list, so the list
 * reads a few small rows.
 */
export class SnapshotDB extends Dexie {
	snapshots!: EntityTable<Snapshot, 'id'>;
	snapshotFiles!: EntityTable<SnapshotFile, 'id'>;

	constructor(name = SNAPSHOT_DATABASE_NAME) {
		super(name);
		this.version(1).stores({ snapshots: '++id, at', snapshotFiles: 'id' });
	}
}

/** The snapshots of the company this tab opened: Undo never brings back another company. */
export const snapshotDb = new SnapshotDB(snapshotDatabaseName(OPEN_COMPANY_ID));
