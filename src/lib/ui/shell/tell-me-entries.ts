import { m } from '$lib/i18n';
import { NAV_GROUPS, type Caption } from '$lib/ui/nav';

/** A page or task Tell Me can open, in the current language. */
export interface TellMeEntry {
	caption: string;
	/** Where it lives: the menu group of a page, or the page a task is done on. */
	where: string;
	href: string;
}

/** Tasks beside the pages: each opens the page where it is done (a new document: the list, asking for the customer). */
const TASKS: Array<{ caption: Caption; group: string; href: string }> = [
	{ caption: m['tellMe.newSalesQuote'], group: 'sales', href: '/sales/quotes?new' },
	{ caption: m['tellMe.newSalesOrder'], group: 'sales', href: '/sales/orders?new' },
	{ caption: m['tellMe.newSalesInvoice'], group: 'sales', href: '/sales/invoices?new' },
	{ caption: m['tellMe.newSalesCreditMemo'], group: 'sales', href: '/sales/credit-memos?new' },
	{ caption: m['tellMe.createReminders'], group: 'receivables', href: '/reminders' },
	{
		caption: m['tellMe.createFinanceChargeMemos'],
		group: 'receivables',
		href: '/finance-charge-memos'
	},
	// Opened from the company name in the header rather than the menu.
	{ caption: m['companies.title'], group: 'setup', href: '/companies' }
];

/** Every page of the navigation and every task, with today's captions. */
export function tellMeEntries(): TellMeEntry[] {
	const groupLabel = (id: string) => NAV_GROUPS.find((group) => group.id === id)?.label() ?? '';
	return [
		{ caption: m['tellMe.home'](), where: m['app.name'](), href: '/' },
		...NAV_GROUPS.flatMap((group) =>
			group.links.map((link) => ({ caption: link.label(), where: group.label(), href: link.href }))
		),
		...TASKS.map((task) => ({
			caption: task.caption(),
			where: groupLabel(task.group),
			href: task.href
		}))
	];
}
