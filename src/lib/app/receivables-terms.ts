import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import type { PaymentTerms } from '$lib/domain/customer';
import type { FinanceChargeTerms, ReminderTerms } from '$lib/domain/receivables';
import {
	normalisedTranslations,
	reminderTextsOf,
	TERMS_TEXT_MAX,
	type ReminderLevelTexts
} from '$lib/domain/terms-texts';
import { ValidationError } from './errors';

/**
 * Payment terms, reminder terms and finance charge terms (the Terms page): saved as a whole,
 * checked first, with their descriptions in both languages and, for reminder levels, their
 * beginning and ending texts per language.
 */

/** Fees and minimums are amounts: within an amount's bound, in whole cents. */
function assertAmounts(amounts: number[]): void {
	for (const cents of amounts) {
		const refusal = checkBound('amount', cents);
		if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values);
	}
}

function invalidTerms(): ValidationError {
	return new ValidationError(
		'error.termsInvalid',
		'Check the terms: every figure must be zero or more.'
	);
}

/** Codes are at most ten capitals, as Business Central's Code[10]. */
function termsCode(code: string): string {
	const trimmed = code.trim().toUpperCase();
	if (!trimmed || trimmed.length > 10) throw invalidTerms();
	return trimmed;
}

/** Descriptions and texts fit a document: refused beyond TERMS_TEXT_MAX characters. */
function assertTexts(texts: string[]): void {
	if (texts.some((text) => text.length > TERMS_TEXT_MAX)) {
		throw new ValidationError(
			'error.tooLong',
			`The text is longer than ${TERMS_TEXT_MAX} characters.`,
			{ max: TERMS_TEXT_MAX }
		);
	}
}

/** A level's texts trimmed, English and Dutch. */
function trimmedTexts(texts: ReminderLevelTexts): ReminderLevelTexts {
	return {
		en: { beginning: texts.en.beginning.trim(), ending: texts.en.ending.trim() },
		nl: { beginning: texts.nl.beginning.trim(), ending: texts.nl.ending.trim() }
	};
}

/**
 * Saves reminder terms with their levels (numbered 1..n in the order given). A level stored
 * with its one English text before texts per language is saved with that text as its English
 * beginning text.
 */
export async function saveReminderTerms(input: ReminderTerms): Promise<void> {
	const code = termsCode(input.code);
	const levels = input.levels.map((level, index) => ({
		level: index + 1,
		gracePeriodDays: level.gracePeriodDays,
		dueDays: level.dueDays,
		feeCents: level.feeCents,
		texts: trimmedTexts(reminderTextsOf(level))
	}));
	const figures = levels.flatMap((level) => [level.gracePeriodDays, level.dueDays, level.feeCents]);
	if (figures.some((value) => !Number.isSafeInteger(value) || value < 0)) throw invalidTerms();
	assertAmounts(levels.map((level) => level.feeCents));
	const translations = normalisedTranslations(input.translations);
	assertTexts([
		input.description,
		...Object.values(translations),
		...levels.flatMap(({ texts }) => [texts.en, texts.nl]).flatMap((t) => [t.beginning, t.ending])
	]);
	await db.transaction('rw', db.reminderTerms, () =>
		db.reminderTerms.put({ code, description: input.description.trim(), translations, levels })
	);
}

/** Saves finance charge terms. */
export async function saveFinanceChargeTerms(input: FinanceChargeTerms): Promise<void> {
	const code = termsCode(input.code);
	const figures = [
		input.interestRatePct,
		input.interestPeriodDays,
		input.gracePeriodDays,
		input.minimumAmountCents,
		input.additionalFeeCents
	];
	if (
		figures.some((value) => !Number.isFinite(value) || value < 0) ||
		input.interestPeriodDays === 0
	)
		throw invalidTerms();
	assertAmounts([input.minimumAmountCents, input.additionalFeeCents]);
	const translations = normalisedTranslations(input.translations);
	assertTexts([input.description, ...Object.values(translations)]);
	await db.transaction('rw', db.financeChargeTerms, () =>
		db.financeChargeTerms.put({
			...input,
			code,
			description: input.description.trim(),
			translations
		})
	);
}

/** Saves payment terms: their descriptions and due date calculation (days). */
export async function savePaymentTerms(input: PaymentTerms): Promise<void> {
	const code = termsCode(input.code);
	if (!Number.isSafeInteger(input.dueDays) || input.dueDays < 0) throw invalidTerms();
	const translations = normalisedTranslations(input.translations);
	assertTexts([input.description, ...Object.values(translations)]);
	await db.transaction('rw', db.paymentTerms, () =>
		db.paymentTerms.put({
			code,
			description: input.description.trim(),
			translations,
			dueDays: input.dueDays
		})
	);
}
