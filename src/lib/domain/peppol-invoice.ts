import { create } from 'xmlbuilder2';
import { lineAmountCents } from './amounts';
import { checkIban, checkBic } from './bank-account';
import {
	checkEnterpriseNo,
	checkStructuredCommunication,
	checkVatRegistrationNo,
	enterpriseNoOfVat,
	formatStructuredCommunication,
	vatCountryOf
} from './belgian-numbers';
import { accepted, rejected, type Checked } from './checked';
import type { PostedCreditMemo, PostedHeader, PostedLine } from './posted';
import { vatSpecification, type VatAmountLine } from './vat-specification';

/**
 * A posted invoice or credit memo as a Peppol BIS Billing 3.0 document: a UBL 2.1 Invoice or
 * CreditNote following EN 16931, built with xmlbuilder2 (which escapes every value) from the
 * posted records and the company's and customer's details. Holdfast sends nothing itself: the
 * file goes to a Peppol access point.
 *
 * Choices, each against the BIS 3.0 rules:
 * - Electronic address (EndpointID, BT-34/BT-49): scheme 0208 with the ten digits of the Belgian
 *   enterprise number — every Belgian company must be registered on Peppol under 0208 (9925,
 *   the Belgian VAT number, is optional). The enterprise number comes from the Enterprise No.
 *   field, or from a BE VAT Registration No. (the same digits). A party without one needs an
 *   explicit Peppol ID "scheme:identifier" (e.g. "0088:5412345000013"); without any, the export
 *   is refused, since BIS 3.0 makes both addresses mandatory (PEPPOL-EN16931-R010/R020).
 * - VAT category: S (standard) for a rate above 0 %; Z (zero rated) for 0 %. Holdfast has no
 *   VAT business posting groups, so exempt (E), reverse charge (AE), intra-community (K) and
 *   export (G) — which need an exemption reason and the buyer's situation — are not produced.
 * - Line discount: a line allowance (reason code 95, Discount) of the gross amount less the
 *   posted line amount, with its percentage and base, so that quantity × price − allowance gives
 *   the line's net amount (PEPPOL-EN16931-R120); the net amount itself is the posted one.
 * - Payment: an invoice has payment means 30 (credit transfer) with the company's IBAN and BIC,
 *   and PaymentID the structured communication as +++123/4567/89012+++; a credit memo has none
 *   (the company settles it). Without an IBAN the payment means are left out.
 * - Issue date: the Document Date, as Business Central exports it; the order reference is the
 *   External Document No., or the document's No. when empty (as Business Central does), which
 *   fulfils "buyer reference or order reference" (PEPPOL-EN16931-R003).
 */

export const CUSTOMIZATION_ID =
	'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
export const CURRENCY = 'EUR';

const NS = {
	Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
};

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

export interface PeppolDocumentInput {
	documentType: 'Invoice' | 'Credit Memo';
	header: PostedHeader & Partial<Pick<PostedCreditMemo, 'cancels'>>;
	lines: readonly PostedLine[];
	seller: PeppolSeller;
	buyer: PeppolParty;
	/** The payment terms' description in the customer's language. */
	paymentTerms: string;
	/** The invoice's structured communication (twelve digits or formatted); unused on a credit memo. */
	structuredCommunication?: string;
}

export interface PeppolFile {
	fileName: string;
	xml: string;
}

// --- A small element tree, so that empty optional elements fold away (PEPPOL-EN16931-R008) ---

interface Element {
	name: string;
	attributes?: Record<string, string>;
	text?: string;
	children?: Element[];
}

type Content = string | number | undefined | null | readonly (Element | null)[];

function el(name: string, content: Content, attributes?: Record<string, string>): Element | null {
	if (content === undefined || content === null || content === '') return null;
	if (typeof content === 'string' || typeof content === 'number')
		return { name, attributes, text: String(content) };
	const children = content.filter((child): child is Element => child !== null);
	return children.length === 0 ? null : { name, attributes, children };
}

function amount(name: string, cents: number): Element {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	return { name, attributes: { currencyID: CURRENCY }, text };
}

/** Quantities and percentages without trailing zeros: 2.5, 21, 0.12345. */
function decimal(value: number, decimals: number): string {
	return value.toFixed(decimals).replace(/\.?0+$/, '');
}

function serialize(root: Element, rootNs: string): string {
	const doc = create({ version: '1.0', encoding: 'UTF-8' });
	const append = (parent: ReturnType<typeof doc.ele>, element: Element) => {
		const prefix = element.name.split(':')[0] ?? '';
		const ns = prefix === 'cac' ? NS.cac : prefix === 'cbc' ? NS.cbc : rootNs;
		const node = parent.ele(ns, element.name, element.attributes);
		if (element.text !== undefined) node.txt(element.text);
		for (const child of element.children ?? []) append(node, child);
	};
	const top = doc.ele(rootNs, root.name, {
		'xmlns:cac': NS.cac,
		'xmlns:cbc': NS.cbc
	});
	for (const child of root.children ?? []) append(top, child);
	return doc.end({ prettyPrint: true });
}

// --- Units of measure: UN/ECE Recommendation 20 (and 21 for packages) ---

