import { db } from '$lib/db/db';
import type { PlanRefusal } from '$lib/domain/plan';
import { structuredCommunicationFor } from '$lib/domain/belgian-numbers';
import type { CompanyInformation } from '$lib/domain/company';
import { documentDetailsOf, type Customer, type DocumentLanguage } from '$lib/domain/customer';
import { daysBetween } from '$lib/domain/dates';
import type { PeppolDocumentInput, PeppolFile } from '$lib/domain/peppol-invoice';
import type { PeppolParty, PeppolSeller } from '$lib/domain/peppol-parties';
import type { PostedCreditMemo, PostedHeader, PostedInvoice, PostedLine } from '$lib/domain/posted';
import { postedBillToOf } from '$lib/domain/posted-bill-to';
import { readCompanyInformation } from './company-information';
import { NotFoundError, refusalError } from './errors';

/**
 * Peppol export: a posted invoice or credit memo as a Peppol BIS Billing 3.0 file, or the
 * documents of a period as one zip. Holdfast sends nothing: the clerk hands the file to a Peppol
 * access point. The XML builder (xmlbuilder2) and the zip library are loaded when an export is
 * asked for, never with the app.
 */

export type PeppolDocumentKind = 'invoices' | 'creditMemos';

/** The payment terms' text in the customer's language: the UI says it (commands do not translate). */
export type TermsText = (days: number, language: DocumentLanguage) => string;

interface DocumentRecords {
	kind: PeppolDocumentKind;
	header: PostedHeader & Partial<Pick<PostedCreditMemo, 'cancels'>>;
	lines: PostedLine[];
	billTo: Customer | undefined;
}

function seller(company: CompanyInformation): PeppolSeller {
	return {
		name: company.name,
		address: company.address,
		postCode: company.postCode,
		city: company.city,
		countryCode: company.countryRegion,
		vatRegistrationNo: company.vatRegistrationNo,
		enterpriseNo: company.enterpriseNo,
		email: company.email,
		phone: company.phoneNo,
		iban: company.iban,
		bic: company.swiftCode
	};
}

/**
 * The buyer as the document was posted to: the address, VAT and enterprise numbers copied at
 * posting (the card's for a document posted before the copy); the e-mail and phone of the card.
 */
function buyer(customer: Customer | undefined, header: PostedHeader): PeppolParty {
	const posted = postedBillToOf(header, customer);
	return {
		name: header.billToName || customer?.name || '',
		address: posted?.address ?? '',
		postCode: posted?.postCode ?? '',
		city: posted?.city ?? '',
		countryCode: posted?.countryRegion ?? '',
		vatRegistrationNo: posted?.vatRegistrationNo ?? '',
		enterpriseNo: posted?.enterpriseNo ?? '',
		email: customer ? documentDetailsOf(customer).documentEmail : '',
		phone: customer?.phoneNo ?? ''
	};
}

function inputOf(
	records: DocumentRecords,
	company: CompanyInformation,
	termsText: TermsText
): PeppolDocumentInput {
	const { header, billTo } = records;
	const language = postedBillToOf(header, billTo)?.languageCode ?? 'en';
	const invoice = records.kind === 'invoices';
	const reference = invoice ? structuredCommunicationFor(header.no) : null;
	const days = daysBetween(header.documentDate || header.postingDate, header.dueDate);
	return {
		documentType: invoice ? 'Invoice' : 'Credit Memo',
		header,
		lines: records.lines,
		seller: seller(company),
		buyer: buyer(billTo, header),
		paymentTerms: invoice && days >= 0 ? termsText(days, language) : '',
		structuredCommunication: reference?.ok ? reference.value : ''
	};
}

function headerTable(kind: PeppolDocumentKind) {
	return kind === 'invoices' ? db.postedInvoices : db.postedCreditMemos;
}

function lineTable(kind: PeppolDocumentKind) {
	return kind === 'invoices' ? db.postedInvoiceLines : db.postedCreditMemoLines;
}

/**
 * The Peppol file of one posted invoice or credit memo. A document that cannot be sent (no
 * company VAT registration number, no enterprise number of the customer, …) throws the
 * ValidationError that says what to fill in.
 */
