import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ActionButton from '$lib/ui/ActionButton.svelte';
import { ACTIONS, decide } from '$lib/domain/policy';
import { blockOf, LEVELS } from '../factories';

const cases = ACTIONS.flatMap((action) => LEVELS.map((level) => ({ action, level })));

describe('ActionButton', () => {
	it.each(cases)('$action at "$level" matches decide()', ({ action, level }) => {
		const customer = { no: 'C00040', ...blockOf(level) };
		const decision = decide(customer, action);
		render(ActionButton, { action, customer, label: 'Do it', onclick: () => {} });

		const button = screen.getByRole('button', { name: 'Do it' });
		if (decision.allowed) {
			expect(button).toBeEnabled();
			expect(button).not.toHaveAttribute('aria-describedby');
		} else {
			expect(button).toBeDisabled();
			expect(button).toHaveAccessibleDescription(decision.message);
			expect(button).toHaveAttribute('title', decision.message);
		}
	});

	it('runs its command when allowed and clicked', async () => {
		const onclick = vi.fn();
		render(ActionButton, {
			action: 'invoice.create',
			customer: { no: 'C1', blocked: 'Ship', privacyBlocked: false },
			label: 'New Sales Invoice',
			onclick
		});
		await userEvent.click(screen.getByRole('button', { name: 'New Sales Invoice' }));
		expect(onclick).toHaveBeenCalledOnce();
	});

	it('is refused by a blocked bill-to customer', () => {
		render(ActionButton, {
			action: 'invoice.create',
			customer: { no: 'C1', blocked: '', privacyBlocked: false },
			billTo: { no: 'C2', blocked: 'Invoice', privacyBlocked: false },
			label: 'New Sales Invoice',
			onclick: () => {}
		});
		const button = screen.getByRole('button', { name: 'New Sales Invoice' });
		expect(button).toBeDisabled();
		expect(button).toHaveAccessibleDescription(
			'You cannot create this type of document when Customer C2 is blocked with type Invoice.'
		);
	});
});
