import { describe, expect, it } from 'vitest';
import { matchTellMe, tellMeRank } from '$lib/ui/shell/tell-me-match';

const ENTRIES = [
	'Role Center',
	'Customers',
	'Items',
	'Sales Orders',
	'Customer Ledger Entries',
	'Cash Receipt Journal',
	'Reminders',
	'Create Reminders',
	'Block Suggestions',
	'New Sales Order',
	'Company Information'
].map((caption) => ({ caption }));

const DUTCH = ['Klanten', 'Klantenposten', 'Kasontvangstenjournaal', 'Bedrijfsgegevens'].map(
	(caption) => ({ caption })
);

const captions = (query: string, entries = ENTRIES) =>
	matchTellMe(entries, query).map((entry) => entry.caption);

describe('Tell Me matching', () => {
	it.each([
		['cust', ['Customers', 'Customer Ledger Entries']],
		['CUST', ['Customers', 'Customer Ledger Entries']],
		['led ent', ['Customer Ledger Entries']],
		['remind', ['Reminders', 'Create Reminders']],
		['create rem', ['Create Reminders']],
		['sugg', ['Block Suggestions']],
		['new sales ord', ['New Sales Order']],
		['order', ['Sales Orders', 'New Sales Order']],
		['cash receipt', ['Cash Receipt Journal']],
		['company inf', ['Company Information']],
		['ustomers', []],
		['xyz', []],
		['', []],
		['   ', []]
	])('"%s" finds %j', (query, expected) => {
		expect(captions(query)).toEqual(expected);
	});

	it('finds the Dutch captions by the start of their words', () => {
		expect(captions('klant', DUTCH)).toEqual(['Klanten', 'Klantenposten']);
		expect(captions('kas', DUTCH)).toEqual(['Kasontvangstenjournaal']);
		expect(captions('bedrijf', DUTCH)).toEqual(['Bedrijfsgegevens']);
	});

	it('ignores accents and case', () => {
		const entries = [{ caption: 'Électricité' }, { caption: 'Geboekte verkoopfacturen' }];
		expect(captions('electr', entries)).toEqual(['Électricité']);
		expect(captions('ÉLEC', entries)).toEqual(['Électricité']);
	});

	it('ranks a caption that starts with what was typed first, then words in order, then any order', () => {
		expect(tellMeRank('Customer Ledger Entries', 'customer led')).toBe(0);
		expect(tellMeRank('Customer Ledger Entries', 'cust entries')).toBe(1);
		expect(tellMeRank('Customer Ledger Entries', 'entries cust')).toBe(2);
		expect(tellMeRank('Customer Ledger Entries', 'journal')).toBeNull();
		expect(captions('entries cust')).toEqual(['Customer Ledger Entries']);
		expect(captions('ord')).toEqual(['Sales Orders', 'New Sales Order']);
	});

	it('returns at most the limit asked for', () => {
		expect(matchTellMe(ENTRIES, 'c', 2)).toHaveLength(2);
	});
});
