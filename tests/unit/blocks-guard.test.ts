import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	bulkSetBlocked,
	setCustomerBlocked,
	setCustomerPrivacyBlocked,
	undoBatch
} from '$lib/app/customer-blocking';
import { updateCustomerField } from '$lib/app/customer-card';
import { readWorkDate, setUserName } from '$lib/app/settings';
import { moveWorkDate, previewWorkDate } from '$lib/app/work-date';
import { givenCustomer } from '../factories';

/** Lets the clock move on, so a later change has a later timestamp than the batch. */
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('Undo batch leaves alone what changed since', () => {
	it('never clears a Privacy Blocked set after the batch (same level All)', async () => {
		const customer = await givenCustomer();
		const { batchId } = await bulkSetBlocked({
			nos: [customer.no],
			blocked: 'All',
			reason: 'OVERDUE'
		});
		await tick();
		await setCustomerPrivacyBlocked({ no: customer.no, privacyBlocked: true });

		const result = await undoBatch({ batchId });

		expect(result).toEqual({ restored: [], leftAlone: [customer.no] });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'All',
			privacyBlocked: true
		});
	});

	it('never clears Privacy Blocked, even when the change was made in the same instant', async () => {
		const customer = await givenCustomer();
		const { batchId } = await bulkSetBlocked({
			nos: [customer.no],
			blocked: 'All',
			reason: 'OVERDUE'
		});
		// Written as another tab might, with no history entry later than the batch's.
		await db.customers.update(customer.no, { privacyBlocked: true });

		expect(await undoBatch({ batchId })).toEqual({ restored: [], leftAlone: [customer.no] });
		expect((await db.customers.get(customer.no))?.privacyBlocked).toBe(true);
	});

	it('leaves alone a customer whose reason changed since (on the card or by a new block)', async () => {
		const [card, dialog, untouched] = await Promise.all([
			givenCustomer(),
			givenCustomer(),
			givenCustomer()
		]);
		const { batchId } = await bulkSetBlocked({
			nos: [card.no, dialog.no, untouched.no],
			blocked: 'Ship',
			reason: 'OVERDUE'
		});
		await tick();
		await updateCustomerField({ no: card.no, field: 'blockReason', value: 'DISPUTE' });
		await setCustomerBlocked({ no: dialog.no, blocked: 'Ship', reason: 'CREDIT REVIEW' });

		const result = await undoBatch({ batchId });

		expect(result).toEqual({ restored: [untouched.no], leftAlone: [card.no, dialog.no] });
		expect(await db.customers.get(card.no)).toMatchObject({
			blocked: 'Ship',
			blockReason: 'DISPUTE'
		});
		expect(await db.customers.get(dialog.no)).toMatchObject({
			blocked: 'Ship',
			blockReason: 'CREDIT REVIEW'
		});
		expect((await db.customers.get(untouched.no))?.blocked).toBe('');
	});

	it('leaves alone a customer whose Blocked Until changed since', async () => {
		const [moved, untouched] = await Promise.all([givenCustomer(), givenCustomer()]);
		const { batchId } = await bulkSetBlocked({
			nos: [moved.no, untouched.no],
			blocked: 'Invoice',
			reason: 'OVERDUE',
			until: '2099-12-31'
		});
		await tick();
		await updateCustomerField({ no: moved.no, field: 'blockedUntil', value: '2099-06-30' });

		expect(await undoBatch({ batchId })).toEqual({
			restored: [untouched.no],
			leftAlone: [moved.no]
		});
		expect(await db.customers.get(moved.no)).toMatchObject({
			blocked: 'Invoice',
			blockedUntil: '2099-06-30'
		});
	});
});

describe('Undo batch gives back a block with its reason', () => {
	it('undoing a bulk unblock restores each block with the reason it had', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'DISPUTE' });
		const { batchId } = await bulkSetBlocked({ nos: [customer.no], blocked: '' });
		expect((await db.customers.get(customer.no))?.blockReason).toBe('');

		expect(await undoBatch({ batchId })).toEqual({ restored: [customer.no], leftAlone: [] });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'Invoice',
			blockReason: 'DISPUTE'
		});
	});

	it('undoing a block over an earlier one restores the earlier reason and end date', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({
			no: customer.no,
			blocked: 'Ship',
			reason: 'CREDIT REVIEW',
			until: '2099-01-31'
		});
		await tick();
		await updateCustomerField({ no: customer.no, field: 'blockReason', value: 'DISPUTE' });
		await tick();
		const { batchId } = await bulkSetBlocked({
			nos: [customer.no],
			blocked: 'All',
			reason: 'OVERDUE',
			until: '2099-12-31'
		});

		expect(await undoBatch({ batchId })).toEqual({ restored: [customer.no], leftAlone: [] });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'Ship',
			blockReason: 'DISPUTE',
			blockedUntil: '2099-01-31'
		});
	});
});

