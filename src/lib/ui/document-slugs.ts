import { SALES_DOCUMENT_TYPES, type SalesDocumentType } from '$lib/domain/sales-document';

/** URL slugs of the document lists (`/sales/<slug>`). */
export const LIST_SLUG: Record<SalesDocumentType, string> = {
	Quote: 'quotes',
	Order: 'orders',
	Invoice: 'invoices',
	CreditMemo: 'credit-memos',
	BlanketOrder: 'blanket-orders',
	ReturnOrder: 'return-orders'
};

/** The document type a list URL shows, or undefined for an unknown slug. */
export function typeOfSlug(slug: string): SalesDocumentType | undefined {
	return SALES_DOCUMENT_TYPES.find((type) => LIST_SLUG[type] === slug);
}
