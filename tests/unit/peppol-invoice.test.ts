import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { formatStructuredCommunication } from '$lib/domain/belgian-numbers';
import {
	CUSTOMIZATION_ID,
	PROFILE_ID,
	peppolDocument,
	type PeppolDocumentInput,
	type PeppolFile
} from '$lib/domain/peppol-invoice';
import { unitCodeOf } from '$lib/domain/peppol-lines';
import { vatSpecification } from '$lib/domain/vat-specification';
import { aBelgianCustomer, aCompany, aPostedDocument } from '../posted-document-factories';

// --- Reading a document back ---

const parser = new XMLParser({
	ignoreAttributes: false,
	attributeNamePrefix: '@',
	removeNSPrefix: true,
	parseTagValue: false,
	isArray: (name) => ['TaxSubtotal', 'InvoiceLine', 'CreditNoteLine'].includes(name)
});

/** A parsed XML tree: untyped, read as the test expects it to be. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Xml = any;

function parse(file: PeppolFile): Xml {
	return parser.parse(file.xml);
}

/** The text of an element that may carry attributes. */
function text(node: Xml): string {
	return typeof node === 'object' && node !== null ? node['#text'] : node;
}

function euro(cents: number): string {
	return (cents / 100).toFixed(2);
}

function built(input: PeppolDocumentInput): PeppolFile {
	const result = peppolDocument(input);
	if (!result.ok) throw new Error(`refused: ${result.refusal.message}`);
	return result.value;
}

