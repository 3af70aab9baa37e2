import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { snapshotDb } from '$lib/db/snapshots';
import { changedRecords, companyFingerprint } from '$lib/app/company-changes';
import { createCustomer } from '$lib/app/customer-card';
import { resetDemoData } from '$lib/app/demo';
import {
	CompanyChangedError,
	restoreSnapshot,
	snapshotOutlook,
	takeSnapshot,
	type SnapshotTaken
} from '$lib/app/snapshots';

function idOf(taken: SnapshotTaken): number {
	if (taken.id === null) throw new Error(`no snapshot: ${taken.why}`);
	return taken.id;
}

beforeEach(async () => {
	await snapshotDb.snapshots.clear();
	await snapshotDb.snapshotFiles.clear();
});

describe('Undo refuses to lose changes made after the action', () => {
	it('a fingerprint sees a new and a changed record, and nothing when nothing changed', async () => {
		await resetDemoData();
		const before = await companyFingerprint();
		expect(changedRecords(before, await companyFingerprint())).toBe(0);

		await db.customers.update('C00010', { name: 'Renamed' });
		await db.items.add({ ...(await db.items.get('I1010'))!, no: 'I9999' });
		expect(changedRecords(before, await companyFingerprint())).toBe(2);
	});

	it('refuses (nothing changed) when the company differs from the fingerprint, restores once confirmed', async () => {
		await resetDemoData();
		const id = idOf(await takeSnapshot('reset'));
		await resetDemoData();
		const after = await companyFingerprint();
		const later = await createCustomer({ name: 'Made In Another Tab' });

		const refused = await restoreSnapshot({ id, unchangedSince: after }).catch((e) => e);
		expect(refused).toBeInstanceOf(CompanyChangedError);
		expect(refused.values.count).toBeGreaterThanOrEqual(1);
		expect(await db.customers.get(later)).toBeDefined();
		expect(await snapshotDb.snapshots.get(id)).toBeDefined();

		await restoreSnapshot({ id, unchangedSince: (refused as CompanyChangedError).current });
		expect(await db.customers.get(later)).toBeUndefined();
	});

	it('restores at once when nothing changed since', async () => {
		await resetDemoData();
		const id = idOf(await takeSnapshot('reset'));
		await resetDemoData();
		const { records } = await restoreSnapshot({ id, unchangedSince: await companyFingerprint() });
		expect(records).toBeGreaterThan(15);
	});

	it('the outlook before the question counts the company and writes nothing', async () => {
		await resetDemoData();
		const outlook = await snapshotOutlook();
		expect(outlook).toMatchObject({ why: 'kept' });
		expect(outlook.records).toBeGreaterThan(15);
		expect(await snapshotDb.snapshots.count()).toBe(0);
	});
});
