import { db } from '$lib/db/db';
import {
	planCopyDocument,
	planOrderFromBlanket,
	planQuoteConversion,
	type NewDocument,
	type NewDocumentStart
} from '$lib/domain/document-plans';
import type { Customer } from '$lib/domain/customer';
import type { Action } from '$lib/domain/policy';
import {
	CREATE_ACTION,
	SALES_DOCUMENT_TYPES,
	type SalesDocumentType
} from '$lib/domain/sales-document';
import { refusalError, ValidationError } from './errors';
import {
	claimDocument,
	CREATE_TABLES,
	customersAllowed,
	ensureUnchanged,
	getHeader,
	headerStart,
	linesOf
} from './sales-document-access';

/**
 * Make Order and Make Invoice on a quote, Make Order on a blanket order, Copy Document. Each
 * reads the source and its customers (asking the policy), draws the new No., asks the plan in
 * domain/document-plans.ts for the new document and writes it, in one transaction.
 */

/** Draws the new document's No. and reads its dates; line ids are fresh UUIDs. */
async function startOf(
	documentType: SalesDocumentType,
	billTo: Customer
): Promise<NewDocumentStart> {
	return { ...(await headerStart(documentType, billTo)), newId: () => crypto.randomUUID() };
}

async function writeDocument(document: NewDocument): Promise<string> {
	await db.salesHeaders.add(document.header);
	await db.salesLines.bulkAdd(document.lines);
	return document.header.no;
}

async function convertQuote(
	quoteNo: string,
	target: 'Order' | 'Invoice',
	expectedVersion: number | undefined
): Promise<string> {
	const action: Action = target === 'Order' ? 'quote.makeOrder' : 'quote.makeInvoice';
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const quote = await getHeader(quoteNo);
		ensureUnchanged(quote, expectedVersion, 'convert');
		if (quote.documentType !== 'Quote') {
			throw new ValidationError('error.notAQuote', `${quoteNo} is not a sales quote.`, {
				no: quoteNo
			});
		}
		const customers = await customersAllowed(
			quote.sellToCustomerNo,
			quote.billToCustomerNo,
			action
		);
		const lines = await linesOf(quote.no);
		const planned = planQuoteConversion({
			quote,
			lines,
			target,
			customers,
			start: await startOf(target, customers.billTo)
		});
		if (!planned.ok) throw refusalError(planned.refusal);
		const madeNo = await writeDocument(planned.plan);
		// As in Business Central, the quote is gone once it became an order or invoice.
		await db.salesLines.bulkDelete(lines.map((line) => line.id));
		await db.salesHeaders.delete(quote.no);
		return madeNo;
	});
}

/** Make Order on a quote: a new order with the quote's lines; the quote is removed. */
export function makeOrderFromQuote(input: {
	quoteNo: string;
	expectedVersion?: number;
}): Promise<string> {
	return convertQuote(input.quoteNo, 'Order', input.expectedVersion);
}

/** Make Invoice on a quote: a new invoice with the quote's lines; the quote is removed. */
export function makeInvoiceFromQuote(input: {
	quoteNo: string;
	expectedVersion?: number;
}): Promise<string> {
	return convertQuote(input.quoteNo, 'Invoice', input.expectedVersion);
}

/**
 * Make Order on a blanket order for the quantities chosen per line (default: what is
 * left). The blanket order stays and records how much of each line was ordered.
 */
export async function makeOrderFromBlanket(input: {
	blanketNo: string;
	quantities?: Record<string, number>;
	expectedVersion?: number;
}): Promise<string> {
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const blanket = await getHeader(input.blanketNo);
		// The blanket order's lines record what was ordered: it changes too.
		await claimDocument(blanket, input.expectedVersion, 'convert');
		if (blanket.documentType !== 'BlanketOrder') {
			throw new ValidationError(
				'error.notABlanketOrder',
				`${blanket.no} is not a blanket sales order.`,
				{
					no: blanket.no
				}
			);
		}
		const customers = await customersAllowed(
			blanket.sellToCustomerNo,
			blanket.billToCustomerNo,
			'blanketOrder.makeOrder'
		);
		const planned = planOrderFromBlanket({
			blanket,
			lines: await linesOf(blanket.no),
			quantities: input.quantities,
			customers,
			start: await startOf('Order', customers.billTo)
		});
		if (!planned.ok) throw refusalError(planned.refusal);
		const orderNo = await writeDocument(planned.plan.order);
		for (const { id, quantityOrdered } of planned.plan.ordered) {
			await db.salesLines.update(id, { quantityOrdered });
		}
		return orderNo;
	});
}

/**
 * Copy Document: a new document of `toType` with the lines of `fromNo`. With the header,
 * the source's customers and External Document No. come along; without it, the customer
 * given. Either way the target type's create rule applies to sell-to and bill-to.
 */
export async function copyDocument(input: {
	fromNo: string;
	toType: SalesDocumentType;
	includeHeader: boolean;
	sellToCustomerNo?: string;
	expectedVersion?: number;
}): Promise<string> {
	if (!SALES_DOCUMENT_TYPES.includes(input.toType)) {
		throw new ValidationError(
			'error.documentTypeInvalid',
			`${input.toType} is not a document type.`
		);
	}
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const source = await getHeader(input.fromNo);
		ensureUnchanged(source, input.expectedVersion, 'convert');
		const sellToNo = input.includeHeader ? source.sellToCustomerNo : (input.sellToCustomerNo ?? '');
		if (!sellToNo) throw new ValidationError('error.customerRequired', 'Choose a customer.');
		const customers = await customersAllowed(
			sellToNo,
			input.includeHeader ? source.billToCustomerNo : undefined,
			CREATE_ACTION[input.toType]
		);
		const planned = planCopyDocument({
			source,
			lines: await linesOf(source.no),
			toType: input.toType,
			includeHeader: input.includeHeader,
			customers,
			start: await startOf(input.toType, customers.billTo)
		});
		if (!planned.ok) throw refusalError(planned.refusal);
		return writeDocument(planned.plan);
	});
}
