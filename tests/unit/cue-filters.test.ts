import { describe, expect, it } from 'vitest';
import {
	blockedFilterOf,
	cueQuery,
	notIssuedOnlyOf,
	orderCueOf,
	overdueOnlyOf,
	refusalDayOf,
	statusFilterOf
} from '$lib/ui/role-center/cue-filters';

const url = (query: string) => new URL(`http://localhost/list${query}`);

describe('the filters a cue puts in the URL, read back by its list', () => {
	it.each([
		['blocked', 'Ship', () => blockedFilterOf(url(cueQuery('blocked', 'Ship'))), 'Ship'],
		['blocked', 'All', () => blockedFilterOf(url(cueQuery('blocked', 'All'))), 'All'],
		['status', 'Open', () => statusFilterOf(url(cueQuery('status', 'Open'))), 'Open'],
		['cue', 'toShip', () => orderCueOf(url(cueQuery('cue', 'toShip'))), 'toShip'],
		[
			'cue',
			'shippedNotInvoiced',
			() => orderCueOf(url(cueQuery('cue', 'shippedNotInvoiced'))),
			'shippedNotInvoiced'
		],
		['overdue', '1', () => overdueOnlyOf(url(cueQuery('overdue', '1'))), true],
		['status', 'Open', () => notIssuedOnlyOf(url(cueQuery('status', 'Open'))), true],
		['date', '2026-03-01', () => refusalDayOf(url(cueQuery('date', '2026-03-01'))), '2026-03-01']
	] as const)('%s=%s', (_name, _value, read, expected) => {
		expect(read()).toBe(expected);
	});

	it('ignores a value the list does not know: the list opens unfiltered', () => {
		expect(blockedFilterOf(url('?blocked=Everything'))).toBe('any');
		expect(blockedFilterOf(url(''))).toBe('any');
		expect(statusFilterOf(url('?status=Posted'))).toBe('any');
		expect(orderCueOf(url('?cue=late'))).toBeNull();
		expect(overdueOnlyOf(url('?overdue=yes'))).toBe(false);
		expect(notIssuedOnlyOf(url('?status=Issued'))).toBe(false);
		expect(refusalDayOf(url('?date=2026-02-30'))).toBeNull();
		expect(refusalDayOf(url('?date=today'))).toBeNull();
	});
});
