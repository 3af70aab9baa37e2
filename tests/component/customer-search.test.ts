import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import type { CustomerListFilter } from '$lib/app/customer-queries';
import { db } from '$lib/db/db';
import CustomerList from '../../src/routes/customers/+page.svelte';
import { givenCustomer } from '../factories';

vi.mock('$app/navigation', () => ({
	afterNavigate: vi.fn(),
	goto: vi.fn(async () => {}),
	preloadCode: vi.fn()
}));
vi.mock('$app/state', () => ({ page: { url: new URL('http://localhost/customers') } }));

/** Reads of a search held back until the test lets them go, to make an older search slower. */
const held = vi.hoisted(() => new Map<string, { release: () => void; done: Promise<void> }>());

function hold(term: string) {
	let release!: () => void;
	const done = new Promise<void>((resolve) => (release = resolve));
	held.set(term, { release, done });
	return release;
}

// The list's search as the app makes it, with each read waiting for its term's release.
vi.mock('$lib/app/customer-queries', async (importOriginal) => {
	const real = await importOriginal<typeof import('$lib/app/customer-queries')>();
	return {
		...real,
		customerSearch: ({ onerror }: { onerror: (error: unknown) => void }) =>
			real.customerSearch({
				onerror,
				read: async (filter: CustomerListFilter) => {
					await held.get(filter.search)?.done;
					return real.findCustomers(filter);
				}
			})
	};
});

const count = () => screen.getByText(/customers? shown$/).textContent;

describe('the customer list as a user types', () => {
	it('shows the latest search: a slower earlier search never replaces its rows', async () => {
		await givenCustomer({ name: 'Alpha Trading' });
		await givenCustomer({ name: 'Albert Bakery' });
		await givenCustomer({ name: 'Anders Meubelen' });
		await givenCustomer({ name: 'Zeebrugge Shipping' });
		render(CustomerList);
		await waitFor(() => expect(count()).toBe('4 customers shown'));
		const search = screen.getByLabelText('Search by No. or Name');

		const releaseA = hold('a');
		await fireEvent.input(search, { target: { value: 'a' } });
		await fireEvent.input(search, { target: { value: 'al' } });
		await waitFor(() => expect(screen.getByRole('table')).toHaveAttribute('data-search', 'al'));
		expect(count()).toBe('2 customers shown');

		// The answer to "a" comes last: the list stays on "al".
		releaseA();
		await held.get('a')!.done;
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(screen.getByRole('table')).toHaveAttribute('data-search', 'al');
		expect(count()).toBe('2 customers shown');
	});

	it('reads the search again when a customer changes, without a new keystroke', async () => {
		await givenCustomer({ name: 'Alpha Trading' });
		render(CustomerList);
		await fireEvent.input(screen.getByLabelText('Search by No. or Name'), {
			target: { value: 'alp' }
		});
		await waitFor(() => expect(count()).toBe('1 customer shown'));

		await givenCustomer({ no: 'T99999', name: 'Alpine Sports' });
		await waitFor(() => expect(count()).toBe('2 customers shown'));
		await db.customers.delete('T99999');
		await waitFor(() => expect(count()).toBe('1 customer shown'));
	});
});
