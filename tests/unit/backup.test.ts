import { describe, expect, it, vi } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { createCustomer } from '$lib/app/customer-card';
import { resetDemoData, startEmptyCompany } from '$lib/app/demo';
import { postSalesInvoice } from '$lib/app/posting';
import { setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { errorText } from '$lib/ui/messages';
import { givenDocument, snapshotDatabase } from '../factories';

async function demoWithPostings() {
	await resetDemoData();
	const invoice = await givenDocument('Invoice', 'C00010', [[2, 1000]]);
	await postSalesInvoice({ no: invoice });
	await givenDocument('Order', 'C00020', [[1, 500]]);
}

async function restore(text: string, size?: number) {
	const checked = checkBackup(text, size);
	if (!checked.ok) return checked;
	await restoreBackup(checked);
	return checked;
}

describe('backup', () => {
	it('round trip: export, start empty, import gives every table back identical', async () => {
		await demoWithPostings();
		const before = await snapshotDatabase();
		const file = await exportBackup();

		await startEmptyCompany();
		expect(await db.customers.count()).toBe(0);
		const result = await restore(file);

		expect(result.ok).toBe(true);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('upgrades a backup from an older schema version on import', async () => {
		const file = JSON.stringify({
			format: 'holdfast-backup',
			schemaVersion: 1,
			exportedAt: '2026-01-01T00:00:00Z',
			appVersion: '0.0.1',
			tables: {
				settings: [{ key: 'initialized', value: '2026-01-01T00:00:00Z' }],
				items: [
					{
						no: 'I1',
						description: 'Oak Desk',
						baseUnitOfMeasure: 'PCS',
						unitPriceCents: 100,
						vatPct: 21
					}
				]
			}
		});
		const result = await restore(file);
		expect(result.ok).toBe(true);
		expect(await db.items.get('I1')).toMatchObject({ searchTerms: ['i1', 'oak', 'desk'] });
		// Tables a later version added come with the rows a new database starts with.
		expect(await db.blockReasons.count()).toBe(5);
	});

	type Bad = {
		name: string;
		make: (file: string) => string;
		size?: number;
		key: string;
		path?: string;
	};
	const bad: Bad[] = [
		{
			name: 'truncated JSON',
			make: (file) => file.slice(0, file.length / 2),
			key: 'backup.notJson'
		},
		{
			name: 'a newer schema version',
			make: (file) => JSON.stringify({ ...JSON.parse(file), schemaVersion: 99 }),
			key: 'backup.newer'
		},
		{
			name: 'a wrong field type',
			make: (file) => {
				const backup = JSON.parse(file);
				backup.tables.customers[2].creditLimitCents = 'lots';
				return JSON.stringify(backup);
			},
			key: 'backup.invalid',
			path: 'tables.customers[2].creditLimitCents'
		},
		{
			name: 'a line pointing at a missing document',
			make: (file) => {
				const backup = JSON.parse(file);
				backup.tables.salesLines[0].documentNo = 'SO-9999';
				return JSON.stringify(backup);
			},
			key: 'backup.invalid',
			path: 'tables.salesLines[0].documentNo'
		},
		{ name: 'a 50 MB file', make: (file) => file, size: 50 * 1024 * 1024, key: 'backup.tooLarge' },
		{
			name: 'not a backup at all',
			make: () => '{"hello": "world"}',
			key: 'backup.invalid',
			path: 'format'
		}
	];

	it.each(bad)('refuses $name, says why and changes nothing', async ({ make, size, key, path }) => {
		await demoWithPostings();
		const file = make(await exportBackup());
		const before = await snapshotDatabase();

		const result = await restore(file, size);

		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.key).toBe(key);
		if (path) expect(result.problems[0]?.path).toBe(path);
		expect(await snapshotDatabase()).toEqual(before);
	});
});

describe('storage full', () => {
	it('a quota error in a command writes nothing and says so clearly', async () => {
		await setupI18n('en');
		const full = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		const spy = vi.spyOn(db.customers, 'add').mockRejectedValue(full);
		const before = await snapshotDatabase();

		const attempt = createCustomer({ name: 'Full' });

		await expect(attempt).rejects.toBeDefined();
		const error = await attempt.catch((caught: unknown) => caught);
		expect(errorText(error, translate)).toBe(
			'The browser has no more room to store data. Nothing was saved. Free some space or export a backup.'
		);
		spy.mockRestore();
		expect(await snapshotDatabase()).toEqual(before);
	});
});
