import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { releaseExpiredBlocks, setCustomerBlocked } from '$lib/app/customer-blocking';
import { updateCustomerField } from '$lib/app/customer-card';
import { setUserName } from '$lib/app/settings';
import { moveWorkDate } from '$lib/app/work-date';
import { givenCustomer } from '../factories';

describe('block reason, owner and end date', () => {
	it('records who blocked, since when and why; lifting the block clears it', async () => {
		await setUserName({ userName: 'An Peeters' });
		const customer = await givenCustomer();
		await setCustomerBlocked({
			no: customer.no,
			blocked: 'Invoice',
			reason: 'DISPUTE',
			note: 'Invoice 17 contested'
		});
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'Invoice',
			blockReason: 'DISPUTE',
			blockNote: 'Invoice 17 contested',
			blockedBy: 'An Peeters',
			blockedSince: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/)
		});
		const [entry] = await db.changeLog.toArray();
		expect(entry).toMatchObject({ reason: 'DISPUTE', user: 'An Peeters' });

		await setCustomerBlocked({ no: customer.no, blocked: '' });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blockReason: '',
			blockedBy: '',
			blockedUntil: ''
		});
	});

	it('refuses an unknown reason', async () => {
		const customer = await givenCustomer();
		await expect(
			setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'BECAUSE' })
		).rejects.toMatchObject({ key: 'error.reasonInvalid' });
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
	});

	it('lifts by itself when the work date reaches Blocked Until, and not before', async () => {
		await moveWorkDate({ workDate: '2026-03-01' });
		const customer = await givenCustomer();
		await setCustomerBlocked({
			no: customer.no,
			blocked: 'Ship',
			reason: 'OVERDUE',
			until: '2026-03-10'
		});
		const privacy = await givenCustomer({
			blocked: 'All',
			privacyBlocked: true,
			blockedUntil: '2026-03-05'
		});

		expect(await moveWorkDate({ workDate: '2026-03-09' })).toEqual([]);
		expect((await db.customers.get(customer.no))?.blocked).toBe('Ship');

		expect(await moveWorkDate({ workDate: '2026-03-10', confirmedLifts: 1 })).toEqual([
			customer.no
		]);
		expect(await db.customers.get(customer.no)).toMatchObject({ blocked: '', blockedUntil: '' });
		expect((await db.customers.get(privacy.no))?.blocked).toBe('All');
		const history = await db.changeLog.where('key').equals(customer.no).sortBy('at');
		expect(
			history
				.filter((entry) => entry.field === 'blocked')
				.map((entry) => [entry.oldValue, entry.newValue, entry.automatic ?? false])
		).toEqual([
			['', 'Ship', false],
			['Ship', '', true]
		]);
		// The end date given with the block is in the history too.
		expect(history.filter((entry) => entry.field === 'blockedUntil')).toMatchObject([
			{ oldValue: '', newValue: '2026-03-10' }
		]);
		expect(await releaseExpiredBlocks()).toEqual([]);
	});

	it('an end date set in the past lifts the block at once', async () => {
		await moveWorkDate({ workDate: '2026-03-01' });
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'DISPUTE' });
		await updateCustomerField({ no: customer.no, field: 'blockedUntil', value: '2026-02-01' });
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
	});
});
