import { describe, expect, it } from 'vitest';
import {
	addJournalLine,
	deleteJournalLine,
	postJournal,
	updateJournalLine
} from '$lib/app/cash-receipt-journal';
import { db } from '$lib/db/db';
import {
	formatStructuredCommunication,
	miswrittenStructuredCommunication,
	structuredCommunicationFor
} from '$lib/domain/belgian-numbers';
import { matchReference } from '$lib/domain/payment-reference';
import { givenCustomer, givenInvoiceEntry } from '../factories';

function referenceOf(no: string): string {
	const made = structuredCommunicationFor(no);
	if (!made.ok) throw new Error(made.refusal.message);
	return formatStructuredCommunication(made.value);
}

async function aPaymentLine(customerNo = '') {
	const id = await addJournalLine({ customerNo });
	return id;
}

describe('a payment found by its structured communication', () => {
	it('applies a blank line to the open invoice and fills its customer and remaining amount', async () => {
		const customer = await givenCustomer();
		const invoice = await givenInvoiceEntry(customer.no, 12_100, '2026-02-01', {
			documentNo: 'PSI-1001'
		});
		const id = await aPaymentLine();

		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: `Betaling ${referenceOf('PSI-1001')} dank u`
		});

		expect(outcome).toEqual({
			kind: 'applied',
			reference: '000000100131',
			documentNo: 'PSI-1001'
		});
		const line = await db.journalLines.get(id);
		expect(line).toMatchObject({
			customerNo: customer.no,
			amountCents: 12_100,
			appliesToDocNo: '',
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 12_100 }],
			description: 'Betaling +++000/0001/00131+++ dank u'
		});

		// Posting closes the invoice, as after Apply Entries.
		await postJournal();
		expect((await db.custLedgerEntries.get(invoice.entryNo))?.open).toBe(0);
	});

	it('keeps a typed amount and applies up to it', async () => {
		const customer = await givenCustomer();
		const invoice = await givenInvoiceEntry(customer.no, 12_100, '2026-02-01', {
			documentNo: 'PSI-1002'
		});
		const id = await aPaymentLine(customer.no);
		await updateJournalLine({ id, field: 'amountCents', value: 5_000 });

		await updateJournalLine({ id, field: 'description', value: '000000100232' });

		expect(await db.journalLines.get(id)).toMatchObject({
			amountCents: 5_000,
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 5_000 }]
		});
	});

	it('finds an invoice whose No. is not of the series among the open invoices', async () => {
		const customer = await givenCustomer();
		const invoice = await givenInvoiceEntry(customer.no, 900, '2026-02-01', {
			documentNo: 'OLD-77'
		});
		const id = await aPaymentLine();
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: referenceOf('OLD-77')
		});
		expect(outcome).toMatchObject({ kind: 'applied', documentNo: 'OLD-77' });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([
			{ entryNo: invoice.entryNo, amountToApplyCents: 900 }
		]);
	});

	it('says so and applies nothing when no open invoice has the communication', async () => {
		const customer = await givenCustomer();
		await givenInvoiceEntry(customer.no, 900, '2026-02-01', {
			documentNo: 'PSI-1003',
			open: 0,
			remainingAmountCents: 0
		});
		const id = await aPaymentLine();
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: referenceOf('PSI-1003')
		});
		expect(outcome).toEqual({ kind: 'notFound', reference: '000000100333' });
		expect(await db.journalLines.get(id)).toMatchObject({
			customerNo: '',
			amountCents: 0,
			appliesToEntries: []
		});
	});

	it('says the check digits are wrong for a communication written with its +++ and a typing error', async () => {
		const customer = await givenCustomer();
		await givenInvoiceEntry(customer.no, 900, '2026-02-01', { documentNo: 'PSI-1003' });
		const id = await aPaymentLine();
		// PSI-1003's is +++000/0001/00333+++: the last digit mistyped.
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: 'Payment +++000/0001/00334+++'
		});
		expect(outcome).toEqual({ kind: 'badCheck', reference: '000000100334' });
		expect(await db.journalLines.get(id)).toMatchObject({
			description: 'Payment +++000/0001/00334+++',
			customerNo: '',
			amountCents: 0,
			appliesToEntries: []
		});
		// Twelve digits without the delimiters may be any number: no outcome.
		expect(
			await updateJournalLine({ id, field: 'description', value: 'Order 000000100334' })
		).toBeNull();
		expect(miswrittenStructuredCommunication('***000/0001/00334***')).toBe('000000100334');
		expect(miswrittenStructuredCommunication('+++000/0001/00333+++')).toBe('');
	});

	it("leaves another customer's invoice alone and names it", async () => {
		const owner = await givenCustomer();
		const other = await givenCustomer();
		await givenInvoiceEntry(owner.no, 900, '2026-02-01', { documentNo: 'PSI-1004' });
		const id = await aPaymentLine(other.no);
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: referenceOf('PSI-1004')
		});
		expect(outcome).toMatchObject({
			kind: 'otherCustomer',
			documentNo: 'PSI-1004',
			customerNo: owner.no
		});
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
	});

	it('does not apply a payment the policy refuses (customer blocked All)', async () => {
		const customer = await givenCustomer({ blocked: 'All', blockReason: 'OTHER' });
		await givenInvoiceEntry(customer.no, 900, '2026-02-01', { documentNo: 'PSI-1005' });
		const id = await aPaymentLine();
		const outcome = await updateJournalLine({
			id,
			field: 'description',
			value: referenceOf('PSI-1005')
		});
		expect(outcome).toMatchObject({ kind: 'refused', decision: { customerNo: customer.no } });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
	});

	it('ignores a description without a valid communication, and refunds', async () => {
		const customer = await givenCustomer();
		await givenInvoiceEntry(customer.no, 900, '2026-02-01', { documentNo: 'PSI-1006' });
		const id = await aPaymentLine();
		// A wrong check digit is no reference: nothing is applied, and the line says why.
		expect(
			await updateJournalLine({ id, field: 'description', value: '+++000/0001/00600+++' })
		).toEqual({ kind: 'badCheck', reference: '000000100600' });
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
		await updateJournalLine({ id, field: 'documentType', value: 'Refund' });
		expect(
			await updateJournalLine({ id, field: 'description', value: referenceOf('PSI-1006') })
		).toBeNull();
		expect((await db.journalLines.get(id))?.appliesToEntries).toEqual([]);
	});
});

