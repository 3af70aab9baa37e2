import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import DocumentPage from '../../src/routes/documents/[no]/+page.svelte';
import { givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({
	preloadCode: vi.fn(async () => {}),
	goto: vi.fn(async (_url: string) => {})
}));
vi.mock('$app/navigation', () => navigation);
const state = vi.hoisted(() => ({ page: { params: { no: '' } } }));
vi.mock('$app/state', () => state);

async function openDocument(no: string) {
	state.page.params.no = no;
	navigation.goto.mockClear();
	render(DocumentPage);
	// The lines and the customer are read after the header.
	await screen.findByRole('textbox', { name: 'Quantity 1' });
	return screen.findByRole('region', { name: 'Actions' });
}

/** The document the last action opened, by the page it went to. */
async function opened() {
	await waitFor(() => expect(navigation.goto).toHaveBeenCalledOnce());
	const url = navigation.goto.mock.calls[0]?.[0] ?? '';
	const no = decodeURIComponent(url.split('/').pop() ?? '');
	const header = await db.salesHeaders.get(no);
	const lines = await db.salesLines.where('documentNo').equals(no).toArray();
	return { header, lines };
}

describe('the document page’s conversion panels', () => {
	it('Make Order on a blanket order keeps the typed Qty. to Order while the panel is closed and orders it', async () => {
		const customer = await givenCustomer();
		const blanketNo = await givenDocument('BlanketOrder', customer.no, [[10, 1000]]);
		const actions = await openDocument(blanketNo);
		const toggle = await within(actions).findByRole('button', { name: 'Make Order' });

		await fireEvent.click(toggle);
		let panel = screen.getByRole('region', { name: 'Make Order' });
		const quantity = within(panel).getByLabelText(/^Qty\. to Order/);
		expect(quantity).toHaveValue('10');
		await fireEvent.input(quantity, { target: { value: '4' } });

		await fireEvent.click(toggle);
		expect(screen.queryByRole('region', { name: 'Make Order' })).toBeNull();
		await fireEvent.click(toggle);
		panel = screen.getByRole('region', { name: 'Make Order' });
		expect(within(panel).getByLabelText(/^Qty\. to Order/)).toHaveValue('4');

		await fireEvent.click(within(panel).getByRole('button', { name: 'Make Order' }));
		const order = await opened();
		expect(order.header?.documentType).toBe('Order');
		expect(order.lines.map((line) => [line.quantity, line.blanketOrderNo])).toEqual([
			[4, blanketNo]
		]);
	});

	it('Copy Document without the header copies the lines to the customer chosen, of the type chosen', async () => {
		const from = await givenCustomer();
		const to = await givenCustomer();
		const orderNo = await givenDocument('Order', from.no, [[3, 500]]);
		const actions = await openDocument(orderNo);
		const toggle = within(actions).getByRole('button', { name: 'Copy Document' });

		await fireEvent.click(toggle);
		expect(toggle).toHaveAttribute('aria-expanded', 'true');
		let panel = await screen.findByRole('region', { name: 'Copy Document' });
		await fireEvent.change(within(panel).getByLabelText('Document Type'), {
			target: { value: 'Invoice' }
		});
		await fireEvent.click(within(panel).getByLabelText('Include Header'));
		const copy = () =>
			within(screen.getByRole('region', { name: 'Copy Document' })).getByRole('button', {
				name: 'Copy'
			});
		expect(copy()).toBeDisabled();

		// The choices stay while the panel is closed and opened again.
		await fireEvent.click(toggle);
		await fireEvent.click(toggle);
		panel = screen.getByRole('region', { name: 'Copy Document' });
		expect(within(panel).getByLabelText('Document Type')).toHaveValue('Invoice');
		expect(within(panel).getByLabelText('Include Header')).not.toBeChecked();

		const picker = within(panel).getByRole('combobox', { name: 'Customer' });
		await fireEvent.input(picker, { target: { value: to.no } });
		await fireEvent.keyDown(picker, { key: 'Enter' });
		await waitFor(() => expect(copy()).toBeEnabled());
		await fireEvent.click(copy());

		const invoice = await opened();
		expect(invoice.header?.documentType).toBe('Invoice');
		expect(invoice.header?.sellToCustomerNo).toBe(to.no);
		expect(invoice.lines.map((line) => line.quantity)).toEqual([3]);
		expect(await db.salesHeaders.get(orderNo)).toBeDefined();
	});
});