const UNIT_CODES: Record<string, string> = {
	PCS: 'C62',
	PC: 'C62',
	PIECE: 'C62',
	PIECES: 'C62',
	STUK: 'C62',
	ST: 'C62',
	STK: 'C62',
	EA: 'EA',
	EACH: 'EA',
	KG: 'KGM',
	G: 'GRM',
	GR: 'GRM',
	T: 'TNE',
	TON: 'TNE',
	L: 'LTR',
	LTR: 'LTR',
	M: 'MTR',
	M2: 'MTK',
	M3: 'MTQ',
	KM: 'KMT',
	H: 'HUR',
	HR: 'HUR',
	HOUR: 'HUR',
	HOURS: 'HUR',
	UUR: 'HUR',
	MIN: 'MIN',
	DAY: 'DAY',
	DAYS: 'DAY',
	DAG: 'DAY',
	WEEK: 'WEE',
	MONTH: 'MON',
	MAAND: 'MON',
	YEAR: 'ANN',
	JAAR: 'ANN',
	SET: 'SET',
	BOX: 'XBX',
	DOOS: 'XBX',
	BAG: 'XBG',
	ZAK: 'XBG',
	PACK: 'XPK',
	PALLET: 'XPX',
	BOTTLE: 'XBO',
	FLES: 'XBO',
	CARTON: 'XCT',
	ROLL: 'XRO'
};

const KNOWN_CODES = new Set(Object.values(UNIT_CODES));

/**
 * The UN/ECE code of a unit of measure code ("PCS" → C62 "one", "KG" → KGM, "HOUR" → HUR,
 * "BOX" → XBX). A code that already is one of these is kept; an empty or unknown code counts
 * in units (C62), which every receiver accepts.
 */
export function unitCodeOf(unitOfMeasure: string): string {
	const code = unitOfMeasure.trim().toUpperCase();
	if (KNOWN_CODES.has(code)) return code;
	return UNIT_CODES[code] ?? 'C62';
}

/** S for a positive rate, Z (zero rated) for 0 %. */
export function vatCategoryOf(vatPct: number): 'S' | 'Z' {
	return vatPct > 0 ? 'S' : 'Z';
}

function taxCategory(name: string, vatPct: number): Element | null {
	return el(name, [
		el('cbc:ID', vatCategoryOf(vatPct)),
		el('cbc:Percent', decimal(vatPct, 2)),
		el('cac:TaxScheme', [el('cbc:ID', 'VAT')])
	]);
}

// --- Parties ---

interface Endpoint {
	scheme: string;
	id: string;
}

function endpointOf(party: PeppolParty, enterpriseNo: string): Endpoint | null {
	const explicit = /^\s*(\d{4})\s*:\s*(\S+)\s*$/.exec(party.peppolId ?? '');
	if (explicit?.[1] && explicit[2]) return { scheme: explicit[1], id: explicit[2] };
	return enterpriseNo ? { scheme: '0208', id: enterpriseNo } : null;
}

type PartyRole = 'seller' | 'buyer';

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

function partyElement(party: PeppolParty, role: PartyRole, customerNo: string): Checked<Element> {
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

// --- The document ---

/** BR-CO-17 lets a rate's VAT differ from base × rate by less than one currency unit. */
const VAT_ROUNDING_TOLERANCE_CENTS = 100;

function checkTotals(input: PeppolDocumentInput, spec: VatAmountLine[]): Checked<null> {
	const { header } = input;
	const base = spec.reduce((sum, row) => sum + row.baseCents, 0);
	const vat = spec.reduce((sum, row) => sum + row.vatCents, 0);
	if (spec.length === 0)
		return rejected('error.peppolNoLines', '{no} has no lines to send.', { no: header.no });
	if (
		base !== header.amountCents ||
		vat !== header.vatCents ||
		header.amountInclVatCents !== base + vat
	)
		return rejected(
			'error.peppolTotals',
			'The lines of {no} do not add up to its totals; it cannot be sent as an e-invoice.',
			{ no: header.no }
		);
	for (const row of spec) {
		const exact = Math.round((row.baseCents * row.vatPct) / 100);
		if (Math.abs(row.vatCents - exact) >= VAT_ROUNDING_TOLERANCE_CENTS)
			return rejected(
				'error.peppolVatRounding',
				'The VAT at {pct} % of {no} differs from the rate by a euro or more after rounding per line; split the document.',
				{ no: header.no, pct: row.vatPct }
			);
	}
	return accepted(null);
}

function lineElement(line: PostedLine, credit: boolean): Checked<Element> {
	const gross = lineAmountCents({
		quantity: line.quantity,
		unitPriceCents: line.unitPriceCents,
		lineDiscountPct: 0
	});
	const allowance = gross - line.amountCents;
	if (allowance < 0)
		return rejected(
			'error.peppolLineAmount',
			'Line {lineNo} is worth more than its quantity times its price; it cannot be sent.',
			{ lineNo: line.lineNo }
		);
	const element = el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
		el('cbc:ID', line.lineNo),
		el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', decimal(line.quantity, 5), {
			unitCode: unitCodeOf(line.unitOfMeasure)
		}),
		amount('cbc:LineExtensionAmount', line.amountCents),
		allowance > 0
			? el('cac:AllowanceCharge', [
					el('cbc:ChargeIndicator', 'false'),
					el('cbc:AllowanceChargeReasonCode', '95'),
					el('cbc:AllowanceChargeReason', 'Line discount'),
					line.lineDiscountPct > 0
						? el('cbc:MultiplierFactorNumeric', decimal(line.lineDiscountPct, 2))
						: null,
					amount('cbc:Amount', allowance),
					line.lineDiscountPct > 0 ? amount('cbc:BaseAmount', gross) : null
				])
			: null,
		el('cac:Item', [
			el('cbc:Name', line.description.trim() || line.no),
			el('cac:SellersItemIdentification', [el('cbc:ID', line.no)]),
			taxCategory('cac:ClassifiedTaxCategory', line.vatPct)
		]),
		el('cac:Price', [amount('cbc:PriceAmount', line.unitPriceCents)])
	]);
	return accepted(element as Element);
}

