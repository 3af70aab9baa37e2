import {
	BLOCKED_CUE_LEVELS,
	type BlockedLevel,
	type IndexedCues
} from '$lib/app/role-center-queries';
import type { OrderCue, OverdueFigures } from '$lib/domain/role-center';
import { FORMAT_LOCALE, m, type Language } from '$lib/i18n';
import { blockedText } from '$lib/i18n/keys/blocked';
import { LIST_SLUG } from '../document-slugs';
import { formatMoney } from '../format';
import { cueQuery } from './cue-filters';

/** One tile: what it says, the figure (undefined while read), and the filtered list it opens. */
export interface CueTile {
	id: string;
	caption: string;
	value: string | undefined;
	/** The path of the list the cue opens, and the filter it puts in the URL. */
	path: string;
	query: string;
	/** A figure above zero that asks for action (overdue, refused). */
	attention: boolean;
	hint?: string;
}

export interface CueGroup {
	id: string;
	title: string;
	cues: CueTile[];
}

export interface CueFigures {
	indexed: IndexedCues | undefined;
	orders: Record<OrderCue, number> | undefined;
	overdue: OverdueFigures | undefined;
}

function formatCount(count: number | undefined, language: Language): string | undefined {
	return count === undefined ? undefined : count.toLocaleString(FORMAT_LOCALE[language]);
}

/**
 * The Role Center's cue groups, as Business Central arranges its Activities: each cue's caption
 * in the UI language, its figure, and the link to the list filtered as the cue counts.
 */
export function cueGroups(figures: CueFigures, language: Language): CueGroup[] {
	const { indexed, orders, overdue } = figures;
	const count = (value: number | undefined) => formatCount(value, language);
	const orderList = `/sales/${LIST_SLUG.Order}`;
	const blockedCue = (level: BlockedLevel): CueTile => ({
		id: `blocked${level}`,
		caption: m['roleCenter.cue.blocked']({ level: blockedText(`blocked.${level}`) }),
		value: count(indexed?.blocked[level]),
		path: '/customers',
		query: cueQuery('blocked', level),
		attention: false
	});
	return [
		{
			id: 'sales',
			title: m['roleCenter.group.sales'](),
			cues: [
				{
					id: 'openQuotes',
					caption: m['roleCenter.cue.openQuotes'](),
					value: count(indexed?.openQuotes),
					path: `/sales/${LIST_SLUG.Quote}`,
					query: cueQuery('status', 'Open'),
					attention: false
				},
				{
					id: 'ordersToShip',
					caption: m['roleCenter.cue.ordersToShip'](),
					value: count(orders?.toShip),
					path: orderList,
					query: cueQuery('cue', 'toShip'),
					attention: false
				},
				{
					id: 'shippedNotInvoiced',
					caption: m['roleCenter.cue.shippedNotInvoiced'](),
					value: count(orders?.shippedNotInvoiced),
					path: orderList,
					query: cueQuery('cue', 'shippedNotInvoiced'),
					attention: false
				}
			]
		},
		{
			id: 'receivables',
			title: m['roleCenter.group.receivables'](),
			cues: [
				{
					id: 'overdueAmount',
					caption: m['roleCenter.cue.overdueAmount'](),
					value: overdue && formatMoney(overdue.amountCents, language),
					path: '/ledger',
					query: cueQuery('overdue', '1'),
					attention: (overdue?.amountCents ?? 0) > 0
				},
				{
					id: 'overdueCustomers',
					caption: m['roleCenter.cue.overdueCustomers'](),
					value: count(overdue?.customers),
					path: '/ledger',
					query: cueQuery('overdue', '1'),
					attention: (overdue?.customers ?? 0) > 0
				},
				{
					id: 'remindersToIssue',
					caption: m['roleCenter.cue.remindersToIssue'](),
					value: count(indexed?.remindersToIssue),
					path: '/reminders',
					query: cueQuery('status', 'Open'),
					attention: false
				}
			]
		},
		{
			id: 'blocking',
			title: m['roleCenter.group.blocking'](),
			cues: [
				...BLOCKED_CUE_LEVELS.map(blockedCue),
				{
					id: 'refusedToday',
					caption: m['roleCenter.cue.refusedToday'](),
					value: count(indexed?.refusedToday),
					path: '/refusals',
					query: indexed ? cueQuery('date', indexed.today) : '',
					attention: (indexed?.refusedToday ?? 0) > 0
				}
			]
		},
		{
			id: 'training',
			title: m['roleCenter.group.training'](),
			cues: [
				{
					id: 'exercises',
					caption: m['roleCenter.cue.exercises'](),
					value: undefined,
					hint: m['roleCenter.cue.exercisesHint'](),
					// The exercises are a page of their own (another part of issue 15 adds it).
					path: '/exercises',
					query: '',
					attention: false
				}
			]
		}
	];
}
