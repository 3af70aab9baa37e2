import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, chooseBlocked, useBrowser } from './browser';

const e2e = useBrowser();

async function openCard(page: Page, no: string) {
	await page.goto(`/customers/${no}`);
	await page.getByRole('heading', { name: /Customer Card/ }).waitFor();
	await expect.poll(() => page.getByLabel('No.', { exact: true }).inputValue()).toBe(no);
}

describe('the write path guards blocks', () => {
	it('Undo batch leaves a customer alone that was privacy-blocked in another tab since', async () => {
		const first = await e2e.open('/customers');
		await first.getByRole('button', { name: 'Bulk block…' }).click();
		await first.getByRole('checkbox', { name: 'Select C00010' }).check();
		await first.locator('#bulk-blocked').selectOption('All');
		await first.getByLabel('Block Reason').selectOption('OVERDUE');
		await first.getByRole('button', { name: 'Apply to 1 selected customer' }).click();
		await first.getByRole('status').filter({ hasText: '1 customer changed.' }).waitFor();

		// Another tab ticks Privacy Blocked on the same customer.
		const second = await e2e.open('/customers/C00010');
		await expect.poll(() => second.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');
		await second.getByLabel('Privacy Blocked').check();
		await second.getByRole('note', { name: /Customer C00010 is blocked for privacy/ }).waitFor();

		await first.bringToFront();
		await first.getByRole('button', { name: 'Undo batch' }).click();
		await first.getByRole('status').filter({ hasText: '0 customers restored.' }).waitFor();
		await first.getByText('Left alone, changed since: C00010').waitFor();

		// The second tab still shows the privacy block, and a new order stays refused.
		await second.bringToFront();
		await second.reload();
		await second.getByLabel('Privacy Blocked').waitFor();
		expect(await second.getByLabel('Privacy Blocked').isChecked()).toBe(true);
		expect(await second.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');
		const newOrder = second.getByRole('button', { name: 'New Sales Order', exact: true });
		await expect.poll(() => newOrder.isDisabled()).toBe(true);
	});

	it('the customer picker takes the one match of typed text on Enter', async () => {
		const page = await e2e.open('/sales/orders');
		await page.getByRole('button', { name: 'New', exact: true }).click();
		const picker = page.getByRole('combobox', { name: 'Customer' });
		await picker.pressSequentially('Gent');
		await picker.press('Enter');

		await page.getByRole('heading', { name: /^Sales Order SO-\d+$/ }).waitFor();
		expect(await page.getByRole('combobox', { name: 'Sell-to Customer' }).inputValue()).toBe(
			'C00010'
		);
		expect(await page.getByText(/Something went wrong/).count()).toBe(0);
	});

	it('with several matches the picker says so and keeps the text', async () => {
		const page = await e2e.open('/sales/orders');
		await page.getByRole('button', { name: 'New', exact: true }).click();
		const picker = page.getByRole('combobox', { name: 'Customer' });
		await picker.pressSequentially('C000');
		await picker.press('Enter');

		await page
			.getByRole('alert')
			.filter({ hasText: 'Several customers match "C000". Choose one from the list.' })
			.waitFor();
		expect(await picker.inputValue()).toBe('C000');
		expect(page.url()).toMatch(/\/sales\/orders$/);
		expect(await axeViolations(page)).toEqual([]);
	});

	it('moving the work date says first how many blocks it lifts; Cancel keeps the date; the release names the user', async () => {
		const page = await e2e.open('/settings');
		await page.getByLabel('User Name').fill('An Peeters');
		await page.getByLabel('User Name').press('Tab');
		await expect.poll(() => page.getByLabel('User Name').inputValue()).toBe('An Peeters');

		await openCard(page, 'C00020');
		await chooseBlocked(page, 'All', { until: '2099-12-31' });
		await page.getByRole('note', { name: 'Customer C00020 is blocked with type All.' }).waitFor();

		await page.goto('/settings');
		const workDate = page.getByLabel('Work Date');
		await workDate.waitFor();
		const before = await workDate.inputValue();
		await workDate.fill('2100-01-01');
		const question = page.getByRole('alertdialog');
		await question.waitFor();
		expect(await question.textContent()).toMatch(
			/lifts the block of 1 customer whose Blocked Until it reaches: C00020\./
		);
		expect(await axeViolations(page)).toEqual([]);
		await question.getByRole('button', { name: /^(No|Cancel)$/ }).click();
		await question.waitFor({ state: 'detached' });
		expect(await workDate.inputValue()).toBe(before);
		expect(await page.getByText(/The work date is .*, not today\./).count()).toBe(0);

		await openCard(page, 'C00020');
		expect(await page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('All');

		// Asked again and confirmed: the block is lifted, in the name of who moved the date.
		await page.goto('/settings');
		await workDate.fill('2100-01-01');
		await question.getByRole('button', { name: /^(Yes|OK)$/ }).click();
		await page.getByText(/The work date is .*, not today\./).waitFor();

		// Back to today: nothing left to lift, so nothing is asked.
		await page.getByRole('button', { name: 'Use today' }).click();
		await expect.poll(() => page.getByText(/The work date is .*, not today\./).count()).toBe(0);
		expect(await question.count()).toBe(0);

		await openCard(page, 'C00020');
		await expect.poll(() => page.getByLabel('Blocked', { exact: true }).inputValue()).toBe('');
		const release = page.locator('.history li').first();
		expect(await release.textContent()).toMatch(
			/Blocked: All → \(blank\).*automatic release \(Blocked Until reached\).*by An Peeters/s
		);
	});
});
