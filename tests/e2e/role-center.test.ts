import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser } from './browser';

const e2e = useBrowser();

/** Fills the open company through Settings' generator, as a trainer does. */
async function generate(page: Page, size: Record<string, number>) {
	await page.goto('/settings');
	for (const [label, value] of Object.entries(size)) {
		await page.getByLabel(label, { exact: true }).fill(String(value));
	}
	await page.getByRole('button', { name: 'Generate' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
	await page.getByText(/^Generated in \d+ ms\.$/).waitFor({ timeout: 60_000 });
}

/**
 * Changes the generated company straight in IndexedDB so that every cue has something to count:
 * orders shipped in part or in full, quotes open and released, reminders created and issued,
 * refused attempts today and yesterday.
 */
function seed(): Promise<void> {
	return new Promise((done, fail) => {
		const opening = indexedDB.open('holdfast');
		opening.onerror = () => fail(opening.error);
		opening.onsuccess = () => {
			const idb = opening.result;
			const names = ['salesHeaders', 'salesLines', 'reminders', 'refusedAttempts'];
			const tx = idb.transaction(names, 'readwrite');
			tx.oncomplete = () => {
				idb.close();
				done();
			};
			tx.onerror = () => fail(tx.error);
			const store = (name: string) => tx.objectStore(name);
			const getAll = (name: string) =>
				new Promise<Record<string, unknown>[]>((resolve) => {
					const request = store(name).getAll();
					request.onsuccess = () => resolve(request.result);
				});
			void Promise.all([getAll('salesHeaders'), getAll('salesLines')]).then(([headers, lines]) => {
				const orders = headers.filter((h) => h.documentType === 'Order');
				const linesOf = (no: unknown) => lines.filter((line) => line.documentNo === no);
				// The first order shipped in full, the second one line shipped, the third one line
				// shipped and invoiced.
				for (const line of linesOf(orders[0]!.no)) {
					store('salesLines').put({ ...line, quantityShipped: line.quantity, qtyToShip: 0 });
				}
				const [second] = linesOf(orders[1]!.no);
				store('salesLines').put({ ...second, quantityShipped: second!.quantity, qtyToShip: 0 });
				const [third] = linesOf(orders[2]!.no);
				store('salesLines').put({
					...third,
					quantityShipped: third!.quantity,
					quantityInvoiced: third!.quantity,
					qtyToShip: 0,
					qtyToInvoice: 0
				});
				for (const [no, status] of [
					['SQ-T1', 'Open'],
					['SQ-T2', 'Open'],
					['SQ-T3', 'Released']
				]) {
					store('salesHeaders').put({ ...orders[3], no, documentType: 'Quote', status });
				}
				const customerNo = orders[0]!.sellToCustomerNo;
				const reminder = {
					customerNo,
					customerName: orders[0]!.sellToName,
					documentDate: '2026-01-01',
					dueDate: '2026-01-08',
					reminderTermsCode: '',
					level: 1,
					feeCents: 0,
					text: '',
					lines: []
				};
				store('reminders').put({ ...reminder, no: 'R-T1', status: 'Open', issuedNo: '' });
				store('reminders').put({ ...reminder, no: 'R-T2', status: 'Open', issuedNo: '' });
				store('reminders').put({ ...reminder, no: 'R-T3', status: 'Issued', issuedNo: 'IR-T1' });
				const midnight = new Date();
				midnight.setHours(0, 0, 0, 0);
				const attempt = {
					action: 'order.create',
					customerNo: 'C00040',
					documentNo: '',
					code: 'blocked',
					blocked: 'Ship',
					verb: 'create',
					message: 'You cannot create this type of document when Customer C00040 is blocked.'
				};
				const at = (ms: number) => new Date(ms).toISOString();
				store('refusedAttempts').put({ ...attempt, id: 'T1', at: at(Date.now()) });
				store('refusedAttempts').put({ ...attempt, id: 'T2', at: at(midnight.getTime() + 1) });
				store('refusedAttempts').put({ ...attempt, id: 'T3', at: at(midnight.getTime() - 1) });
			});
		};
	});
}

/** What every cue should say, computed from the whole tables, apart from the app's code. */
function expected(): Promise<{
	cues: Record<string, number>;
	overdueEntries: number;
	notDue: number;
}> {
	return new Promise((done, fail) => {
		const opening = indexedDB.open('holdfast');
		opening.onerror = () => fail(opening.error);
		opening.onsuccess = async () => {
			const idb = opening.result;
			const names = [
				'customers',
				'salesHeaders',
				'salesLines',
				'custLedgerEntries',
				'reminders',
				'refusedAttempts',
				'settings'
			];
			const tx = idb.transaction(names, 'readonly');
			const all = (name: string) =>
				new Promise<Record<string, unknown>[]>((resolve) => {
					const request = tx.objectStore(name).getAll();
					request.onsuccess = () => resolve(request.result);
				});
			const [customers, headers, lines, entries, reminders, attempts, settings] = await Promise.all(
				names.map(all)
			);
			idb.close();
			const day = (date: Date) =>
				new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
			const workDate =
				(settings!.find((s) => s.key === 'workDate')?.value as string | undefined) ||
				day(new Date());
			const orders = new Set(headers!.filter((h) => h.documentType === 'Order').map((h) => h.no));
			const orderLines = lines!.filter((l) => orders.has(l.documentNo) && l.type === 'Item');
			type Quantities = Record<'quantity' | 'quantityShipped' | 'quantityInvoiced', number>;
			const orderCount = (counts: (line: Quantities) => boolean) =>
				new Set(
					orderLines.filter((l) => counts(l as unknown as Quantities)).map((l) => l.documentNo)
				).size;
			const due = new Map<unknown, number>();
			let overdueEntries = 0;
			let notDue = 0;
			for (const entry of entries!) {
				if (entry.open === 1 && (entry.dueDate as string) >= workDate)
					notDue += entry.remainingAmountCents as number;
				if (entry.open === 1 && (entry.dueDate as string) < workDate) {
					overdueEntries += 1;
					due.set(
						entry.customerNo,
						(due.get(entry.customerNo) ?? 0) + (entry.remainingAmountCents as number)
					);
				}
			}
			const today = day(new Date());
			const cues = {
				'Sales Quotes - Open': headers!.filter(
					(h) => h.documentType === 'Quote' && h.status === 'Open'
				).length,
				'Sales Orders to Ship': orderCount((l) => l.quantity > l.quantityShipped),
				'Shipped Not Invoiced': orderCount((l) => l.quantityShipped > l.quantityInvoiced),
				'Overdue Amount': [...due.values()].reduce((sum, cents) => sum + cents, 0),
				'Overdue Customers': [...due.values()].filter((cents) => cents > 0).length,
				'Reminders to Issue': reminders!.filter((r) => r.status === 'Open').length,
				'Blocked: Ship': customers!.filter((c) => c.blocked === 'Ship').length,
				'Blocked: Invoice': customers!.filter((c) => c.blocked === 'Invoice').length,
				'Blocked: All': customers!.filter((c) => c.blocked === 'All').length,
				'Refused Attempts Today': attempts!.filter((a) => day(new Date(a.at as string)) === today)
					.length
			};
			done({ cues, overdueEntries, notDue });
		};
	});
}

const money = (cents: number) =>
	new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
		cents / 100
	);

/** The figure a cue shows, found by its link's name ("caption figure"). */
async function cueFigure(page: Page, caption: string): Promise<string> {
	const cue = page.getByRole('link', { name: new RegExp(`^${caption} [-\\d.,]+$`) });
	await cue.waitFor();
	return (await cue.getAttribute('data-value')) ?? '';
}

/** The rows of the page's list (the header row not counted, nor a virtual list's spacers). */
async function rowsOf(page: Page): Promise<number> {
	const rows = page.locator('main').getByRole('table').getByRole('row');
	await rows.nth(1).waitFor();
	return (await rows.count()) - 1;
}

/** A list's filter (a select's name also says the chosen option: "Status Open"). */
function filter(page: Page, caption: string) {
	return page.getByRole('search').getByRole('combobox', { name: new RegExp(`^${caption}\\b`) });
}

async function openCue(page: Page, caption: string, figure: number | string) {
	await page.goto('/');
	await page.getByRole('link', { name: `${caption} ${figure}`, exact: true }).click();
}

describe('Role Center', () => {
	it('shows cues that match the company, each opening its list filtered', async () => {
		const page = await e2e.open('/');
		await generate(page, {
			Customers: 40,
			'Sales orders': 12,
			'Lines per order': 2,
			'Ledger entries': 90
		});
		await page.evaluate(seed);
		const { cues: want, overdueEntries, notDue } = await page.evaluate(expected);
		// Something to count on every cue (else the comparison proves little).
		for (const [caption, figure] of Object.entries(want))
			expect(figure, caption).toBeGreaterThan(0);

		await page.goto('/');
		for (const [caption, figure] of Object.entries(want)) {
			const shown = caption === 'Overdue Amount' ? money(figure) : String(figure);
			expect(await cueFigure(page, caption), caption).toBe(shown);
		}
		await page.getByRole('heading', { name: 'Aged Receivables' }).waitFor();
		// Not Due: the open entries due on or after the work date.
		await expect
			.poll(() => page.locator('main [data-bucket="notDue"]').textContent())
			.toBe(money(notDue));
		const exercises = page.locator('main').getByRole('link', { name: /^Exercises / });
		expect(await exercises.getAttribute('href')).toBe('/exercises');
		expect(await axeViolations(page)).toEqual([]);

		// Each cue opens its list, filtered as it counts.
		await openCue(page, 'Sales Orders to Ship', want['Sales Orders to Ship']!);
		await page.waitForURL(/\/sales\/orders\?cue=toShip$/);
		expect(await filter(page, 'Show').inputValue()).toBe('toShip');
		expect(await rowsOf(page)).toBe(want['Sales Orders to Ship']);

		await openCue(page, 'Shipped Not Invoiced', want['Shipped Not Invoiced']!);
		await page.waitForURL(/cue=shippedNotInvoiced$/);
		expect(await rowsOf(page)).toBe(want['Shipped Not Invoiced']);

		await openCue(page, 'Sales Quotes - Open', want['Sales Quotes - Open']!);
		await page.waitForURL(/\/sales\/quotes\?status=Open$/);
		expect(await filter(page, 'Status').inputValue()).toBe('Open');
		expect(await rowsOf(page)).toBe(want['Sales Quotes - Open']);

		await openCue(page, 'Blocked: Ship', want['Blocked: Ship']!);
		await page.waitForURL(/\/customers\?blocked=Ship$/);
		expect(await filter(page, 'Blocked').inputValue()).toBe('Ship');
		await expect.poll(() => rowsOf(page)).toBe(want['Blocked: Ship']);
		// The nav's Customers, from the filtered list, lists every customer again.
		const nav = page.getByRole('navigation', { name: 'Main' });
		await nav.getByRole('link', { name: 'Customers', exact: true }).click();
		await page.waitForURL(/\/customers$/);
		await expect.poll(() => filter(page, 'Blocked').inputValue()).toBe('any');
		await expect.poll(() => rowsOf(page)).toBeGreaterThan(want['Blocked: Ship']!);

		await openCue(page, 'Overdue Amount', money(want['Overdue Amount']!));
		await page.waitForURL(/\/ledger\?overdue=1$/);
		expect(await page.getByLabel('Overdue only').isChecked()).toBe(true);
		expect(await rowsOf(page)).toBe(overdueEntries);
		await nav.getByRole('link', { name: 'Customer Ledger Entries', exact: true }).click();
		await page.waitForURL(/\/ledger$/);
		await expect.poll(() => page.getByLabel('Overdue only').isChecked()).toBe(false);
		await expect.poll(() => rowsOf(page)).toBeGreaterThan(overdueEntries);

		await openCue(page, 'Reminders to Issue', want['Reminders to Issue']!);
		await page.getByRole('heading', { name: 'Reminders to Issue', level: 1 }).waitFor();
		expect(await rowsOf(page)).toBe(want['Reminders to Issue']);

		await openCue(page, 'Refused Attempts Today', want['Refused Attempts Today']!);
		await page.waitForURL(/\/refusals\?date=\d{4}-\d{2}-\d{2}$/);
		const attempts = page.getByRole('list', { name: 'Refused Attempts' }).getByRole('listitem');
		await attempts.first().waitFor();
		expect(await attempts.count()).toBe(want['Refused Attempts Today']);

		// In Dutch, Business Central's Dutch captions.
		await page.evaluate(() => localStorage.setItem('holdfast.language', 'nl'));
		await page.goto('/');
		expect(await cueFigure(page, 'Te verzenden verkooporders')).toBe(
			String(want['Sales Orders to Ship'])
		);
		expect(await cueFigure(page, 'Geblokkeerd: Verzending')).toBe(String(want['Blocked: Ship']));
	});
});
