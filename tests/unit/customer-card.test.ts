import { beforeEach, describe, expect, it } from 'vitest';
import type { Observable } from 'dexie';
import { db } from '$lib/db/db';
import { postSalesInvoice } from '$lib/app/posting';
import { customerCardQuery, type CustomerCard } from '$lib/app/customer-card-queries';
import { updateCustomerField } from '$lib/app/customer-card';
import { givenCustomer, givenDocument, resetDatabase } from '../factories';

/** Values a live query gives until `done` says stop; resolves with the last one. */
function until<T>(observable: Observable<T>, done: (value: T) => boolean): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				if (!done(value)) return;
				resolve(value);
				setTimeout(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

describe('the customer card query', () => {
	beforeEach(resetDatabase);

	it('gives nulls for a No. that is not there', async () => {
		expect(await until(customerCardQuery('NOPE'), () => true)).toMatchObject({
			customer: null,
			billTo: null,
			statistics: null,
			aged: null
		});
	});

	it('gives in the same read what its fields offer and the ageing of the open entries', async () => {
		const customer = await givenCustomer();
		const card = await until(customerCardQuery(customer.no), () => true);
		expect(card.reasons.map((reason) => reason.code)).toEqual(
			(await db.blockReasons.orderBy('code').toArray()).map((reason) => reason.code)
		);
		expect(card.paymentTerms.length).toBe(await db.paymentTerms.count());
		expect(card.reminderTerms.length).toBe(await db.reminderTerms.count());
		expect(card.financeChargeTerms.length).toBe(await db.financeChargeTerms.count());
		expect(card.aged).toEqual({ notDue: 0, days1to30: 0, days31to60: 0, days61to90: 0, over90: 0 });
	});

	it('gives the customer with its statistics and no bill-to when none is set', async () => {
		const customer = await givenCustomer({ name: 'Gent Trading' });
		const card = await until(customerCardQuery(customer.no), () => true);
		expect(card.customer?.name).toBe('Gent Trading');
		expect(card.billTo).toBeNull();
		expect(card.statistics).toEqual({
			balanceCents: 0,
			balanceDueCents: 0,
			outstandingOrdersCents: 0,
			shippedNotInvoicedCents: 0
		});
	});

	it('gives the bill-to customer the card names', async () => {
		const billTo = await givenCustomer({ name: 'Head Office' });
		const customer = await givenCustomer({ billToCustomerNo: billTo.no });
		const card = await until(customerCardQuery(customer.no), () => true);
		expect(card.billTo?.name).toBe('Head Office');
	});

	it('follows a posting and a change of the customer while it is open', async () => {
		const customer = await givenCustomer({ name: 'Before' });
		const seen: CustomerCard[] = [];
		const subscription = customerCardQuery(customer.no).subscribe((card) => seen.push(card));
		try {
			await until(customerCardQuery(customer.no), () => true);
			const invoice = await givenDocument('Invoice', customer.no, [[2, 1500]]);
			await postSalesInvoice({ no: invoice });
			await updateCustomerField({ no: customer.no, field: 'name', value: 'After' });
			await expect
				.poll(() => seen.at(-1))
				.toMatchObject({ customer: { name: 'After' }, statistics: { balanceCents: 3630 } });
			// The ageing comes from the same read: its buckets add up to the open invoice.
			const aged = seen.at(-1)!.aged!;
			expect(Object.values(aged).reduce((sum, cents) => sum + cents, 0)).toBe(3630);
		} finally {
			subscription.unsubscribe();
		}
		// Two at 15.00 with 21% VAT, as the totals the posting keeps say.
		expect(await db.customerTotals.get(customer.no)).toMatchObject({ balanceCents: 3630 });
	});
});
