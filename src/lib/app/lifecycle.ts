import { db } from '$lib/db/db';
import { readWorkDate } from './settings';

export { onDatabaseOutdated } from '$lib/db/db';

/**
 * The automatic block release at start, run after the first page is shown: one read of the
 * Blocked Until index says whether any block has reached its end date; only then is the
 * release's code loaded and run (releaseExpiredBlocks in customer-blocking.ts). Returns the
 * Nos. of the customers released.
 */
export async function releaseExpiredBlocksAtStart(): Promise<string[]> {
	const workDate = await readWorkDate();
	const due = await db.customers
		.where('blockedUntil')
		.between('0000-01-01', workDate, true, true)
		.first();
	if (!due) return [];
	const { releaseExpiredBlocks } = await import('./customer-blocking');
	return releaseExpiredBlocks();
}