/** "Invoice_PSI-1001.xml": the document type and No., with characters a file name cannot hold replaced. */
export function peppolFileName(
	documentType: PeppolDocumentInput['documentType'],
	no: string
): string {
	const kind = documentType === 'Invoice' ? 'Invoice' : 'CreditNote';
	return `${kind}_${no.replace(/[^A-Za-z0-9._-]/g, '_')}.xml`;
}

/** The BIS 3.0 file of a posted invoice or credit memo, or why it cannot be made. */
export function peppolDocument(input: PeppolDocumentInput): Checked<PeppolFile> {
	const { header, documentType } = input;
	const credit = documentType === 'Credit Memo';
	const spec = vatSpecification(input.lines);
	const totals = checkTotals(input, spec);
	if (!totals.ok) return totals;
	const seller = partyElement(input.seller, 'seller', header.billToCustomerNo);
	if (!seller.ok) return seller;
	const buyer = partyElement(input.buyer, 'buyer', header.billToCustomerNo);
	if (!buyer.ok) return buyer;
	const iban = checkIban(input.seller.iban);
	if (!iban.ok) return iban;
	const bic = checkBic(input.seller.bic);
	if (!bic.ok) return bic;
	const reference = checkStructuredCommunication(input.structuredCommunication ?? '');
	if (!reference.ok) return reference;
	const lines: Element[] = [];
	for (const line of input.lines) {
		if (line.type === 'Comment') continue;
		const built = lineElement(line, credit);
		if (!built.ok) return built;
		lines.push(built.value);
	}

	const root = el(credit ? 'CreditNote' : 'Invoice', [
		el('cbc:CustomizationID', CUSTOMIZATION_ID),
		el('cbc:ProfileID', PROFILE_ID),
		el('cbc:ID', header.no),
		el('cbc:IssueDate', header.documentDate || header.postingDate),
		credit ? null : el('cbc:DueDate', header.dueDate),
		credit ? el('cbc:CreditNoteTypeCode', '381') : el('cbc:InvoiceTypeCode', '380'),
		el('cbc:DocumentCurrencyCode', CURRENCY),
		el('cac:OrderReference', [el('cbc:ID', header.externalDocumentNo.trim() || header.no)]),
		credit && header.cancels
			? el('cac:BillingReference', [
					el('cac:InvoiceDocumentReference', [el('cbc:ID', header.cancels)])
				])
			: null,
		el('cac:AccountingSupplierParty', [seller.value]),
		el('cac:AccountingCustomerParty', [buyer.value]),
		// A credit memo is settled by the company: the company's account is no instruction for it.
		iban.value && !credit
			? el('cac:PaymentMeans', [
					el('cbc:PaymentMeansCode', '30', { name: 'Credit transfer' }),
					el('cbc:PaymentID', reference.value && formatStructuredCommunication(reference.value)),
					el('cac:PayeeFinancialAccount', [
						el('cbc:ID', iban.value),
						el('cbc:Name', input.seller.name.trim()),
						el('cac:FinancialInstitutionBranch', [el('cbc:ID', bic.value)])
					])
				])
			: null,
		el('cac:PaymentTerms', [el('cbc:Note', input.paymentTerms.trim())]),
		el('cac:TaxTotal', [
			amount('cbc:TaxAmount', header.vatCents),
			...spec.map((row) =>
				el('cac:TaxSubtotal', [
					amount('cbc:TaxableAmount', row.baseCents),
					amount('cbc:TaxAmount', row.vatCents),
					taxCategory('cac:TaxCategory', row.vatPct)
				])
			)
		]),
		el('cac:LegalMonetaryTotal', [
			amount('cbc:LineExtensionAmount', header.amountCents),
			amount('cbc:TaxExclusiveAmount', header.amountCents),
			amount('cbc:TaxInclusiveAmount', header.amountInclVatCents),
			amount('cbc:PayableAmount', header.amountInclVatCents)
		]),
		...lines
	]) as Element;
	return accepted({
		fileName: peppolFileName(documentType, header.no),
		xml: serialize(root, credit ? NS.CreditNote : NS.Invoice)
	});
}
