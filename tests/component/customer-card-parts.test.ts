import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import CustomerCard from '../../src/routes/customers/[no]/+page.svelte';
import ItemsPage from '../../src/routes/items/+page.svelte';
import RefusalsPage from '../../src/routes/refusals/+page.svelte';
import { givenCustomer, givenItem } from '../factories';

const navigation = vi.hoisted(() => ({
	preloadCode: vi.fn(async () => {}),
	goto: vi.fn(async (_url: string) => {})
}));
vi.mock('$app/navigation', () => navigation);
const state = vi.hoisted(() => ({
	page: { params: { no: '' }, url: new URL('http://localhost/') }
}));
vi.mock('$app/state', () => state);

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((ok) => (resolve = ok));
	return { promise, resolve };
}

describe('the customer card parts share the card', () => {
	it('Privacy Blocked ticked while New Sales Order opens is saved after it, in the one runner', async () => {
		const customer = await givenCustomer();
		state.page.params.no = customer.no;
		const opening = deferred();
		navigation.goto.mockImplementationOnce(() => opening.promise);
		render(CustomerCard);
		await fireEvent.click(await screen.findByRole('button', { name: 'New Sales Order' }));
		await waitFor(() => expect(navigation.goto).toHaveBeenCalledOnce());

		await fireEvent.click(screen.getByRole('checkbox', { name: 'Privacy Blocked' }));
		expect((await db.customers.get(customer.no))?.privacyBlocked).toBe(false);

		opening.resolve();
		await waitFor(async () =>
			expect((await db.customers.get(customer.no))?.privacyBlocked).toBe(true)
		);
	});

	it("the card and the Refused Attempts page show the same attempt, the card only its customer's", async () => {
		const refused = await givenCustomer();
		const other = await givenCustomer();
		await db.refusedAttempts.bulkAdd([
			{
				id: 'a1',
				at: '2025-03-01T10:00:00.000Z',
				action: 'order.create',
				customerNo: refused.no,
				documentNo: '',
				message: `Customer ${refused.no} is blocked with type All.`
			},
			{
				id: 'a2',
				at: '2025-03-02T10:00:00.000Z',
				action: 'order.create',
				customerNo: other.no,
				documentNo: '',
				message: `Customer ${other.no} is blocked with type All.`
			}
		]);

		state.page.params.no = refused.no;
		const card = render(CustomerCard);
		const section = await screen.findByRole('region', { name: 'Refused Attempts' });
		expect(within(section).getAllByRole('listitem')).toHaveLength(1);
		expect(section).toHaveTextContent(
			`New Sales Order : Customer ${refused.no} is blocked with type All.`
		);
		card.unmount();

		render(RefusalsPage);
		const rows = await screen.findAllByRole('row');
		// The header and both attempts, newest first, each naming its customer with a link.
		expect(rows).toHaveLength(3);
		expect(within(rows[1]!).getByRole('link', { name: other.no })).toBeInTheDocument();
		expect(within(rows[2]!).getByRole('link', { name: refused.no })).toBeInTheDocument();
		expect(rows[2]).toHaveTextContent('New Sales Order');
	});

	it('a card without refused attempts has no Refused Attempts section; the page says none', async () => {
		const customer = await givenCustomer();
		state.page.params.no = customer.no;
		const card = render(CustomerCard);
		await screen.findByRole('region', { name: 'Block history' });
		expect(screen.queryByRole('region', { name: 'Refused Attempts' })).toBeNull();
		card.unmount();

		render(RefusalsPage);
		await screen.findByText('No attempt has been refused.');
		expect(screen.queryByRole('table')).toBeNull();
	});
});

describe('a paged list', () => {
	it('says it is loading, then shows a page of rows and Show more reads the next page', async () => {
		for (let index = 0; index < 101; index++) {
			await givenItem({ no: `PL${String(index).padStart(3, '0')}` });
		}
		render(ItemsPage);
		expect(screen.getByRole('status')).toHaveTextContent('Loading…');
		const table = await screen.findByRole('table', { name: 'Items' });
		// 100 rows and the header.
		expect(within(table).getAllByRole('row')).toHaveLength(101);

		await fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
		await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(102));
		expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
	});

	it('says there is nothing yet, or that nothing matches the filter', async () => {
		render(ItemsPage);
		await screen.findByText('There are no items yet.');
		await fireEvent.input(screen.getByRole('searchbox', { name: 'Search by No. or Description' }), {
			target: { value: 'zz' }
		});
		await screen.findByText('No item matches your search.');
	});
});
