import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { db } from '$lib/db/db';
import { checkCustomerRows, guessMapping, importCustomers } from '$lib/app/customer-import';
import { resetDemoData } from '$lib/app/demo';
import { snapshotDatabase } from '../factories';

const CSV = `No.,Name,City,E-Mail,Blocked,Credit Limit
,Zeebrugge Shipping,Zeebrugge,ops@zeebrugge.example,,1000
C00900,Aalst Bakery,Aalst,not-an-email,,0
C00010,Duplicate Of Demo,Gent,,,
C00160,Namur Print,Namur,,Verzending,250.50
C00160,Twice In File,Namur,,,
,,Nowhere,,,
,Bad Block,Gent,,Sometimes,
,Bad Limit,Gent,,,12.345`;

function parse(text: string) {
	const result = Papa.parse<Record<string, string>>(text, {
		header: true,
		skipEmptyLines: 'greedy'
	});
	return { headers: result.meta.fields ?? [], rows: result.data };
}

describe('CSV import of customers', () => {
	it('maps columns, imports the valid rows in one go, and lists the others with the reason', async () => {
		await resetDemoData();
		const { headers, rows } = parse(CSV);
		const mapping = guessMapping(headers);
		expect(mapping).toMatchObject({
			no: 'No.',
			name: 'Name',
			email: 'E-Mail',
			blocked: 'Blocked',
			creditLimit: 'Credit Limit'
		});

		const checked = await checkCustomerRows(rows, mapping);

		expect(checked.problems.map((problem) => [problem.row, problem.key])).toEqual([
			[3, 'error.emailInvalid'],
			[4, 'csv.duplicate'],
			[6, 'csv.duplicate'],
			[7, 'csv.nameRequired'],
			[8, 'error.blockedInvalid'],
			[9, 'error.tooManyDecimals']
		]);
		const count = await importCustomers(checked.valid);
		expect(count).toBe(2);
		const imported = await db.customers
			.where('name')
			.anyOf('Zeebrugge Shipping', 'Namur Print')
			.toArray();
		expect(imported.map((c) => [c.name, c.blocked, c.creditLimitCents])).toEqual([
			['Namur Print', 'Ship', 25050],
			['Zeebrugge Shipping', '', 100000]
		]);
		// The row without a No. drew one from the series, skipping C00160 which the file used.
		expect(imported.find((c) => c.name === 'Zeebrugge Shipping')?.no).toBe('C00170');
	});

	it('writes nothing when the import fails part-way', async () => {
		await resetDemoData();
		const before = await snapshotDatabase();
		const { rows, headers } = parse('No.,Name\nC00500,One\nC00500,Two');
		const checked = await checkCustomerRows(rows, guessMapping(headers));
		// Force a clash the check cannot see (written meanwhile in another tab).
		await expect(
			importCustomers([...checked.valid, { ...checked.valid[0]!, name: 'Clash' }])
		).rejects.toBeDefined();
		expect(await snapshotDatabase()).toEqual(before);
	});
});
