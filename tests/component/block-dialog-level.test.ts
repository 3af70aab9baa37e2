import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
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

describe('BlockDialog level choice', () => {
	it('offers the level chosen, lets the user change it, and the title and impact follow', async () => {
		const customer = await givenCustomer();
		const order = await givenDocument('Order', customer.no, [[1, 1000]]);
		render(BlockDialog, {
			customer,
			level: 'Ship',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm: vi.fn(async () => {}),
			oncancel: vi.fn()
		});
		const row = () =>
			within(screen.getByRole('dialog')).findByText((_, element) =>
				Boolean(element?.matches('li') && element.textContent?.includes(order))
			);
		const level = screen.getByLabelText('Block Type');
		expect(level).toHaveValue('Ship');
		expect(await row()).not.toHaveTextContent('Invoice what was shipped');

		await fireEvent.change(level, { target: { value: 'All' } });
		screen.getByRole('dialog', { name: `Block customer ${customer.no} with type All` });
		await vi.waitFor(async () => {
			expect(await row()).toHaveTextContent('Invoice what was shipped');
		});
	});

	it('offers no level that would clear Privacy Blocked unless that was confirmed', async () => {
		const customer = await givenCustomer({
			blocked: 'All',
			privacyBlocked: true,
			blockReason: 'OTHER'
		});
		render(BlockDialog, {
			customer,
			level: 'All',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm: vi.fn(async () => {}),
			oncancel: vi.fn()
		});
		const level = screen.getByLabelText('Block Type');
		expect(within(level).getByRole('option', { name: 'Ship' })).toBeDisabled();
		expect(within(level).getByRole('option', { name: 'All' })).not.toBeDisabled();
	});
});
