import { documentDetailsOf, type Customer, type DocumentLanguage } from './customer';
import type { PostedHeader } from './posted';

/**
 * What a posted invoice or credit memo keeps of its bill-to customer, as Business Central's
 * posted headers keep the Bill-to Address, VAT Registration No. and Language Code: copied at
 * posting, so a later change of the customer card does not rewrite a document already sent.
 */
export interface PostedBillToDetails {
	address: string;
	postCode: string;
	city: string;
	countryRegion: string;
	vatRegistrationNo: string;
	enterpriseNo: string;
	languageCode: DocumentLanguage;
}

/** The bill-to customer as a posting reads it: a whole card, or (in tests) some of it. */
export type BillToSource = Pick<Customer, 'name'> &
	Partial<Pick<Customer, 'address' | 'postCode' | 'city' | 'countryRegion' | 'email'>> &
	Partial<Pick<Customer, 'vatRegistrationNo' | 'enterpriseNo' | 'languageCode'>>;

/** The details a posting copies from the bill-to customer's card. */
export function billToDetailsOf(customer: BillToSource): PostedBillToDetails {
	const details = documentDetailsOf({ email: '', ...customer });
	return {
		address: customer.address ?? '',
		postCode: customer.postCode ?? '',
		city: customer.city ?? '',
		countryRegion: customer.countryRegion ?? '',
		vatRegistrationNo: details.vatRegistrationNo,
		enterpriseNo: details.enterpriseNo,
		languageCode: details.languageCode
	};
}

/**
 * The bill-to details a posted document is printed and exported with: its own copy, or for a
 * document posted before the copy was made, the customer's card as it is now (null: neither).
 */
export function postedBillToOf(
	header: Pick<PostedHeader, 'billToDetails'>,
	card: BillToSource | null | undefined
): PostedBillToDetails | null {
	return header.billToDetails ?? (card ? billToDetailsOf(card) : null);
}
