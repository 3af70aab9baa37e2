import { db } from '$lib/db/db';
import { addDays } from '$lib/domain/dates';
import {
	CREATE_ACTION,
	DOCUMENT_SERIES,
	SALES_DOCUMENT_TYPES,
	type SalesDocumentType,
	type SalesHeader
} from '$lib/domain/documents';
import { decideForDocument } from '$lib/domain/policy';
import { BlockedError, NotFoundError, ValidationError } from './errors';
import { nextNo } from './numbering';
import { readWorkDate } from './settings';

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
	return db.transaction(
		'rw',
		[db.customers, db.salesHeaders, db.numberSeries, db.settings, db.paymentTerms],
		async () => {
			const sellTo = await db.customers.get(input.sellToCustomerNo);
			if (!sellTo) throw new NotFoundError('Customer', input.sellToCustomerNo);
			const billToNo = input.billToCustomerNo || sellTo.billToCustomerNo || sellTo.no;
			const billTo = billToNo === sellTo.no ? sellTo : await db.customers.get(billToNo);
			if (!billTo) throw new NotFoundError('Customer', billToNo);

			const decision = decideForDocument(sellTo, billTo, CREATE_ACTION[documentType]);
			if (!decision.allowed) throw new BlockedError(decision);

			const workDate = await readWorkDate();
			const terms = billTo.paymentTermsCode
				? await db.paymentTerms.get(billTo.paymentTermsCode)
				: undefined;
			const no = await nextNo(
				DOCUMENT_SERIES[documentType],
				async (candidate) => (await db.salesHeaders.get(candidate)) !== undefined
			);
			const header: SalesHeader = {
				no,
				documentType,
				sellToCustomerNo: sellTo.no,
				sellToName: sellTo.name,
				billToCustomerNo: billTo.no,
				billToName: billTo.name,
				documentDate: workDate,
				postingDate: workDate,
				dueDate: addDays(workDate, terms?.dueDays ?? 0),
				externalDocumentNo: '',
				status: 'Open',
				createdAt: new Date().toISOString()
			};
			await db.salesHeaders.add(header);
			return no;
		}
	);
}
