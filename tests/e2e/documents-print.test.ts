import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { XMLParser } from 'fast-xml-parser';
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

/** Posts an invoice of a desk (21 % VAT) and 3 kg of coffee (6 %) and returns its posted No. */
async function postInvoice(page: Page, customerNo: string): Promise<string> {
	await page.goto(`/customers/${customerNo}`);
	await page.getByRole('button', { name: 'New Sales Invoice', exact: true }).click();
	await page.waitForURL(/\/documents\//);
	await addLine(page, 1, 'I1020', '1');
	await addLine(page, 2, 'I1030', '3');
	// 429.00 + 55.50
	await expect.poll(() => page.locator('[data-total="excl"]').textContent()).toMatch(/484[.,]50/);
	await postDocument(page, 'Post');
	const heading = page.getByRole('heading', { name: /^Posted Sales Invoice PSI-/ });
	await heading.waitFor();
	return /PSI-\S+/.exec((await heading.textContent()) ?? '')![0];
}

/** The structured communication of a posted invoice No.: its digits, padded, mod 97. */
function referenceOf(no: string): string {
	const ten = no.replace(/\D/g, '').padStart(10, '0');
	const check = String(Number(ten) % 97 || 97).padStart(2, '0');
	const digits = ten + check;
	return `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++`;
}

function isoInDays(days: number): string {
	const date = new Date();
	date.setUTCDate(date.getUTCDate() + days);
	return date.toISOString().slice(0, 10);
}

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false });

describe('printed documents', () => {
	it('a posted invoice prints without the app: company block, VAT per rate, structured communication and the payment QR code', async () => {
		const page = await e2e.open('/settings');
		// A work date other than today shows its banner, which must not print.
		await fill(page, 'Work Date', isoInDays(1));
		await page
			.getByRole('status')
			.filter({ hasText: /^The work date is/ })
			.waitFor();
		const no = await postInvoice(page, 'C00010');
		const qr = page.getByRole('img', { name: 'Payment QR code' }).locator('svg');
		await qr.waitFor();

		const chrome = [
			page.getByRole('banner'),
			page.getByRole('navigation', { name: 'Main' }),
			page.getByRole('banner').getByLabel('Language'),
			page.getByRole('status').filter({ hasText: /^The work date is/ }),
			page.getByRole('heading', { name: `Posted Sales Invoice ${no}` }),
			page.getByRole('button', { name: 'Print' }),
			page.getByRole('button', { name: 'Export Peppol' }),
			page.getByText(/^Remaining Amount$/)
		];
		for (const part of chrome) expect(await part.isVisible()).toBe(true);
		expect(await axeViolations(page)).toEqual([]);
		await page.emulateMedia({ media: 'print' });
		for (const part of chrome) expect(await part.isVisible()).toBe(false);
		const letter = page.locator('article.printable-document');
		expect(await page.getByRole('heading', { name: `Invoice ${no}` }).isVisible()).toBe(true);
		const letterhead = await letter.locator('.letterhead').innerText();
		expect(letterhead).toContain('Holdfast Demo BV');
		expect(letterhead).toContain('Veldstraat 1, 9000 Gent');
		expect(letterhead).toContain('BE0123.456.749');
		expect(await letter.locator('address').innerText()).toContain('BE0812.345.603');

		const specification = page.getByRole('region', { name: 'VAT Amount Specification' });
		expect(await specification.isVisible()).toBe(true);
		expect(await specification.locator('tbody tr').allInnerTexts()).toEqual([
			expect.stringMatching(/^21 %\s+429\.00\s+90\.09\s+519\.09$/),
			expect.stringMatching(/^6 %\s+55\.50\s+3\.33\s+58\.83$/)
		]);
		expect(await letter.getByText('Total EUR Incl. VAT').isVisible()).toBe(true);
		expect(await page.locator('[data-total="incl"]').textContent()).toBe('577.92');
		const reference = letter.locator('[data-structured-communication]');
		expect((await reference.innerText()).trim()).toBe(referenceOf(no));
		expect(await reference.isVisible()).toBe(true);
		expect(await letter.getByText('BE71 0961 2345 6769').isVisible()).toBe(true);
		expect(await qr.isVisible()).toBe(true);
		expect(await qr.locator('path').count()).toBeGreaterThan(0);
		// The table header repeats on every page and a line is never split.
		expect(
			await letter.locator('table.lines thead').evaluate((head) => getComputedStyle(head).display)
		).toBe('table-header-group');
		expect(
			await letter
				.locator('table.lines tbody tr')
				.first()
				.evaluate((row) => getComputedStyle(row).breakInside)
		).toBe('avoid');
	});

	it("a Dutch customer's invoice prints in Dutch from the English UI", async () => {
		const page = await e2e.open('/customers/C00030');
		await page.getByLabel('Language Code').selectOption({ label: 'Dutch' });
		// Saved: another tab's card reads it from the database.
		const other = await e2e.open('/customers/C00030');
		await expect.poll(() => other.getByLabel('Language Code').inputValue()).toBe('nl');
		await other.close();
		const no = await postInvoice(page, 'C00030');
		// The app stays English; the document is the customer's.
		await page.getByText(/The document is printed in Dutch/).waitFor();
		expect(
			await page.getByRole('heading', { name: `Posted Sales Invoice ${no}` }).isVisible()
		).toBe(true);

		await page.emulateMedia({ media: 'print' });
		await page.getByRole('heading', { name: `Factuur ${no}` }).waitFor();
		const letter = page.locator('article.printable-document');
		expect(await letter.getAttribute('lang')).toBe('nl');
		const text = await letter.innerText();
		for (const dutch of [
			'Specificatie btw-bedrag',
			'Totaal EUR incl. btw',
			'Vervaldatum',
			'Gestructureerde mededeling',
			'Netto 30 dagen'
		])
			expect(text).toContain(dutch);
		expect(text).not.toContain('Invoice');
		// Amounts as a Belgian reader writes them.
		expect(await page.locator('[data-total="incl"]').textContent()).toBe('577,92');
	});
});

