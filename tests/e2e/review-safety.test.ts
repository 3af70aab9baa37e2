import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, chooseBlocked, postDocument, useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

/** Posts a one-line sales invoice for C00010; returns the posted invoice's address. */
async function postInvoice(page: Page): Promise<string> {
	await page.goto('/customers/C00010');
	await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, 'No. 1', 'I1020');
	await expect
		.poll(() => page.getByLabel('Description 1', { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, 'Quantity 1', '1');
	await postDocument(page, 'Post');
	await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor();
	return new URL(page.url()).pathname;
}

async function isPosted(page: Page, path: string): Promise<boolean> {
	await page.goto(path);
	await page.locator('main h1').first().waitFor();
	return (await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).count()) > 0;
}

/** The name of the focused element, once the confirmation is open. */
async function focusedButton(page: Page): Promise<string> {
	await page.getByRole('alertdialog').waitFor();
	return page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
}

function sandbox(page: Page) {
	return page.locator('section', { has: page.getByRole('heading', { name: 'Training sandbox' }) });
}

describe('Undo never loses what was posted meanwhile', () => {
	it('the snapshot is taken when Yes is clicked: a posting made while the question was open survives Undo', async () => {
		const a = await e2e.open('/settings');
		await a.getByRole('button', { name: 'Reset demo data' }).click();
		await a.getByRole('alertdialog').waitFor();

		const b = await e2e.open('/customers');
		const posted = await postInvoice(b);

		await a.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await a.getByText(/The demo company is ready\./).waitFor();
		await a.getByRole('button', { name: 'Undo' }).click();
		await a
			.getByRole('status')
			.filter({ hasText: /Undone: the company is back as it was at/ })
			.waitFor();
		expect(await isPosted(a, posted)).toBe(true);
	});

	it('Undo after a change made since asks first, names how much changed, and Cancel keeps it', async () => {
		const a = await e2e.open('/settings');
		await a.getByRole('button', { name: 'Reset demo data' }).click();
		await a.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await a.getByText(/The demo company is ready\./).waitFor();

		const b = await e2e.open('/customers');
		const posted = await postInvoice(b);

		await a.getByRole('button', { name: 'Undo' }).click();
		const question = a.getByRole('alertdialog');
		expect(await focusedButton(a)).toBe('Cancel');
		expect(await question.textContent()).toMatch(
			/\d+ records were added or changed since Reset demo data/
		);
		expect(await axeViolations(a)).toEqual([]);
		await question.getByRole('button', { name: 'Cancel' }).click();
		await sandbox(a).getByRole('status').filter({ hasText: 'Nothing was undone' }).waitFor();
		expect(await isPosted(b, posted)).toBe(true);
	});

	it('Undo anyway, once confirmed, restores the snapshot', async () => {
		const a = await e2e.open('/settings');
		await a.getByRole('button', { name: 'Reset demo data' }).click();
		await a.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await a.getByText(/The demo company is ready\./).waitFor();

		const b = await e2e.open('/customers');
		const posted = await postInvoice(b);

		await a.getByRole('button', { name: 'Undo' }).click();
		await a.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await a
			.getByRole('status')
			.filter({ hasText: /Undone: the company is back as it was at/ })
			.waitFor();
		expect(await isPosted(b, posted)).toBe(false);
	});

	it('a question left open and then left (reload) keeps no snapshot', async () => {
		const page = await e2e.open('/settings');
		await page.getByRole('button', { name: 'Reset demo data' }).click();
		await page.getByRole('alertdialog').waitFor();
		await page.reload();
		await page.locator('main h1').first().waitFor();
		await page.getByText('No snapshots yet.').waitFor();
	});
});

describe('the work-date question defaults to safety', () => {
	it('opens on Cancel, and Enter keeps the date and the block', async () => {
		const page = await e2e.open('/customers/C00020');
		await chooseBlocked(page, 'All', { until: '2099-12-31' });
		await page.getByRole('note', { name: 'Customer C00020 is blocked with type All.' }).waitFor();

		await page.goto('/settings');
		const workDate = page.getByLabel('Work Date');
		await workDate.waitFor();
		const before = await workDate.inputValue();
		await workDate.fill('2100-01-01');
		expect(await focusedButton(page)).toMatch(/^(Cancel|No)$/);
		await page.keyboard.press('Enter');
		await page.getByRole('alertdialog').waitFor({ state: 'detached' });
		expect(await workDate.inputValue()).toBe(before);

		await page.goto('/customers/C00020');
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');
	});
});

