import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import {
	checkCustomerRows,
	guessMapping,
	importCustomers,
	parseCsvText,
	readCsv,
	type CheckedCustomers
} from '$lib/app/customer-import';
import { deleteBlockReason, addBlockReason } from '$lib/app/block-reasons';
import { undoBatch } from '$lib/app/customer-blocking';
import { resetDemoData } from '$lib/app/demo';
import { setUserName } from '$lib/app/settings';
import { CUSTOMER_NO_MAX, customerNoError, TEXT_FIELD_MAX } from '$lib/domain/customer';
import { snapshotDatabase } from '../factories';

const CSV = `No.,Name,City,E-Mail,Blocked,Block Reason,Credit Limit
,Zeebrugge Shipping,Zeebrugge,ops@zeebrugge.example,,,1000
C00900,Aalst Bakery,Aalst,not-an-email,,,0
C00010,Duplicate Of Demo,Gent,,,,
C00160,Namur Print,Namur,,Verzending,OVERDUE,250.50
C00160,Twice In File,Namur,,,,
,,Nowhere,,,,
,Bad Block,Gent,,Sometimes,,
,Bad Limit,Gent,,,,12.345`;

/** "No.,Name,City\r\n,Café Müller,Gent\r\n" as Excel saves it on a Western Windows. */
const WINDOWS_1252 = Uint8Array.from([
	...Buffer.from('No.,Name,City\r\n,Caf'),
	0xe9, // é
	...Buffer.from(' M'),
	0xfc, // ü
	...Buffer.from('ller,Gent\r\n')
]);

async function check(text: string): Promise<CheckedCustomers> {
	const parsed = parseCsvText(text);
	return checkCustomerRows(parsed, guessMapping(parsed.headers));
}

function problemsOf(checked: CheckedCustomers) {
	return checked.problems.map((problem) => [problem.row, problem.key]);
}

