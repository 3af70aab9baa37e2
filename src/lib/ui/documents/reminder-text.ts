import type { CompanyInformation } from '$lib/domain/company';
import type { Customer, DocumentLanguage } from '$lib/domain/customer';
import { reminderAmounts, type Reminder } from '$lib/domain/receivables';
import { fillReminderText } from '$lib/domain/terms-texts';
import { formatDate, formatMoney } from '../format';
import { documentLanguageOf } from './document-language';

/** The one currency of a company (Settings); documents print it with their totals. */
export const DOCUMENT_CURRENCY = 'EUR';

/** The language a reminder is written in: its customer's when it was created. */
export function reminderLanguageOf(
	reminder: Pick<Reminder, 'languageCode'>,
	customer: Customer | null | undefined
): DocumentLanguage {
	return reminder.languageCode ?? documentLanguageOf(customer);
}

/**
 * A reminder's Beginning Text and Ending Text as they are sent: in its language, the
 * placeholders filled with its own amounts and dates as that language writes them.
 */
export function reminderLetterTexts(
	reminder: Reminder,
	company: Pick<CompanyInformation, 'name'>,
	language: DocumentLanguage
): { beginning: string; ending: string } {
	const amounts = reminderAmounts(reminder);
	const money = (cents: number) => formatMoney(cents, language);
	const values = {
		documentDate: formatDate(reminder.documentDate, language),
		dueDate: formatDate(reminder.dueDate, language),
		remainingAmount: money(amounts.remainingCents),
		interest: money(0),
		fee: money(amounts.feeCents),
		total: money(amounts.totalCents),
		level: String(reminder.level),
		currency: DOCUMENT_CURRENCY,
		postingDate: formatDate(reminder.documentDate, language),
		companyName: company.name
	};
	return {
		beginning: fillReminderText(reminder.text, values),
		ending: fillReminderText(reminder.endingText ?? '', values)
	};
}
