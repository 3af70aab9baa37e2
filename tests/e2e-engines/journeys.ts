// The journeys, written once against the page API (engine.ts) and run in Firefox and WebKit.
// Captions, labels and amounts are those of the Chromium journeys in tests/e2e/.
import { expect } from 'vitest';
import type { Engine, Page, Target } from './engine';
import { startServer } from './server';

const blockedMessage = (kind: 'create' | 'post', customerNo: string, level: string) =>
	`You cannot ${kind} this type of document when Customer ${customerNo} is blocked with type ${level}.`;

/** Sets Blocked on an open customer card as a clerk does: the block dialog asks for a reason. */
export async function chooseBlocked(page: Page, level: string, reason = 'OVERDUE'): Promise<void> {
	await page.select('Blocked', level);
	if (level === '') return;
	const dialog = { role: 'dialog', name: /^Block customer / } as const;
	await page.waitFor(dialog);
	await page.select('Block Reason', reason);
	await page.click({ role: 'button', name: 'Confirm' });
	await page.waitForGone(dialog);
}

/** A new document from the customer card; returns its No. */
export async function newDocument(page: Page, customerNo: string, action: string) {
	await page.goto(`/customers/${customerNo}`);
	await page.click({ role: 'button', name: action });
	const path = await page.waitForPath(/\/documents\/[^/]+$/);
	await page.waitForSelector('main h1');
	return path.split('/').pop()!;
}

export async function addItemLine(page: Page, row: number, itemNo: string, quantity: string) {
	await page.click({ role: 'button', name: 'Add line' });
	await page.fill(`No. ${row}`, itemNo);
	await expect.poll(() => page.value(`Description ${row}`)).not.toBe('');
	await page.fill(`Quantity ${row}`, quantity);
	await expect.poll(() => page.value(`Quantity ${row}`)).toBe(quantity);
}

function total(page: Page, which: 'excl' | 'vat' | 'incl') {
	return page.evaluate(
		(key: string) => document.querySelector(`[data-total="${key}"]`)?.textContent?.trim() ?? null,
		which
	);
}

const posted = { role: 'status', text: 'was posted.' } as const;

/**
 * Posts the open sales document: the posting button, then Yes in the question "Do you want to
 * post the order?" (the posting pressed is the one chosen).
 */
export async function postDocument(page: Page, button: string): Promise<void> {
	await page.click({ role: 'button', name: button });
	const dialog = { role: 'alertdialog', name: /^Do you want to post the / } as const;
	await page.waitFor(dialog);
	await page.click({ role: 'button', name: 'Yes' });
	await page.waitForGone(dialog);
}

/**
 * Blocking across two tabs: one tab shows the customer card, the other writes an order and then
 * blocks the customer Ship. The first tab's New Sales Order turns disabled with the reason, live;
 * the order cannot be posted Ship any more.
 */
export async function blockingAcrossTwoTabs(engine: Engine): Promise<void> {
	const card = await engine.open('/customers/C00010');
	const newOrder = { role: 'button', name: 'New Sales Order' } as const;
	await expect.poll(() => card.disabled(newOrder)).toBe(false);

	const clerk = await engine.open('/customers');
	const order = await newDocument(clerk, 'C00010', 'New Sales Order');
	await addItemLine(clerk, 1, 'I1020', '2');
	await expect.poll(() => clerk.value('Qty. to Ship 1')).toBe('2');
	expect(await clerk.disabled({ role: 'button', name: 'Ship' })).toBe(false);

	await clerk.goto('/customers/C00010');
	await chooseBlocked(clerk, 'Ship');
	await clerk.waitFor({ role: 'note', name: 'Customer C00010 is blocked with type Ship.' });

	// The other tab follows without a reload.
	await card.waitFor({ role: 'note', name: 'Customer C00010 is blocked with type Ship.' });
	await expect.poll(() => card.disabled(newOrder)).toBe(true);
	expect(await card.attribute(newOrder, 'title')).toBe(blockedMessage('create', 'C00010', 'Ship'));
	expect(await card.disabled({ role: 'button', name: 'New Sales Invoice' })).toBe(false);

	// The order written before the block cannot be shipped.
	await clerk.goto(`/documents/${order}`);
	const ship = { role: 'button', name: 'Ship' } as const;
	await expect.poll(() => clerk.disabled(ship)).toBe(true);
	expect(await clerk.attribute(ship, 'title')).toBe(blockedMessage('post', 'C00010', 'Ship'));
	expect(await clerk.disabled({ role: 'button', name: 'Ship and Invoice' })).toBe(true);
}

/** A sales order with two lines, its totals, and the order in the list. */
export async function salesOrderWithLines(engine: Engine): Promise<void> {
	const page = await engine.open('/customers');
	const order = await newDocument(page, 'C00010', 'New Sales Order');
	// Desk 429.00 × 2 = 858.00 (VAT 21 %: 180.18); coffee 18.50 × 3 = 55.50 (VAT 6 %: 3.33)
	await addItemLine(page, 1, 'I1020', '2');
	await addItemLine(page, 2, 'I1030', '3');
	await expect.poll(() => total(page, 'excl')).toBe('913.50');
	expect(await total(page, 'vat')).toBe('183.51');
	expect(await total(page, 'incl')).toBe('1,097.01');

	await page.goto('/sales/orders');
	expect(await page.text({ role: 'row', text: order })).toContain('1,097.01');
}

