import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import BlockedBanner from '$lib/ui/BlockedBanner.svelte';

describe('BlockedBanner', () => {
	it('says nothing for a customer that is not blocked', () => {
		render(BlockedBanner, { customer: { no: 'C1', blocked: '', privacyBlocked: false } });
		expect(screen.queryByRole('note')).toBeNull();
	});

	it('lists what a Ship block still allows and what it forbids', () => {
		render(BlockedBanner, { customer: { no: 'C00040', blocked: 'Ship', privacyBlocked: false } });
		const banner = screen.getByRole('note', { name: 'Customer C00040 is blocked with type Ship.' });
		const allowed = within(banner).getByRole('heading', {
			name: 'Still allowed'
		}).nextElementSibling!;
		const forbidden = within(banner).getByRole('heading', {
			name: 'Not allowed'
		}).nextElementSibling!;
		expect(allowed).toHaveTextContent('New Sales Invoice');
		expect(allowed).toHaveTextContent('Invoice what was shipped');
		expect(forbidden).toHaveTextContent('New Sales Order');
		expect(forbidden).toHaveTextContent('Ship an order');
		expect(banner).toHaveTextContent('Existing shipments not yet invoiced can be invoiced.');
	});

	it('says why: the reason by its description, the note and Blocked Until', () => {
		render(BlockedBanner, {
			customer: {
				no: 'C00040',
				blocked: 'Ship',
				privacyBlocked: false,
				blockReason: 'LATE',
				blockNote: 'Two invoices past due.',
				blockedUntil: '2030-01-15'
			},
			reasons: [{ code: 'LATE', description: 'Pays late' }]
		});
		const banner = screen.getByRole('note', { name: 'Customer C00040 is blocked with type Ship.' });
		const facts = within(banner).getAllByRole('definition');
		expect(facts.map((fact) => fact.textContent)).toEqual([
			'Pays late',
			'Two invoices past due.',
			'15 Jan 2030'
		]);
		expect(within(banner).getByText('What can I still do?')).toBeInTheDocument();
	});

	it('has its own title for Privacy Blocked and allows nothing', () => {
		render(BlockedBanner, { customer: { no: 'C00070', blocked: 'All', privacyBlocked: true } });
		const banner = screen.getByRole('note', { name: 'Customer C00070 is blocked for privacy.' });
		expect(within(banner).getByText('(none)')).toBeInTheDocument();
	});
});
