import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { postSalesOrder } from '$lib/app/posting';
import { setLanguage } from '$lib/i18n';
import PostActions from '$lib/ui/PostActions.svelte';
import { postingNotices } from '$lib/ui/document/posting-outcome.svelte';
import { blockOf, givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({ preloadCode: vi.fn(async () => {}), goto: vi.fn() }));
vi.mock('$app/navigation', () => navigation);

afterEach(async () => {
	postingNotices.current = null;
	await setLanguage('en');
});

async function showPostActions(
	type: 'Order' | 'Invoice',
	prepare: (no: string) => Promise<unknown> = async () => {},
	level: 'Ship' | '' = ''
) {
	const customer = await givenCustomer();
	const no = await givenDocument(type, customer.no, [[10, 1000]]);
	await prepare(no);
	await db.customers.update(customer.no, blockOf(level));
	const header = (await db.salesHeaders.get(no))!;
	const lines = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
	const onremoved = vi.fn();
	render(PostActions, { header, lines, sellTo: { ...customer, ...blockOf(level) }, onremoved });
	return { no, onremoved };
}

function question(name: string) {
	return screen.getByRole('alertdialog', { name });
}

function radios(dialog: HTMLElement) {
	return within(dialog)
		.queryAllByRole<HTMLInputElement>('radio')
		.map((radio) => `${radio.parentElement!.textContent!.trim()}${radio.checked ? ' ✓' : ''}`);
}

describe('posting asks first, as Business Central does', () => {
	it('Ship asks "Do you want to post the order?" with the postings that apply, Ship chosen; No posts nothing', async () => {
		const { no } = await showPostActions('Order');
		await fireEvent.click(screen.getByRole('button', { name: 'Ship' }));

		// Nothing is shipped yet: Invoice alone would post nothing, so it is not offered.
		const dialog = question('Do you want to post the order?');
		expect(radios(dialog)).toEqual(['Ship ✓', 'Ship and Invoice']);
		expect(within(dialog).getByRole('radiogroup')).toHaveAccessibleName(
			'Do you want to post the order?'
		);
		expect(within(dialog).getByRole('radio', { name: 'Ship' })).toHaveFocus();
		await fireEvent.click(within(dialog).getByRole('button', { name: 'No' }));

		expect(screen.queryByRole('alertdialog')).toBeNull();
		// Nothing is posted: no shipment, the order as it was, no notice.
		expect(await db.shipments.count()).toBe(0);
		expect((await db.salesLines.where('documentNo').equals(no).first())?.quantityShipped).toBe(0);
		expect(postingNotices.current).toBeNull();
	});

	it('Yes posts the posting chosen in the dialog, and leaves a notice naming what was created', async () => {
		const { no, onremoved } = await showPostActions('Order');
		await fireEvent.click(screen.getByRole('button', { name: 'Ship' }));
		const dialog = question('Do you want to post the order?');
		await fireEvent.click(within(dialog).getByRole('radio', { name: 'Ship and Invoice' }));
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Yes' }));

		await waitFor(() => expect(onremoved).toHaveBeenCalledTimes(1));
		expect(await db.postedInvoices.count()).toBe(1);
		expect(postingNotices.current).toMatchObject({
			path: expect.stringMatching(/^\/posted\/invoices\/PSI-/),
			documentType: 'Order',
			documentNo: no,
			removed: true,
			documents: [
				{ kind: 'shipment', no: expect.stringMatching(/^PSS-/) },
				{ kind: 'invoice', no: expect.stringMatching(/^PSI-/) }
			]
		});
		// The outcome carries the posted invoice and its entry, for the page that opens next.
		const outcome = onremoved.mock.calls[0]![0];
		const stored = await db.postedInvoices.get(outcome.invoiceNo);
		expect(outcome.posted.header).toEqual(stored);
		expect(outcome.entry).toEqual(
			await db.custLedgerEntries.where('documentNo').equals(outcome.invoiceNo).first()
		);
	});

	it('offers only the postings that apply: a Ship-blocked customer is offered Invoice alone', async () => {
		await showPostActions(
			'Order',
			async (no) => {
				const line = (await db.salesLines.where('documentNo').equals(no).first())!;
				await db.salesLines.update(line.id, { qtyToShip: 4 });
				await postSalesOrder({ no, ship: true, invoice: false });
			},
			'Ship'
		);
		// 4 of 10 shipped: invoicing them is allowed, shipping the other 6 is not.
		await fireEvent.click(screen.getByRole('button', { name: 'Invoice' }));
		expect(radios(question('Do you want to post the order?'))).toEqual(['Invoice ✓']);
	});

	it('an invoice asks "Do you want to post the invoice?" with Yes and No only', async () => {
		const { onremoved } = await showPostActions('Invoice');
		await fireEvent.click(screen.getByRole('button', { name: 'Post' }));
		const dialog = question('Do you want to post the invoice?');
		expect(radios(dialog)).toEqual([]);
		expect(within(dialog).getByRole('button', { name: 'Yes' })).toHaveFocus();
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Yes' }));
		await waitFor(() => expect(onremoved).toHaveBeenCalledTimes(1));
		expect(await db.postedInvoices.count()).toBe(1);
	});

	it('asks in Dutch as Business Central does', async () => {
		await setLanguage('nl');
		await showPostActions('Order');
		await fireEvent.click(screen.getByRole('button', { name: 'Verzenden en factureren' }));
		const dialog = question('Wilt u de order boeken?');
		expect(radios(dialog)).toEqual(['Verzenden', 'Verzenden en factureren ✓']);
		expect(within(dialog).getByRole('button', { name: 'Ja' })).toBeInTheDocument();
	});
});
