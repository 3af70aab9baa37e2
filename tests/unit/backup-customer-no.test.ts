import { describe, expect, it } from 'vitest';
import { checkBackup, exportBackup } from '$lib/app/backup';
import { resetDemoData } from '$lib/app/demo';
import { snapshotDatabase } from '../factories';

type Backup = { tables: Record<string, Record<string, unknown>[]> };

describe('a customer No. in a backup', () => {
	it.each([
		['A/B', 'a slash'],
		['c00010x', 'lower case'],
		['.HIDDEN', 'a leading dot'],
		['C'.repeat(21), 'more than 20 characters']
	])(
		'%s (%s) is refused as the card and the CSV import refuse it, and nothing changes',
		async (no) => {
			await resetDemoData();
			const backup = JSON.parse(await exportBackup()) as Backup;
			const customers = backup.tables.customers!;
			customers.push({ ...customers[0]!, no, billToCustomerNo: '' });
			const before = await snapshotDatabase();

			const checked = checkBackup(JSON.stringify(backup));

			expect(checked.ok).toBe(false);
			if (checked.ok) return;
			expect(checked.key).toBe('backup.invalid');
			expect(checked.problems.map((problem) => problem.path)).toEqual([
				`tables.customers[${customers.length - 1}].no`
			]);
			expect(checked.problems[0]!.message).toMatch(/customer No\./);
			expect(await snapshotDatabase()).toEqual(before);
		}
	);

	it('C00010-B, 1234 and X.1 are Nos. the card accepts, so the backup is accepted', async () => {
		await resetDemoData();
		const backup = JSON.parse(await exportBackup()) as Backup;
		const customers = backup.tables.customers!;
		for (const no of ['C00010-B', '1234', 'X.1']) {
			customers.push({ ...customers[0]!, no, billToCustomerNo: '' });
		}
		const checked = checkBackup(JSON.stringify(backup));
		expect(checked.ok).toBe(true);
		if (checked.ok) expect(checked.counts.customers).toBe(customers.length);
	});
});
