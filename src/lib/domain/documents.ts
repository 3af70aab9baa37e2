import type { Action } from './policy';

/** Business Central's sales document types. */
export type SalesDocumentType =
	'Quote' | 'Order' | 'Invoice' | 'CreditMemo' | 'BlanketOrder' | 'ReturnOrder';

export const SALES_DOCUMENT_TYPES: readonly SalesDocumentType[] = [
	'Quote',
	'Order',
	'Invoice',
	'CreditMemo',
	'BlanketOrder',
	'ReturnOrder'
];

/** The policy action that guards creating a document of each type. */
export const CREATE_ACTION: Record<SalesDocumentType, Action> = {
	Quote: 'quote.create',
	Order: 'order.create',
	Invoice: 'invoice.create',
	CreditMemo: 'creditMemo.create',
	BlanketOrder: 'blanketOrder.create',
	ReturnOrder: 'returnOrder.create'
};

/** The number series each document type draws its No. from. */
export const DOCUMENT_SERIES: Record<SalesDocumentType, string> = {
	Quote: 'S-QUO',
	Order: 'S-ORD',
	Invoice: 'S-INV',
	CreditMemo: 'S-CR',
	BlanketOrder: 'S-BLK',
	ReturnOrder: 'S-RET'
};

export type DocumentStatus = 'Open' | 'Released';

export interface SalesHeader {
	no: string;
	documentType: SalesDocumentType;
	sellToCustomerNo: string;
	sellToName: string;
	billToCustomerNo: string;
	billToName: string;
	documentDate: string;
	postingDate: string;
	dueDate: string;
	externalDocumentNo: string;
	status: DocumentStatus;
	createdAt: string;
}

export interface SalesLine {
	id: string;
	documentNo: string;
	lineNo: number;
	type: 'Item' | 'Comment';
	no: string;
	description: string;
	quantity: number;
	unitPriceCents: number;
	lineDiscountPct: number;
	vatPct: number;
}