describe('one invoice by its structured communication on two journal lines', () => {
	it('the second line applies what the first leaves free, or nothing, and says which line holds it', async () => {
		const customer = await givenCustomer();
		const invoice = await givenInvoiceEntry(customer.no, 12_100, '2026-02-01', {
			documentNo: 'PSI-1001'
		});
		const first = await aPaymentLine(customer.no);
		await updateJournalLine({ id: first, field: 'amountCents', value: 10_000 });
		await updateJournalLine({ id: first, field: 'description', value: referenceOf('PSI-1001') });

		const second = await aPaymentLine();
		expect(
			await updateJournalLine({ id: second, field: 'description', value: referenceOf('PSI-1001') })
		).toMatchObject({ kind: 'applied', documentNo: 'PSI-1001' });
		expect(await db.journalLines.get(second)).toMatchObject({
			amountCents: 2_100,
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 2_100 }]
		});

		const third = await aPaymentLine();
		expect(
			await updateJournalLine({ id: third, field: 'description', value: referenceOf('PSI-1001') })
		).toEqual({
			kind: 'alreadyApplied',
			reference: '000000100131',
			documentNo: 'PSI-1001',
			lines: [1, 2]
		});
		expect(await db.journalLines.get(third)).toMatchObject({
			customerNo: '',
			amountCents: 0,
			appliesToEntries: []
		});
	});

	it('a line whose Amount was lowered after applying holds only that: the next line takes the rest', async () => {
		const customer = await givenCustomer();
		const invoice = await givenInvoiceEntry(customer.no, 12_100, '2026-02-01', {
			documentNo: 'PSI-1001'
		});
		const first = await aPaymentLine();
		await updateJournalLine({ id: first, field: 'description', value: referenceOf('PSI-1001') });
		await updateJournalLine({ id: first, field: 'amountCents', value: 3_000 });
		const second = await aPaymentLine();
		await updateJournalLine({ id: second, field: 'description', value: referenceOf('PSI-1001') });
		expect(await db.journalLines.get(second)).toMatchObject({
			amountCents: 9_100,
			appliesToEntries: [{ entryNo: invoice.entryNo, amountToApplyCents: 9_100 }]
		});
		expect(await postJournal()).toBe(2);
		expect(await db.custLedgerEntries.get(invoice.entryNo)).toMatchObject({
			remainingAmountCents: 0,
			open: 0
		});
	});

	it('a refusal names the line as the page numbers it, not counting deleted lines', async () => {
		const customer = await givenCustomer();
		await givenInvoiceEntry(customer.no, 12_100, '2026-02-01', { documentNo: 'PSI-1001' });
		const deleted = await aPaymentLine(customer.no);
		const first = await aPaymentLine(customer.no);
		await updateJournalLine({ id: first, field: 'description', value: referenceOf('PSI-1001') });
		const second = await aPaymentLine(customer.no);
		await deleteJournalLine({ id: deleted });
		// The line the page shows as 2 has no amount: the refusal says line 2 (its line No. is 30000).
		await expect(postJournal()).rejects.toMatchObject({
			key: 'error.journalAmount',
			values: { line: 2 }
		});
		expect((await db.journalLines.get(second))?.lineNo).toBe(30_000);
	});
});