export async function exportPeppolDocument(input: {
	kind: PeppolDocumentKind;
	no: string;
	termsText: TermsText;
}): Promise<PeppolFile> {
	const { peppolDocument } = await import('$lib/domain/peppol-invoice');
	const { kind, no } = input;
	const read = await db.transaction(
		'r',
		[headerTable(kind), lineTable(kind), db.customers, db.settings],
		async () => {
			const header = await (headerTable(kind) as typeof db.postedInvoices).get(no);
			if (!header) return null;
			const [lines, billTo, company] = await Promise.all([
				lineTable(kind).where('documentNo').equals(no).sortBy('lineNo'),
				db.customers.get(header.billToCustomerNo),
				readCompanyInformation()
			]);
			return { records: { kind, header, lines, billTo }, company };
		}
	);
	if (!read)
		throw new NotFoundError(
			kind === 'invoices' ? 'Posted Sales Invoice' : 'Posted Sales Credit Memo',
			no
		);
	const built = peppolDocument(inputOf(read.records, read.company, input.termsText));
	if (!built.ok) throw refusalError(built.refusal);
	return built.value;
}

export interface PeppolPeriodExport {
	/** '' when no document could be exported (then there is no zip). */
	fileName: string;
	zip: Uint8Array | null;
	exported: string[];
	/** The documents left out and why, in No. order. */
	leftOut: Array<{ no: string; refusal: PlanRefusal }>;
}

/**
 * Every posted invoice and credit memo whose posting date lies from `from` to `to` as Peppol
 * files in one zip. A document that cannot be sent is left out and listed with its reason, so
 * one customer without an enterprise number does not hold up the others.
 */
export async function exportPeppolPeriod(input: {
	from: string;
	to: string;
	termsText: TermsText;
}): Promise<PeppolPeriodExport> {
	const [{ peppolDocument }, { zipDocuments }] = await Promise.all([
		import('$lib/domain/peppol-invoice'),
		import('$lib/domain/zip-documents')
	]);
	const { from, to } = input;
	const { documents, company } = await db.transaction(
		'r',
		[
			db.postedInvoices,
			db.postedInvoiceLines,
			db.postedCreditMemos,
			db.postedCreditMemoLines,
			db.customers,
			db.settings
		],
		async () => {
			const read = async (kind: PeppolDocumentKind): Promise<DocumentRecords[]> => {
				const headers: Array<PostedInvoice | PostedCreditMemo> = await (
					headerTable(kind) as typeof db.postedInvoices
				)
					.where('postingDate')
					.between(from, to, true, true)
					.toArray();
				const nos = headers.map((header) => header.no);
				const [lines, customers] = await Promise.all([
					lineTable(kind).where('documentNo').anyOf(nos).toArray(),
					db.customers.bulkGet([...new Set(headers.map((header) => header.billToCustomerNo))])
				]);
				const byNo = new Map(customers.filter((c) => c !== undefined).map((c) => [c.no, c]));
				return headers.map((header) => ({
					kind,
					header,
					lines: lines
						.filter((line) => line.documentNo === header.no)
						.sort((a, b) => a.lineNo - b.lineNo),
					billTo: byNo.get(header.billToCustomerNo)
				}));
			};
			const [invoices, creditMemos] = await Promise.all([read('invoices'), read('creditMemos')]);
			return {
				documents: [...invoices, ...creditMemos].sort((a, b) =>
					a.header.no.localeCompare(b.header.no)
				),
				company: await readCompanyInformation()
			};
		}
	);
	const files: PeppolFile[] = [];
	const leftOut: PeppolPeriodExport['leftOut'] = [];
	for (const records of documents) {
		const built = peppolDocument(inputOf(records, company, input.termsText));
		if (built.ok) files.push(built.value);
		else leftOut.push({ no: records.header.no, refusal: built.refusal });
	}
	if (files.length === 0) return { fileName: '', zip: null, exported: [], leftOut };
	const zip = zipDocuments(
		files.map((file) => ({ name: file.fileName, content: file.xml })),
		new Date(`${to}T12:00:00`)
	);
	return {
		fileName: `Peppol_${from}_${to}.zip`,
		zip,
		exported: files.map((file) => file.fileName),
		leftOut
	};
}
