// Firefox ESR: the journeys of tests/e2e/ that matter most, in a second engine.
import { describe, expect, it } from 'vitest';
import type { Target } from './engine';
import { useFirefox } from './firefox';
import {
	blockingAcrossTwoTabs,
	offlineAfterOneVisit,
	overflow,
	paymentAppliedToInvoice,
	postShipAndInvoice,
	salesOrderWithLines
} from './journeys';

const engine = useFirefox();

describe('Firefox', () => {
	it('a Ship block in one tab disables New Sales Order in the other, and the order cannot ship', async () => {
		await blockingAcrossTwoTabs(engine);
	});

	it('a sales order with two lines shows its totals and is in the list', async () => {
		await salesOrderWithLines(engine);
	});

	it('ships part of an order, then ships and invoices the rest; the posted invoice shows it', async () => {
		await postShipAndInvoice(engine);
	});

	it('a payment in the cash receipt journal applied to an invoice closes it', async () => {
		await paymentAppliedToInvoice(engine);
	});

	it('after one visit, starts with the server stopped, with its data, deep links too', async () => {
		await offlineAfterOneVisit(engine);
	});
});

describe('Firefox layout', () => {
	// Issue 15: no page is wider than the window; wide tables scroll in their own box. Measured in
	// Firefox before it, at 390 px: items 395, sales orders 593, reminder terms 743, settings 533.
	// (tests/e2e/fit.test.ts measures every route in Chromium, with documents on them.)
	const pages: Array<[string, Target | undefined]> = [
		['/', undefined],
		['/customers', { role: 'link', name: 'C00010' }],
		['/items', { role: 'link', name: 'I1010' }],
		['/items/I1010', { label: 'Description' }],
		['/sales/orders', undefined],
		['/posted/invoices', undefined],
		['/ledger', undefined],
		['/cash-receipt-journal', undefined],
		['/reminders', { label: 'Customer Nos. (blank for all)' }],
		['/finance-charge-memos', { label: 'Customer Nos. (blank for all)' }],
		['/aged-receivables', undefined],
		['/terms', undefined],
		['/policy', undefined],
		['/refusals', undefined],
		['/company', { label: 'IBAN' }],
		['/settings', { label: 'Work Date' }]
	];

	it('no page is wider than the window at 390, 768 and 1280 px', async () => {
		const page = await engine.open('/');
		const wider: string[] = [];
		for (const [path, ready] of pages) {
			for (const width of [390, 768, 1280]) {
				// The page's data is in once it is ready at the first width; then only the width changes.
				const excess = await overflow(page, path, width, width === 390 ? ready : undefined);
				if (excess > 0) wider.push(`${path} at ${width} px: ${excess} px too wide`);
			}
		}
		expect(wider).toEqual([]);
	});
});