describe('matchReference', () => {
	const entry = {
		entryNo: 7,
		customerNo: 'C1',
		documentType: 'Invoice' as const,
		documentNo: 'PSI-1001',
		remainingAmountCents: 5_000,
		open: 1 as const
	};

	it.each([
		['an open invoice', entry, 'applied'],
		['a closed invoice', { ...entry, open: 0 as const }, 'notFound'],
		['a credit memo', { ...entry, documentType: 'Credit Memo' as const }, 'notFound'],
		['a paid invoice', { ...entry, remainingAmountCents: 0 }, 'notFound']
	])('on %s: %s', (_name, candidate, kind) => {
		expect(
			matchReference({ customerNo: '', amountCents: 0 }, '000000100131', [candidate]).kind
		).toBe(kind);
	});

	it.each([
		['nothing applied elsewhere', 0, 0, 5_000, 5_000],
		['part applied elsewhere, Amount 0', 0, 3_000, 2_000, 2_000],
		['part applied elsewhere, a larger Amount', 4_000, 3_000, 4_000, 2_000],
		['part applied elsewhere, a smaller Amount', 1_000, 3_000, 1_000, 1_000]
	])('with %s', (_name, amountCents, elsewhere, lineAmount, applied) => {
		const match = matchReference(
			{ customerNo: '', amountCents },
			'000000100131',
			[entry],
			new Map([[7, elsewhere]])
		);
		expect(match).toMatchObject({
			kind: 'applied',
			changes: {
				amountCents: lineAmount,
				appliesToEntries: [{ entryNo: 7, amountToApplyCents: applied }]
			}
		});
	});

	it('applies nothing when the other lines apply all that is open', () => {
		expect(
			matchReference(
				{ customerNo: '', amountCents: 0 },
				'000000100131',
				[entry],
				new Map([[7, 5_000]])
			)
		).toEqual({ kind: 'alreadyApplied', reference: '000000100131', entry });
	});
});
