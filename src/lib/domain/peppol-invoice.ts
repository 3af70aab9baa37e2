import { checkIban, checkBic } from './bank-account';
import { checkStructuredCommunication, formatStructuredCommunication } from './belgian-numbers';
import { accepted, rejected, type Checked } from './checked';
import { lineElement, taxCategory } from './peppol-lines';
import { partyElement, type PeppolParty, type PeppolSeller } from './peppol-parties';
import { amount, CURRENCY, el, NS, serialize, type Element } from './peppol-xml';
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
