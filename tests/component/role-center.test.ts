import { describe, expect, it, vi } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import { liveQuery } from 'dexie';
import { setWorkDate } from '$lib/app/settings';
import { setupI18n } from '$lib/i18n';
import RoleCenter from '../../src/routes/+page.svelte';
import { blockOf, givenCustomer, givenDocument, givenInvoiceEntry } from '../factories';

// One test makes the overdue figures fail to read; the others read them from the database.
const failing = vi.hoisted(() => ({ overdue: false }));
vi.mock('$lib/app/role-center-queries', async (importActual) => {
	const actual = await importActual<typeof import('$lib/app/role-center-queries')>();
	return {
		...actual,
		overdueCuesQuery: () =>
			failing.overdue
				? liveQuery(() => Promise.reject(new Error('The disk is unreadable.')))
				: actual.overdueCuesQuery()
	};
});

/** A cue by its link's name (jsdom computes names slowly: a generous wait). */
function findCue(name: string) {
	return screen.findByRole('link', { name }, { timeout: 8000 });
}

async function givenCompany() {
	await setWorkDate({ workDate: '2026-03-01' });
	await givenCustomer(blockOf('Ship'));
	await givenCustomer(blockOf('Ship'));
	await givenCustomer(blockOf('Privacy'));
	const customer = await givenCustomer();
	await givenDocument('Order', customer.no, [[2, 1000]]);
	await givenDocument('Quote', customer.no);
	await givenInvoiceEntry(customer.no, 12_345, '2026-02-01');
	await givenInvoiceEntry(customer.no, 500, '2026-03-05');
}

describe('the Role Center page', () => {
	it('shows each cue as a link named by caption and figure, to its filtered list', async () => {
		await givenCompany();
		render(RoleCenter);
		const cue = findCue;

		expect(await cue('Blocked: Ship 2')).toHaveAttribute('href', '/customers?blocked=Ship');
		expect(await cue('Blocked: Invoice 0')).toHaveAttribute('href', '/customers?blocked=Invoice');
		expect(await cue('Blocked: All 1')).toHaveAttribute('href', '/customers?blocked=All');
		expect(await cue('Sales Quotes - Open 1')).toHaveAttribute('href', '/sales/quotes?status=Open');
		expect(await cue('Sales Orders to Ship 1')).toHaveAttribute('href', '/sales/orders?cue=toShip');
		expect(await cue('Shipped Not Invoiced 0')).toHaveAttribute(
			'href',
			'/sales/orders?cue=shippedNotInvoiced'
		);
		expect(await cue('Overdue Amount 123.45')).toHaveAttribute('href', '/ledger?overdue=1');
		expect(await cue('Overdue Customers 1')).toHaveAttribute('href', '/ledger?overdue=1');
		expect(await cue('Reminders to Issue 0')).toHaveAttribute('href', '/reminders?status=Open');
		expect((await cue('Refused Attempts Today 0')).getAttribute('href')).toMatch(
			/^\/refusals\?date=\d{4}-\d{2}-\d{2}$/
		);
		expect(await cue('Exercises Practise blocking step by step')).toHaveAttribute(
			'href',
			'/exercises'
		);
		// The cues are lists of links, a list per group.
		const sales = screen.getByRole('region', { name: 'Sales' });
		expect(within(sales).getAllByRole('listitem')).toHaveLength(3);
		// The aged receivables, loaded after the cues.
		expect(await screen.findByRole('cell', { name: '123.45' })).toBeInTheDocument();
	});

	it('speaks Dutch with Business Central’s Dutch captions', async () => {
		await givenCompany();
		await setupI18n('nl');
		try {
			render(RoleCenter);
			expect(await findCue('Geblokkeerd: Verzending 2')).toBeVisible();
			expect(await findCue('Te verzenden verkooporders 1')).toBeVisible();
			expect(await findCue('Achterstallig bedrag 123,45')).toBeVisible();
		} finally {
			await setupI18n('en');
		}
	});

	it('says so when a part cannot be read, and keeps the other cues', async () => {
		await givenCompany();
		failing.overdue = true;
		try {
			render(RoleCenter);
			expect(await screen.findByRole('alert')).toHaveTextContent(
				'This part of the Role Center could not be read: '
			);
			expect(screen.getByRole('alert')).toHaveTextContent('The disk is unreadable.');
			expect(await findCue('Blocked: Ship 2')).toBeVisible();
		} finally {
			failing.overdue = false;
		}
	});
});
