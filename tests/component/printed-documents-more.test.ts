import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { emptyCompanyInformation, type CompanyInformation } from '$lib/domain/company';
import type { Customer } from '$lib/domain/customer';
import type { Reminder } from '$lib/domain/receivables';
import type { SalesHeader, SalesLine } from '$lib/domain/sales-document';
import { getLocale } from '$lib/i18n';
import PrintedDunningDocument from '$lib/ui/documents/PrintedDunningDocument.svelte';
import PrintedOpenDocument from '$lib/ui/documents/PrintedOpenDocument.svelte';
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
	iban: 'BE71096123456769',
	swiftCode: 'GKCCBEBB'
};

function header(documentType: SalesHeader['documentType'], no: string, billTo: Customer) {
	return {
		no,
		documentType,
		sellToCustomerNo: billTo.no,
		sellToName: billTo.name,
		billToCustomerNo: billTo.no,
		billToName: billTo.name,
		documentDate: '2026-03-02',
		postingDate: '2026-03-02',
		dueDate: '2026-04-01',
		externalDocumentNo: '',
		status: 'Open',
		createdAt: '2026-03-02T09:00:00Z',
		amountCents: 0,
		amountInclVatCents: 0
	} satisfies SalesHeader;
}

function line(
	no: string,
	fields: Pick<SalesLine, 'quantity' | 'unitPriceCents' | 'vatPct'> & Partial<SalesLine>
): SalesLine {
	return {
		id: `${no}-${fields.unitPriceCents}`,
		documentNo: no,
		lineNo: 10_000,
		type: 'Item',
		no: 'I1020',
		description: 'Item',
		lineDiscountPct: 0,
		unitOfMeasure: 'PCS',
		quantityOrdered: 0,
		blanketOrderNo: '',
		blanketOrderLineId: '',
		qtyToShip: 0,
		quantityShipped: 0,
		qtyToInvoice: 0,
		quantityInvoiced: 0,
		shipmentNo: '',
		shipmentLineId: '',
		...fields
	};
}

const cells = (row: HTMLElement) =>
	within(row)
		.getAllByRole('cell')
		.map((cell) => cell.textContent?.trim());

describe('a printed sales quote and order confirmation', () => {
	it('a quote: title, customer VAT number, VAT per rate, totals in EUR and payment terms', async () => {
		const billTo = aCustomer({ name: 'Brasserie De Kroon', vatRegistrationNo: 'BE0456789133' });
		render(PrintedOpenDocument, {
			header: header('Quote', 'SQ-1001', billTo),
			lines: [
				line('SQ-1001', { quantity: 2, unitPriceCents: 42_900, vatPct: 21, lineDiscountPct: 10 }),
				line('SQ-1001', { quantity: 3, unitPriceCents: 1_850, vatPct: 6 }),
				line('SQ-1001', {
					type: 'Comment',
					description: 'Delivered Monday',
					quantity: 0,
					unitPriceCents: 0,
					vatPct: 0
				})
			],
			company,
			billTo
		});
		expect(await screen.findByRole('heading', { name: 'Sales Quote SQ-1001' })).toBeInTheDocument();
		expect(screen.getByText('VAT Registration No.: BE0456.789.133')).toBeInTheDocument();
		const specification = screen.getByRole('region', { name: 'VAT Amount Specification' });
		expect(within(specification).getAllByRole('row').slice(1).map(cells)).toEqual([
			['21 %', '772.20', '162.16', '934.36'],
			['6 %', '55.50', '3.33', '58.83']
		]);
		expect(screen.getByText('Total EUR Incl. VAT')).toBeInTheDocument();
		expect(document.querySelector('[data-total="incl"]')?.textContent).toBe('993.19');
		expect(screen.getByText('Net 30 days')).toBeInTheDocument();
		expect(screen.getByText('Delivered Monday')).toBeInTheDocument();
		// Nothing to pay yet: no structured communication, no QR code.
		expect(screen.queryByText('Structured communication')).toBeNull();
	});

	it("an order confirmation is in the customer's language, whatever the UI language", async () => {
		expect(getLocale()).toBe('en');
		const billTo = aCustomer({ name: 'Brugse Bakkerij BV', languageCode: 'nl' });
		render(PrintedOpenDocument, {
			header: header('Order', 'SO-1001', billTo),
			lines: [line('SO-1001', { quantity: 1, unitPriceCents: 10_000, vatPct: 21 })],
			company,
			billTo
		});
		expect(
			await screen.findByRole('heading', { name: 'Orderbevestiging SO-1001' })
		).toBeInTheDocument();
		expect(screen.getByRole('region', { name: 'Specificatie btw-bedrag' })).toBeInTheDocument();
		expect(screen.getByText('Netto 30 dagen')).toBeInTheDocument();
		expect(document.querySelector('[data-total="incl"]')?.textContent).toBe('121,00');
	});
});

