import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CustomerPicker from '$lib/ui/CustomerPicker.svelte';
import { givenCustomer } from '../factories';

describe('CustomerPicker refusal', () => {
	it('clears a refused choice once the text changes', async () => {
		await givenCustomer({ no: 'P70', name: 'Private One', privacyBlocked: true });
		const onselect = vi.fn();
		render(CustomerPicker, { label: 'Customer', value: '', action: 'invoice.create', onselect });
		const picker = screen.getByRole('combobox', { name: 'Customer' });

		await userEvent.type(picker, 'P70');
		await userEvent.click(await screen.findByRole('option', { name: /P70/ }));
		expect(screen.getByRole('alert')).toHaveTextContent(/P70/);

		await userEvent.clear(picker);
		await userEvent.type(picker, 'zzz');
		expect(screen.queryByText(/P70/)).toBeNull();
		expect(onselect).not.toHaveBeenCalled();
	});
});
