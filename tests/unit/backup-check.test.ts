import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { ensureCompany, resetDemoData } from '$lib/app/demo';
import { DEFAULT_SERIES } from '$lib/app/numbering';
import { postSalesInvoice } from '$lib/app/posting';
import { addJournalLine, postJournal, updateJournalLine } from '$lib/app/cash-receipt-journal';
import { SETTING } from '$lib/app/settings';
import { m, setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { givenDocument, snapshotDatabase } from '../factories';

type Backup = { tables: Record<string, Record<string, unknown>[]> };

/** Adds a table under a name every object has on its prototype. */
const withTable = (name: string) => (b: Backup) =>
	Object.defineProperty(b.tables, name, { value: [], enumerable: true, writable: true });

/** The demo company with a posted invoice, a payment applied to it and an open order. */
async function demoWithPostings(): Promise<Backup> {
	await resetDemoData();
	const invoice = await givenDocument('Invoice', 'C00010', [[2, 1000]]);
	const { invoiceNo } = await postSalesInvoice({ no: invoice });
	// The demo company has a history of its own: the entry of this invoice is the one paid.
	const entry = await db.custLedgerEntries.where('documentNo').equals(invoiceNo!).first();
	const line = await addJournalLine({ customerNo: 'C00010' });
	await updateJournalLine({ id: line, field: 'amountCents', value: 500 });
	await updateJournalLine({ id: line, field: 'appliesToDocNo', value: entry!.documentNo });
	await postJournal();
	await givenDocument('Order', 'C00020', [[1, 500]]);
	return JSON.parse(await exportBackup()) as Backup;
}

/** Checks and (when accepted) restores a changed copy of the export. */
async function importChanged(change: (backup: Backup) => void) {
	const backup = await demoWithPostings();
	change(backup);
	const before = await snapshotDatabase();
	const checked = checkBackup(JSON.stringify(backup));
	return { checked, before };
}

describe('the backup check refuses what the restore or the next start cannot use', () => {
	it.each<[string, (backup: Backup) => void, string]>([
		['without the settings table', (b) => delete b.tables.settings, 'tables.settings'],
		[
			'without the initialized setting',
			(b) => (b.tables.settings = b.tables.settings!.filter((row) => row.key !== 'initialized')),
			'tables.settings'
		],
		[
			'with a duplicated customer No.',
			(b) => b.tables.customers!.push({ ...b.tables.customers![0]! }),
			'tables.customers[15].no'
		],
		[
			'with a duplicated ledger entry No.',
			(b) => b.tables.custLedgerEntries!.splice(2, 0, { ...b.tables.custLedgerEntries![0]! }),
			'tables.custLedgerEntries[2].entryNo'
		],
		[
			'with a posted invoice for a missing sell-to customer',
			(b) => (b.tables.postedInvoices![0]!.sellToCustomerNo = 'NOBODY'),
			'tables.postedInvoices[0].sellToCustomerNo'
		],
		[
			'with a journal line for a missing customer',
			(b) =>
				b.tables.journalLines!.push({
					id: 'J1',
					lineNo: 10000,
					postingDate: '2026-01-01',
					documentType: 'Payment',
					documentNo: 'PMT-9999',
					customerNo: 'NOBODY',
					description: '',
					amountCents: 1,
					appliesToDocNo: '',
					appliesToEntries: []
				}),
			'tables.journalLines[0].customerNo'
		],
		[
			'with an application of a missing entry',
			(b) => (b.tables.applications![0]!.entryNo = 999),
			'tables.applications[0].entryNo'
		],
		[
			'with an application by a missing entry',
			(b) => (b.tables.applications![0]!.appliedByEntryNo = 999),
			'tables.applications[0].appliedByEntryNo'
		],
		[
			'with a circular bill-to',
			(b) => {
				const [first, second] = b.tables.customers!;
				first!.billToCustomerNo = second!.no;
				second!.billToCustomerNo = first!.no;
			},
			'tables.customers[0].billToCustomerNo'
		],
		['with a table named constructor', withTable('constructor'), 'tables.constructor'],
		['with a table named toString', withTable('toString'), 'tables.toString']
	])('refuses a backup %s, names it, and changes nothing', async (_name, change, path) => {
		const { checked, before } = await importChanged(change);
		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		expect(checked.key).toBe('backup.invalid');
		expect(checked.problems.map((problem) => problem.path)).toContain(path);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('every refusal says that nothing was changed, in both languages', async () => {
		for (const language of ['en', 'nl'] as const) {
			await setupI18n(language);
			for (const key of ['backup.invalid', 'backup.notJson', 'backup.newer', 'backup.tooLarge']) {
				expect(translate(key, { version: 99, max: 25 })).toMatch(
					language === 'en' ? /nothing was changed/ : /niets gewijzigd/
				);
			}
		}
		await setupI18n('en');
	});

	it('a restore that fails late says that nothing was changed', async () => {
		await setupI18n('en');
		const backup = await demoWithPostings();
		const checked = checkBackup(JSON.stringify(backup));
		if (!checked.ok) throw new Error('expected the export to pass');
		// A row the check passed but IndexedDB refuses (a key it cannot store).
		checked.tables.customers!.push({ ...checked.tables.customers![0]!, no: null });
		const before = await snapshotDatabase();
		const error = await restoreBackup(checked).catch((caught: unknown) => caught);
		expect(error).toMatchObject({ key: 'backup.failed' });
		expect(m['backup.failed']({ message: 'x' })).toMatch(/nothing was changed/);
		expect(await snapshotDatabase()).toEqual(before);
	});
});

describe('number series after an import', () => {
	it('a backup without the CLE series gets it ahead of the entries, and posting works after', async () => {
		const backup = await demoWithPostings();
		backup.tables.numberSeries = backup.tables.numberSeries!.filter((row) => row.code !== 'CLE');
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.repairedSeries).toEqual(['CLE']);
		await restoreBackup(checked);

		const invoice = await givenDocument('Invoice', 'C00010', [[1, 700]]);
		await expect(postSalesInvoice({ no: invoice })).resolves.toBeDefined();
		expect(await db.custLedgerEntries.count()).toBe(backup.tables.custLedgerEntries!.length + 1);
	});

	it('a series behind the numbers in use is moved ahead, a missing one is added, and both are named', async () => {
		const backup = await demoWithPostings();
		const series = backup.tables.numberSeries!;
		series.find((row) => row.code === 'S-PINV')!.lastNo = 0;
		backup.tables.numberSeries = series.filter((row) => row.code !== 'ISSREM');
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
		if (!checked.ok) return;
		expect(checked.repairedSeries).toEqual(['ISSREM', 'S-PINV']);
		await restoreBackup(checked);
		for (const code of DEFAULT_SERIES.map((row) => row.code)) {
			expect(await db.numberSeries.get(code)).toBeDefined();
		}
		const inUse = backup.tables.postedInvoices!.map((row) => Number(String(row.no).slice(4)));
		expect((await db.numberSeries.get('S-PINV'))?.lastNo).toBe(Math.max(...inUse));
	});

	it('an export of the demo company needs no repair', async () => {
		const backup = await demoWithPostings();
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok && checked.repairedSeries).toEqual([]);
	});
});

describe('start-up', () => {
	it('a database holding data without the initialized marker is kept, and the marker repaired', async () => {
		await demoWithPostings();
		await db.settings.delete(SETTING.initialized);
		const before = await snapshotDatabase();

		await ensureCompany();

		const after = await snapshotDatabase();
		expect(await db.settings.get(SETTING.initialized)).toBeDefined();
		expect({ ...after, settings: [] }).toEqual({ ...before, settings: [] });
		expect(after.settings).toHaveLength(before.settings!.length + 1);
	});

	it('a new database (only the rows every database starts with) gets the demo company', async () => {
		await ensureCompany();
		expect(await db.customers.count()).toBe(15);
	});
});
