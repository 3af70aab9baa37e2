import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { setCompanyField } from '$lib/app/company-information';
import { ValidationError } from '$lib/app/errors';
import { exportPeppolDocument, exportPeppolPeriod, type TermsText } from '$lib/app/peppol-export';
import { db } from '$lib/db/db';
import type { CompanyTextField } from '$lib/domain/company';
import type { Customer } from '$lib/domain/customer';
import type { PostedHeader } from '$lib/domain/posted';
import { aPostedDocument } from '../posted-document-factories';
import { givenCustomer } from '../factories';

const parser = new XMLParser({
	removeNSPrefix: true,
	parseTagValue: false,
	ignoreAttributes: false
});
const termsText: TermsText = (days, language) =>
	language === 'nl' ? `Netto ${days} dagen` : `Net ${days} days`;

async function givenCompany(overrides: Partial<Record<CompanyTextField, string>> = {}) {
	const fields: Partial<Record<CompanyTextField, string>> = {
		name: 'Holdfast Demo BV',
		address: 'Veldstraat 1',
		postCode: '9000',
		city: 'Gent',
		countryRegion: 'BE',
		vatRegistrationNo: 'BE0123456749',
		enterpriseNo: '0123456749',
		iban: 'BE71096123456769',
		swiftCode: 'GKCCBEBB',
		...overrides
	};
	for (const [field, value] of Object.entries(fields))
		await setCompanyField({ field: field as CompanyTextField, value });
}

async function givenBuyer(overrides: Partial<Customer> = {}): Promise<Customer> {
	return givenCustomer({
		name: 'Brugse Bakkerij BV',
		address: 'Steenstraat 4',
		postCode: '8000',
		city: 'Brugge',
		countryRegion: 'BE',
		vatRegistrationNo: 'BE0456789133',
		languageCode: 'nl',
		...overrides
	});
}

async function givenPostedInvoice(
	no: string,
	customer: Customer,
	header: Partial<PostedHeader> = {}
) {
	const document = aPostedDocument(no, [{ quantity: 2, unitPriceCents: 2995 }], {
		sellToCustomerNo: customer.no,
		billToCustomerNo: customer.no,
		billToName: customer.name,
		...header
	});
	await db.postedInvoices.add({ ...document.header, cancelledBy: '' });
	await db.postedInvoiceLines.bulkAdd(document.lines);
	return document;
}

describe('Export Peppol of one posted invoice', () => {
	it('gives the BIS 3.0 file of the invoice, with its reference and terms in the customer language', async () => {
		await givenCompany();
		const customer = await givenBuyer();
		const { header } = await givenPostedInvoice('PSI-1001', customer);

		const file = await exportPeppolDocument({ kind: 'invoices', no: 'PSI-1001', termsText });

		expect(file.fileName).toBe('Invoice_PSI-1001.xml');
		const invoice = parser.parse(file.xml).Invoice;
		expect(invoice.ID).toBe('PSI-1001');
		expect(invoice.PaymentMeans.PaymentID).toBe('+++000/0001/00131+++');
		expect(invoice.PaymentMeans.PayeeFinancialAccount.ID).toBe('BE71096123456769');
		expect(invoice.PaymentTerms.Note).toBe('Netto 30 dagen');
		expect(invoice.AccountingCustomerParty.Party.EndpointID['#text']).toBe('0456789133');
		expect(invoice.AccountingSupplierParty.Party.PartyTaxScheme.CompanyID).toBe('BE0123456749');
		expect(invoice.LegalMonetaryTotal.PayableAmount['#text']).toBe(
			(header.amountInclVatCents / 100).toFixed(2)
		);
	});

	it("refuses, saying what to fill in, without the company's VAT registration number", async () => {
		await givenCompany({ vatRegistrationNo: '' });
		await givenPostedInvoice('PSI-1002', await givenBuyer());
		const refusal = await exportPeppolDocument({
			kind: 'invoices',
			no: 'PSI-1002',
			termsText
		}).catch((error: unknown) => error);
		expect(refusal).toBeInstanceOf(ValidationError);
		expect((refusal as ValidationError).key).toBe('error.peppolCompanyVat');
	});
});

describe('Export Peppol for a period', () => {
	it('zips the documents of the period and lists those that cannot be sent, with why', async () => {
		await givenCompany();
		const good = await givenBuyer();
		const noAddress = await givenBuyer({ vatRegistrationNo: '', enterpriseNo: '' });
		await givenPostedInvoice('PSI-1001', good, { postingDate: '2026-03-02' });
		await givenPostedInvoice('PSI-1002', noAddress, { postingDate: '2026-03-10' });
		await givenPostedInvoice('PSI-1003', good, { postingDate: '2026-04-01' });

		const result = await exportPeppolPeriod({ from: '2026-03-01', to: '2026-03-31', termsText });

		expect(result.fileName).toBe('Peppol_2026-03-01_2026-03-31.zip');
		expect(result.exported).toEqual(['Invoice_PSI-1001.xml']);
		expect(result.leftOut).toEqual([
			{
				no: 'PSI-1002',
				refusal: expect.objectContaining({
					key: 'error.peppolCustomerEndpoint',
					values: { customer: noAddress.no }
				})
			}
		]);
		const files = unzipSync(result.zip!);
		expect(Object.keys(files)).toEqual(['Invoice_PSI-1001.xml']);
		expect(parser.parse(strFromU8(files['Invoice_PSI-1001.xml']!)).Invoice.ID).toBe('PSI-1001');
	});

	it('makes no zip when nothing can be sent', async () => {
		await givenCompany({ enterpriseNo: '', vatRegistrationNo: '' });
		await givenPostedInvoice('PSI-1001', await givenBuyer(), { postingDate: '2026-03-02' });
		const result = await exportPeppolPeriod({ from: '2026-03-01', to: '2026-03-31', termsText });
		expect(result.zip).toBeNull();
		expect(result.leftOut.map((item) => item.refusal.key)).toEqual(['error.peppolCompanyVat']);
	});
});
