import {
	checkEnterpriseNo,
	checkVatRegistrationNo,
	enterpriseNoOfVat,
	vatCountryOf
} from './belgian-numbers';
import { accepted, rejected, type Checked } from './checked';
import { el, type Element } from './peppol-xml';

/**
 * The seller (the company) and the buyer (the customer) of a Peppol document: name, address,
 * VAT and enterprise numbers and the electronic address (EndpointID) Peppol delivers to — scheme
 * 0208 with the Belgian enterprise number, or an explicit Peppol ID "scheme:identifier".
 */

/** The company or a customer, as the card holds them. */
export interface PeppolParty {
	name: string;
	address: string;
	address2?: string;
	postCode: string;
	city: string;
	/** ISO 3166-1 alpha-2, such as BE. */
	countryCode: string;
	vatRegistrationNo: string;
	enterpriseNo: string;
	email: string;
	phone: string;
	/** "scheme:identifier" for a party that has no Belgian enterprise number. */
	peppolId?: string;
}

export interface PeppolSeller extends PeppolParty {
	iban: string;
	bic: string;
}

interface Endpoint {
	scheme: string;
	id: string;
}

function endpointOf(party: PeppolParty, enterpriseNo: string): Endpoint | null {
	const explicit = /^\s*(\d{4})\s*:\s*(\S+)\s*$/.exec(party.peppolId ?? '');
	if (explicit?.[1] && explicit[2]) return { scheme: explicit[1], id: explicit[2] };
	return enterpriseNo ? { scheme: '0208', id: enterpriseNo } : null;
}

export type PartyRole = 'seller' | 'buyer';

/** A refusal per role, so that each language words it whole (no English inside a message). */
const PARTY_REFUSALS: Record<
	PartyRole,
	Record<'name' | 'country' | 'endpoint', [string, string]>
> = {
	seller: {
		name: ['error.peppolCompanyName', 'Enter the company name in Company Information.'],
		country: [
			'error.peppolCompanyCountry',
			'Enter the country/region code in Company Information.'
		],
		endpoint: [
			'error.peppolCompanyEndpoint',
			'Enter the enterprise number in Company Information: Peppol delivers to it.'
		]
	},
	buyer: {
		name: ['error.peppolCustomerName', 'Enter the name of customer {customer}.'],
		country: [
			'error.peppolCustomerCountry',
			'Enter the country/region code of customer {customer}.'
		],
		endpoint: [
			'error.peppolCustomerEndpoint',
			'Enter the enterprise number (or Peppol ID) of customer {customer}: Peppol delivers to it.'
		]
	}
};

export function partyElement(
	party: PeppolParty,
	role: PartyRole,
	customerNo: string
): Checked<Element> {
	const refuse = (what: 'name' | 'country' | 'endpoint') =>
		rejected<Element>(...PARTY_REFUSALS[role][what], { customer: customerNo });
	const name = party.name.trim();
	if (name === '') return refuse('name');
	const country = party.countryCode.trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(country)) return refuse('country');
	const vat = checkVatRegistrationNo(party.vatRegistrationNo, country);
	if (!vat.ok) return vat;
	const enterprise = checkEnterpriseNo(party.enterpriseNo);
	if (!enterprise.ok) return enterprise;
	if (role === 'seller' && vat.value === '')
		return rejected(
			'error.peppolCompanyVat',
			"Enter the company's VAT registration number: an e-invoice with VAT needs it."
		);
	const vatId = vat.value === '' || vatCountryOf(vat.value) ? vat.value : `${country}${vat.value}`;
	const enterpriseNo = enterprise.value || (country === 'BE' ? enterpriseNoOfVat(vat.value) : '');
	const endpoint = endpointOf(party, enterpriseNo);
	if (!endpoint) return refuse('endpoint');
	const element = el('cac:Party', [
		el('cbc:EndpointID', endpoint.id, { schemeID: endpoint.scheme }),
		el('cac:PartyName', [el('cbc:Name', name)]),
		el('cac:PostalAddress', [
			el('cbc:StreetName', party.address.trim()),
			el('cbc:AdditionalStreetName', party.address2?.trim()),
			el('cbc:CityName', party.city.trim()),
			el('cbc:PostalZone', party.postCode.trim()),
			el('cac:Country', [el('cbc:IdentificationCode', country)])
		]),
		el('cac:PartyTaxScheme', [
			el('cbc:CompanyID', vatId.replace(/[\s.-]/g, '')),
			vatId ? el('cac:TaxScheme', [el('cbc:ID', 'VAT')]) : null
		]),
		el('cac:PartyLegalEntity', [
			el('cbc:RegistrationName', name),
			enterpriseNo ? el('cbc:CompanyID', enterpriseNo, { schemeID: '0208' }) : null
		]),
		el('cac:Contact', [
			el('cbc:Telephone', party.phone.trim()),
			el('cbc:ElectronicMail', party.email.trim())
		])
	]);
	return accepted(element as Element);
}
