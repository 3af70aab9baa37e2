import { documentDetailsOf, type Customer, type DocumentLanguage } from '$lib/domain/customer';
import { loadLanguage } from '$lib/i18n';

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

/** The language of the documents sent to a customer (its Language Code; English if unknown). */
export function documentLanguageOf(customer: Customer | null | undefined): DocumentLanguage {
	return customer ? documentDetailsOf(customer).languageCode : 'en';
}

type Format = (
	key: string,
	options?: { values?: Record<string, string | number>; locale?: string }
) => string;

/**
 * A translate function for a document in `language`, whatever the UI language: svelte-i18n's
 * formatter asked for that locale. The catalog is loaded if it is not yet (the UI may be in
 * English and never have loaded Dutch); `$_` changes once it is in, so the document re-renders.
 */
export function documentTranslator(
	format: Format,
	language: DocumentLanguage
): (key: string, values?: Record<string, string | number>) => string {
	void loadLanguage(language);
	return (key, values) => format(key, { values, locale: language });
}
