import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';

/** The settings row that holds the company's exercise progress (see progress.ts). */
export const TRAINING_SETTING = 'training';

/**
 * The id of the exercise running now ('' none), live: all the layout reads, so that the
 * exercises themselves load only when one runs.
 */
export function activeExerciseQuery(): Observable<string> {
	return liveQuery(async () => {
		const value = (await db.settings.get(TRAINING_SETTING))?.value;
		if (!value) return '';
		try {
			const active = (JSON.parse(value) as { active?: unknown }).active;
			return typeof active === 'string' ? active : '';
		} catch {
			return '';
		}
	});
}
