import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import CustomerPicker from '$lib/ui/CustomerPicker.svelte';
import { decide } from '$lib/domain/policy';
import { givenCustomer, blockOf, LEVELS } from '../factories';

describe('CustomerPicker', () => {
	it('greys out exactly the customers the policy refuses for the action', async () => {
		const customers = await Promise.all(
			LEVELS.map((level, index) =>
				givenCustomer({ no: `P0${index}`, name: `Level ${index}`, ...blockOf(level) })
			)
		);
		const onselect = vi.fn();
		render(CustomerPicker, {
			label: 'Bill-to Customer',
			value: '',
			action: 'invoice.create',
			onselect
		});

		await userEvent.click(screen.getByRole('combobox', { name: 'Bill-to Customer' }));
		await userEvent.keyboard('{ArrowDown}');
		const options = await screen.findAllByRole('option');
		expect(options).toHaveLength(customers.length);
		for (const customer of customers) {
			const option = options.find((o) => o.textContent?.includes(customer.no))!;
			const refused = !decide(customer, 'invoice.create').allowed;
			expect(option.getAttribute('aria-disabled') === 'true').toBe(refused);
		}
	});

	it('greys out a sell-to whose bill-to is refused, but not in a bill-to picker', async () => {
		await givenCustomer({ no: 'P30', name: 'Payer', blocked: 'Invoice' });
		await givenCustomer({ no: 'P31', name: 'Shop', billToCustomerNo: 'P30' });
		const props = {
			label: 'Customer',
			value: '',
			action: 'invoice.create' as const,
			onselect: vi.fn()
		};

		const sellTo = render(CustomerPicker, props);
		await userEvent.type(screen.getByRole('combobox'), 'P31');
		const option = await screen.findByRole('option', { name: /P31/ });
		expect(option).toHaveAttribute('aria-disabled', 'true');
		expect(option).toHaveTextContent('Customer P30 is blocked with type Invoice');
		sellTo.unmount();

		render(CustomerPicker, { ...props, checkBillTo: false });
		await userEvent.type(screen.getByRole('combobox'), 'P31');
		expect(await screen.findByRole('option', { name: /P31/ })).not.toHaveAttribute('aria-disabled');
	});

	it('refuses a greyed-out customer and says why', async () => {
		await givenCustomer({ no: 'P10', name: 'Blocked One', blocked: 'Invoice' });
		const onselect = vi.fn();
		render(CustomerPicker, { label: 'Customer', value: '', action: 'invoice.create', onselect });

		await userEvent.type(screen.getByRole('combobox', { name: 'Customer' }), 'P10');
		await userEvent.click(await screen.findByRole('option', { name: /P10/ }));

		expect(onselect).not.toHaveBeenCalled();
		expect(screen.getByRole('alert')).toHaveTextContent(
			'You cannot create this type of document when Customer P10 is blocked with type Invoice.'
		);
	});

	it('chooses a customer with the keyboard', async () => {
		await givenCustomer({ no: 'P20', name: 'Gent Trading' });
		const onselect = vi.fn();
		render(CustomerPicker, { label: 'Customer', value: '', onselect });

		await userEvent.type(screen.getByRole('combobox', { name: 'Customer' }), 'gent');
		await screen.findByRole('option', { name: /Gent Trading/ });
		await userEvent.keyboard('{ArrowDown}{Enter}');

		expect(onselect).toHaveBeenCalledWith('P20');
	});
});
