import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBackup, exportBackup } from '$lib/app/backup';
import { resetDemoData } from '$lib/app/demo';
import { newLedgerEntry } from '$lib/domain/posted';
import { setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { backupProblemText } from '$lib/ui/messages';

type Backup = { tables: Record<string, Record<string, unknown>[]> };
type Row = Record<string, unknown>;

const first = (backup: Backup, table: string): Row => backup.tables[table]![0]!;

/** The backup's one ledger entry (the demo company has none), to be spoiled. */
function entryOf(backup: Backup): Row {
	const entry = newLedgerEntry({
		entryNo: 1,
		customerNo: 'C00010',
		postingDate: '2026-01-01',
		documentType: 'Invoice',
		documentNo: 'PSI-1',
		amountCents: 1000,
		dueDate: '2026-01-31'
	});
	backup.tables.custLedgerEntries = [{ ...entry }];
	return backup.tables.custLedgerEntries[0]!;
}

// Each problem is stored as a key and values, and the UI says it in its language: here Dutch.
beforeAll(() => setupI18n('nl'));
afterAll(() => setupI18n('en'));

describe('a backup problem in Dutch', () => {
	it.each([
		{
			name: 'an unknown table',
			change: (b: Backup) => void (b.tables.gadgets = []),
			path: 'tables.gadgets',
			dutch: 'onbekende tabel'
		},
		{
			name: 'a number where text belongs',
			change: (b: Backup) => void (first(b, 'customers').name = 12),
			path: 'tables.customers[0].name',
			dutch: 'tekst verwacht, gevonden: 12'
		},
		{
			name: 'a missing field',
			change: (b: Backup) => void delete first(b, 'customers').city,
			path: 'tables.customers[0].city',
			dutch: 'het veld ontbreekt'
		},
		{
			name: 'a Blocked option that does not exist',
			change: (b: Backup) => void (first(b, 'customers').blocked = 'Everything'),
			path: 'tables.customers[0].blocked',
			dutch: 'een van ("" | "Ship" | "Invoice" | "All") verwacht, gevonden: "Everything"'
		},
		{
			name: 'a date that is not one',
			change: (b: Backup) => void (entryOf(b).dueDate = '31/01/2026'),
			path: 'tables.custLedgerEntries[0].dueDate',
			dutch: 'datum JJJJ-MM-DD verwacht, gevonden: "31/01/2026"'
		},
		{
			name: 'a customer No. the card refuses',
			change: (b: Backup) => void (first(b, 'customers').no = 'a/b'),
			path: 'tables.customers[0].no',
			dutch: 'klantnr. van hoogstens 20 hoofdletters, cijfers, - _ en . verwacht, gevonden: "a/b"'
		},
		{
			name: 'an amount with a fraction of a cent',
			change: (b: Backup) => void (entryOf(b).amountCents = 1.5),
			path: 'tables.custLedgerEntries[0].amountCents',
			dutch: 'geheel getal verwacht, gevonden: 1.5'
		},
		{
			name: 'an On Hold code too long',
			change: (b: Backup) => void (entryOf(b).onHold = 'ABCD'),
			path: 'tables.custLedgerEntries[0].onHold',
			dutch: 'hoogstens 3 tekens verwacht, gevonden: 4'
		},
		{
			name: 'a customer twice',
			change: (b: Backup) => void b.tables.customers!.push({ ...first(b, 'customers') }),
			path: (b: Backup) => `tables.customers[${b.tables.customers!.length - 1}].no`,
			dutch: 'C00010 komt meer dan eens voor'
		},
		{
			name: 'a reference to nothing',
			change: (b: Backup) => void (first(b, 'customers').paymentTermsCode = 'NOPE'),
			path: 'tables.customers[0].paymentTermsCode',
			dutch: 'NOPE staat niet in paymentTerms'
		},
		{
			name: 'no initialized setting',
			change: (b: Backup) =>
				void (b.tables.settings = b.tables.settings!.filter((row) => row.key !== 'initialized')),
			path: 'tables.settings',
			dutch: 'de instelling initialized ontbreekt'
		},
		{
			name: 'a customer billed to itself',
			change: (b: Backup) => void (first(b, 'customers').billToCustomerNo = 'C00010'),
			path: 'tables.customers[0].billToCustomerNo',
			dutch: 'de factuurklanten van C00010 leiden terug naar deze klant'
		}
	])('$name', async ({ change, path, dutch }) => {
		await resetDemoData();
		const backup = JSON.parse(await exportBackup()) as Backup;
		expect(first(backup, 'customers').no).toBe('C00010');
		change(backup);

		const checked = checkBackup(JSON.stringify(backup));

		expect(checked.ok).toBe(false);
		if (checked.ok) return;
		const problem = checked.problems[0]!;
		expect(problem.path).toBe(typeof path === 'string' ? path : path(backup));
		expect(backupProblemText(problem, translate)).toBe(dutch);
	});
});
