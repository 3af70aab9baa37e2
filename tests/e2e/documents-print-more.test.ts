import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, postDocument, useBrowser } from './browser';

const e2e = useBrowser();

async function fill(page: Page, label: string, value: string) {
	const input = page.getByLabel(label, { exact: true });
	await input.fill(value);
	await input.press('Tab');
}

async function addLine(page: Page, row: number, itemNo: string, quantity: string) {
	await page.getByRole('button', { name: 'Add line' }).click();
	await fill(page, `No. ${row}`, itemNo);
	await expect
		.poll(() => page.getByLabel(`Description ${row}`, { exact: true }).inputValue())
		.not.toBe('');
	await fill(page, `Quantity ${row}`, quantity);
}

/** A new document of a customer with a desk (21 % VAT) and 3 kg of coffee (6 %); its No. */
async function newDocument(page: Page, customerNo: string, action: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: action, exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await addLine(page, 1, 'I1020', '1');
	await addLine(page, 2, 'I1030', '3');
	await expect.poll(() => page.locator('[data-total="excl"]').textContent()).toMatch(/484[.,]50/);
	return decodeURIComponent(new URL(page.url()).pathname.split('/').pop()!);
}

function isoInDays(days: number): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

describe('printed quotes and order confirmations', () => {
	it('print without the app, with the VAT specification, in the customer language', async () => {
		const page = await e2e.open('/customers');
		const quote = await newDocument(page, 'C00010', 'New Sales Quote');
		await page.getByRole('link', { name: 'Print', exact: true }).click();
		await page.getByRole('heading', { name: `Print Sales Quote ${quote}` }).waitFor();
		const letter = page.locator('article.printable-document');
		await letter.getByRole('heading', { name: `Sales Quote ${quote}` }).waitFor();
		expect(await axeViolations(page)).toEqual([]);

		const chrome = [
			page.getByRole('banner'),
			page.getByRole('navigation', { name: 'Main' }),
			page.getByRole('heading', { name: `Print Sales Quote ${quote}` }),
			page.getByRole('button', { name: 'Print' }),
			page.getByRole('link', { name: `Back to ${quote}` })
		];
		for (const part of chrome) expect(await part.isVisible()).toBe(true);
		await page.emulateMedia({ media: 'print' });
		for (const part of chrome) expect(await part.isVisible()).toBe(false);
		expect(await letter.locator('.letterhead').innerText()).toContain('BE0123.456.749');
		expect(await letter.locator('address').innerText()).toContain('BE0812.345.603');
		const specification = letter.getByRole('region', { name: 'VAT Amount Specification' });
		expect(await specification.isVisible()).toBe(true);
		expect(await specification.locator('tbody tr').allInnerTexts()).toEqual([
			expect.stringMatching(/^21 %\s+429\.00\s+90\.09\s+519\.09$/),
			expect.stringMatching(/^6 %\s+55\.50\s+3\.33\s+58\.83$/)
		]);
		expect(await letter.getByText('Total EUR Incl. VAT').isVisible()).toBe(true);
		expect(await letter.locator('[data-total="incl"]').textContent()).toBe('577.92');
		expect(await letter.getByText('Payment Terms').isVisible()).toBe(true);

		// An order of the Dutch customer C00020 prints as its order confirmation in Dutch.
		await page.emulateMedia({ media: 'screen' });
		const order = await newDocument(page, 'C00020', 'New Sales Order');
		await page.getByRole('link', { name: 'Print', exact: true }).click();
		await page.emulateMedia({ media: 'print' });
		await page.getByRole('heading', { name: `Orderbevestiging ${order}` }).waitFor();
		expect(await page.getByRole('banner').isVisible()).toBe(false);
		const dutch = await letter.innerText();
		for (const text of ['Specificatie btw-bedrag', 'Totaal EUR incl. btw', 'Betalingscondities'])
			expect(dutch).toContain(text);
		expect(await letter.locator('[data-total="incl"]').textContent()).toBe('577,92');
	});
});

