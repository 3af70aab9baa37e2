import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, useBrowser, chooseBlocked } from './browser';

const e2e = useBrowser();

const ACTIONS = [
	'New Sales Quote',
	'New Sales Order',
	'New Sales Invoice',
	'New Sales Credit Memo'
];

// Which of the card's four actions each level refuses (spec/blocking-policy.md).
const REFUSED: Record<string, string[]> = {
	'': [],
	Ship: ['New Sales Quote', 'New Sales Order'],
	Invoice: ['New Sales Quote', 'New Sales Order', 'New Sales Invoice'],
	All: ACTIONS
};

async function newCustomer(page: Page, name: string): Promise<string> {
	await page.goto('/customers');
	await page.getByRole('button', { name: 'New', exact: true }).first().click();
	await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
	const no = await page.getByLabel('No.', { exact: true }).inputValue();
	await page.getByLabel('Name', { exact: true }).fill(name);
	await page.getByLabel('Name', { exact: true }).press('Tab');
	await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(name);
	return no;
}

async function expectActions(page: Page, level: string, no: string) {
	for (const action of ACTIONS) {
		const button = page.getByRole('button', { name: action, exact: true });
		if (REFUSED[level]!.includes(action)) {
			await expect
				.poll(async () => {
					const reasonId = await button.getAttribute('aria-describedby');
					return reasonId ? page.locator(`[id="${reasonId}"]`).textContent() : '';
				})
				.toBe(
					`You cannot create this type of document when Customer ${no} is blocked with type ${level}.`
				);
			expect(await button.isDisabled()).toBe(true);
		} else {
			await expect.poll(() => button.isEnabled()).toBe(true);
		}
	}
}

describe('customer card', () => {
	it('creates a customer and greys out what each block level refuses, also after a reload', async () => {
		const page = await e2e.open('/customers');
		const no = await newCustomer(page, 'Zeebrugge Shipping');
		expect(no).toMatch(/^C\d{5}$/);

		for (const level of ['Ship', 'Invoice', 'All', '']) {
			await chooseBlocked(page, level);
			await expectActions(page, level, no);
			await page.reload();
			await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
			expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe(level);
			await expectActions(page, level, no);
		}
	});

	it('a second tab follows a change without a reload', async () => {
		const first = await e2e.open('/customers/C00010');
		const second = await e2e.open('/customers/C00010');
		await expectActions(second, '', 'C00010');

		await chooseBlocked(first, 'Invoice');

		await expectActions(second, 'Invoice', 'C00010');
		await second
			.getByRole('note', { name: 'Customer C00010 is blocked with type Invoice.' })
			.waitFor();
	});

	it('an allowed New Sales Order opens an order for that customer', async () => {
		const page = await e2e.open('/customers/C00020');
		await page.getByRole('button', { name: 'New Sales Order', exact: true }).click();
		await page.getByRole('heading', { name: /^Sales Order SO-\d+$/ }).waitFor();
		expect(await page.getByRole('combobox', { name: 'Sell-to Customer' }).inputValue()).toBe(
			'C00020'
		);
		expect(await page.locator('main').textContent()).toContain('Brugse Bakkerij BV');
		expect(page.url()).toMatch(/\/documents\/SO-\d+$/);
	});

	it('Privacy Blocked asks before Blocked is changed, and No keeps both', async () => {
		const page = await e2e.open('/customers/C00070');
		const privacy = page.getByLabel('Privacy Blocked');
		expect(await privacy.isChecked()).toBe(true);

		await page.getByLabel('Blocked', { exact: true }).selectOption('Ship');
		const dialog = page.getByRole('alertdialog');
		await dialog.getByRole('button', { name: 'No' }).click();
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');
		expect(await privacy.isChecked()).toBe(true);

		await page.getByLabel('Blocked', { exact: true }).selectOption('Ship');
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		// Then the new level asks for its reason like any other block.
		const block = page.getByRole('dialog', { name: 'Block customer C00070 with type Ship' });
		await block.getByLabel('Block Reason').selectOption('DISPUTE');
		await block.getByRole('button', { name: 'Confirm' }).click();
		await expect.poll(() => privacy.isChecked()).toBe(false);
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('Ship');
	});

	it('an invalid e-mail shows an inline error, is not saved, and the input is kept', async () => {
		const page = await e2e.open('/customers/C00010');
		const email = page.getByLabel('E-Mail', { exact: true });
		await email.fill('not an e-mail');
		await email.press('Tab');
		await page.getByRole('alert').filter({ hasText: 'Enter an e-mail address' }).waitFor();
		expect(await email.inputValue()).toBe('not an e-mail');
		await page.reload();
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		expect(await page.getByLabel('E-Mail', { exact: true }).inputValue()).toBe(
			'info@genttradingnv.example'
		);
	});

	it('searches the list as you type and filters by Blocked', async () => {
		const page = await e2e.open('/customers');
		await page.getByLabel('Search by No. or Name').fill('trad');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
		expect(await page.locator('tbody').textContent()).toContain('Gent Trading NV');

		await page.getByLabel('Search by No. or Name').fill('');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(15);
		await page.getByLabel('Blocked').selectOption('Ship');
		await expect.poll(() => page.locator('tbody tr').count()).toBe(1);
		expect(await page.locator('tbody').textContent()).toContain('Blocked: Ship');
	});
});

