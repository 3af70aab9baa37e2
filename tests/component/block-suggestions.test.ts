import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { moveWorkDate } from '$lib/app/work-date';
import BlockSuggestions from '$lib/ui/BlockSuggestions.svelte';
import { givenCustomer, givenInvoiceEntry } from '../factories';

describe('BlockSuggestions', () => {
	it('runs the rules as a dry run with the figures, then blocks the chosen ones as one batch that can be undone', async () => {
		await moveWorkDate({ workDate: '2026-03-10' });
		const late = await givenCustomer({ name: 'Late Payer', creditLimitCents: 10000 });
		await givenInvoiceEntry(late.no, 25000, '2026-02-01');
		const fine = await givenCustomer({ name: 'Fine Payer' });
		await givenInvoiceEntry(fine.no, 25000, '2026-03-20');
		render(BlockSuggestions);

		await fireEvent.input(await screen.findByLabelText('Overdue amount at least'), {
			target: { value: '250.00' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Find customers (dry run)' }));

		await screen.findByText('1 customer meets the rules. Nothing has been changed yet.');
		const row = screen.getByRole('row', { name: /Late Payer/ });
		expect(row).toHaveTextContent('250.00');
		expect(row).toHaveTextContent('37');
		expect(row).toHaveTextContent('overdue amount');
		expect(screen.queryByRole('row', { name: /Fine Payer/ })).toBeNull();
		expect((await db.customers.get(late.no))?.blocked).toBe('');

		await fireEvent.click(
			screen.getByRole('button', { name: 'Block 1 chosen customer (reason OVERDUE)' })
		);
		await screen.findByText('1 customer changed.');
		expect(await db.customers.get(late.no)).toMatchObject({
			blocked: 'Ship',
			blockReason: 'OVERDUE'
		});
		await screen.findByText('No customer meets the rules.');

		await fireEvent.click(screen.getByRole('button', { name: 'Undo batch' }));
		await screen.findByText('1 customer restored.');
		expect((await db.customers.get(late.no))?.blocked).toBe('');
	});

	it('asks for a rule before it runs, and refuses a negative number of days', async () => {
		render(BlockSuggestions);
		await screen.findByLabelText('Overdue amount at least');
		await fireEvent.click(screen.getByRole('button', { name: 'Find customers (dry run)' }));
		expect(screen.getByRole('alert')).toHaveTextContent('Set at least one rule.');
		await fireEvent.input(screen.getByLabelText('Oldest overdue at least (days)'), {
			target: { value: '-3' }
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Find customers (dry run)' }));
		expect(within(screen.getByRole('alert')).getByText(/whole number/)).toBeInTheDocument();
	});
});