describe('printed reminders', () => {
	it("an issued reminder prints with the company block and its overdue entries, in the customer's language", async () => {
		const page = await e2e.open('/customers');
		// C00020 (Brugse Bakkerij) has the Language Code Dutch in the demo company.
		const no = await postInvoice(page, 'C00020');
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
		await page.getByRole('button', { name: 'Issue', exact: true }).click();
		const issued = page.getByRole('status').filter({ hasText: /^Issued as IR-/ });
		await issued.waitFor();
		const issuedNo = /IR-\S+?(?=\.)/.exec((await issued.textContent()) ?? '')![0];

		const chrome = [
			page.getByRole('banner'),
			page.getByRole('heading', { name: /^Reminder / }),
			issued,
			page.getByRole('button', { name: 'Print' }),
			page.getByLabel('Additional Fee'),
			page.getByRole('status').filter({ hasText: /^The work date is/ })
		];
		for (const part of chrome) expect(await part.isVisible()).toBe(true);
		// The letter is for print only: the page shows its own view on screen.
		expect(await page.locator('article.printable-document').isVisible()).toBe(false);
		await page.emulateMedia({ media: 'print' });
		await page.getByRole('heading', { name: `Aanmaning ${issuedNo}` }).waitFor();
		for (const part of chrome) expect(await part.isVisible()).toBe(false);
		const letter = page.locator('article.printable-document');
		const text = await letter.innerText();
		expect(text).toContain('Holdfast Demo BV');
		expect(text).toContain('BE0123.456.749');
		expect(text).toContain('Btw-nummer: BE0456.789.133');
		expect(text).toContain('Openstaand bedrag');
		expect(await letter.locator('tbody tr').first().innerText()).toContain(no);
	});
});

