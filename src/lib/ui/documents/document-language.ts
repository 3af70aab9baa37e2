import { documentDetailsOf, type Customer, type DocumentLanguage } from '$lib/domain/customer';
import type { PostedHeader } from '$lib/domain/posted';
import { postedBillToOf } from '$lib/domain/posted-bill-to';
import type { Language } from '$lib/i18n';

/** Who a document goes to, as its block prints them. */
export interface DocumentRecipient {
	no: string;
	name: string;
	address: string;
	postCode: string;
	city: string;
	countryRegion: string;
	vatRegistrationNo: string;
}

/** The customer's block: the card's address, the name the document was made out to. */
export function recipientOf(
	no: string,
	name: string,
	customer: Customer | null | undefined
): DocumentRecipient {
	return {
		no,
		name,
		address: customer?.address ?? '',
		postCode: customer?.postCode ?? '',
		city: customer?.city ?? '',
		countryRegion: customer?.countryRegion ?? '',
		vatRegistrationNo: customer ? documentDetailsOf(customer).vatRegistrationNo : ''
	};
}

/**
 * A posted document's customer block: the bill-to's name, address and VAT number as they were
 * copied at posting (the card's for a document posted before the copy), so a later change of the
 * card does not rewrite an invoice already sent.
 */
export function postedRecipientOf(
	header: Pick<PostedHeader, 'billToCustomerNo' | 'billToName' | 'billToDetails'>,
	card: Customer | null | undefined
): DocumentRecipient {
	const posted = postedBillToOf(header, card);
	return {
		no: header.billToCustomerNo,
		name: header.billToName,
		address: posted?.address ?? '',
		postCode: posted?.postCode ?? '',
		city: posted?.city ?? '',
		countryRegion: posted?.countryRegion ?? '',
		vatRegistrationNo: posted?.vatRegistrationNo ?? ''
	};
}

/** The language a posted document was posted in (the card's for one posted before the copy). */
export function postedLanguageOf(
	header: Pick<PostedHeader, 'billToDetails'>,
	card: Customer | null | undefined
): DocumentLanguage {
	return postedBillToOf(header, card)?.languageCode ?? 'en';
}

/** The language of the documents sent to a customer (its Language Code; English if unknown). */
export function documentLanguageOf(customer: Customer | null | undefined): DocumentLanguage {
	return customer ? documentDetailsOf(customer).languageCode : 'en';
}

/**
 * A translate function for a document in `language`, whatever the UI language: every language
 * is compiled into each message, so the document's language is asked for message by message.
 */
export function documentTranslator(
	translate: (key: string, values?: Record<string, string | number>, locale?: Language) => string,
	language: DocumentLanguage
): (key: string, values?: Record<string, string | number>) => string {
	return (key, values) => translate(key, values, language);
}