describe('a long customer list', () => {
	it('keeps only the rows in view in the page, reads more while scrolling, and arrows move past the window', async () => {
		const page = await e2e.open('/settings');
		const scale = page.locator('section', { hasText: 'Scale test company' });
		await scale.getByLabel('Customers').fill('3000');
		await scale.getByLabel('Sales orders').fill('0');
		await scale.getByLabel('Ledger entries').fill('0');
		await scale.getByRole('button', { name: 'Generate' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await scale
			.getByRole('status')
			.filter({ hasText: /Generated in/ })
			.waitFor({ timeout: 30_000 });

		await page.goto('/customers');
		const rows = page.locator('tbody tr[data-index]');
		await rows.first().waitFor();
		const rendered = await rows.count();
		expect(rendered).toBeGreaterThan(5);
		expect(rendered).toBeLessThan(60);

		// Scrolling to the end reads the next page from the database, a page at a time.
		const viewport = page.locator('.viewport');
		for (let i = 0; i < 3; i++) {
			await viewport.evaluate((element) => element.scrollTo(0, element.scrollHeight));
			await page.waitForTimeout(100);
		}
		await expect.poll(() => rows.last().getAttribute('data-index')).not.toBe(String(rendered - 1));
		expect(Number(await rows.last().getAttribute('data-index'))).toBeGreaterThanOrEqual(150);
		expect(await rows.count()).toBeLessThan(60);

		// The arrow keys go on to a row that was not in the page yet.
		await viewport.evaluate((element) => element.scrollTo(0, 0));
		await page.locator('tbody tr[data-index="0"] a').focus();
		for (let i = 0; i < 40; i++) await page.keyboard.press('ArrowDown');
		await expect
			.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.dataset.index))
			.toBe('40');

		// A trainer's reset drops the large company at once; a second tab is asked to reload.
		const other = await e2e.open('/customers');
		await page.goto('/settings');
		await page.getByRole('button', { name: 'Reset demo data' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await page.getByText(/The demo company is ready\. \(\d+ ms\)/).waitFor();
		await other
			.getByRole('alert')
			.filter({ hasText: /reload/i })
			.waitFor();
		// Back in the first tab (a tab behind another gets no layout, so no rows measured).
		await page.bringToFront();
		await page.goto('/customers');
		await expect.poll(() => page.locator('tbody tr[data-index]').count()).toBe(15);
	});
});

describe('languages', () => {
	it('switches to Dutch with the seed captions, and remembers it', async () => {
		const page = await e2e.open('/customers/C00050');
		await page.getByRole('banner').getByLabel('Language').selectOption('nl');
		await page.getByLabel('Geblokkeerd', { exact: true }).waitFor();
		expect(
			await page.getByLabel('Geblokkeerd', { exact: true }).locator('option:checked').textContent()
		).toBe('Factureren');
		const invoice = page.getByRole('button', { name: 'Nieuwe verkoopfactuur' });
		expect(await invoice.isDisabled()).toBe(true);
		expect(await invoice.getAttribute('title')).toBe(
			'U kunt dit type document niet maken wanneer klant C00050 is geblokkeerd met type Factureren.'
		);

		await page.reload();
		await page.getByLabel('Geblokkeerd', { exact: true }).waitFor();
		expect(await page.evaluate(() => document.documentElement.lang)).toBe('nl');

		// The block dialog speaks Dutch too, and Annuleren leaves the level as it was.
		await page.getByLabel('Geblokkeerd', { exact: true }).selectOption('All');
		const dialog = page.getByRole('dialog', { name: 'Klant C00050 blokkeren met type Alle' });
		await dialog.getByLabel('Blokkeringsreden').waitFor();
		await dialog.getByRole('button', { name: 'Annuleren' }).click();
		await dialog.waitFor({ state: 'detached' });
		expect(await page.getByLabel('Geblokkeerd', { exact: true }).inputValue()).toBe('Invoice');
	});
});

describe('block management', () => {
	it('bulk-blocks three customers and undoes the batch', async () => {
		const page = await e2e.open('/customers');
		await page.getByRole('button', { name: 'Bulk block…' }).click();
		for (const no of ['C00110', 'C00120', 'C00130']) {
			await page.getByRole('checkbox', { name: `Select ${no}` }).check();
		}
		await page.locator('#bulk-blocked').selectOption('Invoice');
		await page.getByLabel('Block Reason').selectOption('CREDIT REVIEW');
		await page.getByRole('button', { name: 'Apply to 3 selected customers' }).click();
		await page.getByRole('status').filter({ hasText: '3 customers changed.' }).waitFor();
		await expect
			.poll(() => page.locator('tbody tr', { hasText: 'Blocked: Invoice' }).count())
			.toBe(4);

		await page.getByRole('button', { name: 'Undo batch' }).click();
		await page.getByRole('status').filter({ hasText: '3 customers restored.' }).waitFor();
		await expect
			.poll(() => page.locator('tbody tr', { hasText: 'Blocked: Invoice' }).count())
			.toBe(1);

		// The card's history shows the batch and its undo, each marked with its batch.
		await page.goto('/customers/C00120');
		await expect.poll(() => page.locator('.history li').count()).toBe(2);
		const history = page.locator('.history li');
		expect(await history.nth(1).textContent()).toMatch(/Blocked: \(blank\) → Invoice.*bulk batch/);
		expect(await history.nth(0).textContent()).toMatch(/Blocked: Invoice → \(blank\).*bulk batch/);
	});

	it('blocks with a reason and an end date after the impact preview; the work date past it lifts the block', async () => {
		// An open order for the customer, so the preview has something to show.
		const page = await e2e.open('/customers/C00110');
		await page.getByRole('button', { name: 'New Sales Order', exact: true }).click();
		await page.getByRole('heading', { name: /^Sales Order SO-\d+$/ }).waitFor();
		const orderNo = (await page.getByRole('heading', { level: 1 }).textContent())!.replace(
			'Sales Order ',
			''
		);

		await page.goto('/customers/C00110');
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		await page.getByLabel('Blocked', { exact: true }).selectOption('Invoice');
		const dialog = page.getByRole('dialog', { name: 'Block customer C00110 with type Invoice' });
		const order = dialog.getByRole('listitem').filter({ hasText: orderNo });
		await order.waitFor();
		expect(await order.textContent()).toContain(
			'Becomes impossible: Ship an order, Invoice what was shipped'
		);

		expect(await axeViolations(page)).toEqual([]);

		// Cancel changes nothing.
		await dialog.getByRole('button', { name: 'Cancel' }).click();
		await dialog.waitFor({ state: 'detached' });
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('');
		expect(await page.getByRole('note').count()).toBe(0);

		// A reason is asked for before anything is saved.
		await page.getByLabel('Blocked', { exact: true }).selectOption('Invoice');
		await dialog.getByRole('button', { name: 'Confirm' }).click();
		await dialog.getByRole('alert').filter({ hasText: 'Choose a reason for the block.' }).waitFor();
		await dialog.getByLabel('Block Reason').selectOption('OVERDUE');
		await dialog.getByLabel('Blocked Until').fill('2030-01-15');
		await dialog.getByRole('button', { name: 'Confirm' }).click();
		await dialog.waitFor({ state: 'detached' });
		await page
			.getByRole('note', { name: 'Customer C00110 is blocked with type Invoice.' })
			.waitFor();
		expect(await page.getByLabel('Blocked Until').inputValue()).toBe('2030-01-15');
		await expect.poll(() => page.locator('.history li').count()).toBe(2);
		expect(await page.locator('.history').textContent()).toContain('reason Overdue');

		await page.goto('/settings');
		await page.getByLabel('Work Date').fill('2030-01-20');
		// Lifting a block is asked first (tests/e2e/blocks-guard.test.ts covers the question).
		await page
			.getByRole('alertdialog')
			.getByRole('button', { name: /^(Yes|OK)$/ })
			.click();
		await page.getByText(/The work date is .*, not today\./).waitFor();

		await page.goto('/customers/C00110');
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		await expect.poll(() => page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('');
		await expect.poll(() => page.locator('.history li').count()).toBe(3);
		const history = page.locator('.history li');
		expect(await history.first().textContent()).toContain(
			'automatic release (Blocked Until reached)'
		);
		await history.filter({ hasText: /Blocked: \(blank\) → Invoice.*reason Overdue/ }).waitFor();
		await history.filter({ hasText: 'Blocked Until: — → 2030-01-15' }).waitFor();
	});

	it('the policy explorer shows the matrix from the policy module', async () => {
		const page = await e2e.open('/policy');
		const row = page.locator('tbody tr', { hasText: 'order.postInvoice' });
		expect(
			await row
				.locator('td[data-allowed]')
				.evaluateAll((cells) => cells.map((cell) => cell.getAttribute('data-allowed')))
		).toEqual(['true', 'true', 'false', 'false', 'false']);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('a stale tab is refused by the command, says why, and the attempt is logged', async () => {
		const page = await e2e.open('/customers/C00080');
		const other = await e2e.open('/customers/C00080');
		await chooseBlocked(other, 'All');
		await other.getByRole('note', { name: 'Customer C00080 is blocked with type All.' }).waitFor();
		// The first tab's button is still enabled until its live query catches up; race it.
		await page.evaluate(() => {
			const button = [...document.querySelectorAll('button')].find(
				(b) => b.textContent === 'New Sales Order'
			);
			button?.removeAttribute('disabled');
			button?.click();
		});
		await page
			.getByRole('alert')
			.filter({ hasText: 'Customer C00080 is blocked with type All.' })
			.waitFor();
		await page.goto('/refusals');
		await page.locator('tbody tr', { hasText: 'C00080' }).first().waitFor();
		expect(await page.locator('tbody').textContent()).toContain(
			'You cannot create this type of document when Customer C00080 is blocked with type All.'
		);
	});
});