describe('a block needs a reason', () => {
	it.each([undefined, '', '   '])(
		'setCustomerBlocked refuses a block with reason %j',
		async (reason) => {
			const customer = await givenCustomer();
			await expect(
				setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason })
			).rejects.toMatchObject({ key: 'error.reasonRequired', field: 'blockReason' });
			expect((await db.customers.get(customer.no))?.blocked).toBe('');
			expect(await db.changeLog.count()).toBe(0);
		}
	);

	it('bulkSetBlocked refuses a block without a reason and changes nobody', async () => {
		const customer = await givenCustomer();
		await expect(bulkSetBlocked({ nos: [customer.no], blocked: 'All' })).rejects.toMatchObject({
			key: 'error.reasonRequired'
		});
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
		expect(await db.changeLog.count()).toBe(0);
	});

	it('changing the level of a block needs the reason too', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });
		await expect(setCustomerBlocked({ no: customer.no, blocked: 'All' })).rejects.toMatchObject({
			key: 'error.reasonRequired'
		});
		expect((await db.customers.get(customer.no))?.blocked).toBe('Ship');
	});

	it('the reason of a block cannot be cleared on the card; of a lifted block it is not asked', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'DISPUTE' });
		await expect(
			updateCustomerField({ no: customer.no, field: 'blockReason', value: '' })
		).rejects.toMatchObject({ key: 'error.reasonRequired', field: 'blockReason' });
		expect((await db.customers.get(customer.no))?.blockReason).toBe('DISPUTE');

		await setCustomerBlocked({ no: customer.no, blocked: '' });
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
		await bulkSetBlocked({ nos: [customer.no], blocked: 'Ship', reason: 'OVERDUE' });
		const { changed } = await bulkSetBlocked({ nos: [customer.no], blocked: '' });
		expect(changed).toEqual([customer.no]);
	});

	it('Privacy Blocked is its own block and asks no reason', async () => {
		const customer = await givenCustomer();
		await setCustomerPrivacyBlocked({ no: customer.no, privacyBlocked: true });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'All',
			privacyBlocked: true
		});
	});
});

describe('moving the work date', () => {
	async function blockedUntil(until: string) {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'All', reason: 'OVERDUE', until });
		return customer;
	}

	it('the preview says how many blocks a date would lift, and writes nothing', async () => {
		await moveWorkDate({ workDate: '2026-03-01' });
		const soon = await blockedUntil('2026-03-10');
		const later = await blockedUntil('2099-12-31');
		await givenCustomer({
			blocked: 'All',
			privacyBlocked: true,
			blockedUntil: '2026-03-05'
		});
		const before = await db.changeLog.count();

		expect(await previewWorkDate({ workDate: '2026-03-09' })).toEqual({ count: 0, nos: [] });
		expect(await previewWorkDate({ workDate: '2026-03-10' })).toEqual({
			count: 1,
			nos: [soon.no]
		});
		expect(await previewWorkDate({ workDate: '2100-01-01' })).toEqual({
			count: 2,
			nos: [soon.no, later.no].sort()
		});
		expect(await readWorkDate()).toBe('2026-03-01');
		expect(await db.changeLog.count()).toBe(before);
	});

	it('refuses to lift blocks it was not told about, and keeps the old work date', async () => {
		await moveWorkDate({ workDate: '2026-03-01' });
		const customer = await blockedUntil('2099-12-31');

		await expect(moveWorkDate({ workDate: '2100-01-01' })).rejects.toMatchObject({
			key: 'error.workDateLifts',
			values: { count: 1 }
		});
		expect(await readWorkDate()).toBe('2026-03-01');
		expect((await db.customers.get(customer.no))?.blocked).toBe('All');

		// A confirmation for another number of blocks is no confirmation.
		await expect(moveWorkDate({ workDate: '2100-01-01', confirmedLifts: 2 })).rejects.toMatchObject(
			{ key: 'error.workDateLifts' }
		);
		expect(await readWorkDate()).toBe('2026-03-01');
	});

	it('the release caused by moving the date names the user who moved it', async () => {
		await setUserName({ userName: 'An Peeters' });
		await moveWorkDate({ workDate: '2026-03-01' });
		const customer = await blockedUntil('2099-12-31');

		expect(await moveWorkDate({ workDate: '2100-01-01', confirmedLifts: 1 })).toEqual([
			customer.no
		]);

		expect(await readWorkDate()).toBe('2100-01-01');
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
		const release = (await db.changeLog.where('key').equals(customer.no).sortBy('at')).at(-1);
		expect(release).toMatchObject({
			field: 'blocked',
			oldValue: 'All',
			newValue: '',
			automatic: true,
			user: 'An Peeters'
		});
	});
});
