import { accepted, rejected, type Checked } from './checked';

/**
 * Belgian numbers checked with their mod-97 digits: the VAT Registration No. (BE0123.456.749),
 * the Enterprise No. (the same ten digits without BE) and the structured communication
 * (+++123/4567/89012+++) that pays an invoice. Each check returns the normalised value to store,
 * or the refusal a clerk reads (its key is in the message catalogs).
 */

/** The separators people type inside these numbers (dots, spaces, slashes, dashes). */
const SEPARATORS = /[\s./-]/g;

/** 97 − (the first eight digits mod 97): the check of a Belgian enterprise number. */
function enterpriseCheck(digits: string): number {
	return 97 - (Number(digits.slice(0, 8)) % 97);
}

/**
 * The ten digits of a Belgian enterprise number, or why not. Numbers given before 2005 had
 * nine digits and gained a leading 0, so nine digits are read as such. Since 2023 new numbers
 * may start with 1.
 */
function enterpriseDigits(
	compact: string
): { digits: string } | { format: true } | { check: true } {
	const digits = compact.length === 9 ? `0${compact}` : compact;
	if (!/^[01]\d{9}$/.test(digits)) return { format: true };
	if (enterpriseCheck(digits) !== Number(digits.slice(8))) return { check: true };
	return { digits };
}

/**
 * A Belgian Enterprise No. ("0123.456.749", "BE 0123 456 749"...) normalised to its ten
 * digits. An empty field is accepted as empty: the field is optional.
 */
export function checkEnterpriseNo(input: string): Checked {
	const compact = input.replace(SEPARATORS, '').toUpperCase().replace(/^BE/, '');
	if (compact === '') return accepted('');
	const read = enterpriseDigits(compact);
	if ('format' in read)
		return rejected(
			'error.enterpriseNoFormat',
			'An enterprise number has 10 digits and starts with 0 or 1, such as 0123.456.749.'
		);
	if ('check' in read)
		return rejected(
			'error.enterpriseNoCheck',
			'The check digits of enterprise number {no} do not match: look for a typing error.',
			{ no: input.trim() }
		);
	return accepted(read.digits);
}

/** "0123456749" → "0123.456.749", as the Crossroads Bank for Enterprises writes it. */
export function formatEnterpriseNo(digits: string): string {
	return /^\d{10}$/.test(digits)
		? `${digits.slice(0, 4)}.${digits.slice(4, 7)}.${digits.slice(7)}`
		: digits;
}

/** The country a VAT registration number belongs to: its two-letter prefix, if it has one. */
export function vatCountryOf(vatRegistrationNo: string): string {
	const prefix = vatRegistrationNo.trim().slice(0, 2).toUpperCase();
	return /^[A-Z]{2}$/.test(prefix) ? prefix : '';
}

/**
 * A VAT Registration No. normalised to the compact form VIES and Peppol use ("BE0123456749").
 * A Belgian number (BE prefix, or `countryCode` BE without a prefix) is checked with its mod-97
 * digits; another country's number is kept as entered, only trimmed and upper-cased, since
 * Business Central accepts those as entered too. An empty field is accepted as empty.
 */
export function checkVatRegistrationNo(input: string, countryCode = ''): Checked {
	const compact = input.replace(SEPARATORS, '').toUpperCase();
	if (compact === '') return accepted('');
	const prefix = vatCountryOf(compact);
	const belgian = prefix === 'BE' || (prefix === '' && countryCode.toUpperCase() === 'BE');
	if (!belgian) return accepted(input.trim().toUpperCase());
	const read = enterpriseDigits(prefix === 'BE' ? compact.slice(2) : compact);
	if ('format' in read)
		return rejected(
			'error.vatRegistrationNoFormat',
			'A Belgian VAT registration number is BE followed by 10 digits starting with 0 or 1, such as BE0123.456.749.'
		);
	if ('check' in read)
		return rejected(
			'error.vatRegistrationNoCheck',
			'The check digits of VAT registration number {no} do not match: look for a typing error.',
			{ no: input.trim() }
		);
	return accepted(`BE${read.digits}`);
}

/** "BE0123456749" → "BE0123.456.749"; another country's number is returned as it is. */
export function formatVatRegistrationNo(vatRegistrationNo: string): string {
	return /^BE\d{10}$/.test(vatRegistrationNo)
		? `BE${formatEnterpriseNo(vatRegistrationNo.slice(2))}`
		: vatRegistrationNo;
}

/** The enterprise number inside a Belgian VAT registration number ("" for another country). */
export function enterpriseNoOfVat(vatRegistrationNo: string): string {
	return /^BE\d{10}$/.test(vatRegistrationNo) ? vatRegistrationNo.slice(2) : '';
}

