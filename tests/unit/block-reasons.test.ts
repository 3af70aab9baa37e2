import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	addBlockReason,
	deleteBlockReason,
	updateBlockReasonDescription
} from '$lib/app/block-reasons';
import { bulkSetBlocked, setCustomerBlocked } from '$lib/app/customer-blocking';
import { updateCustomerField } from '$lib/app/customer-card';
import { givenCustomer } from '../factories';

describe('the block reasons table', () => {
	it('starts with the five codes', async () => {
		expect(await db.blockReasons.orderBy('code').primaryKeys()).toEqual([
			'CREDIT REVIEW',
			'DISPUTE',
			'INSOLVENCY',
			'OTHER',
			'OVERDUE'
		]);
	});

	it('a new code can be used to block; a deleted one cannot', async () => {
		expect(await addBlockReason({ code: ' fraud ', description: 'Suspected fraud' })).toBe('FRAUD');
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'All', reason: 'FRAUD' });
		expect((await db.customers.get(customer.no))?.blockReason).toBe('FRAUD');

		await addBlockReason({ code: 'TEMP', description: '' });
		await deleteBlockReason({ code: 'TEMP' });
		const other = await givenCustomer();
		await expect(
			setCustomerBlocked({ no: other.no, blocked: 'Ship', reason: 'TEMP' })
		).rejects.toMatchObject({ key: 'error.reasonInvalid' });
		await expect(
			bulkSetBlocked({ nos: [other.no], blocked: 'Ship', reason: 'TEMP' })
		).rejects.toMatchObject({ key: 'error.reasonInvalid' });
		await expect(
			updateCustomerField({ no: customer.no, field: 'blockReason', value: 'TEMP' })
		).rejects.toMatchObject({ key: 'error.reasonInvalid' });
		expect((await db.customers.get(other.no))?.blocked).toBe('');
	});

	it('refuses a duplicate, a bad code and a too long description', async () => {
		await expect(addBlockReason({ code: 'OVERDUE', description: '' })).rejects.toMatchObject({
			key: 'error.reasonExists'
		});
		await expect(addBlockReason({ code: '', description: '' })).rejects.toMatchObject({
			key: 'error.reasonCodeInvalid'
		});
		await expect(addBlockReason({ code: 'A'.repeat(21), description: '' })).rejects.toMatchObject({
			key: 'error.reasonCodeInvalid'
		});
		await expect(
			updateBlockReasonDescription({ code: 'OTHER', description: 'x'.repeat(101) })
		).rejects.toMatchObject({ key: 'error.tooLong' });
		expect(await db.blockReasons.count()).toBe(5);
	});

	it('edits a description, and refuses to delete a reason a customer is blocked with', async () => {
		await updateBlockReasonDescription({ code: 'OTHER', description: 'Something else' });
		expect(await db.blockReasons.get('OTHER')).toEqual({
			code: 'OTHER',
			description: 'Something else'
		});
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'DISPUTE' });
		await expect(deleteBlockReason({ code: 'DISPUTE' })).rejects.toMatchObject({
			key: 'error.reasonInUse',
			values: { code: 'DISPUTE', count: 1 }
		});
		expect(await db.blockReasons.get('DISPUTE')).toBeDefined();
	});
});
