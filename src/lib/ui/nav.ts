import type { SalesDocumentType } from '$lib/domain/sales-document';
import { LIST_SLUG } from './document-slugs';

const DOCUMENT_NAV: Array<[SalesDocumentType, string]> = [
	['Quote', 'nav.quotes'],
	['Order', 'nav.orders'],
	['Invoice', 'nav.invoices'],
	['CreditMemo', 'nav.creditMemos'],
	['BlanketOrder', 'nav.blanketOrders'],
	['ReturnOrder', 'nav.returnOrders']
];

/** The main navigation; captions as Business Central's (DESIGN.md's UI contract). */
export const NAV_LINKS: Array<{ href: string; key: string }> = [
	{ href: '/customers', key: 'nav.customers' },
	{ href: '/items', key: 'nav.items' },
	...DOCUMENT_NAV.map(([type, key]) => ({ href: `/sales/${LIST_SLUG[type]}`, key })),
	{ href: '/posted/shipments', key: 'nav.postedShipments' },
	{ href: '/posted/invoices', key: 'nav.postedInvoices' },
	{ href: '/posted/credit-memos', key: 'nav.postedCreditMemos' },
	{ href: '/ledger', key: 'nav.ledger' },
	{ href: '/cash-receipt-journal', key: 'nav.cashReceiptJournal' },
	{ href: '/reminders', key: 'nav.reminders' },
	{ href: '/finance-charge-memos', key: 'nav.financeChargeMemos' },
	{ href: '/aged-receivables', key: 'nav.aged' },
	{ href: '/terms', key: 'nav.terms' },
	{ href: '/policy', key: 'nav.policy' },
	{ href: '/refusals', key: 'nav.refusals' },
	{ href: '/company', key: 'nav.company' },
	{ href: '/settings', key: 'nav.settings' }
];

export function listKeyOf(type: SalesDocumentType): string {
	return DOCUMENT_NAV.find(([candidate]) => candidate === type)?.[1] ?? 'nav.orders';
}
