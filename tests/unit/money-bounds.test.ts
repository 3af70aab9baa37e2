import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { updateCustomerField } from '$lib/app/customer-card';
import { DEMO_FINANCE_CHARGE_TERMS, DEMO_REMINDER_TERMS } from '$lib/app/demo-data';
import { createReminders, updateReminder } from '$lib/app/reminders';
import { saveFinanceChargeTerms, saveReminderTerms } from '$lib/app/receivables-terms';
import { MAX_AMOUNT_CENTS } from '$lib/domain/bounds';
import { givenCustomer, givenInvoiceEntry, snapshotDatabase } from '../factories';

/** Safe integer cents, but beyond what an amount may be: it would break a document's total. */
const TOO_LARGE = MAX_AMOUNT_CENTS + 1;
const tooLarge = { key: 'error.amountTooLarge', values: { max: MAX_AMOUNT_CENTS / 100 } };

beforeEach(async () => {
	await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
	await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
});

describe('the fees and the credit limit are bounded as amounts', () => {
	it('reminder terms refuse a fee beyond the amount bound and change nothing', async () => {
		const terms = structuredClone(DEMO_REMINDER_TERMS[0]!);
		terms.levels[0]!.feeCents = TOO_LARGE;
		const before = await snapshotDatabase();
		await expect(saveReminderTerms(terms)).rejects.toMatchObject(tooLarge);
		expect(await snapshotDatabase()).toEqual(before);

		terms.levels[0]!.feeCents = MAX_AMOUNT_CENTS;
		await saveReminderTerms(terms);
		expect((await db.reminderTerms.get(terms.code))?.levels[0]?.feeCents).toBe(MAX_AMOUNT_CENTS);
	});

	it('finance charge terms refuse a fee or minimum beyond the bound, or a fee of part of a cent', async () => {
		const terms = DEMO_FINANCE_CHARGE_TERMS[0]!;
		const before = await snapshotDatabase();
		await expect(
			saveFinanceChargeTerms({ ...terms, additionalFeeCents: TOO_LARGE })
		).rejects.toMatchObject(tooLarge);
		await expect(
			saveFinanceChargeTerms({ ...terms, minimumAmountCents: TOO_LARGE })
		).rejects.toMatchObject(tooLarge);
		await expect(
			saveFinanceChargeTerms({ ...terms, additionalFeeCents: 150.5 })
		).rejects.toMatchObject({ key: 'error.amountInvalid' });
		expect(await snapshotDatabase()).toEqual(before);
	});

	it("an open reminder's fee is refused beyond the bound", async () => {
		const customer = await givenCustomer({ reminderTermsCode: DEMO_REMINDER_TERMS[0]!.code });
		await givenInvoiceEntry(customer.no, 10000, '2026-01-31');
		const { created } = await createReminders({ documentDate: '2026-02-15' });
		const no = created[0]!;
		const fee = (await db.reminders.get(no))!.feeCents;

		await expect(updateReminder({ no, feeCents: TOO_LARGE })).rejects.toMatchObject({
			...tooLarge,
			field: 'feeCents'
		});
		expect((await db.reminders.get(no))!.feeCents).toBe(fee);
	});

	it("the customer's Credit Limit is refused beyond the bound; the bound itself is accepted", async () => {
		const customer = await givenCustomer();
		await expect(
			updateCustomerField({ no: customer.no, field: 'creditLimitCents', value: TOO_LARGE })
		).rejects.toMatchObject({ ...tooLarge, field: 'creditLimitCents' });
		expect((await db.customers.get(customer.no))!.creditLimitCents).toBe(0);

		await updateCustomerField({
			no: customer.no,
			field: 'creditLimitCents',
			value: MAX_AMOUNT_CENTS
		});
		expect((await db.customers.get(customer.no))!.creditLimitCents).toBe(MAX_AMOUNT_CENTS);
	});
});
