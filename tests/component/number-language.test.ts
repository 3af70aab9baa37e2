import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { setLanguage } from '$lib/i18n';
import SalesLines from '$lib/ui/SalesLines.svelte';
import { givenCustomer, givenDocument } from '../factories';

/* A number typed in a line field is read by the UI language (review finding 6). */

async function inLanguage(language: 'en' | 'nl') {
	await setLanguage(language);
}

afterEach(() => inLanguage('en'));

async function renderOrder() {
	const customer = await givenCustomer();
	const no = await givenDocument('Order', customer.no, [[1, 100]]);
	const header = (await db.salesHeaders.get(no))!;
	const lines = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
	render(SalesLines, { header, lines });
	return lines[0]!.id;
}

async function type(label: string, text: string) {
	const input = screen.getByRole('textbox', { name: label });
	await fireEvent.input(input, { target: { value: text } });
	await fireEvent.change(input, { target: { value: text } });
}

describe('line fields read numbers by the UI language', () => {
	it.each([
		['nl', 'Aantal 1', '1.234', 1234],
		['nl', 'Aantal 1', '1.5', 1.5],
		['nl', 'Aantal 1', '1,5', 1.5],
		['en', 'Quantity 1', '1,234', 1234],
		['en', 'Quantity 1', '1.234', 1.234]
	] as const)('%s %s %j is stored as %d', async (language, label, text, quantity) => {
		await inLanguage(language);
		const id = await renderOrder();
		await type(label, text);
		await vi.waitFor(async () => expect((await db.salesLines.get(id))?.quantity).toBe(quantity));
	});

	it('English price "1,234" is 1,234.00, not refused as three decimals', async () => {
		const id = await renderOrder();
		await type('Unit Price Excl. VAT 1', '1,234');
		await vi.waitFor(async () =>
			expect((await db.salesLines.get(id))?.unitPriceCents).toBe(123_400)
		);
		expect(screen.queryByRole('alert')).toBeNull();
	});

	it('an ambiguous number is refused with a message saying how to write it', async () => {
		const id = await renderOrder();
		await type('Quantity 1', '1.234,5');
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'This number can be read in two ways. Write it as 1,234.56 or 1234.56.'
		);
		expect((await db.salesLines.get(id))?.quantity).toBe(1);
	});

	it('a price too long to hold exactly states the limit', async () => {
		await renderOrder();
		await type('Unit Price Excl. VAT 1', '99999999999999999999');
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'An amount can be at most 999,999,999.99.'
		);
	});
});