describe('printed reminders', () => {
	it("print the level's beginning and ending texts (as edited on the Terms page) in Dutch for a Dutch customer, amounts filled", async () => {
		// The Dutch beginning text of level 1, edited on the Terms page with a placeholder.
		const page = await e2e.open('/terms');
		const terms = page.locator('section', {
			has: page.getByRole('heading', { name: 'Reminder Terms DOMESTIC' })
		});
		await terms.getByLabel('Language of the texts').selectOption({ label: 'Dutch' });
		await terms
			.getByLabel('Beginning Text 1', { exact: true })
			.fill('Beste klant, u bent ons {remainingAmount} {currency} verschuldigd.');
		expect(await axeViolations(page)).toEqual([]);
		await terms.getByRole('button', { name: 'Save', exact: true }).click();
		await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

		await newDocument(page, 'C00020', 'New Sales Invoice');
		await postDocument(page, 'Post');
		await page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ }).waitFor();
		await page.goto('/settings');
		await fill(page, 'Work Date', isoInDays(60));
		await page
			.getByRole('status')
			.filter({ hasText: /^The work date is/ })
			.waitFor();
		await page.goto('/reminders');
		await page.getByLabel('Customer Nos. (blank for all)').fill('C00020');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		await page.getByRole('status').filter({ hasText: '1 reminder created.' }).waitFor();
		await page.locator('tbody a').first().click();
		// On screen, in the English UI, the texts are the customer's: Dutch.
		await page
			.getByRole('definition')
			.filter({ hasText: /^Beste klant, u bent ons/ })
			.waitFor();
		await page.getByRole('button', { name: 'Issue', exact: true }).click();
		const issued = page.getByRole('status').filter({ hasText: /^Issued as IR-/ });
		await issued.waitFor();
		const issuedNo = /IR-\S+?(?=\.)/.exec((await issued.textContent()) ?? '')![0];

		await page.emulateMedia({ media: 'print' });
		await page.getByRole('heading', { name: `Aanmaning ${issuedNo}` }).waitFor();
		const letter = page.locator('article.printable-document');
		const beginning = letter.locator('[data-reminder-text="beginning"]');
		const ending = letter.locator('[data-reminder-text="ending"]');
		const total = await letter.locator('[data-total="incl"]').textContent();
		expect(total).toMatch(/^[\d.]+,\d\d$/);
		// Level 1 has no fee: the remaining amount is the total.
		expect(await beginning.innerText()).toBe(`Beste klant, u bent ons ${total} EUR verschuldigd.`);
		expect(await beginning.isVisible()).toBe(true);
		expect(await ending.innerText()).toMatch(
			new RegExp(`^Gelieve ${total!.replace('.', '\\.')} EUR te betalen vóór \\d+ \\S+ \\d{4}\\.`)
		);
		// Paid by transfer with its own structured communication (a reminder's starts with 9).
		const reference = letter.locator('[data-structured-communication]');
		expect((await reference.innerText()).trim()).toMatch(/^\+\+\+9\d\d\/\d{4}\/\d{5}\+\+\+$/);
		expect(await letter.getByRole('img', { name: 'Betaal-QR-code' }).isVisible()).toBe(true);
	});
});

describe('the company logo', () => {
	it('a file cut short is refused with why; the whole file shows, decoded', async () => {
		const page = await e2e.open('/company');
		const png = readFileSync('tests/fixtures/logo.png');
		const chooser = page.getByLabel('Logo', { exact: true });
		await chooser.setInputFiles({
			name: 'logo.png',
			mimeType: 'image/png',
			buffer: png.subarray(0, png.length - 30)
		});
		await page
			.getByText('The image file is damaged or incomplete: choose the logo file again.')
			.waitFor();
		expect(await page.locator('img.logo').count()).toBe(0);

		// Whole to its header, but its image data is not a zlib stream: only decoding finds that.
		const damaged = Buffer.from(png);
		const data = damaged.indexOf('IDAT') + 4;
		damaged.fill(0xff, data, data + 4);
		await page.reload();
		await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: damaged });
		await page
			.getByText('The image file is damaged or incomplete: choose the logo file again.')
			.waitFor();
		expect(await page.locator('img.logo').count()).toBe(0);

		await chooser.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
		const preview = page.locator('img.logo');
		await preview.waitFor();
		await expect
			.poll(() => preview.evaluate((image: HTMLImageElement) => image.naturalWidth))
			.toBe(32);
		expect(await page.getByText('The image file is damaged').count()).toBe(0);
	});
});
