import { daysBetween } from './dates';
import type { CustLedgerEntry } from './posted';

/**
 * The rules a credit controller sets for block suggestions; a rule left `null` (or false)
 * is off. A customer is suggested when any rule that is on triggers.
 */
export interface SuggestionRules {
	/** Overdue amount at least this many cents. */
	overdueAmountCents: number | null;
	/** Oldest overdue entry at least this many days past its due date. */
	oldestOverdueDays: number | null;
	/** Balance over the credit limit (a credit limit of 0 means no limit, as in Business Central). */
	overCreditLimit: boolean;
}

export const NO_RULES: SuggestionRules = {
	overdueAmountCents: null,
	oldestOverdueDays: null,
	overCreditLimit: false
};

export type SuggestionRule = 'overdueAmount' | 'oldestOverdue' | 'overCreditLimit';

/** The figures the rules are checked against, shown with every suggestion. */
export interface CustomerFigures {
	balanceCents: number;
	overdueCents: number;
	/** 0 when nothing is overdue. */
	oldestOverdueDays: number;
	creditLimitCents: number;
}

/** Figures from a customer's open entries at the work date (overdue: due date before it). */
export function figuresOf(
	entries: readonly Pick<CustLedgerEntry, 'open' | 'dueDate' | 'remainingAmountCents'>[],
	creditLimitCents: number,
	workDate: string
): CustomerFigures {
	let balanceCents = 0;
	let overdueCents = 0;
	let oldestOverdueDays = 0;
	for (const entry of entries) {
		if (entry.open !== 1) continue;
		balanceCents += entry.remainingAmountCents;
		if (entry.dueDate >= workDate) continue;
		overdueCents += entry.remainingAmountCents;
		if (entry.remainingAmountCents > 0) {
			oldestOverdueDays = Math.max(oldestOverdueDays, daysBetween(entry.dueDate, workDate));
		}
	}
	return { balanceCents, overdueCents, oldestOverdueDays, creditLimitCents };
}

/** Which rules the figures trigger; empty when the customer is not suggested. */
export function triggeredRules(figures: CustomerFigures, rules: SuggestionRules): SuggestionRule[] {
	const triggered: SuggestionRule[] = [];
	if (
		rules.overdueAmountCents !== null &&
		figures.overdueCents > 0 &&
		figures.overdueCents >= rules.overdueAmountCents
	) {
		triggered.push('overdueAmount');
	}
	if (
		rules.oldestOverdueDays !== null &&
		figures.oldestOverdueDays > 0 &&
		figures.oldestOverdueDays >= rules.oldestOverdueDays
	) {
		triggered.push('oldestOverdue');
	}
	if (
		rules.overCreditLimit &&
		figures.creditLimitCents > 0 &&
		figures.balanceCents > figures.creditLimitCents
	) {
		triggered.push('overCreditLimit');
	}
	return triggered;
}

export function hasRules(rules: SuggestionRules): boolean {
	return (
		rules.overdueAmountCents !== null || rules.oldestOverdueDays !== null || rules.overCreditLimit
	);
}
