import { describe, expect, it } from 'vitest';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { resetDemoData } from '$lib/app/demo';
import { ValidationError } from '$lib/app/errors';
import { postSalesInvoice } from '$lib/app/posting';
import {
	saveFinanceChargeTerms,
	savePaymentTerms,
	saveReminderTerms
} from '$lib/app/receivables-terms';
import { db } from '$lib/db/db';
import { TERMS_TEXT_MAX } from '$lib/domain/terms-texts';
import { givenCustomer, givenDocument } from '../factories';

const FIRST = { level: 1, gracePeriodDays: 5, dueDays: 7, feeCents: 0 };

describe('saving terms with their texts in both languages', () => {
	it('keeps each level beginning and ending text per language, trimmed', async () => {
		await saveReminderTerms({
			code: 'rem',
			description: ' Reminders ',
			translations: { nl: ' Aanmaningen ' },
			levels: [
				{
					...FIRST,
					texts: {
						en: { beginning: ' Overdue. ', ending: 'Pay {total}. ' },
						nl: { beginning: 'Vervallen.', ending: ' Betaal %7.' }
					}
				}
			]
		});
		expect(await db.reminderTerms.get('REM')).toEqual({
			code: 'REM',
			description: 'Reminders',
			translations: { nl: 'Aanmaningen' },
			levels: [
				{
					...FIRST,
					texts: {
						en: { beginning: 'Overdue.', ending: 'Pay {total}.' },
						nl: { beginning: 'Vervallen.', ending: 'Betaal %7.' }
					}
				}
			]
		});
	});

	it('saves the one text of a level from before texts per language as its English beginning', async () => {
		await saveReminderTerms({
			code: 'OLD',
			description: '',
			levels: [{ ...FIRST, text: 'Overdue.' }]
		});
		const [level] = (await db.reminderTerms.get('OLD'))!.levels;
		expect(level).toEqual({
			...FIRST,
			texts: { en: { beginning: 'Overdue.', ending: '' }, nl: { beginning: '', ending: '' } }
		});
	});

	it('refuses a text longer than a document holds, saving nothing', async () => {
		const long = 'x'.repeat(TERMS_TEXT_MAX + 1);
		const attempt = saveReminderTerms({
			code: 'LONG',
			description: '',
			levels: [
				{
					...FIRST,
					texts: { en: { beginning: '', ending: long }, nl: { beginning: '', ending: '' } }
				}
			]
		});
		await expect(attempt).rejects.toBeInstanceOf(ValidationError);
		await expect(attempt).rejects.toMatchObject({ key: 'error.tooLong' });
		expect(await db.reminderTerms.get('LONG')).toBeUndefined();
	});

	it('keeps the Dutch descriptions of payment and finance charge terms', async () => {
		await savePaymentTerms({
			code: '60 days',
			description: 'Net 60 days',
			translations: { nl: 'Netto 60 dagen' },
			dueDays: 60
		});
		await saveFinanceChargeTerms({
			code: 'LATE',
			description: 'Late payment',
			translations: { nl: 'Laattijdige betaling' },
			interestRatePct: 8,
			interestPeriodDays: 365,
			gracePeriodDays: 0,
			minimumAmountCents: 0,
			additionalFeeCents: 0
		});
		expect(await db.paymentTerms.get('60 DAYS')).toEqual({
			code: '60 DAYS',
			description: 'Net 60 days',
			translations: { nl: 'Netto 60 dagen' },
			dueDays: 60
		});
		expect((await db.financeChargeTerms.get('LATE'))?.translations).toEqual({
			nl: 'Laattijdige betaling'
		});
		await expect(
			savePaymentTerms({ code: 'X', description: '', dueDays: -1 })
		).rejects.toMatchObject({ key: 'error.termsInvalid' });
	});
});

/** A backup of the demo company with a posted invoice, as parsed JSON. */
async function demoBackup() {
	await resetDemoData();
	const customer = await givenCustomer({ no: 'NL1', city: 'Brugge', languageCode: 'nl' });
	await postSalesInvoice({ no: await givenDocument('Invoice', customer.no, [[1, 10_000]]) });
	const backup = JSON.parse(await exportBackup()) as {
		tables: Record<string, Array<Record<string, unknown>>>;
	};
	const invoice = backup.tables.postedInvoices!.find((row) => row.billToCustomerNo === 'NL1')!;
	return { backup, invoice };
}

describe('backups and the texts per language', () => {
	it('a backup keeps the texts, the translations and the posted copy of the bill-to', async () => {
		const { backup, invoice } = await demoBackup();
		expect(invoice.billToDetails).toMatchObject({ city: 'Brugge', languageCode: 'nl' });

		const checked = checkBackup(JSON.stringify(backup));
		if (!checked.ok) throw new Error(JSON.stringify(checked));
		await restoreBackup(checked);
		const restored = await db.postedInvoices.get(invoice.no as string);
		expect(restored?.billToDetails).toEqual(invoice.billToDetails);
		const terms = (await db.reminderTerms.toArray())[0]!;
		expect(terms.translations?.nl).toBe('Aanmaningen voor binnenlandse klanten');
		expect(terms.levels[0]?.texts?.nl.beginning).toMatch(/^Een vriendelijke herinnering/);
		expect((await db.paymentTerms.get('30 DAYS'))?.translations).toEqual({
			nl: 'Netto 30 dagen'
		});
	});

	it('a backup written before them is accepted and reads as before', async () => {
		const { backup, invoice: posted } = await demoBackup();
		const { tables } = backup;
		for (const row of tables.postedInvoices!) delete row.billToDetails;
		for (const name of ['paymentTerms', 'reminderTerms', 'financeChargeTerms'])
			for (const row of tables[name]!) delete row.translations;
		for (const row of tables.reminderTerms!)
			row.levels = (row.levels as Array<Record<string, unknown>>).map(({ texts, ...level }) => ({
				...level,
				text: (texts as { en: { beginning: string } }).en.beginning
			}));
		tables.reminders = [
			{
				no: 'REM-1',
				customerNo: 'C00020',
				customerName: 'Brugse Bakkerij BV',
				documentDate: '2026-03-01',
				dueDate: '2026-03-08',
				reminderTermsCode: 'DOMESTIC',
				level: 1,
				feeCents: 0,
				text: 'A friendly reminder.',
				status: 'Open',
				issuedNo: '',
				lines: []
			}
		];

		const checked = checkBackup(JSON.stringify(backup));
		if (!checked.ok) throw new Error(JSON.stringify(checked));
		await restoreBackup(checked);
		const invoice = await db.postedInvoices.get(posted.no as string);
		expect(invoice).toBeDefined();
		expect(invoice?.billToDetails).toBeUndefined();
		const level = (await db.reminderTerms.toArray())[0]!.levels[0]!;
		expect(level.text).toBe('A friendly reminder: the invoices below are overdue.');
		expect(level.texts).toBeUndefined();
		expect((await db.reminders.get('REM-1'))?.endingText).toBeUndefined();
	});
});
