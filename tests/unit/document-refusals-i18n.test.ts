import { beforeAll, describe, expect, it } from 'vitest';
import { checkBic, checkIban } from '$lib/domain/bank-account';
import {
	checkEnterpriseNo,
	checkStructuredCommunication,
	checkVatRegistrationNo,
	structuredCommunicationFor
} from '$lib/domain/belgian-numbers';
import type { Checked } from '$lib/domain/checked';
import { checkLogo } from '$lib/domain/company';
import { epcQrPayload, type EpcTransfer } from '$lib/domain/epc-qr';
import { peppolDocument, type PeppolDocumentInput } from '$lib/domain/peppol-invoice';
import { setupI18n } from '$lib/i18n';
import { messagePattern, translate } from '$lib/i18n/lookup';
import { aBelgianCustomer, aCompany, aPostedDocument } from '../posted-document-factories';

/**
 * The refusals of the Belgian numbers, the bank account, the payment QR code and the Peppol
 * export are keys of the catalogs, whose English says word for word what the domain says.
 */

const transfer = (overrides: Partial<EpcTransfer> = {}): EpcTransfer => ({
	name: 'Holdfast Demo BV',
	iban: 'BE68539007547034',
	bic: 'GKCCBEBB',
	amountCents: 12_100,
	structuredCommunication: '000000100131',
	...overrides
});

function invoice(overrides: Partial<PeppolDocumentInput> = {}): PeppolDocumentInput {
	const { header, lines } = aPostedDocument('PSI-1001', [{ quantity: 2, unitPriceCents: 1000 }]);
	return {
		documentType: 'Invoice',
		header,
		lines,
		seller: aCompany(),
		buyer: aBelgianCustomer(),
		paymentTerms: 'Net 30 days',
		...overrides
	};
}

const base = invoice();
const drift = aPostedDocument(
	'PSI-1003',
	Array.from({ length: 300 }, () => ({ quantity: 1, unitPriceCents: 2, vatPct: 21 }))
);

const bigJpeg = new Uint8Array(300 * 1024);
bigJpeg.set([0xff, 0xd8, 0xff]);

const REFUSALS: Array<[string, Checked<unknown>]> = [
	['error.enterpriseNoFormat', checkEnterpriseNo('123')],
	['error.enterpriseNoCheck', checkEnterpriseNo('0123.456.748')],
	['error.vatRegistrationNoFormat', checkVatRegistrationNo('BE123')],
	['error.vatRegistrationNoCheck', checkVatRegistrationNo('BE0123.456.748')],
	['error.structuredCommunicationFormat', checkStructuredCommunication('123')],
	['error.structuredCommunicationCheck', checkStructuredCommunication('+++000/0001/00132+++')],
	['error.structuredCommunicationNo', structuredCommunicationFor('PSI-ABC')],
	['error.ibanCountry', checkIban('XX68539007547034')],
	['error.ibanLength', checkIban('BE6853900754703')],
	['error.ibanFormat', checkIban('BE68A39007547034')],
	['error.ibanCheck', checkIban('BE68539007547035')],
	['error.bicFormat', checkBic('GKCC')],
	['error.epcName', epcQrPayload(transfer({ name: ' ' }))],
	['error.epcNameLength', epcQrPayload(transfer({ name: 'N'.repeat(71) }))],
	['error.epcIban', epcQrPayload(transfer({ iban: '' }))],
	['error.epcSepa', epcQrPayload(transfer({ iban: 'BR1800360305000010009795493C1' }))],
	['error.epcBic', epcQrPayload(transfer({ iban: 'GB82WEST12345698765432', bic: '' }))],
	['error.epcAmount', epcQrPayload(transfer({ amountCents: 0 }))],
	[
		'error.epcRemittance',
		epcQrPayload(transfer({ structuredCommunication: '', remittance: 'x'.repeat(141) }))
	],
	[
		'error.epcTooLong',
		epcQrPayload(
			transfer({ name: 'é'.repeat(70), structuredCommunication: '', remittance: 'ü'.repeat(120) })
		)
	],
	['error.peppolCompanyName', peppolDocument(invoice({ seller: aCompany({ name: '' }) }))],
	[
		'error.peppolCompanyCountry',
		peppolDocument(invoice({ seller: aCompany({ countryCode: '' }) }))
	],
	[
		'error.peppolCompanyEndpoint',
		peppolDocument(
			invoice({
				seller: aCompany({
					countryCode: 'NL',
					vatRegistrationNo: 'NL123456789B01',
					enterpriseNo: ''
				})
			})
		)
	],
	[
		'error.peppolCompanyVat',
		peppolDocument(invoice({ seller: aCompany({ vatRegistrationNo: '' }) }))
	],
	['error.peppolCustomerName', peppolDocument(invoice({ buyer: aBelgianCustomer({ name: '' }) }))],
	[
		'error.peppolCustomerCountry',
		peppolDocument(invoice({ buyer: aBelgianCustomer({ countryCode: '' }) }))
	],
	[
		'error.peppolCustomerEndpoint',
		peppolDocument(
			invoice({ buyer: aBelgianCustomer({ countryCode: 'SE', vatRegistrationNo: 'SE4598375937' }) })
		)
	],
	[
		'error.peppolNoLines',
		peppolDocument(
			invoice({
				lines: [],
				header: { ...base.header, amountCents: 0, vatCents: 0, amountInclVatCents: 0 }
			})
		)
	],
	[
		'error.peppolTotals',
		peppolDocument(invoice({ header: { ...base.header, vatCents: base.header.vatCents + 1 } }))
	],
	['error.peppolVatRounding', peppolDocument(invoice(drift))],
	[
		'error.peppolLineAmount',
		peppolDocument(
			invoice({
				lines: base.lines.map((line) => ({ ...line, amountCents: line.amountCents + 100 })),
				header: {
					...base.header,
					amountCents: base.header.amountCents + 100,
					amountInclVatCents: base.header.amountInclVatCents + 100
				}
			})
		)
	],
	['error.logoType', checkLogo(new Uint8Array([0x3c, 0x73, 0x76, 0x67]))],
	['error.logoSize', checkLogo(bigJpeg)],
	['error.logoDamaged', checkLogo(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]))]
];

describe('the refusals of Belgian documents', () => {
	beforeAll(() => setupI18n('en'));

	it.each(REFUSALS)('%s is refused with that key', (key, checked) => {
		expect(checked.ok ? 'accepted' : checked.refusal.key).toBe(key);
	});

	it.each(REFUSALS)('%s says in English what the domain says', (key, checked) => {
		if (checked.ok) throw new Error(`${key}: expected a refusal`);
		expect(messagePattern(key, 'en')).not.toBe(key);
		expect(messagePattern(key, 'nl')).not.toBe(messagePattern(key, 'en'));
		expect(translate(key, checked.refusal.values)).toBe(checked.refusal.message);
	});
});
