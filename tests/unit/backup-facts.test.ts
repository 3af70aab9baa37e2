import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { findCustomers } from '$lib/app/customer-queries';
import { resetDemoData } from '$lib/app/demo';
import { postSalesInvoice } from '$lib/app/posting';
import { TEXT_FIELD_MAX } from '$lib/domain/customer';
import { givenDocument, snapshotDatabase } from '../factories';

type Row = Record<string, unknown>;
type Backup = { tables: Record<string, Row[]> };

/** The demo company with a posted invoice of two lines (and its ledger entry). */
async function demoWithInvoice(): Promise<Backup> {
	await resetDemoData();
	const invoice = await givenDocument('Invoice', 'C00010', [
		[2, 1000],
		[1, 2500]
	]);
	await postSalesInvoice({ no: invoice });
	return JSON.parse(await exportBackup()) as Backup;
}

const customer = (b: Backup, no: string) => b.tables.customers!.find((row) => row.no === no)!;
const invoiceEntry = (b: Backup) =>
	b.tables.custLedgerEntries!.find((row) => row.documentType === 'Invoice')!;

describe('a backup whose facts contradict each other is refused, and nothing changes', () => {
	it.each<[string, (b: Backup) => void, RegExp, string]>([
		[
			'a remaining amount above the amount',
			(b) => (invoiceEntry(b).remainingAmountCents = 999_999_999),
			/custLedgerEntries\[\d+\]\.remainingAmountCents/,
			'backup.problem.remaining'
		],
		[
			'a remaining amount of the other sign',
			(b) => (invoiceEntry(b).remainingAmountCents = -1),
			/custLedgerEntries\[\d+\]\.remainingAmountCents/,
			'backup.problem.remaining'
		],
		[
			'a negative posted line quantity',
			(b) => (b.tables.postedInvoiceLines![0]!.quantity = -5),
			/postedInvoiceLines\[0\]\.quantity/,
			'backup.problem.minValue'
		],
		[
			'a posted invoice total that is not the sum of its lines',
			(b) => {
				const header = b.tables.postedInvoices![0]!;
				header.amountCents = Number(header.amountCents) + 100;
			},
			/postedInvoices\[0\]\.amountCents/,
			'backup.problem.documentTotal'
		],
		[
			'a posted invoice VAT that is not the sum of its lines',
			(b) => {
				const header = b.tables.postedInvoices![0]!;
				header.vatCents = Number(header.vatCents) + 1;
			},
			/postedInvoices\[0\]\.vatCents/,
			'backup.problem.documentTotal'
		],
		[
			'an amount incl. VAT that is not amount + VAT',
			(b) => {
				const header = b.tables.postedInvoices![0]!;
				header.amountInclVatCents = Number(header.amountInclVatCents) + 1;
			},
			/postedInvoices\[0\]\.amountInclVatCents/,
			'backup.problem.documentTotal'
		],
		[
			'Privacy Blocked without Blocked All',
			(b) => Object.assign(customer(b, 'C00010'), { privacyBlocked: true, blocked: '' }),
			/customers\[\d+\]\.privacyBlocked/,
			'backup.problem.privacyNotAll'
		],
		[
			'a name longer than the card allows',
			(b) => (customer(b, 'C00010').name = 'x'.repeat(2_000_000)),
			/customers\[\d+\]\.name/,
			'backup.problem.maxLength'
		],
		[
			'a post code longer than the card allows',
			(b) => (customer(b, 'C00010').postCode = '9'.repeat(TEXT_FIELD_MAX + 1)),
			/customers\[\d+\]\.postCode/,
			'backup.problem.maxLength'
		]
	])('%s', async (_, change, path, key) => {
		const backup = await demoWithInvoice();
		change(backup);
		const before = await snapshotDatabase();

		const checked = checkBackup(JSON.stringify(backup), 0, Infinity);

		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.key).toBe('backup.invalid');
		expect(checked.problems[0]!.path).toMatch(path);
		expect(checked.problems[0]!.key).toBe(key);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('the export of a company with postings, blocks and privacy is accepted as it is', async () => {
		const backup = await demoWithInvoice();
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
	});

	it('a block made before reasons were required is restored as it is', async () => {
		const backup = await demoWithInvoice();
		Object.assign(customer(backup, 'C00010'), { blocked: 'Ship', blockReason: '' });
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		await restoreBackup(checked);
		expect(await db.customers.get('C00010')).toMatchObject({ blocked: 'Ship', blockReason: '' });
	});
});

describe('derived data is rebuilt on import, not trusted', () => {
	it('search terms of customers and items come from their No. and name', async () => {
		const backup = await demoWithInvoice();
		customer(backup, 'C00010').searchTerms = [];
		backup.tables.items![0]!.searchTerms = ['nonsense'];
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		await restoreBackup(checked);

		const found = await findCustomers({ search: 'gent', blocked: 'any', limit: 10 });
		expect(found.rows.map((row) => row.no)).toContain('C00010');
		const item = await db.items.get(String(backup.tables.items![0]!.no));
		expect(item!.searchTerms).not.toContain('nonsense');
		expect(item!.searchTerms).toContain(item!.no.toLocaleLowerCase());
	});
});
