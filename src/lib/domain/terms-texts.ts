import type { DocumentLanguage } from './customer';

/**
 * The texts of payment, reminder and finance charge terms in the languages documents are sent
 * in: a description per language (Business Central's terms translations) and a reminder level's
 * Beginning Text and Ending Text per language (BC's Reminder Text), whose placeholders a printed
 * reminder fills with its own amounts.
 */

/** A description in another language than the default one; blank or absent: the default. */
export type Translations = Partial<Record<DocumentLanguage, string>>;

/** Terms with a description (English, the default) and its translations. */
export interface DescribedTerms {
	description: string;
	/** Absent on terms stored before descriptions were translated. */
	translations?: Translations;
}

/** The longest description or reminder text a terms row keeps, in characters. */
export const TERMS_TEXT_MAX = 500;

/** Translations as stored: trimmed, blank ones left out. */
export function normalisedTranslations(translations: Translations | undefined): Translations {
	const kept: Translations = {};
	for (const [language, text] of Object.entries(translations ?? {}) as Array<
		[DocumentLanguage, string | undefined]
	>) {
		if (text?.trim()) kept[language] = text.trim();
	}
	return kept;
}

/** The description to show or print in `language`: its translation, else the default. */
export function descriptionIn(terms: DescribedTerms, language: DocumentLanguage): string {
	return terms.translations?.[language]?.trim() || terms.description;
}

/** A reminder level's Beginning Text and Ending Text in one language. */
export interface ReminderText {
	beginning: string;
	ending: string;
}

/** A level's texts in every language a document is printed in. */
export type ReminderLevelTexts = Record<DocumentLanguage, ReminderText>;

/** What a level holds of its texts: `text` is the one English text levels had before. */
export interface LevelTextSource {
	text?: string;
	texts?: Partial<ReminderLevelTexts>;
}

/** A level's texts in every language; a level stored before them begins with its one text. */
export function reminderTextsOf(level: LevelTextSource): ReminderLevelTexts {
	const { en, nl } = level.texts ?? {};
	return {
		en: { beginning: en?.beginning ?? level.text ?? '', ending: en?.ending ?? '' },
		nl: { beginning: nl?.beginning ?? '', ending: nl?.ending ?? '' }
	};
}

/**
 * The texts a reminder in `language` gets: the level's texts in that language, or, when that
 * language has none at all, the English ones (as Business Central prints the default text for
 * a language without its own).
 */
export function reminderTextIn(level: LevelTextSource, language: DocumentLanguage): ReminderText {
	const texts = reminderTextsOf(level);
	const own = texts[language];
	return own.beginning.trim() || own.ending.trim() ? own : texts.en;
}

/** The values a reminder text can name, by placeholder: `{total}` or Business Central's `%7`. */
export const REMINDER_PLACEHOLDERS = [
	'documentDate',
	'dueDate',
	'remainingAmount',
	'interest',
	'fee',
	'total',
	'level',
	'currency',
	'postingDate',
	'companyName'
] as const;

export type ReminderPlaceholder = (typeof REMINDER_PLACEHOLDERS)[number];

/** Business Central's numbered placeholders of reminder texts (%3 interest rate and %12 fee per line have no value in Holdfast). */
const BC_PLACEHOLDERS: Readonly<Record<string, ReminderPlaceholder>> = {
	'1': 'documentDate',
	'2': 'dueDate',
	'4': 'remainingAmount',
	'5': 'interest',
	'6': 'fee',
	'7': 'total',
	'8': 'level',
	'9': 'currency',
	'10': 'postingDate',
	'11': 'companyName'
};

/**
 * A reminder text with its placeholders filled: `{total}`, `{fee}`… or `%7`, `%6`… as in
 * Business Central, each replaced by its value written in the document's language. A placeholder
 * Holdfast does not know is left as typed, so the clerk sees it on the document.
 */
export function fillReminderText(
	template: string,
	values: Readonly<Record<ReminderPlaceholder, string>>
): string {
	return template.replace(/\{(\w+)\}|%(1[0-2]|[1-9])/g, (whole, name?: string, number?: string) => {
		const key = name ?? BC_PLACEHOLDERS[number ?? ''];
		return key && Object.hasOwn(values, key) ? values[key as ReminderPlaceholder] : whole;
	});
}
