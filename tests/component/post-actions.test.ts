import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import PostActions from '$lib/ui/PostActions.svelte';
import { givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({ preloadCode: vi.fn(async () => {}), goto: vi.fn() }));
vi.mock('$app/navigation', () => navigation);

describe('PostActions', () => {
	it('fetches the posted pages ahead, posts Ship and Invoice, and marks the commit', async () => {
		const customer = await givenCustomer();
		const no = await givenDocument('Order', customer.no, [
			[2, 1000],
			[1, 500]
		]);
		const header = (await db.salesHeaders.get(no))!;
		const lines = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
		const onremoved = vi.fn();
		performance.clearMarks('holdfast:posted');
		render(PostActions, { header, lines, sellTo: customer, onremoved });

		expect(navigation.preloadCode).toHaveBeenCalledWith('/posted/invoices/-');
		expect(navigation.preloadCode).toHaveBeenCalledWith('/posted/credit-memos/-');
		expect(performance.getEntriesByName('holdfast:posted')).toHaveLength(0);

		await fireEvent.click(screen.getByRole('button', { name: 'Ship and Invoice' }));
		// Business Central asks first, the posting pressed chosen.
		const dialog = screen.getByRole('alertdialog', { name: 'Do you want to post the order?' });
		expect(within(dialog).getByRole('radio', { name: 'Ship and Invoice' })).toBeChecked();
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Yes' }));
		await waitFor(() => expect(onremoved).toHaveBeenCalledTimes(1));
		expect(onremoved.mock.calls[0]![0]).toMatchObject({
			removed: true,
			invoiceNo: expect.stringMatching(/^PSI-/)
		});
		expect(performance.getEntriesByName('holdfast:posted')).toHaveLength(1);
		expect(await db.salesHeaders.get(no)).toBeUndefined();
	});
});