describe('a printed posted invoice and the customer card changed since', () => {
	it('prints the address, VAT number and language copied at posting', async () => {
		const card = aCustomer({
			name: 'Brugse Bakkerij BV',
			city: 'Antwerpen',
			vatRegistrationNo: 'BE0123456749'
		});
		const { header: posted, lines } = aPostedDocument('PSI-1001', [{ quantity: 1 }], {
			billToCustomerNo: card.no,
			billToName: card.name,
			billToDetails: {
				address: 'Steenstraat 4',
				postCode: '8000',
				city: 'Brugge',
				countryRegion: 'BE',
				vatRegistrationNo: 'BE0456789133',
				enterpriseNo: '0456789133',
				languageCode: 'nl'
			}
		});
		render(PrintedSalesDocument, {
			kind: 'invoices',
			header: posted,
			lines,
			company,
			billTo: card
		});
		expect(await screen.findByRole('heading', { name: 'Factuur PSI-1001' })).toBeInTheDocument();
		const address = document.querySelector('address')!;
		expect(address.textContent).toContain('8000 Brugge');
		expect(address.textContent).toContain('BE0456.789.133');
		expect(address.textContent).not.toContain('Antwerpen');
	});
});

describe('a printed reminder', () => {
	const reminder: Reminder = {
		no: 'REM-1001',
		customerNo: 'C00020',
		customerName: 'Brugse Bakkerij BV',
		documentDate: '2026-03-02',
		dueDate: '2026-03-09',
		reminderTermsCode: 'DOMESTIC',
		level: 2,
		feeCents: 1_000,
		text: 'Tweede aanmaning van {companyName}.',
		endingText: 'Gelieve {total} {currency} te betalen vóór {dueDate} (%4 + %6).',
		languageCode: 'nl',
		status: 'Issued',
		issuedNo: 'IR-1001',
		lines: [
			{
				entryNo: 1,
				documentType: 'Invoice',
				documentNo: 'PSI-1001',
				dueDate: '2026-01-31',
				originalAmountCents: 57_792,
				remainingAmountCents: 57_792,
				level: 2,
				onHold: false
			}
		]
	};

	it('prints its texts in its language with its amounts, and its structured communication', async () => {
		// The card says English now; the reminder was made in Dutch and stays Dutch.
		const customer = aCustomer({ no: 'C00020', name: 'Brugse Bakkerij BV', languageCode: 'en' });
		render(PrintedDunningDocument, { kind: 'reminder', document: reminder, company, customer });
		expect(await screen.findByRole('heading', { name: 'Aanmaning IR-1001' })).toBeInTheDocument();
		expect(screen.getByText('Tweede aanmaning van Holdfast Demo BV.')).toBeInTheDocument();
		expect(
			screen.getByText('Gelieve 587,92 EUR te betalen vóór 9 mrt 2026 (577,92 + 10,00).')
		).toBeInTheDocument();
		expect(screen.getByText('+++900/0001/00146+++')).toBeInTheDocument();
		expect(await screen.findByRole('img', { name: 'Betaal-QR-code' })).toContainHTML('<svg');
	});

	it('an open reminder has no structured communication yet', () => {
		render(PrintedDunningDocument, {
			kind: 'reminder',
			document: { ...reminder, status: 'Open', issuedNo: '' },
			company,
			customer: null
		});
		expect(screen.queryByText(/^\+\+\+/)).toBeNull();
		expect(screen.getByText('BE71 0961 2345 6769')).toBeInTheDocument();
	});
});