/** Ships 4 of 10 desks, then ships and invoices the rest; the posted invoice shows its total. */
export async function postShipAndInvoice(engine: Engine): Promise<void> {
	const page = await engine.open('/customers');
	const order = await newDocument(page, 'C00020', 'New Sales Order');
	await addItemLine(page, 1, 'I1020', '10');
	await expect.poll(() => page.value('Qty. to Ship 1')).toBe('10');
	await page.fill('Qty. to Ship 1', '4');
	await expect.poll(() => page.value('Qty. to Ship 1')).toBe('4');
	await postDocument(page, 'Ship');
	await page.waitFor(posted);
	await expect.poll(() => page.value('Qty. to Ship 1')).toBe('6');

	// Ship and Invoice takes the other 6 and invoices all 10 (4,290.00 + 21 % VAT); the fully
	// posted order is gone and the posted invoice opens.
	await postDocument(page, 'Ship and Invoice');
	const invoice = { role: 'heading', name: /^Posted Sales Invoice PSI-/ } as const;
	await page.waitFor(invoice);
	const invoiceNo = (await page.text(invoice)).split(' ').pop()!;
	// The printed document may be formatted in the customer's language: compare the digits.
	expect((await total(page, 'incl'))?.replace(/\D/g, '')).toBe('519090');

	await page.goto('/posted/invoices');
	expect(await page.text({ role: 'row', text: invoiceNo })).toContain('C00020');
	await page.goto('/sales/orders');
	// The list has drawn (the demo's own open order is in it) without the posted order.
	await page.waitFor({ role: 'link', name: 'SO-1003' });
	expect(await page.visible({ role: 'link', name: order })).toBe(false);
}

/** Posts a sales invoice of I1040 (29.95 + 21 % VAT each); returns the posted No. */
export async function postInvoice(page: Page, customerNo: string, quantity: string) {
	await newDocument(page, customerNo, 'New Sales Invoice');
	await addItemLine(page, 1, 'I1040', quantity);
	await expect.poll(() => total(page, 'excl')).toBe(((2995 * Number(quantity)) / 100).toFixed(2));
	await postDocument(page, 'Post');
	await page.waitFor({ role: 'heading', name: /^Posted Sales Invoice PSI-/ });
	return (await page.text({ role: 'heading', name: /^Posted Sales Invoice PSI-/ }))
		.split(' ')
		.pop()!;
}

/** The ledger's cells, by column, of the row that holds `documentNo`. */
async function ledgerCells(page: Page, documentNo: string): Promise<string[]> {
	await page.waitFor({ role: 'row', text: documentNo });
	return page.evaluate((no: string) => {
		const row = Array.from(document.querySelectorAll('tbody tr')).find((candidate) =>
			candidate.textContent?.includes(no)
		);
		return row
			? Array.from(row.querySelectorAll('td')).map((cell) => cell.textContent!.trim())
			: [];
	}, documentNo);
}

/** A payment in the cash receipt journal, applied to an invoice and posted, closes the invoice. */
export async function paymentAppliedToInvoice(engine: Engine): Promise<void> {
	const page = await engine.open('/customers');
	const invoice = await postInvoice(page, 'C00010', '2');

	await page.goto('/ledger?customer=C00010');
	// Columns: 0 Entry No., 7 Remaining Amount, 9 Open.
	expect((await ledgerCells(page, invoice))[7]).toBe('72.48');

	await page.goto('/cash-receipt-journal');
	await page.click({ role: 'button', name: 'New line' });
	await page.fill('Customer No. 1', 'C00010');
	await page.fill('Amount 1', '72.48');
	await page.fill('Applies-to Doc. No. 1', invoice);
	await expect.poll(() => page.value('Applies-to Doc. No. 1')).toBe(invoice);
	await page.click({ role: 'button', name: 'Post' });
	await page.waitFor({ role: 'status', text: '1 line posted.' });

	await page.goto('/ledger?customer=C00010');
	const cells = await ledgerCells(page, invoice);
	expect(cells[7]).toBe('0.00');
	expect(cells[9]).toBe('');
}

/**
 * After one visit the app starts with its server stopped: the service worker serves the app
 * shell, and the data is in IndexedDB. Deep links work too.
 */
export async function offlineAfterOneVisit(engine: Engine): Promise<void> {
	const server = await startServer();
	try {
		const page = await engine.open(`${server.url}/customers`);
		await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
		// A new worker waits for the user before taking over open pages; the next load is controlled.
		await page.goto('/customers');
		await expect
			.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null))
			.toBe(true);

		await server.stop();
		await page.goto('/customers');
		await page.fill('Search by No. or Name', 'gent');
		await page.waitForGone({ role: 'link', name: 'C00020' });
		await page.click({ role: 'link', name: 'C00010' });
		await page.waitFor({ role: 'heading', name: /Customer Card · C00010/ });

		const other = await engine.open(`${server.url}/customers/C00040`);
		await other.waitFor({ role: 'note', name: 'Customer C00040 is blocked with type Ship.' });
	} finally {
		await server.stop();
	}
}

/** How much wider than the window the page is, at this width (0 when it fits). */
export async function overflow(
	page: Page,
	path: string,
	width: number,
	ready?: Target
): Promise<number> {
	await page.setViewport(width, 844);
	// Already there: the same page is measured again at the new width (no reload).
	const opened = (await page.path()) !== path;
	if (opened) await page.goto(path);
	if (ready) await page.waitFor(ready);
	// Two frames: the new width is laid out; after opening the page, a pause too, for its data.
	await page.evaluate(
		(pause) =>
			new Promise((resolve) =>
				requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, pause)))
			),
		opened ? 300 : 0
	);
	return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
