import { describe, expect, it } from 'vitest';
import { blockChangeEntries, blockDetails } from '$lib/domain/block-change';
import { customerChange } from '$lib/domain/change-log';
import { emptyCustomer, searchTermsOf } from '$lib/domain/customer';

const NOW = '2026-03-01T10:00:00.000Z';
const EARLIER = '2026-01-01T09:00:00.000Z';

describe('blockDetails (pure)', () => {
	it.each([
		{
			name: 'lifting a block clears reason, note, owner and end date',
			current: { blocked: 'Ship' as const, blockedBy: 'ann', blockedSince: EARLIER },
			after: { blocked: '' as const, privacyBlocked: false },
			extra: { reason: 'OVERDUE' },
			details: { blockReason: '', blockNote: '', blockedBy: '', blockedSince: '', blockedUntil: '' }
		},
		{
			name: 'a new block records who set it and since when, with what was given',
			current: { blocked: '' as const, blockedBy: '', blockedSince: '' },
			after: { blocked: 'Invoice' as const, privacyBlocked: false },
			extra: { reason: 'DISPUTE', note: 'Call first', until: '2026-04-01' },
			details: {
				blockedBy: 'bob',
				blockedSince: NOW,
				blockReason: 'DISPUTE',
				blockNote: 'Call first',
				blockedUntil: '2026-04-01'
			}
		},
		{
			name: 'another level is a new block: new owner and start',
			current: { blocked: 'Ship' as const, blockedBy: 'ann', blockedSince: EARLIER },
			after: { blocked: 'All' as const, privacyBlocked: false },
			extra: {},
			details: { blockedBy: 'bob', blockedSince: NOW }
		},
		{
			name: 'the same level keeps its owner and start, and takes a new note',
			current: { blocked: 'Ship' as const, blockedBy: 'ann', blockedSince: EARLIER },
			after: { blocked: 'Ship' as const, privacyBlocked: false },
			extra: { note: 'Still waiting' },
			details: { blockedBy: 'ann', blockedSince: EARLIER, blockNote: 'Still waiting' }
		},
		{
			name: 'a block stored without owner or start gets them',
			current: { blocked: 'Ship' as const, blockedBy: '', blockedSince: '' },
			after: { blocked: 'Ship' as const, privacyBlocked: false },
			extra: {},
			details: { blockedBy: 'bob', blockedSince: NOW }
		}
	])('$name', ({ current, after, extra, details }) => {
		expect(blockDetails(current, after, 'bob', extra, NOW)).toEqual(details);
	});
});

describe('blockChangeEntries (pure)', () => {
	let counter = 0;
	const stamp = { at: NOW, newId: () => `id-${++counter}` };

	it.each([
		{
			name: 'nothing changed: no entry',
			before: { blocked: 'Ship' as const, privacyBlocked: false },
			after: { blocked: 'Ship' as const, privacyBlocked: false },
			changes: []
		},
		{
			name: 'a level: one entry for Blocked',
			before: { blocked: '' as const, privacyBlocked: false },
			after: { blocked: 'Invoice' as const, privacyBlocked: false },
			changes: [['blocked', '', 'Invoice']]
		},
		{
			name: 'Privacy Blocked: Blocked to All and Privacy Blocked, in that order',
			before: { blocked: '' as const, privacyBlocked: false },
			after: { blocked: 'All' as const, privacyBlocked: true },
			changes: [
				['blocked', '', 'All'],
				['privacyBlocked', 'false', 'true']
			]
		}
	])('$name', ({ before, after, changes }) => {
		const entries = blockChangeEntries('C00010', before, after, { user: 'bob' }, stamp);
		expect(entries.map((entry) => [entry.field, entry.oldValue, entry.newValue])).toEqual(changes);
		for (const entry of entries) {
			expect(entry).toMatchObject({ tableName: 'customers', key: 'C00010', at: NOW, user: 'bob' });
		}
		expect(new Set(entries.map((entry) => entry.id)).size).toBe(entries.length);
	});

	it('customerChange writes booleans and text as the log stores them', () => {
		expect(
			customerChange(
				{ id: 'x', at: NOW, key: 'C1', field: 'privacyBlocked', oldValue: false, newValue: true },
				{ batchId: 'b' }
			)
		).toEqual({
			id: 'x',
			at: NOW,
			tableName: 'customers',
			key: 'C1',
			field: 'privacyBlocked',
			oldValue: 'false',
			newValue: 'true',
			batchId: 'b'
		});
	});
});

describe('emptyCustomer (pure)', () => {
	it('is a card with only its No. and name, nothing blocked, findable by both', () => {
		expect(emptyCustomer('C00010', 'Gent Trading')).toMatchObject({
			no: 'C00010',
			name: 'Gent Trading',
			blocked: '',
			privacyBlocked: false,
			billToCustomerNo: '',
			creditLimitCents: 0,
			searchTerms: searchTermsOf('C00010', 'Gent Trading')
		});
	});
});