describe('CSV import of customers', () => {
	it('maps columns, imports the valid rows in one go, and lists the others with the reason', async () => {
		await resetDemoData();
		const parsed = parseCsvText(CSV);
		const mapping = guessMapping(parsed.headers);
		expect(mapping).toMatchObject({
			no: 'No.',
			name: 'Name',
			email: 'E-Mail',
			blocked: 'Blocked',
			blockReason: 'Block Reason',
			creditLimit: 'Credit Limit'
		});

		const checked = await checkCustomerRows(parsed, mapping);

		expect(problemsOf(checked)).toEqual([
			[3, 'error.emailInvalid'],
			[4, 'csv.duplicate'],
			[6, 'csv.duplicate'],
			[7, 'csv.nameRequired'],
			[8, 'error.blockedInvalid'],
			[9, 'error.tooManyDecimals']
		]);
		const count = await importCustomers(checked);
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

	it('writes nothing when a No. was taken meanwhile, and names it', async () => {
		await resetDemoData();
		const checked = await check('No.,Name\nC00500,One\nC00510,Two');
		// Written meanwhile in another tab: the check could not see it, the import must.
		await db.customers.add({ ...(await db.customers.get('C00010'))!, no: 'C00510' });
		const before = await snapshotDatabase();
		await expect(importCustomers(checked)).rejects.toMatchObject({
			key: 'csv.duplicate',
			values: { no: 'C00510' }
		});
		expect(await snapshotDatabase()).toEqual(before);
	});

	describe('double submission', () => {
		it('imports a checked file once, however often it is submitted', async () => {
			await resetDemoData();
			const before = await db.customers.count();
			const rows = Array.from({ length: 30 }, (_, i) => `,Double ${i + 1},Gent`);
			const checked = await check(['No.,Name,City', ...rows].join('\n'));
			expect(checked.valid).toHaveLength(30);

			// Two clicks: the second call starts before the first has finished.
			const results = await Promise.allSettled([
				importCustomers(structuredClone(checked)),
				importCustomers(structuredClone(checked))
			]);
			// And once more after it finished.
			const again = await importCustomers(structuredClone(checked)).catch((error) => error);

			expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
			expect(again).toMatchObject({ key: 'csv.alreadyImported' });
			expect(await db.customers.count()).toBe(before + 30);
		});

		it('may be tried again when the import failed', async () => {
			await resetDemoData();
			await addBlockReason({ code: 'GONE', description: '' });
			const checked = await check('No.,Name,Blocked,Block Reason\nC00500,One,All,GONE');
			await deleteBlockReason({ code: 'GONE' });
			await expect(importCustomers(checked)).rejects.toMatchObject({ key: 'error.reasonInvalid' });
			expect(await db.customers.get('C00500')).toBeUndefined();

			await addBlockReason({ code: 'GONE', description: '' });
			expect(await importCustomers(checked)).toBe(1);
			expect(await db.customers.get('C00500')).toMatchObject({ blocked: 'All' });
		});
	});

	describe('encoding', () => {
		it('reads a Windows-1252 file as Excel saves it, and says so', async () => {
			await resetDemoData();
			const parsed = await readCsv(new Blob([WINDOWS_1252]));
			expect(parsed.encoding).toBe('windows-1252');
			expect(parsed.utf8).toBe(false);
			const checked = await checkCustomerRows(parsed, guessMapping(parsed.headers));
			expect(checked.valid.map((customer) => customer.name)).toEqual(['Café Müller']);
			await importCustomers(checked);
			expect(await db.customers.where('name').equals('Café Müller').count()).toBe(1);
		});

		it('reads UTF-8, with or without the byte order mark Excel writes', async () => {
			for (const bom of [[], [0xef, 0xbb, 0xbf]]) {
				const bytes = Uint8Array.from([...bom, ...Buffer.from('No.,Name\n,Café Müller\n')]);
				const parsed = await readCsv(new Blob([bytes]));
				expect(parsed.encoding).toBe('utf-8');
				expect(parsed.headers).toEqual(['No.', 'Name']);
				expect(parsed.rows[0]?.values.Name).toBe('Café Müller');
			}
		});

		it('reads the other encoding when asked, and refuses rows it cannot read', async () => {
			const parsed = await readCsv(new Blob([WINDOWS_1252]), 'utf-8');
			expect(parsed.encoding).toBe('utf-8');
			const checked = await checkCustomerRows(parsed, guessMapping(parsed.headers));
			expect(checked.valid).toEqual([]);
			expect(problemsOf(checked)).toEqual([[2, 'csv.unreadable']]);
		});
	});

	describe("papaparse's row errors", () => {
		it('reports an unclosed quote on its row and imports nothing it swallowed', async () => {
			await resetDemoData();
			const checked = await check(
				'No.,Name,City\nC00500,Before,Gent\nC00510,"Café Müller,Gent\nC00520,Next Row,Aalst\n'
			);
			expect(checked.valid.map((customer) => customer.no)).toEqual(['C00500']);
			expect(problemsOf(checked)).toEqual([[3, 'csv.missingQuotes']]);
		});

		it.each([
			['a stray quote', 'No.,Name,City\r\nC00500,"Bad"x",Gent\r\n', 'csv.invalidQuotes'],
			['too many fields', 'No.,Name,City\nC00500,Café, Müller,Gent\n', 'csv.tooManyFields'],
			['too few fields', 'No.,Name,City\nC00500,Café Müller\n', 'csv.tooFewFields']
		])('reports %s on its row', async (_, text, key) => {
			const checked = await check(text);
			expect(checked.valid).toEqual([]);
			expect(problemsOf(checked)).toEqual([[2, key]]);
		});

		it('numbers rows by their line in the file, past blank lines and line breaks in quotes', async () => {
			const checked = await check('No.,Name\n\nC00500,"Two\nlines"\n,\nC00510,Café, Müller\n');
			expect(problemsOf(checked)).toEqual([[6, 'csv.tooManyFields']]);
		});
	});

	describe("the card's length limits", () => {
		const long = (length: number) => 'x'.repeat(length);
		it.each([
			['Post Code', TEXT_FIELD_MAX],
			['Phone No.', TEXT_FIELD_MAX],
			['Country/Region', TEXT_FIELD_MAX],
			['Address', TEXT_FIELD_MAX],
			['City', TEXT_FIELD_MAX],
			['Name', TEXT_FIELD_MAX]
		])('%s: %i characters are taken, one more is refused', async (column, max) => {
			const text =
				column === 'Name'
					? `Name\n${long(max)}\n${long(max + 1)}`
					: `Name,${column}\nA,${long(max)}\nB,${long(max + 1)}`;
			const checked = await check(text);
			expect(checked.valid).toHaveLength(1);
			expect(checked.problems).toEqual([
				expect.objectContaining({ row: 3, key: 'error.tooLong', values: { max } })
			]);
		});

		it('No.: as many characters as the card allows, one more is refused', async () => {
			const checked = await check(
				`No.,Name\n${long(CUSTOMER_NO_MAX)},A\n${long(CUSTOMER_NO_MAX + 1)},B`
			);
			expect(checked.valid.map((customer) => customer.name)).toEqual(['A']);
			expect(checked.problems).toEqual([
				expect.objectContaining({ row: 3, key: 'error.tooLong', values: { max: CUSTOMER_NO_MAX } })
			]);
		});

		it('refuses a 100,000-character post code', async () => {
			const checked = await check(`Name,Post Code\nA,${long(100_000)}`);
			expect(checked.valid).toEqual([]);
			expect(problemsOf(checked)).toEqual([[2, 'error.tooLong']]);
		});
	});

	describe('Nos. that cannot be used in a link', () => {
		it.each(['A/B', 'A?B', 'A#B', 'A B', 'A%2FB', '..', '.', '-1', 'CAFÉ', 'A\\B'])(
			'refuses %s',
			async (no) => {
				expect(customerNoError(no)).toBe('error.customerNoInvalid');
				const checked = await check(`No.,Name\n"${no}",A`);
				expect(checked.valid).toEqual([]);
				expect(problemsOf(checked)).toEqual([[2, 'error.customerNoInvalid']]);
			}
		);

		it.each(['C00010', 'K-01', 'A_B.2'])('takes %s', (no) => {
			expect(customerNoError(no)).toBeNull();
		});
	});

	describe('an imported block', () => {
		it('needs a reason from the block reasons table', async () => {
			await resetDemoData();
			const checked = await check(
				'No.,Name,Blocked,Block Reason\nC00500,No Reason,All,\nC00510,Unknown,Ship,WHIMS\nC00520,Fine,Invoice,dispute'
			);
			expect(problemsOf(checked)).toEqual([
				[2, 'csv.reasonRequired'],
				[3, 'error.reasonInvalid']
			]);
			expect(checked.valid.map((customer) => [customer.no, customer.blockReason])).toEqual([
				['C00520', 'DISPUTE']
			]);
		});

		it('is in the history with the import as its batch, by the user, and can be undone', async () => {
			await resetDemoData();
			await setUserName({ userName: 'Ann Peeters' });
			const checked = await check(
				'No.,Name,Blocked,Block Reason\nC00500,Blocked All,All,OVERDUE\nC00510,Blocked Ship,Ship,DISPUTE\nC00520,Open,,'
			);
			await importCustomers(checked);

			const blocked = await db.customers.get('C00500');
			expect(blocked).toMatchObject({
				blocked: 'All',
				blockReason: 'OVERDUE',
				blockedBy: 'Ann Peeters'
			});
			expect(blocked?.blockedSince).not.toBe('');
			const history = await db.changeLog.where('batchId').equals(checked.batchId).toArray();
			expect(
				history.map((entry) => [entry.key, entry.field, entry.oldValue, entry.newValue])
			).toEqual(
				expect.arrayContaining([
					['C00500', 'blocked', '', 'All'],
					['C00510', 'blocked', '', 'Ship']
				])
			);
			expect(history).toHaveLength(2);
			for (const entry of history) expect(entry.user).toBe('Ann Peeters');
			expect(history.find((entry) => entry.key === 'C00500')?.reason).toBe('OVERDUE');

			const undone = await undoBatch({ batchId: checked.batchId });
			expect(undone.restored.sort()).toEqual(['C00500', 'C00510']);
			expect(await db.customers.get('C00500')).toMatchObject({ blocked: '', blockedBy: '' });
		});
	});
});
