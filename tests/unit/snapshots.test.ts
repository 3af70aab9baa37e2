import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { snapshotDb } from '$lib/db/snapshots';
import { createCustomer } from '$lib/app/customer-card';
import { resetDemoData, startEmptyCompany } from '$lib/app/demo';
import {
	discardSnapshot,
	KEEP_SNAPSHOTS,
	restoreSnapshot,
	takeSnapshot,
	type SnapshotTaken
} from '$lib/app/snapshots';
import { snapshotDatabase } from '../factories';

function idOf(taken: SnapshotTaken): number {
	if (taken.id === null) throw new Error(`no snapshot: ${taken.why}`);
	return taken.id;
}

beforeEach(async () => {
	await snapshotDb.snapshots.clear();
	await snapshotDb.snapshotFiles.clear();
});

describe('automatic snapshots', () => {
	it('survive a reset (which deletes the database), and restoring one gives the company back', async () => {
		await resetDemoData();
		const no = await createCustomer({ name: 'Made Before The Reset' });
		const before = await snapshotDatabase();

		const id = idOf(await takeSnapshot('reset'));
		await resetDemoData();
		expect(await db.customers.get(no)).toBeUndefined();

		const { records, snapshot } = await restoreSnapshot({ id });
		expect(snapshot.reason).toBe('reset');
		expect(snapshot.companyName).toBe('Holdfast Demo BV');
		expect(records).toBeGreaterThan(15);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it(`keeps the newest ${KEEP_SNAPSHOTS}, and the one about to be restored`, async () => {
		await startEmptyCompany();
		const first = idOf(await takeSnapshot('empty'));
		const ids = [first];
		for (let i = 0; i < KEEP_SNAPSHOTS + 1; i++) ids.push(idOf(await takeSnapshot('scale')));
		expect(await snapshotDb.snapshots.toCollection().primaryKeys()).toEqual(
			ids.slice(-KEEP_SNAPSHOTS)
		);
		expect(await snapshotDb.snapshotFiles.count()).toBe(KEEP_SNAPSHOTS);

		const oldest = ids.at(-KEEP_SNAPSHOTS)!;
		const next = idOf(await takeSnapshot('restore', { keep: oldest }));
		expect(await snapshotDb.snapshots.toCollection().primaryKeys()).toEqual([
			oldest,
			...ids.slice(-KEEP_SNAPSHOTS + 1),
			next
		]);
	});

	it('a cancelled action drops its snapshot', async () => {
		await startEmptyCompany();
		const id = idOf(await takeSnapshot('import'));
		await discardSnapshot({ id });
		expect(await snapshotDb.snapshots.count()).toBe(0);
		expect(await snapshotDb.snapshotFiles.count()).toBe(0);
	});

	it('keeps no snapshot the backup check would refuse, and says why', async () => {
		await resetDemoData();
		await db.customers.update('C00010', { billToCustomerNo: 'C00020' });
		await db.customers.update('C00020', { billToCustomerNo: 'C00010' });

		const taken = await takeSnapshot('reset');

		expect(taken).toMatchObject({ id: null, why: 'unrestorable' });
		expect(taken.id === null && taken.why === 'unrestorable' && taken.problem).toMatch(
			/billToCustomerNo/
		);
		expect(await snapshotDb.snapshots.count()).toBe(0);
	});
});
