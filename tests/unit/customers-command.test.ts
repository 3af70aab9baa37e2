import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { createCustomer, updateCustomerField } from '$lib/app/customer-card';
import { setCustomerBlocked, setCustomerPrivacyBlocked } from '$lib/app/customer-blocking';
import { ValidationError } from '$lib/app/errors';
import { givenCustomer } from '../factories';

describe('createCustomer', () => {
	it('numbers customers from the CUST series: C00010, C00020', async () => {
		expect(await createCustomer()).toBe('C00010');
		expect(await createCustomer({ name: 'Second' })).toBe('C00020');
		expect(await db.customers.get('C00020')).toMatchObject({ name: 'Second', blocked: '' });
	});

	it('skips a number already taken', async () => {
		await givenCustomer({ no: 'C00010' });
		expect(await createCustomer()).toBe('C00020');
	});
});

describe('updateCustomerField', () => {
	it('saves a valid field and keeps the search terms in step with the name', async () => {
		const customer = await givenCustomer();
		await updateCustomerField({ no: customer.no, field: 'name', value: 'Gent Trading' });
		expect(await db.customers.get(customer.no)).toMatchObject({
			name: 'Gent Trading',
			searchTerms: [customer.no.toLowerCase(), 'gent', 'trading']
		});
	});

	it.each([
		{ field: 'email' as const, value: 'nope', key: 'error.emailInvalid' },
		{ field: 'creditLimitCents' as const, value: -100, key: 'error.creditLimitNegative' },
		{ field: 'billToCustomerNo' as const, value: 'C99999', key: 'error.billToMissing' },
		{ field: 'paymentTermsCode' as const, value: 'XX', key: 'error.paymentTermsMissing' }
	])('refuses $field = $value and changes nothing', async ({ field, value, key }) => {
		const customer = await givenCustomer({ email: 'ok@example.com' });
		await expect(updateCustomerField({ no: customer.no, field, value })).rejects.toMatchObject({
			key,
			field
		});
		expect(await db.customers.get(customer.no)).toEqual(customer);
	});

	it('accepts an existing bill-to customer', async () => {
		const billTo = await givenCustomer();
		const customer = await givenCustomer();
		await updateCustomerField({ no: customer.no, field: 'billToCustomerNo', value: billTo.no });
		expect((await db.customers.get(customer.no))?.billToCustomerNo).toBe(billTo.no);
	});
});

describe('blocking and the change log', () => {
	it('logs every change of Blocked with old and new value', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'OVERDUE' });
		const log = await db.changeLog.orderBy('at').toArray();
		expect(log.map((entry) => [entry.field, entry.oldValue, entry.newValue])).toEqual([
			['blocked', '', 'Ship'],
			['blocked', 'Ship', 'Invoice']
		]);
	});

	it('setting Privacy Blocked sets All, clearing it sets blank, both logged', async () => {
		const customer = await givenCustomer({ blocked: 'Ship' });
		await setCustomerPrivacyBlocked({ no: customer.no, privacyBlocked: true });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'All',
			privacyBlocked: true
		});
		await setCustomerPrivacyBlocked({ no: customer.no, privacyBlocked: false });
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: '',
			privacyBlocked: false
		});
		expect(await db.changeLog.count()).toBe(4);
	});

	it('changing Blocked of a privacy-blocked customer needs the confirmation', async () => {
		const customer = await givenCustomer({ blocked: 'All', privacyBlocked: true });

		await expect(
			setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' })
		).rejects.toBeInstanceOf(ValidationError);
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'All',
			privacyBlocked: true
		});
		expect(await db.changeLog.count()).toBe(0);

		await setCustomerBlocked({
			no: customer.no,
			blocked: 'Ship',
			reason: 'OVERDUE',
			confirmPrivacyChange: true
		});
		expect(await db.customers.get(customer.no)).toMatchObject({
			blocked: 'Ship',
			privacyBlocked: false
		});
	});

	it('keeps Privacy Blocked when Blocked stays All', async () => {
		const customer = await givenCustomer({ blocked: 'All', privacyBlocked: true });
		await setCustomerBlocked({ no: customer.no, blocked: 'All', reason: 'OTHER' });
		expect(await db.customers.get(customer.no)).toMatchObject({ privacyBlocked: true });
	});

	it('refuses an unknown Blocked option', async () => {
		const customer = await givenCustomer();
		await expect(
			setCustomerBlocked({ no: customer.no, blocked: 'Everything' as never })
		).rejects.toMatchObject({ key: 'error.blockedInvalid' });
	});
});
