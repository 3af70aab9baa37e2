import { db } from '$lib/db/db';
import { isIsoDate } from '$lib/domain/dates';
import {
	CREATE_ACTION,
	hasSomethingToSell,
	SALES_DOCUMENT_TYPES,
	type EditableHeaderField,
	type SalesDocumentType,
	type SalesHeader
} from '$lib/domain/sales-document';
import { ValidationError } from './errors';
import {
	addHeader,
	claimDocument,
	CREATE_TABLES,
	customersAllowed,
	dueDateFor,
	ensureOpen,
	getCustomer,
	getHeader,
	linesOf,
	releaseBlanketQuantities
} from './sales-document-access';

/**
 * Commands on a sales document as a whole: create it, change its customers and header fields,
 * release and reopen it, delete it. Lines are in sales-lines.ts, Make Order and Copy Document
 * in document-conversions.ts, posting in posting.ts.
 */

const EXTERNAL_NO_MAX = 35;

/**
 * Creates a sales header for a customer and returns its No. Re-reads the sell-to and the
 * bill-to inside the transaction and asks the policy, so a stale page cannot slip past a
 * block set meanwhile: a refusal throws BlockedError before anything is written.
 */
export async function createSalesDocument(input: {
	documentType: SalesDocumentType;
	sellToCustomerNo: string;
	billToCustomerNo?: string;
}): Promise<string> {
	const { documentType } = input;
	if (!SALES_DOCUMENT_TYPES.includes(documentType)) {
		throw new ValidationError(
			'error.documentTypeInvalid',
			`${documentType} is not a document type.`
		);
	}
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const { sellTo, billTo } = await customersAllowed(
			input.sellToCustomerNo,
			input.billToCustomerNo,
			CREATE_ACTION[documentType]
		);
		return (await addHeader(documentType, sellTo, billTo)).no;
	});
}

/**
 * Changes the sell-to customer of an open document; the bill-to follows the new customer's
 * Bill-to Customer No. Both must pass the create rule of the document type.
 */
export async function changeSellToCustomer(input: {
	no: string;
	customerNo: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', CREATE_TABLES(), async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const { sellTo, billTo } = await customersAllowed(
			input.customerNo,
			undefined,
			CREATE_ACTION[header.documentType],
			header.no
		);
		await db.salesHeaders.update(header.no, {
			sellToCustomerNo: sellTo.no,
			sellToName: sellTo.name,
			billToCustomerNo: billTo.no,
			billToName: billTo.name,
			dueDate: await dueDateFor(billTo, header.documentDate)
		});
	});
}

/** Changes the bill-to customer of an open document, checked with the document's create rule. */
export async function changeBillToCustomer(input: {
	no: string;
	customerNo: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', CREATE_TABLES(), async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const { billTo } = await customersAllowed(
			header.sellToCustomerNo,
			input.customerNo || header.sellToCustomerNo,
			CREATE_ACTION[header.documentType],
			header.no
		);
		await db.salesHeaders.update(header.no, {
			billToCustomerNo: billTo.no,
			billToName: billTo.name,
			dueDate: await dueDateFor(billTo, header.documentDate)
		});
	});
}

/** Saves one header field of an open document: dates or External Document No. */
export async function updateHeaderField(input: {
	no: string;
	field: EditableHeaderField;
	value: string;
	expectedVersion?: number;
}): Promise<void> {
	const value = input.value.trim();
	if (input.field === 'externalDocumentNo') {
		if (value.length > EXTERNAL_NO_MAX) {
			throw new ValidationError(
				'error.tooLong',
				'The text is too long.',
				{ max: EXTERNAL_NO_MAX },
				input.field
			);
		}
	} else if (!isIsoDate(value)) {
		throw new ValidationError(
			'error.dateInvalid',
			`${value} is not a valid date.`,
			{},
			input.field
		);
	}
	await db.transaction('rw', [db.salesHeaders, db.customers, db.paymentTerms], async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const changes: Partial<SalesHeader> = { [input.field]: value };
		if (input.field === 'documentDate') {
			changes.dueDate = await dueDateFor(await getCustomer(header.billToCustomerNo), value);
		}
		await db.salesHeaders.update(header.no, changes);
	});
}

/** Releases a document; an empty document (no item line with a quantity) is refused. */
export async function releaseDocument(input: {
	no: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'release');
		if (header.status === 'Released') return;
		if (!hasSomethingToSell(await linesOf(header.no))) {
			throw new ValidationError(
				'error.nothingToRelease',
				`There is nothing to release for ${header.no}.`,
				{
					no: header.no
				}
			);
		}
		await db.salesHeaders.update(header.no, { status: 'Released' });
	});
}

/** Reopens a released document so it can be edited again. */
export async function reopenDocument(input: {
	no: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', db.salesHeaders, async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'reopen');
		await db.salesHeaders.update(input.no, { status: 'Open' });
	});
}

/** Deletes a document with its lines; order lines give their quantity back to the blanket order. */
export async function deleteDocument(input: { no: string }): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.no);
		const lines = await linesOf(header.no);
		await releaseBlanketQuantities(lines);
		await db.salesLines.bulkDelete(lines.map((line) => line.id));
		await db.salesHeaders.delete(header.no);
	});
}
