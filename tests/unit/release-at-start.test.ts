import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { releaseExpiredBlocksAtStart } from '$lib/app/lifecycle';
import { moveWorkDate } from '$lib/app/work-date';
import { givenCustomer } from '../factories';

describe('the automatic block release at start', () => {
	it('lifts the blocks whose Blocked Until the work date has reached, logged as automatic', async () => {
		await moveWorkDate({ workDate: '2026-03-10' });
		const due = await givenCustomer({ blocked: 'Ship', blockedUntil: '2026-03-10' });
		const later = await givenCustomer({ blocked: 'Invoice', blockedUntil: '2026-03-11' });
		const open = await givenCustomer({ blocked: 'All' });

		expect(await releaseExpiredBlocksAtStart()).toEqual([due.no]);
		expect(await db.customers.get(due.no)).toMatchObject({ blocked: '', blockedUntil: '' });
		expect((await db.customers.get(later.no))?.blocked).toBe('Invoice');
		expect((await db.customers.get(open.no))?.blocked).toBe('All');
		const [entry] = await db.changeLog
			.where('key')
			.equals(due.no)
			.filter((change) => change.field === 'blocked')
			.toArray();
		expect(entry).toMatchObject({ oldValue: 'Ship', newValue: '', automatic: true });
	});

	it('writes nothing when no block has reached its end date', async () => {
		await moveWorkDate({ workDate: '2026-03-10' });
		await givenCustomer({ blocked: 'Ship', blockedUntil: '2026-04-01' });
		const before = await db.changeLog.count();
		expect(await releaseExpiredBlocksAtStart()).toEqual([]);
		expect(await db.changeLog.count()).toBe(before);
	});
});