describe('Blocked by keyboard', () => {
	it('ArrowDown on Blocked opens the dialog on Ship, where the arrow keys reach Invoice and All', async () => {
		const page = await e2e.open('/customers/C00010');
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		await page.getByLabel('Blocked', { exact: true }).focus();
		await page.keyboard.press('ArrowDown');

		const dialog = page.getByRole('dialog', { name: /^Block customer C00010 with type/ });
		await dialog.waitFor();
		expect(await dialog.getByLabel('Block Type').inputValue()).toBe('Ship');
		await dialog.getByLabel('Block Type').focus();
		await page.keyboard.press('ArrowDown');
		await page.getByRole('dialog', { name: 'Block customer C00010 with type Invoice' }).waitFor();
		await page.keyboard.press('ArrowDown');
		await page.getByRole('dialog', { name: 'Block customer C00010 with type All' }).waitFor();
		expect(await axeViolations(page)).toEqual([]);

		await dialog.getByLabel('Block Reason').selectOption('OVERDUE');
		await dialog.getByRole('button', { name: 'Confirm' }).click();
		await dialog.waitFor({ state: 'detached' });
		await page.getByRole('note', { name: 'Customer C00010 is blocked with type All.' }).waitFor();
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');
	});
});

describe('a scale generation stopped by a reload', () => {
	it('is said in Settings at the next start, with the snapshot taken before it', async () => {
		const page = await e2e.open('/settings');
		const scale = page.locator('section', { hasText: 'Scale test company' });
		await scale.getByLabel('Customers').fill('200000');
		await scale.getByLabel('Sales orders').fill('0');
		await scale.getByLabel('Ledger entries').fill('0');
		await scale.getByRole('button', { name: 'Generate' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await scale.locator('progress').waitFor();
		await page.reload();
		await page.locator('main h1').first().waitFor();

		const notice = scale
			.getByRole('alert')
			.filter({ hasText: 'The last scale generation (started' });
		await notice.waitFor();
		expect(await notice.textContent()).toContain('did not finish');
		expect(await axeViolations(page)).toEqual([]);
		await notice.getByRole('button', { name: 'Restore the snapshot' }).click();
		await page.getByRole('alertdialog').getByRole('button', { name: 'Yes' }).click();
		await scale
			.getByRole('status')
			.filter({ hasText: /The snapshot of .* is restored/ })
			.waitFor();
		await notice.waitFor({ state: 'detached' });
		await page.goto('/customers');
		await page.locator('tbody tr').first().waitFor();
		// The list renders its rows in steps: wait for all of them.
		await expect.poll(() => page.locator('tbody tr').count()).toBe(15);
	});
});

describe('minor wording', () => {
	it('a demo block says who blocked it, without "since —"', async () => {
		const page = await e2e.open('/customers/C00060');
		await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
		const main = (await page.locator('main').textContent()) ?? '';
		expect(main).toContain('Blocked by demo');
		expect(main).not.toContain('since —');
	});

	it('the generator question groups its numbers and follows a language switch', async () => {
		const page = await e2e.open('/settings');
		const scale = page.locator('section', { hasText: 'Scale test company' });
		await scale.getByLabel('Customers').fill('12000');
		await scale.getByRole('button', { name: 'Generate' }).click();
		const dialog = page.getByRole('alertdialog');
		expect(await dialog.textContent()).toContain('This adds 12,000 customers');

		await page.getByLabel('Language', { exact: true }).selectOption('nl');
		await expect.poll(() => dialog.textContent()).toContain('Dit voegt 12.000 klanten');
		expect(await dialog.textContent()).not.toContain('snapshot of the company');
		await dialog.getByRole('button', { name: 'Annuleren' }).click();
	});
});
