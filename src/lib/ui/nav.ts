import type { SalesDocumentType } from '$lib/domain/sales-document';
import { m } from '$lib/i18n';
import { LIST_SLUG } from './document-slugs';

/** A caption in the current language: a compiled message, called when it is shown. */
export type Caption = () => string;

export interface NavLink {
	href: string;
	label: Caption;
}

export interface NavGroup {
	id: string;
	label: Caption;
	links: NavLink[];
}

const DOCUMENT_NAV: Array<[SalesDocumentType, Caption]> = [
	['Quote', m['nav.quotes']],
	['Order', m['nav.orders']],
	['Invoice', m['nav.invoices']],
	['CreditMemo', m['nav.creditMemos']],
	['BlanketOrder', m['nav.blanketOrders']],
	['ReturnOrder', m['nav.returnOrders']]
];

/**
 * The main navigation, grouped as Business Central's menus; every caption is Business
 * Central's (DESIGN.md's UI contract). A link with a hash opens a section of a page.
 */
export const NAV_GROUPS: NavGroup[] = [
	{
		id: 'sales',
		label: m['nav.group.sales'],
		links: [
			{ href: '/customers', label: m['nav.customers'] },
			{ href: '/items', label: m['nav.items'] },
			...DOCUMENT_NAV.map(([type, label]) => ({ href: `/sales/${LIST_SLUG[type]}`, label }))
		]
	},
	{
		id: 'posted',
		label: m['nav.group.posted'],
		links: [
			{ href: '/posted/shipments', label: m['nav.postedShipments'] },
			{ href: '/posted/invoices', label: m['nav.postedInvoices'] },
			{ href: '/posted/credit-memos', label: m['nav.postedCreditMemos'] }
		]
	},
	{
		id: 'receivables',
		label: m['nav.group.receivables'],
		links: [
			{ href: '/ledger', label: m['nav.ledger'] },
			{ href: '/cash-receipt-journal', label: m['nav.cashReceiptJournal'] },
			{ href: '/reminders', label: m['nav.reminders'] },
			{ href: '/finance-charge-memos', label: m['nav.financeChargeMemos'] },
			{ href: '/aged-receivables', label: m['nav.aged'] },
			{ href: '/terms', label: m['nav.terms'] }
		]
	},
	{
		id: 'blocking',
		label: m['nav.group.blocking'],
		links: [
			{ href: '/policy', label: m['nav.policy'] },
			{ href: '/refusals', label: m['nav.refusals'] },
			{ href: '/settings#suggest-title', label: m['nav.blockSuggestions'] }
		]
	},
	{
		id: 'setup',
		label: m['nav.group.setup'],
		links: [
			{ href: '/company', label: m['nav.company'] },
			{ href: '/settings', label: m['nav.settings'] },
			{ href: '/settings#reasons-title', label: m['nav.blockReasons'] },
			{ href: '/exercises', label: m['nav.exercises'] }
		]
	}
];

/** Every destination of the main navigation, in menu order. */
export const NAV_LINKS: NavLink[] = NAV_GROUPS.flatMap((group) => group.links);

/** Whether a navigation link is the page at `pathname` (a section link never is). */
export function isCurrentLink(href: string, pathname: string): boolean {
	if (href.includes('#')) return false;
	return pathname === href || pathname.startsWith(`${href}/`);
}

/** The caption of a document type's list, as its navigation link says it. */
export function listTitleOf(type: SalesDocumentType): string {
	return (DOCUMENT_NAV.find(([candidate]) => candidate === type)?.[1] ?? m['nav.orders'])();
}
