import { liveQuery, type Observable } from 'dexie';
import { db, type RefusedAttempt } from '$lib/db/db';

export type { RefusedAttempt };

/** Refused attempts, newest first: all, or one customer's. */
export function refusedAttemptsQuery(customerNo?: string): Observable<RefusedAttempt[]> {
	return liveQuery(async () => {
		const rows = customerNo
			? await db.refusedAttempts.where('customerNo').equals(customerNo).toArray()
			: await db.refusedAttempts.orderBy('at').reverse().limit(500).toArray();
		return rows.sort((a, b) => b.at.localeCompare(a.at));
	});
}
