import { describe, expect, it } from 'vitest';
import {
	checkStructuredCommunication,
	reminderCommunicationFor,
	structuredCommunicationFor
} from '$lib/domain/belgian-numbers';
import { planReminders } from '$lib/domain/reminder-plan';
import type { ReminderTerms } from '$lib/domain/receivables';
import type { CustLedgerEntry } from '$lib/domain/posted';
import {
	descriptionIn,
	fillReminderText,
	normalisedTranslations,
	reminderTextIn,
	reminderTextsOf,
	type ReminderPlaceholder
} from '$lib/domain/terms-texts';
import { aCustomer } from '../factories';

const VALUES: Record<ReminderPlaceholder, string> = {
	documentDate: '15 Mar 2026',
	dueDate: '22 Mar 2026',
	remainingAmount: '577.92',
	interest: '0.00',
	fee: '10.00',
	total: '587.92',
	level: '2',
	currency: 'EUR',
	postingDate: '15 Mar 2026',
	companyName: 'Holdfast Demo BV'
};

describe('reminder text placeholders', () => {
	it.each([
		['Please pay {total} {currency} by {dueDate}.', 'Please pay 587.92 EUR by 22 Mar 2026.'],
		['{remainingAmount} + {fee} + {interest} = {total}', '577.92 + 10.00 + 0.00 = 587.92'],
		// Business Central's numbered placeholders: %7 the total, %9 the currency, %2 the due date.
		['You owe %7 %9 due on %2.', 'You owe 587.92 EUR due on 22 Mar 2026.'],
		// %10 and %11 are placeholders of their own, not %1 followed by a digit.
		['%10 / %11 / %1', '15 Mar 2026 / Holdfast Demo BV / 15 Mar 2026'],
		['Level {level} of {companyName}', 'Level 2 of Holdfast Demo BV']
	])('%s', (template, filled) => {
		expect(fillReminderText(template, VALUES)).toBe(filled);
	});

	it('leaves a placeholder it does not know as typed, so the clerk sees it', () => {
		expect(fillReminderText('{totaal} %3 %12 {toString} 100%', VALUES)).toBe(
			'{totaal} %3 %12 {toString} 100%'
		);
	});

	it('fills each placeholder once: a value holding a placeholder is not filled again', () => {
		expect(fillReminderText('{companyName}', { ...VALUES, companyName: 'The {total} %7 BV' })).toBe(
			'The {total} %7 BV'
		);
	});
});

describe('texts per language', () => {
	it('a level stored with its one text before texts per language begins with it in English', () => {
		expect(reminderTextsOf({ text: 'Overdue.' })).toEqual({
			en: { beginning: 'Overdue.', ending: '' },
			nl: { beginning: '', ending: '' }
		});
	});

	it('picks the texts of the language, and the English ones for a language without any', () => {
		const level = {
			texts: {
				en: { beginning: 'Overdue.', ending: 'Pay {total}.' },
				nl: { beginning: 'Vervallen.', ending: '' }
			}
		};
		expect(reminderTextIn(level, 'nl')).toEqual({ beginning: 'Vervallen.', ending: '' });
		expect(reminderTextIn(level, 'en')).toEqual({ beginning: 'Overdue.', ending: 'Pay {total}.' });
		const englishOnly = { texts: { ...level.texts, nl: { beginning: ' ', ending: '' } } };
		expect(reminderTextIn(englishOnly, 'nl')).toEqual(level.texts.en);
	});

	it('describes terms in the language asked, else in the default description', () => {
		const terms = { description: 'Net 30 days', translations: { nl: 'Netto 30 dagen' } };
		expect(descriptionIn(terms, 'nl')).toBe('Netto 30 dagen');
		expect(descriptionIn(terms, 'en')).toBe('Net 30 days');
		expect(descriptionIn({ description: 'Net 30 days' }, 'nl')).toBe('Net 30 days');
		expect(descriptionIn({ ...terms, translations: { nl: '  ' } }, 'nl')).toBe('Net 30 days');
	});

	it('stores translations trimmed, without blank ones', () => {
		expect(normalisedTranslations({ nl: '  Netto 30 dagen ', en: ' ' })).toEqual({
			nl: 'Netto 30 dagen'
		});
		expect(normalisedTranslations(undefined)).toEqual({});
	});
});

describe('Create Reminders takes the texts in the customer language', () => {
	const terms: ReminderTerms = {
		code: 'REM',
		description: 'Reminders',
		levels: [
			{
				level: 1,
				gracePeriodDays: 0,
				dueDays: 7,
				feeCents: 0,
				texts: {
					en: { beginning: 'Overdue: {total}.', ending: 'Thank you.' },
					nl: { beginning: 'Vervallen: {total}.', ending: 'Dank u.' }
				}
			}
		]
	};
	const entry = (entryNo: number, customerNo: string): CustLedgerEntry => ({
		entryNo,
		customerNo,
		postingDate: '2026-01-01',
		documentType: 'Invoice',
		documentNo: `PSI-${entryNo}`,
		description: '',
		amountCents: 10_000,
		remainingAmountCents: 10_000,
		dueDate: '2026-01-31',
		open: 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: ''
	});

	it('copies the beginning and ending texts unfilled, with the Language Code', () => {
		const dutch = aCustomer({ no: 'NL1', languageCode: 'nl', reminderTermsCode: 'REM' });
		const english = aCustomer({ no: 'EN1', reminderTermsCode: 'REM' });
		const { documents } = planReminders({
			documentDate: '2026-03-01',
			includeOnHold: false,
			entries: [entry(1, 'NL1'), entry(2, 'EN1')],
			customers: new Map([dutch, english].map((c) => [c.no, c])),
			terms: new Map([['REM', terms]]),
			withOpenReminder: new Set()
		});
		expect(
			documents.map(({ customerNo, text, endingText, languageCode }) => ({
				customerNo,
				text,
				endingText,
				languageCode
			}))
		).toEqual([
			{ customerNo: 'NL1', text: 'Vervallen: {total}.', endingText: 'Dank u.', languageCode: 'nl' },
			{ customerNo: 'EN1', text: 'Overdue: {total}.', endingText: 'Thank you.', languageCode: 'en' }
		]);
	});
});

describe("an issued reminder's structured communication", () => {
	it.each([
		['IR-1001', '900000100146'],
		['IR-0007', '900000000722'],
		['999999999', '999999999948']
	])('%s → %s, with valid mod-97 check digits', (no, digits) => {
		const made = reminderCommunicationFor(no);
		expect(made).toEqual({ ok: true, value: digits });
		expect(checkStructuredCommunication(digits)).toEqual({ ok: true, value: digits });
	});

	it('never meets the communication of the invoice with the same number', () => {
		const invoice = structuredCommunicationFor('PSI-1001');
		const reminder = reminderCommunicationFor('IR-1001');
		expect(invoice.ok && reminder.ok && invoice.value !== reminder.value).toBe(true);
	});

	it('is refused for a No. without digits or with more than nine', () => {
		expect(reminderCommunicationFor('IR-')).toMatchObject({
			ok: false,
			refusal: { key: 'error.reminderCommunicationNo' }
		});
		expect(reminderCommunicationFor('IR-1234567890').ok).toBe(false);
	});
});