describe('payments by reference', () => {
	it('a payment line finds its invoice by the structured communication and applies it', async () => {
		const page = await e2e.open('/customers');
		const no = await postInvoice(page, 'C00010');

		await page.goto('/cash-receipt-journal');
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Description 1', `Betaling ${referenceOf(no)} dank u`);
		await page
			.getByRole('status')
			.filter({ hasText: `Applied to ${no} by its structured communication.` })
			.waitFor();
		await expect
			.poll(() => page.getByLabel('Customer No. 1', { exact: true }).inputValue())
			.toBe('C00010');
		expect(await page.getByLabel('Amount 1', { exact: true }).inputValue()).toBe('577.92');
		await page.getByText('1 entry applied').waitFor();

		// The same communication on a second line (a statement read twice) applies nothing.
		await page.getByRole('button', { name: 'New line' }).click();
		await fill(page, 'Description 2', referenceOf(no));
		await page
			.getByRole('status')
			.filter({
				hasText: `${no} is already applied in full on other lines of the journal (1): nothing was applied here.`
			})
			.waitFor();
		expect(await page.getByLabel('Customer No. 2', { exact: true }).inputValue()).toBe('');
		// The note holds while line 1 stays as it was: lowered, line 1 no longer takes it all.
		const note = page.getByRole('status').filter({ hasText: 'is already applied in full' });
		await fill(page, 'Amount 1', '100');
		await expect.poll(() => note.count()).toBe(0);
		await fill(page, 'Amount 1', '577.92');
		await note.waitFor();
		await page.getByRole('button', { name: 'Delete line 2', exact: true }).click();
		await page.getByLabel('Description 2', { exact: true }).waitFor({ state: 'detached' });

		await page.getByRole('button', { name: 'Post', exact: true }).click();
		await page.getByRole('status').filter({ hasText: '1 line posted.' }).waitFor();
		await page.goto(`/posted/invoices/${no}`);
		await page.getByText('Remaining Amount').waitFor();
		expect(await page.locator('.facts dd').last().textContent()).toBe('0.00');
	});
});

describe('Peppol export', () => {
	it('a posted invoice downloads as a BIS 3.0 file that parses and carries its No.', async () => {
		const page = await e2e.open('/customers');
		const no = await postInvoice(page, 'C00010');
		const [download] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export Peppol' }).click()
		]);
		expect(download.suggestedFilename()).toBe(`Invoice_${no}.xml`);
		const xml = readFileSync((await download.path())!, 'utf8');
		const invoice = parser.parse(xml).Invoice;
		expect(invoice.ID).toBe(no);
		expect(invoice.PaymentMeans.PaymentID).toBe(referenceOf(no));
		await page
			.getByRole('status')
			.filter({ hasText: `Downloaded Invoice_${no}.xml.` })
			.waitFor();

		// The period's documents as one zip, from the posted invoices list.
		await page.goto('/posted/invoices');
		const [zip] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('button', { name: 'Export as zip' }).click()
		]);
		const files = unzipSync(readFileSync((await zip.path())!));
		expect(Object.keys(files)).toContain(`Invoice_${no}.xml`);
		expect(parser.parse(strFromU8(files[`Invoice_${no}.xml`]!)).Invoice.ID).toBe(no);
	});

	it('a refusal says what to fill in', async () => {
		const page = await e2e.open('/company');
		await fill(page, 'VAT Registration No.', '');
		await fill(page, 'Enterprise No.', '');
		const other = await e2e.open('/company');
		await expect.poll(() => other.getByLabel('Enterprise No.').inputValue()).toBe('');
		expect(await other.getByLabel('VAT Registration No.').inputValue()).toBe('');
		await other.close();
		const no = await postInvoice(page, 'C00010');
		await page.getByRole('button', { name: 'Export Peppol' }).click();
		await page
			.getByRole('alert')
			.filter({
				hasText: "Enter the company's VAT registration number: an e-invoice with VAT needs it."
			})
			.waitFor();
		expect(no).toMatch(/^PSI-/);
	});
});

describe('Company Information', () => {
	it('is reached from the navigation, checks the VAT number and passes axe', async () => {
		const page = await e2e.open('/settings');
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Company Information' })
			.click();
		await page.getByRole('heading', { name: 'Company Information', level: 1 }).waitFor();
		expect(await page.getByLabel('Name', { exact: true }).inputValue()).toBe('Holdfast Demo BV');
		expect(await page.getByLabel('VAT Registration No.').inputValue()).toBe('BE0123.456.749');
		expect(await axeViolations(page)).toEqual([]);

		await fill(page, 'VAT Registration No.', 'BE0123.456.748');
		await page
			.getByRole('alert')
			.filter({
				hasText: 'The check digits of VAT registration number BE0123.456.748 do not match'
			})
			.waitFor();
		expect(await page.getByLabel('VAT Registration No.').inputValue()).toBe('BE0123.456.748');
		await fill(page, 'IBAN', 'be68 5390 0754 7034');
		await expect.poll(() => page.getByLabel('IBAN').inputValue()).toBe('BE68 5390 0754 7034');
		expect(await axeViolations(page)).toEqual([]);
	});
});
