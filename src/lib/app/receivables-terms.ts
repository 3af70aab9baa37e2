import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import type { FinanceChargeTerms, ReminderTerms } from '$lib/domain/receivables';
import { ValidationError } from './errors';

/** Reminder terms and finance charge terms (the Terms page): saved as a whole, checked first. */

/** Fees and minimums are amounts: within an amount's bound, in whole cents. */
function assertAmounts(amounts: number[]): void {
	for (const cents of amounts) {
		const refusal = checkBound('amount', cents);
		if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values);
	}
}

/** Saves reminder terms with their levels (numbered 1..n in the order given). */
export async function saveReminderTerms(input: ReminderTerms): Promise<void> {
	const code = input.code.trim().toUpperCase();
	const levels = input.levels.map((level, index) => ({ ...level, level: index + 1 }));
	const figures = levels.flatMap((level) => [level.gracePeriodDays, level.dueDays, level.feeCents]);
	if (
		!code ||
		code.length > 10 ||
		figures.some((value) => !Number.isSafeInteger(value) || value < 0)
	) {
		throw new ValidationError(
			'error.termsInvalid',
			'Check the terms: every figure must be zero or more.'
		);
	}
	assertAmounts(levels.map((level) => level.feeCents));
	await db.transaction('rw', db.reminderTerms, () =>
		db.reminderTerms.put({ code, description: input.description.trim(), levels })
	);
}

/** Saves finance charge terms. */
export async function saveFinanceChargeTerms(input: FinanceChargeTerms): Promise<void> {
	const code = input.code.trim().toUpperCase();
	const figures = [
		input.interestRatePct,
		input.interestPeriodDays,
		input.gracePeriodDays,
		input.minimumAmountCents,
		input.additionalFeeCents
	];
	if (
		!code ||
		code.length > 10 ||
		figures.some((value) => !Number.isFinite(value) || value < 0) ||
		input.interestPeriodDays === 0
	) {
		throw new ValidationError(
			'error.termsInvalid',
			'Check the terms: every figure must be zero or more.'
		);
	}
	assertAmounts([input.minimumAmountCents, input.additionalFeeCents]);
	await db.transaction('rw', db.financeChargeTerms, () =>
		db.financeChargeTerms.put({ ...input, code })
	);
}
