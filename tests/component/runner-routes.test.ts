import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import CustomerCard from '../../src/routes/customers/[no]/+page.svelte';
import DocumentPage from '../../src/routes/documents/[no]/+page.svelte';
import { givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({
	preloadCode: vi.fn(async () => {}),
	goto: vi.fn(async (_url: string) => {})
}));
vi.mock('$app/navigation', () => navigation);
const state = vi.hoisted(() => ({ page: { params: { no: '' } } }));
vi.mock('$app/state', () => state);

function deferred() {
	let resolve!: () => void;
	const promise = new Promise<void>((ok) => (resolve = ok));
	return { promise, resolve };
}

describe('the customer card runs one action at a time', () => {
	it('New Sales Order clicked twice, then New Sales Quote, makes one document; a field typed meanwhile is saved after it', async () => {
		const customer = await givenCustomer({ name: 'Before' });
		state.page.params.no = customer.no;
		// The action lasts until the new document's page is open.
		const opening = deferred();
		navigation.goto.mockImplementationOnce(() => opening.promise);
		render(CustomerCard);
		const order = await screen.findByRole('button', { name: 'New Sales Order' });

		// A double click: the second click comes before the first one's render.
		void fireEvent.click(order);
		await fireEvent.click(order);
		await fireEvent.click(screen.getByRole('button', { name: 'New Sales Quote' }));
		await waitFor(() => expect(navigation.goto).toHaveBeenCalledOnce());
		expect(order).toBeDisabled();

		// The clerk renames the customer while the order is being opened: the save waits.
		const name = screen.getByLabelText('Name');
		await fireEvent.input(name, { target: { value: 'After' } });
		await fireEvent.change(name, { target: { value: 'After' } });
		expect((await db.customers.get(customer.no))?.name).toBe('Before');

		opening.resolve();
		await waitFor(async () => expect((await db.customers.get(customer.no))?.name).toBe('After'));
		expect(await db.salesHeaders.count()).toBe(1);
		expect((await db.salesHeaders.toArray())[0]?.documentType).toBe('Order');
	});
});

describe('the document page posts only what its clerk sees', () => {
	async function openOrder() {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [[10, 1000]]);
		state.page.params.no = no;
		render(DocumentPage);
		await screen.findByRole('textbox', { name: 'Quantity 1' });
		return no;
	}

	const ship = () => screen.getByRole('button', { name: 'Ship' });

	it('a line holding a refused quantity disables Ship with the reason, until it is corrected', async () => {
		await openOrder();
		const quantity = screen.getByRole('textbox', { name: 'Quantity 1' });
		await fireEvent.input(quantity, { target: { value: '99999999999999' } });
		await fireEvent.change(quantity, { target: { value: '99999999999999' } });

		await screen.findByText('A quantity can be at most 999,999,999.');
		await waitFor(() => expect(ship()).toBeDisabled());
		expect(ship()).toHaveAccessibleDescription('A line has a change that is not saved.');
		expect(quantity).toHaveValue('99999999999999');

		await fireEvent.input(quantity, { target: { value: '5' } });
		await fireEvent.change(quantity, { target: { value: '5' } });
		await waitFor(() => expect(ship()).toBeEnabled());
		expect(ship()).not.toHaveAccessibleDescription();
	});

	it('Ship clicked as the field is left, whose save the command refuses, ships nothing', async () => {
		const no = await openOrder();
		const itemNo = screen.getByRole('combobox', { name: 'No. 1' });

		// Leaving the field for the button: its change, then the click, before anything renders.
		void fireEvent.change(itemNo, { target: { value: 'NOPE' } });
		await fireEvent.click(ship());
		await fireEvent.click(screen.getByRole('button', { name: 'Yes' }));

		const posting = screen.getByRole('region', { name: 'Post' });
		expect(await within(posting).findByRole('alert')).toHaveTextContent(
			'A line has a change that is not saved.'
		);
		await screen.findByText('Item NOPE does not exist.');
		expect(await db.shipments.count()).toBe(0);
		const [line] = await db.salesLines.where('documentNo').equals(no).toArray();
		expect(line?.quantityShipped).toBe(0);
		expect(ship()).toBeDisabled();
	});
});