// --- Structured communication (gestructureerde mededeling, OGM/VCS) ---

/** The two check digits of a structured communication: the ten digits mod 97, 97 for 0. */
function communicationCheck(tenDigits: string): string {
	const rest = Number(tenDigits) % 97;
	return String(rest === 0 ? 97 : rest).padStart(2, '0');
}

/**
 * A structured communication as typed or pasted ("+++123/4567/89012+++", "***123/4567/89012***",
 * or the twelve digits with any separators) normalised to its twelve digits.
 */
export function checkStructuredCommunication(input: string): Checked {
	const compact = input
		.trim()
		.replace(/^(\+{3}|\*{3})|(\+{3}|\*{3})$/g, '')
		.replace(SEPARATORS, '');
	if (compact === '') return accepted('');
	if (!/^\d{12}$/.test(compact))
		return rejected(
			'error.structuredCommunicationFormat',
			'A structured communication has 12 digits, such as +++123/4567/89002+++.'
		);
	if (communicationCheck(compact.slice(0, 10)) !== compact.slice(10))
		return rejected(
			'error.structuredCommunicationCheck',
			'The check digits of structured communication {reference} do not match: look for a typing error.',
			{ reference: input.trim() }
		);
	return accepted(compact);
}

/**
 * The twelve digits of a structured communication written with its delimiters (+++…+++ or
 * ***…***) whose check digits do not match, or ''. Twelve digits without the delimiters are not
 * taken for one: a description may hold any number.
 */
export function miswrittenStructuredCommunication(text: string): string {
	const candidates = text.match(/(\+{3}|\*{3})\s*\d{3}\s*\/?\s*\d{4}\s*\/?\s*\d{5}\s*\1/g) ?? [];
	for (const candidate of candidates) {
		if (!checkStructuredCommunication(candidate).ok) return candidate.replace(/\D/g, '');
	}
	return '';
}

/** "123456789002" → "+++123/4567/89002+++", as it is printed and typed in a bank transfer. */
export function formatStructuredCommunication(digits: string): string {
	return /^\d{12}$/.test(digits)
		? `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`
		: digits;
}

/**
 * The structured communication of a posted invoice, made from its No.: the digits of the No.
 * ("PSI-1001" → 1001) left-padded with zeros to ten digits, then the two check digits
 * (→ +++000/0001/00131+++). It is deterministic, so it is never stored and a payment's
 * reference finds its invoice by computing it again; and it is unique per invoice because
 * posted invoices take their Nos. from one number series, whose Nos. differ in their digits.
 * Refused for a No. without digits or with more than ten.
 */
export function structuredCommunicationFor(documentNo: string): Checked {
	const digits = documentNo.replace(/\D/g, '');
	if (digits === '' || digits.length > 10)
		return rejected(
			'error.structuredCommunicationNo',
			'No structured communication can be made from No. {no}: it needs 1 to 10 digits.',
			{ no: documentNo }
		);
	const ten = digits.padStart(10, '0');
	return accepted(ten + communicationCheck(ten));
}

/** The first of the ten digits of an issued reminder's structured communication. */
export const REMINDER_COMMUNICATION_MARK = '9';

/**
 * The structured communication of an issued reminder, made from its issued No. as an invoice's
 * is, but marked as a reminder's: 9, then the No.'s digits left-padded to nine ("IR-1001" →
 * 9000001001 → +++900/0001/00146+++). An invoice's starts with 0 while posted invoice Nos.
 * have fewer than ten digits, so the two never meet. Refused for a No. without digits or with
 * more than nine.
 */
export function reminderCommunicationFor(issuedNo: string): Checked {
	const digits = issuedNo.replace(/\D/g, '');
	if (digits === '' || digits.length > 9)
		return rejected(
			'error.reminderCommunicationNo',
			'No structured communication can be made from reminder No. {no}: it needs 1 to 9 digits.',
			{ no: issuedNo }
		);
	const ten = REMINDER_COMMUNICATION_MARK + digits.padStart(9, '0');
	return accepted(ten + communicationCheck(ten));
}

/**
 * The first valid structured communication in a text such as a bank statement's message
 * ("Betaling +++000/0001/00131+++ dank u"), as twelve digits, or "" when it holds none.
 */
export function findStructuredCommunication(text: string): string {
	const candidates =
		text.match(/(?<!\d)(\+{3}|\*{3})?\s*\d{3}\s*\/?\s*\d{4}\s*\/?\s*\d{5}\s*\1?(?!\d)/g) ?? [];
	for (const candidate of candidates) {
		const checked = checkStructuredCommunication(candidate);
		if (checked.ok && checked.value !== '') return checked.value;
	}
	return '';
}
