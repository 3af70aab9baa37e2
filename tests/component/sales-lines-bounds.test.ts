import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { updateLine } from '$lib/app/sales-lines';
import SalesLines from '$lib/ui/SalesLines.svelte';
import { givenCustomer, givenDocument, snapshotDatabase } from '../factories';

// The command is watched, to show the refusal comes before it is called.
vi.mock('$lib/app/sales-lines', async (importOriginal) => {
	const actual = await importOriginal<typeof import('$lib/app/sales-lines')>();
	return { ...actual, updateLine: vi.fn(actual.updateLine) };
});

async function renderDocument(lines: Array<[number, number]>) {
	const customer = await givenCustomer();
	const no = await givenDocument('Order', customer.no, lines);
	const header = (await db.salesHeaders.get(no))!;
	const rows = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
	render(SalesLines, { header, lines: rows });
	vi.mocked(updateLine).mockClear();
	return no;
}

async function type(label: string, text: string) {
	const input = screen.getByRole('textbox', { name: label });
	await fireEvent.input(input, { target: { value: text } });
	await fireEvent.change(input, { target: { value: text } });
	return input;
}

describe('SalesLines says the bounds before saving', () => {
	it('refuses a 14-digit quantity with the limit, keeps what was typed, and saves nothing', async () => {
		await renderDocument([[1, 42_900]]);
		const before = await snapshotDatabase();

		const input = await type('Quantity 1', '99999999999999');

		expect(await screen.findByRole('alert')).toHaveTextContent(
			'A quantity can be at most 999,999,999.'
		);
		expect(input).toHaveValue('99999999999999');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(updateLine).not.toHaveBeenCalled();
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('refuses a unit price past the limit', async () => {
		await renderDocument([[1, 100]]);
		const input = await type('Unit Price Excl. VAT 1', '1000000000');
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'An amount can be at most 999,999,999.99.'
		);
		expect(input).toHaveValue('1000000000');
		expect(updateLine).not.toHaveBeenCalled();
	});

	it('refuses a quantity that takes the document total past its limit', async () => {
		await renderDocument([[1, 90_000_000_000]]);
		const before = await snapshotDatabase();
		await type('Quantity 1', '100');
		expect(await screen.findByRole('alert')).toHaveTextContent(
			"A document's total incl. VAT can be at most 99,999,999,999.99."
		);
		expect(updateLine).not.toHaveBeenCalled();
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('saves the largest quantity when the document total stays within its bound', async () => {
		const no = await renderDocument([[1, 1]]);
		await type('Quantity 1', '999999999');
		await vi.waitFor(async () =>
			expect((await db.salesLines.where('documentNo').equals(no).first())?.quantity).toBe(
				999_999_999
			)
		);
		expect(screen.queryByRole('alert')).toBeNull();
	});
});