// --- The UBL 2.1 schemas beside the checkout (../shared/ubl, see its README) ---

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const ublRoot = resolve(repoRoot, '../shared/ubl');
const workDir = mkdtempSync(join(tmpdir(), 'holdfast-peppol-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function schema(document: 'Invoice' | 'CreditNote'): string {
	const path = join(ublRoot, 'xsd-2.1', 'maindoc', `UBL-${document}-2.1.xsd`);
	if (!existsSync(path))
		throw new Error(
			`The UBL 2.1 schema ${path} is missing: the OASIS UBL 2.1 schemas belong in ../shared/ubl/xsd-2.1 beside the checkout (see ../shared/ubl/README.md).`
		);
	return path;
}

/** xmllint's verdict on a document: exit status and what it said. */
function xmllint(
	xml: string,
	document: 'Invoice' | 'CreditNote'
): { status: number; output: string } {
	const file = join(workDir, `${document}-${Math.random().toString(36).slice(2)}.xml`);
	writeFileSync(file, xml);
	const run = spawnSync('xmllint', ['--noout', '--schema', schema(document), file], {
		encoding: 'utf8'
	});
	if (run.error)
		throw new Error(
			`xmllint could not run (${run.error.message}): install it with \`apt-get install -y libxml2-utils\`.`
		);
	return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

// --- The documents ---

const structuredCommunication = '000000100131';

function anInvoice(overrides: Partial<PeppolDocumentInput> = {}): PeppolDocumentInput {
	const { header, lines } = aPostedDocument('PSI-1001', [
		{
			quantity: 2,
			unitPriceCents: 42900,
			vatPct: 21,
			lineDiscountPct: 10,
			description: 'Desk, oak 160 cm'
		},
		{
			quantity: 3,
			unitPriceCents: 1850,
			vatPct: 6,
			unitOfMeasure: 'KG',
			description: 'Coffee beans, 1 kg'
		},
		{ type: 'Comment', quantity: 0, description: 'Delivered on Monday' },
		{ quantity: 1.5, unitPriceCents: 2450, vatPct: 6, lineDiscountPct: 5, unitOfMeasure: 'BAG' },
		{ quantity: 1, unitPriceCents: 333, vatPct: 21, lineDiscountPct: 33.33 },
		{
			quantity: 4,
			unitPriceCents: 995,
			vatPct: 0,
			unitOfMeasure: 'BOX',
			description: 'Newspapers "De Tijd" & <co>'
		},
		{ quantity: 2.25, unitPriceCents: 9500, vatPct: 21, unitOfMeasure: 'HOUR' }
	]);
	return {
		documentType: 'Invoice',
		header,
		lines,
		seller: aCompany(),
		buyer: aBelgianCustomer(),
		paymentTerms: 'Net 30 days',
		structuredCommunication,
		...overrides
	};
}

function aCreditMemo(): PeppolDocumentInput {
	const { header, lines } = aPostedDocument(
		'PCM-1001',
		[
			{ quantity: 1, unitPriceCents: 18900, vatPct: 21, lineDiscountPct: 15 },
			{ quantity: 2, unitPriceCents: 1850, vatPct: 6 }
		],
		{ externalDocumentNo: '' }
	);
	return {
		documentType: 'Credit Memo',
		header: { ...header, cancels: 'PSI-1001' },
		lines,
		seller: aCompany(),
		buyer: aBelgianCustomer(),
		paymentTerms: ''
	};
}

describe('Peppol BIS 3.0 invoice', () => {
	const input = anInvoice();
	const file = built(input);
	const invoice = parse(file).Invoice;
	const { header } = input;

	it('is named after its No.', () => {
		expect(file.fileName).toBe('Invoice_PSI-1001.xml');
	});

	it('carries the BIS 3.0 identifiers and the document header', () => {
		expect(invoice.CustomizationID).toBe(CUSTOMIZATION_ID);
		expect(invoice.ProfileID).toBe(PROFILE_ID);
		expect(invoice.ID).toBe('PSI-1001');
		expect(invoice.IssueDate).toBe(header.documentDate);
		expect(invoice.DueDate).toBe(header.dueDate);
		expect(invoice.InvoiceTypeCode).toBe('380');
		expect(invoice.DocumentCurrencyCode).toBe('EUR');
		expect(invoice.OrderReference.ID).toBe('PO-7781');
	});

	it('names the seller with its enterprise number (0208), VAT number and address', () => {
		const party = invoice.AccountingSupplierParty.Party;
		expect(party.EndpointID).toEqual({ '#text': '0202239951', '@schemeID': '0208' });
		expect(party.PartyName.Name).toBe('Holdfast Demo NV');
		expect(party.PostalAddress).toEqual({
			StreetName: 'Kerkstraat 12',
			CityName: 'Gent',
			PostalZone: '9000',
			Country: { IdentificationCode: 'BE' }
		});
		expect(party.PartyTaxScheme).toEqual({ CompanyID: 'BE0202239951', TaxScheme: { ID: 'VAT' } });
		expect(party.PartyLegalEntity).toEqual({
			RegistrationName: 'Holdfast Demo NV',
			CompanyID: { '#text': '0202239951', '@schemeID': '0208' }
		});
		expect(party.Contact).toEqual({
			Telephone: '+32 9 123 45 67',
			ElectronicMail: 'invoices@holdfast.example'
		});
	});

	it('names the buyer with the enterprise number of its VAT number, and leaves out what it lacks', () => {
		const party = invoice.AccountingCustomerParty.Party;
		expect(party.EndpointID).toEqual({ '#text': '0400378485', '@schemeID': '0208' });
		expect(party.PartyTaxScheme.CompanyID).toBe('BE0400378485');
		expect(party.PartyLegalEntity.RegistrationName).toBe('Brasserie De Kroon BV');
		expect(party.PostalAddress.Country.IdentificationCode).toBe('BE');
		expect(party.Contact).toEqual({ ElectronicMail: 'boekhouding@dekroon.example' });
		expect(file.xml).not.toMatch(/<cbc:(Telephone|AdditionalStreetName)\s*\/>|<[^>]+><\/[^>]+>/);
	});

	it('asks for payment by credit transfer with the IBAN, BIC and structured communication', () => {
		expect(invoice.PaymentMeans).toEqual({
			PaymentMeansCode: { '#text': '30', '@name': 'Credit transfer' },
			PaymentID: formatStructuredCommunication(structuredCommunication),
			PayeeFinancialAccount: {
				ID: 'BE68539007547034',
				Name: 'Holdfast Demo NV',
				FinancialInstitutionBranch: { ID: 'GKCCBEBB' }
			}
		});
		expect(invoice.PaymentTerms.Note).toBe('Net 30 days');
	});

	it('breaks the VAT down per rate: S for 21 % and 6 %, Z for 0 %', () => {
		const spec = vatSpecification(input.lines);
		expect(text(invoice.TaxTotal.TaxAmount)).toBe(euro(header.vatCents));
		expect(invoice.TaxTotal.TaxAmount['@currencyID']).toBe('EUR');
		expect(
			invoice.TaxTotal.TaxSubtotal.map((subtotal: Xml) => [
				text(subtotal.TaxableAmount),
				text(subtotal.TaxAmount),
				subtotal.TaxCategory.ID,
				subtotal.TaxCategory.Percent,
				subtotal.TaxCategory.TaxScheme.ID
			])
		).toEqual(
			spec.map((row) => [
				euro(row.baseCents),
				euro(row.vatCents),
				row.vatPct > 0 ? 'S' : 'Z',
				String(row.vatPct),
				'VAT'
			])
		);
		expect(spec.map((row) => row.vatPct)).toEqual([21, 6, 0]);
	});

	it("totals as the posted invoice's amount, VAT and amount incl. VAT", () => {
		const total = invoice.LegalMonetaryTotal;
		expect(text(total.LineExtensionAmount)).toBe(euro(header.amountCents));
		expect(text(total.TaxExclusiveAmount)).toBe(euro(header.amountCents));
		expect(text(total.TaxInclusiveAmount)).toBe(euro(header.amountInclVatCents));
		expect(text(total.PayableAmount)).toBe(euro(header.amountInclVatCents));
	});

	it('has a line per posted item line (comment lines left out) with quantity, unit, price and VAT', () => {
		const items = input.lines.filter((line) => line.type === 'Item');
		expect(invoice.InvoiceLine).toHaveLength(items.length);
		invoice.InvoiceLine.forEach((line: Xml, index: number) => {
			const posted = items[index]!;
			const quantity = line.InvoicedQuantity;
			const item = line.Item;
			expect(line.ID).toBe(String(posted.lineNo));
			expect(Number(quantity['#text'])).toBe(posted.quantity);
			expect(quantity['@unitCode']).toBe(unitCodeOf(posted.unitOfMeasure));
			expect(text(line.LineExtensionAmount)).toBe(euro(posted.amountCents));
			expect(item.Name).toBe(posted.description);
			expect(item.SellersItemIdentification.ID).toBe(posted.no);
			expect(item.ClassifiedTaxCategory.ID).toBe(posted.vatPct > 0 ? 'S' : 'Z');
			expect(Number(item.ClassifiedTaxCategory.Percent)).toBe(posted.vatPct);
			expect(text(line.Price.PriceAmount)).toBe(euro(posted.unitPriceCents));
		});
		expect(invoice.InvoiceLine.map((line: Xml) => line.InvoicedQuantity['@unitCode'])).toEqual([
			'C62',
			'KGM',
			'XBG',
			'C62',
			'XBX',
			'HUR'
		]);
	});

	it('states each line discount as an allowance, so quantity × price − allowance = line amount', () => {
		for (const line of invoice.InvoiceLine) {
			const quantity = Number(line.InvoicedQuantity['#text']);
			const price = Number(text(line.Price.PriceAmount));
			const allowance = line.AllowanceCharge ? Number(text(line.AllowanceCharge.Amount)) : 0;
			// PEPPOL-EN16931-R120 allows 0.02 for rounding
			expect(
				Math.abs(quantity * price - allowance - Number(text(line.LineExtensionAmount)))
			).toBeLessThanOrEqual(0.02);
			if (line.AllowanceCharge) {
				expect(line.AllowanceCharge.ChargeIndicator).toBe('false');
				expect(line.AllowanceCharge.AllowanceChargeReasonCode).toBe('95');
				const base = Number(text(line.AllowanceCharge.BaseAmount));
				const pct = Number(line.AllowanceCharge.MultiplierFactorNumeric);
				// PEPPOL-EN16931-R040: amount = base × percentage / 100, within 0.02
				expect(Math.abs((base * pct) / 100 - allowance)).toBeLessThanOrEqual(0.02);
			}
		}
		expect(invoice.InvoiceLine[0].AllowanceCharge).toMatchObject({
			MultiplierFactorNumeric: '10',
			Amount: { '#text': '85.80' },
			BaseAmount: { '#text': '858.00' }
		});
		expect(invoice.InvoiceLine[1].AllowanceCharge).toBeUndefined();
	});

	it('keeps the business rules on sums: lines = total, VAT = subtotals, incl. = excl. + VAT', () => {
		const cents = (value: unknown) => Math.round(Number(text(value)) * 100);
		const lines = invoice.InvoiceLine.reduce(
			(sum: number, line: { LineExtensionAmount: unknown }) =>
				sum + cents(line.LineExtensionAmount),
			0
		);
		const total = invoice.LegalMonetaryTotal;
		expect(lines).toBe(cents(total.LineExtensionAmount)); // BR-CO-10
		const subtotals = invoice.TaxTotal.TaxSubtotal.reduce(
			(sum: number, subtotal: { TaxAmount: unknown }) => sum + cents(subtotal.TaxAmount),
			0
		);
		expect(subtotals).toBe(cents(invoice.TaxTotal.TaxAmount)); // BR-CO-14
		expect(cents(total.TaxInclusiveAmount)).toBe(
			cents(total.TaxExclusiveAmount) + cents(invoice.TaxTotal.TaxAmount)
		); // BR-CO-15
		for (const subtotal of invoice.TaxTotal.TaxSubtotal) {
			const exact =
				(Number(text(subtotal.TaxableAmount)) * Number(subtotal.TaxCategory.Percent)) / 100;
			expect(Math.abs(Number(text(subtotal.TaxAmount)) - exact)).toBeLessThan(1); // BR-CO-17
		}
	});

	it('escapes what the texts hold, and reads back the same', () => {
		expect(file.xml).toContain('<cbc:Name>Newspapers "De Tijd" &amp; &lt;co&gt;</cbc:Name>');
		expect(invoice.InvoiceLine[4].Item.Name).toBe('Newspapers "De Tijd" & <co>');
	});

	it('is valid against the UBL 2.1 Invoice schema (xmllint)', () => {
		const verdict = xmllint(file.xml, 'Invoice');
		expect(verdict.output).toContain('validates');
		expect(verdict.status).toBe(0);
	});

	it('the schema check catches an element out of order (so a pass means something)', () => {
		const swapped = file.xml.replace(
			/(\s*<cbc:DueDate>[^<]*<\/cbc:DueDate>)(\s*<cbc:InvoiceTypeCode>380<\/cbc:InvoiceTypeCode>)/,
			'$2$1'
		);
		expect(swapped).not.toBe(file.xml);
		expect(xmllint(swapped, 'Invoice').status).not.toBe(0);
	});
});

describe('Peppol BIS 3.0 credit note', () => {
	const input = aCreditMemo();
	const file = built(input);
	const note = parse(file).CreditNote;

	it('is a CreditNote (381) that refers to the invoice it cancels', () => {
		expect(file.fileName).toBe('CreditNote_PCM-1001.xml');
		expect(note.CustomizationID).toBe(CUSTOMIZATION_ID);
		expect(note.ProfileID).toBe(PROFILE_ID);
		expect(note.CreditNoteTypeCode).toBe('381');
		expect(note.BillingReference.InvoiceDocumentReference.ID).toBe('PSI-1001');
		expect(note.OrderReference.ID).toBe('PCM-1001'); // no External Document No.: its own No.
		expect(note.DueDate).toBeUndefined();
		expect(note.PaymentMeans).toBeUndefined();
		expect(note.PaymentTerms).toBeUndefined();
	});

	it('credits the lines with their quantities and totals', () => {
		expect(note.CreditNoteLine.map((line: Xml) => line.CreditedQuantity['#text'])).toEqual([
			'1',
			'2'
		]);
		expect(text(note.LegalMonetaryTotal.PayableAmount)).toBe(euro(input.header.amountInclVatCents));
		expect(text(note.TaxTotal.TaxAmount)).toBe(euro(input.header.vatCents));
	});

	it('is valid against the UBL 2.1 CreditNote schema (xmllint)', () => {
		const verdict = xmllint(file.xml, 'CreditNote');
		expect(verdict.output).toContain('validates');
		expect(verdict.status).toBe(0);
	});
});

describe('Peppol export refusals and choices', () => {
	function refusalOf(input: PeppolDocumentInput): string {
		const result = peppolDocument(input);
		return result.ok ? 'built' : result.refusal.key;
	}

	it.each([
		[
			'the company has no VAT registration number',
			{ seller: aCompany({ vatRegistrationNo: '' }) },
			'error.peppolCompanyVat'
		],
		[
			'the customer has a wrong Belgian VAT number',
			{ buyer: aBelgianCustomer({ vatRegistrationNo: 'BE0400.378.486' }) },
			'error.vatRegistrationNoCheck'
		],
		[
			'the customer has no country',
			{ buyer: aBelgianCustomer({ countryCode: '' }) },
			'error.peppolCustomerCountry'
		],
		[
			'the customer has no name',
			{ buyer: aBelgianCustomer({ name: ' ' }) },
			'error.peppolCustomerName'
		],
		[
			'a foreign customer has no Peppol ID',
			{ buyer: aBelgianCustomer({ countryCode: 'SE', vatRegistrationNo: 'SE4598375937' }) },
			'error.peppolCustomerEndpoint'
		],
		[
			'the company has no country',
			{ seller: aCompany({ countryCode: '' }) },
			'error.peppolCompanyCountry'
		],
		['the IBAN is wrong', { seller: aCompany({ iban: 'BE68539007547035' }) }, 'error.ibanCheck'],
		[
			'the structured communication is wrong',
			{ structuredCommunication: '000000100132' },
			'error.structuredCommunicationCheck'
		]
	] as const)('refuses when %s', (_, overrides, key) => {
		expect(refusalOf(anInvoice(overrides))).toBe(key);
	});

	it('names the customer whose Peppol address is missing', () => {
		const result = peppolDocument(
			anInvoice({
				buyer: aBelgianCustomer({ countryCode: 'NL', vatRegistrationNo: 'NL123456789B01' })
			})
		);
		expect(result.ok ? '' : result.refusal.message).toBe(
			'Enter the enterprise number (or Peppol ID) of customer C10000: Peppol delivers to it.'
		);
	});

	it('refuses a document whose lines do not add up to its header, or that has no lines', () => {
		const input = anInvoice();
		expect(
			refusalOf({ ...input, header: { ...input.header, vatCents: input.header.vatCents + 1 } })
		).toBe('error.peppolTotals');
		const comments = input.lines.filter((line) => line.type === 'Comment');
		expect(
			refusalOf({
				...input,
				lines: comments,
				header: { ...input.header, amountCents: 0, vatCents: 0, amountInclVatCents: 0 }
			})
		).toBe('error.peppolNoLines');
	});

	it('refuses a rate whose per-line rounding drifts a euro or more from base × rate', () => {
		// 300 lines of 0.02 at 21 %: each line's VAT 0.0042 rounds to 0, the base's VAT is 1.26.
		const { header, lines } = aPostedDocument(
			'PSI-1003',
			Array.from({ length: 300 }, () => ({ quantity: 1, unitPriceCents: 2, vatPct: 21 }))
		);
		expect(refusalOf(anInvoice({ header, lines }))).toBe('error.peppolVatRounding');
	});

	it('addresses a foreign customer by its Peppol ID and keeps its VAT number as entered', () => {
		const file = built(
			anInvoice({
				buyer: aBelgianCustomer({
					name: 'BuyerTradingName AS',
					countryCode: 'SE',
					vatRegistrationNo: 'SE4598375937',
					peppolId: '0088:7300010000001' // a GLN, as in the Peppol examples
				})
			})
		);
		const party = parse(file).Invoice.AccountingCustomerParty.Party;
		expect(party.EndpointID).toEqual({ '#text': '7300010000001', '@schemeID': '0088' });
		expect(party.PartyTaxScheme.CompanyID).toBe('SE4598375937');
		expect(party.PartyLegalEntity.CompanyID).toBeUndefined();
		expect(xmllint(file.xml, 'Invoice').status).toBe(0);
	});

	it('leaves the payment means out when the company has no IBAN', () => {
		const invoice = parse(built(anInvoice({ seller: aCompany({ iban: '', bic: '' }) }))).Invoice;
		expect(invoice.PaymentMeans).toBeUndefined();
	});

	it.each([
		['PCS', 'C62'],
		['pcs', 'C62'],
		['KG', 'KGM'],
		['HOUR', 'HUR'],
		['BOX', 'XBX'],
		['BAG', 'XBG'],
		['DAY', 'DAY'],
		['KGM', 'KGM'],
		['', 'C62'],
		['CRATE?', 'C62']
	])('maps the unit of measure %s to %s', (unit, code) => {
		expect(unitCodeOf(unit)).toBe(code);
	});
});
