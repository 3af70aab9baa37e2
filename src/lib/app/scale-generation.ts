import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { SETTING } from './settings';

/**
 * A scale generation writes in many transactions: a reload or a closed tab stops it halfway and
 * leaves part of a company. It is marked in the settings when it starts and unmarked when it
 * finishes, so that the next start can say so (and offer the snapshot taken before it).
 */
export interface UnfinishedGeneration {
	startedAt: string;
	/** The snapshot taken before the generation, if one was kept. */
	snapshotId: number | null;
}

function parse(value: string | undefined): UnfinishedGeneration | null {
	if (value === undefined) return null;
	try {
		const parsed = JSON.parse(value) as Partial<UnfinishedGeneration>;
		return {
			startedAt: typeof parsed.startedAt === 'string' ? parsed.startedAt : '',
			snapshotId: typeof parsed.snapshotId === 'number' ? parsed.snapshotId : null
		};
	} catch {
		return { startedAt: '', snapshotId: null };
	}
}

/** Marks a generation as started (before its first write). */
export async function markGenerationStarted(input: { snapshotId: number | null }): Promise<void> {
	const value = JSON.stringify({
		startedAt: new Date().toISOString(),
		snapshotId: input.snapshotId
	});
	await db.transaction('rw', db.settings, () =>
		db.settings.put({ key: SETTING.scaleGeneration, value })
	);
}

/** Unmarks it: the generation finished, or the user has read that it did not. */
export async function dismissUnfinishedGeneration(): Promise<void> {
	await db.transaction('rw', db.settings, () => db.settings.delete(SETTING.scaleGeneration));
}

export async function readUnfinishedGeneration(): Promise<UnfinishedGeneration | null> {
	return parse((await db.settings.get(SETTING.scaleGeneration))?.value);
}

/** The generation that started and did not finish, or null. */
export function unfinishedGenerationQuery(): Observable<UnfinishedGeneration | null> {
	return liveQuery(readUnfinishedGeneration);
}
