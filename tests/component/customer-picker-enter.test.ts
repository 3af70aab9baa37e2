import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CustomerPicker from '$lib/ui/CustomerPicker.svelte';
import { givenCustomer } from '../factories';

function renderPicker(props: { emptyLabel?: string } = {}) {
	const onselect = vi.fn();
	render(CustomerPicker, { label: 'Customer', value: '', onselect, ...props });
	return { onselect, input: screen.getByRole('combobox', { name: 'Customer' }) };
}

describe('CustomerPicker: Enter on typed text', () => {
	it('picks the one customer that matches, even when Enter comes before the list', async () => {
		await givenCustomer({ no: 'E10', name: 'Gent Trading NV' });
		await givenCustomer({ no: 'E20', name: 'Brugse Bakkerij' });
		const { onselect } = renderPicker();

		await userEvent.type(screen.getByRole('combobox', { name: 'Customer' }), 'Gent{Enter}');

		expect(onselect).toHaveBeenCalledTimes(1);
		expect(onselect).toHaveBeenCalledWith('E10');
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('picks the one match after the list has shown it', async () => {
		await givenCustomer({ no: 'E11', name: 'Gent Trading NV' });
		const { onselect, input } = renderPicker();

		await userEvent.type(input, 'gent');
		await screen.findByRole('option', { name: /Gent Trading/ });
		await userEvent.keyboard('{Enter}');

		expect(onselect).toHaveBeenCalledWith('E11');
	});

	it('with several matches does not guess: says why, keeps the text and shows the list', async () => {
		await givenCustomer({ no: 'E12', name: 'Gent Trading NV' });
		await givenCustomer({ no: 'E13', name: 'Gent Bakery' });
		const { onselect, input } = renderPicker();

		await userEvent.type(input, 'Gent{Enter}');

		expect(onselect).not.toHaveBeenCalled();
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Several customers match "Gent". Choose one from the list.'
		);
		expect(input).toHaveValue('Gent');
		expect(screen.getAllByRole('option')).toHaveLength(2);

		// The user then chooses with the keyboard.
		const first = screen.getAllByRole('option')[0]!.textContent!.match(/E1[23]/)![0];
		await userEvent.keyboard('{ArrowDown}{Enter}');
		expect(onselect).toHaveBeenCalledWith(first);
	});

	it('with no match says so and keeps the text; never passes on a No. that does not exist', async () => {
		await givenCustomer({ no: 'E14', name: 'Gent Trading NV' });
		const { onselect, input } = renderPicker();

		await userEvent.type(input, 'Gant{Enter}');

		expect(onselect).not.toHaveBeenCalled();
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'No customer matches "Gant". Type another No. or name.'
		);
		expect(input).toHaveValue('Gant');

		// Leaving the field does not pass it on either.
		await userEvent.tab();
		await new Promise((resolve) => setTimeout(resolve, 250));
		expect(onselect).not.toHaveBeenCalled();
		expect(input).toHaveValue('Gant');
	});

	it('an exact No. wins over other matches', async () => {
		await givenCustomer({ no: 'E15', name: 'First' });
		await givenCustomer({ no: 'E150', name: 'Second' });
		const { onselect, input } = renderPicker();

		await userEvent.type(input, 'e15{Enter}');

		expect(onselect).toHaveBeenCalledWith('E15');
	});
});
