import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { axeViolations, chooseBlocked, postDocument, useBrowser } from './browser';

const e2e = useBrowser();

function isoInDays(days: number): string {
	const date = new Date();
	date.setDate(date.getDate() + days);
	return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

const panelOf = (page: Page) => page.getByRole('complementary', { name: 'Exercise' });

/** Starts the exercise from the Exercises page (Yes to the reset) and returns its panel. */
async function start(page: Page, title: string): Promise<Locator> {
	await page.goto('/exercises');
	await page.getByRole('region', { name: title }).getByRole('button', { name: 'Start' }).click();
	await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
	await page.getByRole('status').filter({ hasText: 'is running' }).waitFor();
	const panel = panelOf(page);
	await panel.getByRole('heading', { name: title }).waitFor();
	return panel;
}

/** Waits until the panel shows step `number` (1-based) as Done: recorded, so a navigation next loses nothing. */
async function done(panel: Locator, number: number): Promise<void> {
	await panel
		.getByRole('listitem')
		.nth(number - 1)
		.getByText('Done', { exact: true })
		.waitFor();
}

/** The panel's hint says `text`, and step `number` is not done. */
async function hinted(panel: Locator, text: RegExp, number: number): Promise<void> {
	await expect.poll(() => panel.getByRole('status').textContent()).toMatch(text);
	expect(
		await panel
			.getByRole('listitem')
			.nth(number - 1)
			.textContent()
	).not.toContain('Done');
}

async function completed(panel: Locator): Promise<void> {
	await panel.getByRole('status').filter({ hasText: 'Completed' }).waitFor();
}

async function card(page: Page, no: string): Promise<void> {
	await page.goto(`/customers/${no}`);
	await page.getByRole('heading', { name: new RegExp(`Customer Card · ${no}`) }).waitFor();
}

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

async function pay(page: Page, customerNo: string, amount: string, documentNo: string) {
	await page.goto('/cash-receipt-journal');
	await page.getByRole('button', { name: 'New line' }).click();
	await fill(page, 'Customer No. 1', customerNo);
	await fill(page, 'Amount 1', amount);
	await fill(page, 'Applies-to Doc. No. 1', documentNo);
	await page.getByRole('button', { name: 'Post', exact: true }).click();
	await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();
}

async function createRun(page: Page, path: string, customerNos: string): Promise<void> {
	await page.goto(path);
	await page.getByLabel('Customer Nos. (blank for all)').fill(customerNos);
	await page.getByRole('button', { name: 'Create', exact: true }).click();
	await page
		.getByRole('status')
		.filter({ hasText: / created\.$/ })
		.waitFor();
}

async function issueReminderOf(page: Page, customerNo: string): Promise<void> {
	await page.goto('/reminders');
	await page
		.locator('tbody tr', { hasText: customerNo })
		.filter({ hasText: 'Open' })
		.getByRole('link')
		.first()
		.click();
	await page.getByRole('button', { name: 'Issue', exact: true }).click();
	await page
		.getByRole('status')
		.filter({ hasText: /^Issued as IR-/ })
		.waitFor();
}

describe('exercises', () => {
	it('every exercise is solved through the UI; wrong attempts show their hint and do not complete', async () => {
		const page = await e2e.open('/exercises');
		expect(await page.getByRole('button', { name: 'Start' }).count()).toBeGreaterThanOrEqual(10);

		// 1. Block Ship and see what is still allowed.
		let panel = await start(page, 'Block Ship and see what is still allowed');
		await panel.getByRole('link', { name: 'Go to the page' }).click();
		await page.getByRole('heading', { name: /Customer Card · C00030/ }).waitFor();
		await chooseBlocked(page, 'All', { reason: 'INSOLVENCY' });
		await hinted(panel, /All also refuses payments; Ship only stops new orders and shipments/, 1);
		await chooseBlocked(page, 'Ship');
		await done(panel, 1);
		expect(
			await page.getByRole('button', { name: 'New Sales Order', exact: true }).isDisabled()
		).toBe(true);
		await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
		await page.waitForURL(/\/documents\//);
		await done(panel, 2);
		await pay(page, 'C00030', '1038.18', 'PSI-1015');
		await completed(panel);

		// 2. Invoice the shipment of a Ship-blocked customer.
		panel = await start(page, 'Invoice the shipment of a Ship-blocked customer');
		await card(page, 'C00130');
		await chooseBlocked(page, 'Invoice', { reason: 'DISPUTE' });
		await hinted(panel, /Invoice also stops new invoices/, 1);
		await chooseBlocked(page, 'Ship');
		await done(panel, 1);
		await page.goto('/documents/SO-1001');
		await postDocument(page, 'Invoice');
		await completed(panel);

		// 3. Invoice and lines shipped but not invoiced.
		panel = await start(page, 'Invoice and lines shipped but not invoiced');
		await card(page, 'C00150');
		await chooseBlocked(page, 'Ship');
		await hinted(panel, /Ship still lets you invoice what was shipped/, 1);
		await chooseBlocked(page, 'Invoice', { reason: 'DISPUTE' });
		await done(panel, 1);
		await page.getByRole('button', { name: 'New Sales Credit Memo', exact: true }).click();
		await page.waitForURL(/\/documents\//);
		await done(panel, 2);
		await hinted(panel, /set Blocked of C00150 to blank first/, 3);
		await card(page, 'C00150');
		await chooseBlocked(page, '');
		await page.goto('/documents/SO-1002');
		await postDocument(page, 'Invoice');
		await completed(panel);

		// 4. All and a payment.
		panel = await start(page, 'All and a payment');
		await card(page, 'C00080');
		await chooseBlocked(page, 'All', { reason: 'INSOLVENCY' });
		await done(panel, 1);
		await chooseBlocked(page, '');
		await hinted(panel, /Blank lifts the block altogether/, 2);
		await chooseBlocked(page, 'Invoice', { reason: 'INSOLVENCY' });
		await done(panel, 2);
		await pay(page, 'C00080', '809.35', 'PSI-1007');
		await completed(panel);

		// 5. Privacy Blocked.
		panel = await start(page, 'Privacy Blocked');
		await card(page, 'C00140');
		await chooseBlocked(page, 'All', { reason: 'OTHER' });
		await hinted(panel, /Blocked All is not Privacy Blocked/, 1);
		await page.getByLabel('Privacy Blocked').check();
		await done(panel, 1);
		await card(page, 'C00070');
		await page.getByLabel('Blocked', { exact: true }).selectOption('Ship');
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		const dialog = page.getByRole('dialog', { name: /^Block customer / });
		await dialog.getByLabel('Block Reason').selectOption('OTHER');
		await dialog.getByRole('button', { name: 'Confirm' }).click();
		await completed(panel);

		// 6. An entry on hold and Create Reminders.
		panel = await start(page, 'An entry on hold and Create Reminders');
		await page.goto('/ledger?customer=C00120');
		const hold = page.locator('tbody tr', { hasText: 'PSI-1011' }).getByRole('textbox');
		await hold.fill('DSP');
		await hold.press('Tab');
		await done(panel, 1);
		await createRun(page, '/reminders', 'C00120');
		await done(panel, 2);
		await issueReminderOf(page, 'C00120');
		await completed(panel);

		// 7. A blocked bill-to customer.
		panel = await start(page, 'A blocked bill-to customer');
		await card(page, 'C00090');
		await chooseBlocked(page, 'Ship');
		await done(panel, 1);
		await page.goto('/documents/SO-1003');
		expect(await page.getByRole('button', { name: 'Ship', exact: true }).isDisabled()).toBe(true);
		const billTo = page.getByRole('combobox', { name: 'Bill-to Customer' });
		await billTo.fill('C00100');
		await page.getByRole('option', { name: /C00100/ }).click();
		await done(panel, 2);
		await postDocument(page, 'Ship');
		await completed(panel);

		// 8. Blocked Until and the work date.
		panel = await start(page, 'Blocked Until and the work date');
		await card(page, 'C00020');
		await chooseBlocked(page, 'Invoice', { reason: 'CREDIT REVIEW' });
		await hinted(panel, /without a Blocked Until date after the work date/, 1);
		await fill(page, 'Blocked Until', isoInDays(7));
		await done(panel, 1);
		await page.goto('/settings');
		await fill(page, 'Work Date', isoInDays(3));
		await hinted(panel, /still before Blocked Until/, 2);
		await page.getByLabel('Work Date', { exact: true }).fill(isoInDays(8));
		await page.getByLabel('Work Date', { exact: true }).press('Tab');
		await page
			.getByRole('alertdialog')
			.getByRole('button', { name: /^(Yes|OK)$/ })
			.click();
		await completed(panel);

		// 9. Bulk-block the overdue customers and undo the batch.
		panel = await start(page, 'Bulk-block the overdue customers and undo the batch');
		await page.goto('/settings');
		const suggestions = page.locator('section', {
			has: page.getByRole('heading', { name: 'Block suggestions' })
		});
		await suggestions.getByLabel('Oldest overdue at least (days)').fill('30');
		await suggestions.getByRole('button', { name: 'Find customers (dry run)' }).click();
		await suggestions.getByRole('button', { name: /^Block 2 chosen customers/ }).click();
		await done(panel, 1);
		await suggestions.getByRole('button', { name: 'Undo batch' }).click();
		await completed(panel);

		// 10. Reminders and finance charge memos with blocked customers in the run.
		panel = await start(
			page,
			'Reminders and finance charge memos with blocked customers in the run'
		);
		await card(page, 'C00080');
		await chooseBlocked(page, 'All', { reason: 'INSOLVENCY' });
		await card(page, 'C00110');
		await chooseBlocked(page, 'Invoice', { reason: 'CREDIT REVIEW' });
		await done(panel, 1);
		await createRun(page, '/reminders', '');
		expect((await page.locator('.skipped').textContent())?.replace(/\s+/g, ' ')).toContain(
			'C00080: You cannot create this type of document when Customer C00080 is blocked with type All.'
		);
		await done(panel, 2);
		await issueReminderOf(page, 'C00110');
		await done(panel, 3);
		await createRun(page, '/finance-charge-memos', '');
		await completed(panel);

		// The trainer's summary counts all ten, and the file to hand in says so.
		await page.goto('/exercises');
		await page.getByText('10 of 10 exercises completed.').waitFor();
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export progress' }).click()
		]);
		const file = JSON.parse(await readDownload(download));
		expect(file.completed).toBe(10);
		// It names the company (and the user, once one is set in Settings).
		expect(file.company).toBe('Holdfast Demo BV');
		expect(await axeViolations(page)).toEqual([]);
	}, 180_000);

	it('teaching tips open on a first visit, are dismissed for good, and open again on request; in Dutch too', async () => {
		const page = await e2e.open('/customers');
		const tip = page.getByRole('region', { name: 'About this page' });
		await tip.getByText(/Everyone you sell to/).waitFor();
		await tip.getByRole('button', { name: 'Dismiss' }).click();
		await tip.waitFor({ state: 'detached' });
		await page.reload();
		await page.locator('main h1').waitFor();
		const about = page.getByRole('button', { name: 'About this page' });
		await about.waitFor();
		expect(await tip.count()).toBe(0);
		await about.click();
		await tip.getByText(/Everyone you sell to/).waitFor();

		await page.getByRole('banner').getByLabel('Language').selectOption('nl');
		await page
			.getByRole('region', { name: 'Over deze pagina' })
			.getByText(/Iedereen aan wie u verkoopt/)
			.waitFor();
		// A page not dismissed yet shows its own tip.
		await page.goto('/ledger');
		await page
			.getByRole('region', { name: 'Over deze pagina' })
			.getByText(/op afwachten/)
			.waitFor();
	});

	// How fast is the bench's resetDemoMs (speed is measured there, not by a timed test).
	it('the demo company resets with its history and says how long it took', async () => {
		const page = await e2e.open('/settings');
		await page.getByRole('button', { name: 'Reset demo data' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		const done = page.getByText(/The demo company is ready\. \(\d+ ms\)/);
		await done.waitFor();
		await page.goto('/ledger?customer=C00120');
		await page.locator('tbody tr', { hasText: 'PSI-1004' }).waitFor();
	});
});

async function readDownload(download: { path(): Promise<string | null> }): Promise<string> {
	const { readFile } = await import('node:fs/promises');
	return readFile((await download.path())!, 'utf8');
}
