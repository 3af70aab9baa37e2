import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { setCustomerBlocked } from '$lib/app/customer-blocking';
import { createSalesDocument } from '$lib/app/sales-headers';
import { BlockedError } from '$lib/app/errors';
import { setWorkDate } from '$lib/app/settings';
import { CREATE_ACTION, SALES_DOCUMENT_TYPES } from '$lib/domain/sales-document';
import { decide } from '$lib/domain/policy';
import { blockOf, givenCustomer, LEVELS, snapshotDatabase } from '../factories';

const cases = SALES_DOCUMENT_TYPES.flatMap((documentType) =>
	LEVELS.map((level) => ({ documentType, level }))
);

describe('createSalesDocument', () => {
	it.each(cases)('$documentType for a customer at "$level"', async ({ documentType, level }) => {
		const customer = await givenCustomer(blockOf(level));
		const expected = decide(customer, CREATE_ACTION[documentType]);
		const before = await snapshotDatabase();

		const attempt = createSalesDocument({ documentType, sellToCustomerNo: customer.no });

		if (expected.allowed) {
			const no = await attempt;
			const headers = await db.salesHeaders.toArray();
			expect(headers).toHaveLength(1);
			expect(headers[0]).toMatchObject({
				no,
				documentType,
				sellToCustomerNo: customer.no,
				billToCustomerNo: customer.no,
				status: 'Open'
			});
		} else {
			await expect(attempt).rejects.toThrow(BlockedError);
			await expect(attempt).rejects.toMatchObject({ message: expected.message });
			expect(await snapshotDatabase()).toEqual(before);
		}
	});

	it('refuses when the bill-to is blocked even though the sell-to is fine', async () => {
		const billTo = await givenCustomer({ blocked: 'Invoice' });
		const sellTo = await givenCustomer({ billToCustomerNo: billTo.no });
		const before = await snapshotDatabase();

		const attempt = createSalesDocument({ documentType: 'Invoice', sellToCustomerNo: sellTo.no });

		await expect(attempt).rejects.toBeInstanceOf(BlockedError);
		await expect(attempt).rejects.toMatchObject({ decision: { customerNo: billTo.no } });
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('uses the bill-to customer of the sell-to and its payment terms for the due date', async () => {
		await db.paymentTerms.put({ code: '14 DAYS', description: '', dueDays: 14 });
		const billTo = await givenCustomer({ paymentTermsCode: '14 DAYS' });
		const sellTo = await givenCustomer({ billToCustomerNo: billTo.no });
		await setWorkDate({ workDate: '2026-01-20' });

		const no = await createSalesDocument({ documentType: 'Order', sellToCustomerNo: sellTo.no });

		expect(await db.salesHeaders.get(no)).toMatchObject({
			billToCustomerNo: billTo.no,
			documentDate: '2026-01-20',
			postingDate: '2026-01-20',
			dueDate: '2026-02-03'
		});
	});

	it('refuses a customer blocked after the page read it (stale read)', async () => {
		const customer = await givenCustomer();
		// The page decided on this copy: allowed.
		expect(decide(customer, 'order.create').allowed).toBe(true);
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });

		await expect(
			createSalesDocument({ documentType: 'Order', sellToCustomerNo: customer.no })
		).rejects.toBeInstanceOf(BlockedError);
		expect(await db.salesHeaders.count()).toBe(0);
	});

	it('numbers each document type from its own series', async () => {
		const customer = await givenCustomer();
		const order = await createSalesDocument({
			documentType: 'Order',
			sellToCustomerNo: customer.no
		});
		const second = await createSalesDocument({
			documentType: 'Order',
			sellToCustomerNo: customer.no
		});
		const quote = await createSalesDocument({
			documentType: 'Quote',
			sellToCustomerNo: customer.no
		});
		expect([order, second, quote]).toEqual(['SO-1001', 'SO-1002', 'SQ-1001']);
	});

	it('says clearly when the customer does not exist', async () => {
		await expect(
			createSalesDocument({ documentType: 'Order', sellToCustomerNo: 'NOPE' })
		).rejects.toThrow('Customer NOPE does not exist.');
	});
});
