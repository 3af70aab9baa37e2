import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setCompanyField } from '$lib/app/company-information';
import { updateCustomerField } from '$lib/app/customer-card';
import { exportPeppolDocument } from '$lib/app/peppol-export';
import { cancelPostedInvoice, postSalesInvoice } from '$lib/app/posting';
import { db } from '$lib/db/db';
import type { CompanyTextField } from '$lib/domain/company';
import { newPostedHeader } from '$lib/domain/posted';
import { postedLanguageOf, postedRecipientOf } from '$lib/ui/documents/document-language';
import { givenCustomer, givenDocument } from '../factories';

/**
 * A posted invoice keeps its bill-to's address, VAT and enterprise numbers and language as they
 * were at posting: the print and the Peppol file of a document already sent do not change with
 * the customer card. Documents posted before the copy read the card.
 */

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

const BRUGGE = {
	address: 'Steenstraat 4',
	postCode: '8000',
	city: 'Brugge',
	countryRegion: 'BE',
	vatRegistrationNo: 'BE0456789133',
	enterpriseNo: '0456789133',
	languageCode: 'nl' as const
};

async function postedInvoiceOf(customerNo: string) {
	const no = await givenDocument('Invoice', customerNo, [[1, 10_000]]);
	await postSalesInvoice({ no });
	const [invoice] = await db.postedInvoices.toArray();
	return invoice!;
}

async function moveCustomer(no: string) {
	for (const [field, value] of [
		['address', 'Nieuwstraat 9'],
		['city', 'Antwerpen'],
		['vatRegistrationNo', 'BE0123456749'],
		['enterpriseNo', '0123456749'],
		['languageCode', 'en']
	] as const)
		await updateCustomerField({ no, field, value });
}

describe('posting copies the bill-to customer', () => {
	it('keeps the address, VAT number and language of the card at posting', async () => {
		const customer = await givenCustomer({ name: 'Brugse Bakkerij BV', ...BRUGGE });
		const invoice = await postedInvoiceOf(customer.no);
		expect(invoice.billToDetails).toEqual(BRUGGE);

		await moveCustomer(customer.no);
		const card = (await db.customers.get(customer.no))!;
		expect(card.city).toBe('Antwerpen');
		// The document as it was sent, not as the card is now.
		const stored = (await db.postedInvoices.get(invoice.no))!;
		expect(stored.billToDetails).toEqual(BRUGGE);
		expect(postedRecipientOf(stored, card)).toMatchObject({
			address: 'Steenstraat 4',
			city: 'Brugge',
			vatRegistrationNo: 'BE0456789133'
		});
		expect(postedLanguageOf(stored, card)).toBe('nl');
	});

	it('copies the bill-to customer, not the sell-to', async () => {
		const payer = await givenCustomer({ name: 'Holding NV', ...BRUGGE });
		const shop = await givenCustomer({ name: 'Shop', city: 'Gent', billToCustomerNo: payer.no });
		const invoice = await postedInvoiceOf(shop.no);
		expect(invoice.billToCustomerNo).toBe(payer.no);
		expect(invoice.billToDetails?.city).toBe('Brugge');
	});

	it('a cancelling credit memo keeps the invoice copy, whatever the card says now', async () => {
		const customer = await givenCustomer({ name: 'Brugse Bakkerij BV', ...BRUGGE });
		const invoice = await postedInvoiceOf(customer.no);
		await moveCustomer(customer.no);
		const memoNo = await cancelPostedInvoice({ no: invoice.no });
		expect((await db.postedCreditMemos.get(memoNo))?.billToDetails).toEqual(BRUGGE);
	});

	it('the Peppol file names the buyer as posted', async () => {
		const company: Partial<Record<CompanyTextField, string>> = {
			name: 'Holdfast Demo BV',
			address: 'Veldstraat 1',
			postCode: '9000',
			city: 'Gent',
			countryRegion: 'BE',
			vatRegistrationNo: 'BE0123456749',
			enterpriseNo: '0123456749',
			iban: 'BE71096123456769'
		};
		for (const [field, value] of Object.entries(company))
			await setCompanyField({ field: field as CompanyTextField, value });
		const customer = await givenCustomer({ name: 'Brugse Bakkerij BV', ...BRUGGE });
		const invoice = await postedInvoiceOf(customer.no);
		await moveCustomer(customer.no);

		const file = await exportPeppolDocument({
			kind: 'invoices',
			no: invoice.no,
			termsText: (days, language) => `${language} ${days}`
		});
		const buyer = parser.parse(file.xml).Invoice.AccountingCustomerParty.Party;
		expect(buyer.PostalAddress.CityName).toBe('Brugge');
		expect(buyer.PartyTaxScheme.CompanyID).toBe('BE0456789133');
		// The payment terms in the language the invoice was posted in.
		expect(parser.parse(file.xml).Invoice.PaymentTerms.Note).toMatch(/^nl /);
	});

	it('a document posted before the copy is printed with the card', async () => {
		const customer = await givenCustomer({ name: 'Brugse Bakkerij BV', ...BRUGGE });
		const header = newPostedHeader(
			{
				sellToCustomerNo: customer.no,
				sellToName: customer.name,
				billToCustomerNo: customer.no,
				billToName: customer.name,
				postingDate: '2026-01-01',
				documentDate: '2026-01-01',
				dueDate: '2026-01-31',
				externalDocumentNo: ''
			},
			'PSI-1',
			'SI-1',
			[]
		);
		expect(header.billToDetails).toBeUndefined();
		expect(postedRecipientOf(header, customer).city).toBe('Brugge');
		expect(postedLanguageOf(header, customer)).toBe('nl');
		expect(postedLanguageOf(header, null)).toBe('en');
	});
});
