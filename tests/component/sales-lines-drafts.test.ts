import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import type { SalesLine } from '$lib/domain/sales-document';
import SalesLines from '$lib/ui/SalesLines.svelte';
import type { UnsavedLines } from '$lib/ui/sales-lines/line-drafts.svelte';
import { givenCustomer, givenDocument } from '../factories';

/** An order of 10 with Qty. to Ship 4, shown by SalesLines; `store` moves what is stored. */
async function renderOrder() {
	const customer = await givenCustomer();
	const no = await givenDocument('Order', customer.no, [[10, 100]]);
	const line = (await db.salesLines.where('documentNo').equals(no).first())!;
	await db.salesLines.update(line.id, { qtyToShip: 4 });
	const header = (await db.salesHeaders.get(no))!;
	const told: UnsavedLines[] = [];
	const lines = async () => db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
	const view = render(SalesLines, {
		header,
		lines: await lines(),
		onunsaved: (unsaved) => told.push(unsaved)
	});
	const input = screen.getByRole('textbox', { name: 'Qty. to Ship 1' }) as HTMLInputElement;
	/** What another window or a posting does: the stored line changes and the page shows it. */
	async function store(changes: Partial<SalesLine>) {
		await db.salesLines.update(line.id, changes);
		await view.rerender({ lines: await lines() });
	}
	return { line, input, told, store, lines };
}

/** Types as a clerk does: the field gets focus, then text; nothing leaves it yet. */
async function typeInto(input: HTMLInputElement, text: string) {
	input.focus();
	await fireEvent.input(input, { target: { value: text } });
}

describe('a line field shows what is stored once the clerk is not typing in it', () => {
	it('text typed again unchanged is dropped on leaving (no change event), so the field follows a later posting', async () => {
		const { input, told, store } = await renderOrder();
		await typeInto(input, '4');
		input.blur(); // the text is what it was on entering: the browser fires no change

		await store({ qtyToShip: 6, quantityShipped: 4 }); // the posting resets Qty. to Ship
		expect(input).toHaveValue('6');
		expect(told.at(-1)).toBe('none');
	});

	it('keeps the text while the clerk types in it, and saves it on leaving though no change fired', async () => {
		const { line, input, store } = await renderOrder();
		await typeInto(input, '4');
		await store({ qtyToShip: 6 }); // moved under the clerk's typing
		expect(input).toHaveValue('4');

		input.blur();
		await vi.waitFor(async () => expect((await db.salesLines.get(line.id))?.qtyToShip).toBe(4));
	});

	it('tells the page a line is not saved while a typed text differs from the stored value', async () => {
		const { input, told, store } = await renderOrder();
		// Text arrives without the field being entered (an input event only): nothing saves it.
		await fireEvent.input(input, { target: { value: '5' } });
		expect(told.at(-1)).toBe('refused');

		// The stored value comes to say the same: nothing is unsaved any more.
		await store({ qtyToShip: 5 });
		expect(told.at(-1)).toBe('none');
		expect(input).toHaveValue('5');
	});

	it('follows the stored value when it moves under a text that was not saved and is not being typed', async () => {
		const { input, told, store } = await renderOrder();
		await fireEvent.input(input, { target: { value: '5' } });
		await store({ qtyToShip: 6 });
		expect(input).toHaveValue('6');
		expect(told.at(-1)).toBe('none');
	});

	it('keeps a refused text with its message when the stored value moves', async () => {
		const { input, told, store } = await renderOrder();
		await typeInto(input, 'abc');
		await fireEvent.change(input, { target: { value: 'abc' } });
		input.blur();
		expect(await screen.findByRole('alert')).toHaveTextContent('Enter a number.');
		await store({ qtyToShip: 6 });
		expect(input).toHaveValue('abc');
		expect(told.at(-1)).toBe('refused');
	});
});
