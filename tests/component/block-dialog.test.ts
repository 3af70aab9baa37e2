import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import BlockDialog from '$lib/ui/BlockDialog.svelte';
import { givenCustomer, givenDocument } from '../factories';

beforeAll(() => {
	// jsdom has <dialog> but not its modal methods.
	HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
		this.open = false;
	};
});

describe('BlockDialog', () => {
	it('previews what the new level stops, asks for a reason, and confirms with the details', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[1, 1000]]);
		const onconfirm = vi.fn(async () => {});
		const oncancel = vi.fn();
		render(BlockDialog, {
			customer,
			level: 'Ship',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm,
			oncancel
		});

		const dialog = screen.getByRole('dialog', {
			name: `Block customer ${customer.no} with type Ship`
		});
		const row = await within(dialog).findByText((_, element) =>
			Boolean(element?.matches('li') && element.textContent?.includes(order))
		);
		expect(row).toHaveTextContent('Becomes impossible: Ship an order');
		expect(row).not.toHaveTextContent('Invoice what was shipped');

		await fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
		expect(within(dialog).getByRole('alert')).toHaveTextContent('Choose a reason for the block.');
		expect(onconfirm).not.toHaveBeenCalled();

		await fireEvent.change(within(dialog).getByLabelText('Block Reason'), {
			target: { value: 'DISPUTE' }
		});
		await fireEvent.input(within(dialog).getByLabelText('Block Note'), {
			target: { value: 'Delivery contested' }
		});
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
		expect(onconfirm).toHaveBeenCalledWith({
			reason: 'DISPUTE',
			note: 'Delivery contested',
			until: ''
		});
		expect(oncancel).not.toHaveBeenCalled();
		expect((await db.customers.get(customer.no))?.blocked).toBe('');
	});

	it('Cancel calls back and writes nothing', async () => {
		const customer = await givenCustomer();
		const onconfirm = vi.fn(async () => {});
		const oncancel = vi.fn();
		render(BlockDialog, {
			customer,
			level: 'All',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm,
			oncancel
		});
		await screen.findByText('The customer has no open documents, entries or reminders.');
		await fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
		expect(oncancel).toHaveBeenCalledOnce();
		expect(onconfirm).not.toHaveBeenCalled();
	});

	it('shows an error of the save in the dialog, which stays open', async () => {
		const customer = await givenCustomer({ blocked: 'Ship', blockReason: 'OVERDUE' });
		render(BlockDialog, {
			customer,
			level: 'All',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm: async () => {
				throw new Error('disk full');
			},
			oncancel: () => {}
		});
		const dialog = screen.getByRole('dialog');
		// Moving from one level to another keeps the reason already given.
		expect(within(dialog).getByLabelText('Block Reason')).toHaveValue('OVERDUE');
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Confirm' }));
		expect(await within(dialog).findByRole('alert')).toHaveTextContent('disk full');
		expect((dialog as HTMLDialogElement).open).toBe(true);
	});
});
