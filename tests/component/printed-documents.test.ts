import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { emptyCompanyInformation, type CompanyInformation } from '$lib/domain/company';
import type { Customer } from '$lib/domain/customer';
import { getLocale } from '$lib/i18n';
import PrintedSalesDocument from '$lib/ui/documents/PrintedSalesDocument.svelte';
import { aCustomer } from '../factories';
import { aPostedDocument } from '../posted-document-factories';

const company: CompanyInformation = {
	...emptyCompanyInformation(),
	name: 'Holdfast Demo BV',
	address: 'Veldstraat 1',
	postCode: '9000',
	city: 'Gent',
	countryRegion: 'BE',
	vatRegistrationNo: 'BE0123456749',
	enterpriseNo: '0123456749',
	iban: 'BE71096123456769',
	swiftCode: 'GKCCBEBB'
};

function renderInvoice(billTo: Customer, kind: 'invoices' | 'creditMemos' = 'invoices') {
	const { header, lines } = aPostedDocument(
		'PSI-1001',
		[
			{ quantity: 2, unitPriceCents: 42_900, vatPct: 21, lineDiscountPct: 10 },
			{ quantity: 3, unitPriceCents: 1_850, vatPct: 6 }
		],
		{ billToCustomerNo: billTo.no, billToName: billTo.name }
	);
	return render(PrintedSalesDocument, { kind, header, lines, company, billTo });
}

describe('a printed invoice', () => {
	it("is in the customer's language, whatever the UI language", async () => {
		expect(getLocale()).toBe('en');
		renderInvoice(aCustomer({ name: 'Brugse Bakkerij BV', languageCode: 'nl' }));
		expect(await screen.findByRole('heading', { name: 'Factuur PSI-1001' })).toBeInTheDocument();
		expect(screen.getByRole('region', { name: 'Specificatie btw-bedrag' })).toBeInTheDocument();
		expect(screen.getByText('Totaal EUR incl. btw')).toBeInTheDocument();
		// The UI says which language the document is in, in the UI language.
		expect(
			screen.getByText('The document is printed in Dutch, the Language Code of customer', {
				exact: false
			})
		).toBeInTheDocument();
	});

	it('specifies the VAT per rate, discounts applied, and gives the structured communication', async () => {
		renderInvoice(aCustomer({ vatRegistrationNo: 'BE0456789133' }));
		const specification = await screen.findByRole('region', { name: 'VAT Amount Specification' });
		const rows = within(specification).getAllByRole('row').slice(1);
		// 2 × 429.00 − 10 % = 772.20 at 21 % (162.16); 3 × 18.50 = 55.50 at 6 % (3.33).
		expect(
			rows.map((row) =>
				within(row)
					.getAllByRole('cell')
					.map((cell) => cell.textContent?.trim())
			)
		).toEqual([
			['21 %', '772.20', '162.16', '934.36'],
			['6 %', '55.50', '3.33', '58.83']
		]);
		expect(screen.getByText('+++000/0001/00131+++')).toBeInTheDocument();
		expect(screen.getByText('VAT Registration No.: BE0456.789.133')).toBeInTheDocument();
		expect(screen.getByText('BE71 0961 2345 6769')).toBeInTheDocument();
		expect(await screen.findByRole('img', { name: 'Payment QR code' })).toContainHTML('<svg');
	});

	it('says on screen why no QR code is printed without an IBAN', async () => {
		const { header, lines } = aPostedDocument('PSI-1002', [{ quantity: 1 }]);
		render(PrintedSalesDocument, {
			kind: 'invoices',
			header,
			lines,
			company: { ...company, iban: '' },
			billTo: aCustomer()
		});
		expect(
			await screen.findByText(
				"No payment QR code is printed: Enter the company's IBAN to print a payment QR code."
			)
		).toBeInTheDocument();
		expect(screen.queryByRole('img', { name: 'Payment QR code' })).toBeNull();
	});

	it('as a credit memo asks for no payment', async () => {
		renderInvoice(aCustomer(), 'creditMemos');
		expect(
			await screen.findByRole('heading', { name: 'Credit Memo PSI-1001' })
		).toBeInTheDocument();
		expect(screen.queryByText('Structured communication')).toBeNull();
		expect(screen.queryByRole('img', { name: 'Payment QR code' })).toBeNull();
	});
});
