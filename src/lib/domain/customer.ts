import { checkEnterpriseNo, checkVatRegistrationNo } from './belgian-numbers';
import { accepted, type Checked } from './checked';
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
	/**
	 * Printed on documents and sent in e-invoices. Customers stored before these fields have
	 * none of them: read them with `documentDetailsOf`.
	 */
	vatRegistrationNo?: string;
	enterpriseNo?: string;
	/** The language of the documents sent to this customer. */
	languageCode?: DocumentLanguage;
	/** Where the customer's documents go (its own E-Mail when blank). */
	documentEmail?: string;
}

/** The languages a document can be printed in (Business Central's Language Code). */
export const DOCUMENT_LANGUAGES = ['en', 'nl'] as const;
export type DocumentLanguage = (typeof DOCUMENT_LANGUAGES)[number];

export interface CustomerDocumentDetails {
	vatRegistrationNo: string;
	enterpriseNo: string;
	languageCode: DocumentLanguage;
	documentEmail: string;
}

/** A customer's document fields, with the defaults a customer stored before them reads as. */
export function documentDetailsOf(
	customer: Pick<Customer, keyof CustomerDocumentDetails | 'email'>
): CustomerDocumentDetails {
	return {
		vatRegistrationNo: customer.vatRegistrationNo ?? '',
		enterpriseNo: customer.enterpriseNo ?? '',
		languageCode: customer.languageCode === 'nl' ? 'nl' : 'en',
		documentEmail: customer.documentEmail || customer.email
	};
}

/** A row of the editable block reasons table. */
export interface BlockReason {
	code: string;
	/** '' shows the built-in caption of the five codes Holdfast starts with, in the UI language. */
	description: string;
}

/** The codes every company starts with; the table can be edited from Settings. */
export const BUILT_IN_BLOCK_REASONS = [
	'INSOLVENCY',
	'OVERDUE',
	'DISPUTE',
	'CREDIT REVIEW',
	'OTHER'
] as const;

export const DEFAULT_BLOCK_REASONS: BlockReason[] = BUILT_IN_BLOCK_REASONS.map((code) => ({
	code,
	description: ''
}));

/** The reason block suggestions are applied with. */
export const OVERDUE_REASON = 'OVERDUE';

const REASON_CODE = /^[A-Z0-9][A-Z0-9 _-]{0,19}$/;

/** Returns an i18n key naming what is wrong with a new reason row, or null. */
export function blockReasonError(reason: BlockReason): string | null {
	if (!REASON_CODE.test(reason.code)) return 'error.reasonCodeInvalid';
	if (reason.description.length > TEXT_FIELD_MAX) return 'error.tooLong';
	return null;
}

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
	/** The description in other languages (domain/terms-texts.ts); absent on terms stored before. */
	translations?: Partial<Record<DocumentLanguage, string>>;
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
	| 'blockedUntil'
	| 'vatRegistrationNo'
	| 'enterpriseNo'
	| 'languageCode'
	| 'documentEmail';

export const TEXT_FIELD_MAX = 100;

/** A customer No. is a code, as Business Central's Code[20]. */
export const CUSTOMER_NO_MAX = 20;

// The No. is the path segment of the card's link (/customers/C00010), so it holds only
// characters a URL segment keeps as they are, and starts with a letter or digit so that
// '.' and '..' never name another page.
const CUSTOMER_NO = /^[A-Z0-9][A-Z0-9._-]*$/;

/** Returns an i18n key naming what is wrong with a customer No., or null when it may be used. */
export function customerNoError(no: string): string | null {
	if (no.length > CUSTOMER_NO_MAX) return 'error.tooLong';
	if (!CUSTOMER_NO.test(no)) return 'error.customerNoInvalid';
	return null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Returns an i18n key naming what is wrong with a field value, or null when it may be saved. */
export function fieldError(field: EditableCustomerField, value: string | number): string | null {
	if (field === 'creditLimitCents') {
		if (typeof value !== 'number' || !Number.isSafeInteger(value)) return 'error.amountInvalid';
		return value < 0 ? 'error.creditLimitNegative' : null;
	}
	if (typeof value !== 'string') return 'error.textInvalid';
	if (value.length > TEXT_FIELD_MAX) return 'error.tooLong';
	if ((field === 'email' || field === 'documentEmail') && value !== '' && !EMAIL.test(value))
		return 'error.emailInvalid';
	if (field === 'languageCode' && !(DOCUMENT_LANGUAGES as readonly string[]).includes(value))
		return 'error.languageCode';
	if (field === 'blockedUntil' && value !== '' && !/^\d{4}-\d{2}-\d{2}$/.test(value))
		return 'error.dateInvalid';
	return null;
}

/**
 * The value a card field stores: a VAT Registration No. (checked with its mod-97 digits when it
 * is Belgian: a BE prefix, or none and the customer's Country/Region BE) and an Enterprise No.
 * in their compact form, any other field as given; or why not.
 */
export function storedFieldValue(
	field: EditableCustomerField,
	value: string | number,
	countryRegion: string
): Checked<string | number> {
	if (field === 'vatRegistrationNo') return checkVatRegistrationNo(String(value), countryRegion);
	if (field === 'enterpriseNo') return checkEnterpriseNo(String(value));
	return accepted(value);
}

export function searchTermsOf(no: string, name: string): string[] {
	const words = name
		.toLocaleLowerCase()
		.split(/[^\p{L}\p{N}]+/u)
		.filter((word) => word !== '');
	return [...new Set([no.toLocaleLowerCase(), ...words])];
}

/** A new customer card: only its No. (and the name, if given), nothing blocked. */
export function emptyCustomer(no: string, name = ''): Customer {
	return {
		no,
		name,
		address: '',
		postCode: '',
		city: '',
		countryRegion: '',
		phoneNo: '',
		email: '',
		billToCustomerNo: '',
		paymentTermsCode: '',
		reminderTermsCode: '',
		financeChargeTermsCode: '',
		creditLimitCents: 0,
		blockReason: '',
		blockNote: '',
		blockedBy: '',
		blockedSince: '',
		blockedUntil: '',
		blocked: '',
		privacyBlocked: false,
		searchTerms: searchTermsOf(no, name),
		vatRegistrationNo: '',
		enterpriseNo: '',
		languageCode: 'en',
		documentEmail: ''
	};
}

/**
 * The ring that giving customer `no` the bill-to customer `billTo` closes, as the Nos. from
 * `no` round to `no` again (['C00020', 'C00010', 'C00020']), or null when the bill-to customers
 * lead elsewhere. `billToOf` gives a customer's Bill-to Customer No. ('' or undefined: none).
 * A document takes its bill-to from the sell-to's field alone, so a chain is allowed; a ring
 * is not: it makes every customer on it bill to another and the company unrestorable.
 */
export function billToRing(
	no: string,
	billTo: string,
	billToOf: (no: string) => string | undefined
): string[] | null {
	const ring = [no];
	const seen = new Set([no]);
	let next: string | undefined = billTo;
	while (next !== '' && next !== undefined) {
		ring.push(next);
		if (next === no) return ring;
		if (seen.has(next)) return null;
		seen.add(next);
		next = billToOf(next);
	}
	return null;
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
