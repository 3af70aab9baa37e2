import type { CustomerListFilter } from '$lib/app/customer-queries';
import { isIsoDate } from '$lib/domain/dates';
import { isOrderCue, type OrderCue } from '$lib/domain/role-center';
import { DOCUMENT_STATUSES, type DocumentStatus } from '$lib/domain/sales-document';

/**
 * The filters a Role Center cue puts in the URL of the list it opens, and how the list reads
 * them back: one place for the parameter names, so a cue and its list always agree. A value a
 * list does not know is ignored (the list opens unfiltered).
 */

export const CUE_PARAM = {
	/** Customers: a Blocked filter (`Ship`, `Invoice`, `All`, …). */
	blocked: 'blocked',
	/** Sales documents: a Status (`Open`, `Released`). */
	status: 'status',
	/** Sales orders: `toShip` or `shippedNotInvoiced`. */
	cue: 'cue',
	/** Customer ledger entries: `1` for the open entries due before the work date. */
	overdue: 'overdue',
	/** Refused attempts: a day, YYYY-MM-DD. */
	date: 'date'
} as const;

/** `?name=value`, encoded, for a cue's link. */
export function cueQuery(name: keyof typeof CUE_PARAM, value: string): string {
	return `?${new URLSearchParams({ [CUE_PARAM[name]]: value })}`;
}

const BLOCKED_FILTERS: ReadonlyArray<CustomerListFilter['blocked']> = [
	'any',
	'anyBlocked',
	'',
	'Ship',
	'Invoice',
	'All'
];

export function blockedFilterOf(url: URL): CustomerListFilter['blocked'] {
	const value = url.searchParams.get(CUE_PARAM.blocked);
	return BLOCKED_FILTERS.find((filter) => filter === value) ?? 'any';
}

export function statusFilterOf(url: URL): DocumentStatus | 'any' {
	const value = url.searchParams.get(CUE_PARAM.status);
	return DOCUMENT_STATUSES.find((status) => status === value) ?? 'any';
}

export function orderCueOf(url: URL): OrderCue | null {
	const value = url.searchParams.get(CUE_PARAM.cue);
	return isOrderCue(value) ? value : null;
}

export function overdueOnlyOf(url: URL): boolean {
	return url.searchParams.get(CUE_PARAM.overdue) === '1';
}

/** Reminders: `?status=Open` lists those not issued yet. */
export function notIssuedOnlyOf(url: URL): boolean {
	return url.searchParams.get(CUE_PARAM.status) === 'Open';
}

export function refusalDayOf(url: URL): string | null {
	const value = url.searchParams.get(CUE_PARAM.date);
	return value !== null && isIsoDate(value) ? value : null;
}
