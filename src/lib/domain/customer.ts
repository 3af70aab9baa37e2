import type { Blocked, PolicyCustomer } from './policy';

export interface Customer extends PolicyCustomer {
	name: string;
	address: string;
	postCode: string;
	city: string;
	countryRegion: string;
	phoneNo: string;
	email: string;
	/** '' when the customer pays its own invoices. */
	billToCustomerNo: string;
	paymentTermsCode: string;
	reminderTermsCode: string;
	financeChargeTermsCode: string;
	creditLimitCents: number;
	/** Lower-case prefixes index: the No. and every word of the Name (kept by the commands). */
	searchTerms: string[];
	/** Why the customer is blocked (a code of the block reasons table) and a note. */
	blockReason: string;
	blockNote: string;
	/** Who set the current block and when (ISO timestamp); '' when not blocked. */
	blockedBy: string;
	blockedSince: string;
	/** The block lifts by itself once the work date reaches this date ('' = no end). */
	blockedUntil: string;
}

export const BLOCK_REASONS = [
	'INSOLVENCY',
	'OVERDUE',
	'DISPUTE',
	'CREDIT REVIEW',
	'OTHER'
] as const;

/** True when a block with an end date has reached it at the work date. */
export function blockHasExpired(
	customer: Pick<Customer, 'blocked' | 'blockedUntil'>,
	workDate: string
): boolean {
	return (
		customer.blocked !== '' && customer.blockedUntil !== '' && customer.blockedUntil <= workDate
	);
}

export interface PaymentTerms {
	code: string;
	description: string;
	dueDays: number;
}

/** The fields a clerk edits on the card, one at a time (Business Central saves on change). */
export type EditableCustomerField =
	| 'name'
	| 'address'
	| 'postCode'
	| 'city'
	| 'countryRegion'
	| 'phoneNo'
	| 'email'
	| 'billToCustomerNo'
	| 'paymentTermsCode'
	| 'reminderTermsCode'
	| 'financeChargeTermsCode'
	| 'creditLimitCents'
	| 'blockReason'
	| 'blockNote'
	| 'blockedUntil';

export const TEXT_FIELD_MAX = 100;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns an i18n key naming what is wrong with a field value, or null when it may be saved. */
export function fieldError(field: EditableCustomerField, value: string | number): string | null {
	if (field === 'creditLimitCents') {
		if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'error.amountInvalid';
		return value < 0 ? 'error.creditLimitNegative' : null;
	}
	if (typeof value !== 'string') return 'error.textInvalid';
	if (value.length > TEXT_FIELD_MAX) return 'error.tooLong';
	if (field === 'email' && value !== '' && !EMAIL.test(value)) return 'error.emailInvalid';
	if (field === 'blockedUntil' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
		return 'error.dateInvalid';
	if (
		field === 'blockReason' &&
		value !== '' &&
		!(BLOCK_REASONS as readonly string[]).includes(value)
	) {
		return 'error.reasonInvalid';
	}
	return null;
}

export function searchTermsOf(no: string, name: string): string[] {
	const words = name
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
	return [...new Set([no.toLocaleLowerCase(), ...words])];
}

export interface BlockState {
	blocked: Blocked;
	privacyBlocked: boolean;
}

/** Setting Privacy Blocked sets Blocked to All; clearing it sets Blocked to blank. */
export function withPrivacyBlocked(privacyBlocked: boolean): BlockState {
	return privacyBlocked ? { blocked: 'All', privacyBlocked } : { blocked: '', privacyBlocked };
}

/**
 * Changing Blocked away from All on a privacy-blocked customer clears Privacy Blocked,
 * but only after the user confirmed it (Business Central asks first).
 */
export function needsPrivacyConfirmation(current: BlockState, blocked: Blocked): boolean {
	return current.privacyBlocked && blocked !== 'All';
}

export function withBlocked(current: BlockState, blocked: Blocked): BlockState {
	return { blocked, privacyBlocked: current.privacyBlocked && blocked === 'All' };
}
