import { db } from '$lib/db/db';
import type { Customer } from '$lib/domain/customer';
import { addDays } from '$lib/domain/dates';
import type { Action } from '$lib/domain/policy';
import {
	DOCUMENT_SERIES,
	documentVersion,
	newSalesHeader,
	type HeaderStart,
	type SalesDocumentType,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';
import { planTotals } from '$lib/domain/sales-line-rules';
import {
	DocumentChangedError,
	NotFoundError,
	refusalError,
	ValidationError,
	type DocumentChangeVerb
} from './errors';
import { nextNo } from './numbering';
import { assertAllowed } from './refusals';
import { readWorkDate } from './settings';

/**
 * What every command on a sales document does inside its transaction: re-read the header, its
 * lines and its customers, check and raise its version, keep its totals. The commands are in
 * sales-headers.ts, sales-lines.ts, document-conversions.ts and posting.ts.
 */

/** The tables a command that creates a document touches. */
export const CREATE_TABLES = () => [
	db.customers,
	db.salesHeaders,
	db.salesLines,
	db.numberSeries,
	db.settings,
	db.paymentTerms
];

export async function getCustomer(no: string): Promise<Customer> {
	const customer = await db.customers.get(no);
	if (!customer) throw new NotFoundError('Customer', no);
	return customer;
}

/**
 * Re-reads the sell-to and bill-to inside the caller's transaction and asks the policy, for
 * each action in turn (the first refused one throws): a page that decided on an older copy
 * still gets the current answer.
 */
export async function customersAllowed(
	sellToNo: string,
	billToNo: string | undefined,
	action: Action | readonly Action[],
	documentNo = ''
): Promise<{ sellTo: Customer; billTo: Customer }> {
	const sellTo = await getCustomer(sellToNo);
	const resolvedBillTo = billToNo || sellTo.billToCustomerNo || sellTo.no;
	const billTo = resolvedBillTo === sellTo.no ? sellTo : await getCustomer(resolvedBillTo);
	for (const asked of typeof action === 'string' ? [action] : action) {
		assertAllowed({ sellTo, billTo }, asked, documentNo);
	}
	return { sellTo, billTo };
}

/** The days of the bill-to's payment terms (0 without terms). */
async function dueDaysOf(billTo: Customer): Promise<number> {
	const terms = billTo.paymentTermsCode
		? await db.paymentTerms.get(billTo.paymentTermsCode)
		: undefined;
	return terms?.dueDays ?? 0;
}

/** The Due Date of a document dated `documentDate`, by the bill-to's payment terms. */
export async function dueDateFor(billTo: Customer, documentDate: string): Promise<string> {
	return addDays(documentDate, await dueDaysOf(billTo));
}

/**
 * Draws the No. of a new document and reads what its header starts with (work date, payment
 * terms); call inside a transaction over CREATE_TABLES.
 */
export async function headerStart(
	documentType: SalesDocumentType,
	billTo: Customer
): Promise<HeaderStart> {
	const workDate = await readWorkDate();
	const no = await nextNo(
		DOCUMENT_SERIES[documentType],
		async (candidate) => (await db.salesHeaders.get(candidate)) !== undefined
	);
	return { no, workDate, dueDays: await dueDaysOf(billTo), createdAt: new Date().toISOString() };
}

/** Writes a new header for checked customers; call inside a transaction over CREATE_TABLES. */
export async function addHeader(
	documentType: SalesDocumentType,
	sellTo: Customer,
	billTo: Customer,
	externalDocumentNo = ''
): Promise<SalesHeader> {
	const start = await headerStart(documentType, billTo);
	const header = newSalesHeader({ ...start, documentType, sellTo, billTo, externalDocumentNo });
	await db.salesHeaders.add(header);
	return header;
}

export async function getHeader(no: string): Promise<SalesHeader> {
	const header = await db.salesHeaders.get(no);
	if (!header) throw new NotFoundError('Document', no);
	return header;
}

/** A released document cannot be edited (Business Central: "Status must be equal to Open"). */
export function ensureOpen(header: SalesHeader): void {
	if (header.status !== 'Open') {
		throw new ValidationError('error.released', `Status must be Open in ${header.no}.`, {
			no: header.no
		});
	}
}

/**
 * Optimistic concurrency: refuses when the page read another version of the document than the
 * one stored (another window changed it since). Without an expected version (a script, a
 * test) nothing is checked.
 */
export function ensureUnchanged(
	header: SalesHeader,
	expectedVersion: number | undefined,
	verb: DocumentChangeVerb
): void {
	if (expectedVersion !== undefined && expectedVersion !== documentVersion(header)) {
		throw new DocumentChangedError(header, verb);
	}
}

/**
 * First step of a command that changes a document: checks the version the page read, then
 * raises it by one. Called once per command, so a page knows the version its own save leaves.
 */
export async function claimDocument(
	header: SalesHeader,
	expectedVersion: number | undefined,
	verb: DocumentChangeVerb
): Promise<void> {
	ensureUnchanged(header, expectedVersion, verb);
	await db.salesHeaders.update(header.no, { version: documentVersion(header) + 1 });
}

/** Marks a document changed by a command on another one (its lines were ordered or invoiced). */
export async function touchDocument(no: string): Promise<void> {
	const header = await db.salesHeaders.get(no);
	if (header) await db.salesHeaders.update(no, { version: documentVersion(header) + 1 });
}

export async function linesOf(documentNo: string): Promise<SalesLine[]> {
	return db.salesLines
		.where('[documentNo+lineNo]')
		.between([documentNo, -Infinity], [documentNo, Infinity])
		.toArray();
}

/**
 * Keeps the header's totals equal to its lines; call after every line change, inside the
 * command's transaction. A total past its bound throws (see planTotals), so the command
 * writes nothing.
 */
export async function refreshTotals(documentNo: string): Promise<void> {
	const stored = await db.salesHeaders.get(documentNo);
	const totals = planTotals(await linesOf(documentNo), stored?.amountInclVatCents ?? 0);
	if (!totals.ok) throw refusalError(totals.refusal);
	await db.salesHeaders.update(documentNo, totals.plan);
}

/** Gives back to blanket orders what deleted order lines had taken from them. */
export async function releaseBlanketQuantities(lines: readonly SalesLine[]): Promise<void> {
	for (const line of lines) {
		if (!line.blanketOrderLineId) continue;
		const blanketLine = await db.salesLines.get(line.blanketOrderLineId);
		if (blanketLine) {
			await db.salesLines.update(blanketLine.id, {
				quantityOrdered: Math.max(0, blanketLine.quantityOrdered - line.quantity)
			});
			await touchDocument(blanketLine.documentNo);
		}
	}
}
