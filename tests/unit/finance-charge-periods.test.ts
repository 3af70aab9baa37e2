import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { ensureCompany } from '$lib/app/demo';
import { createFinanceChargeMemos, issueFinanceChargeMemo } from '$lib/app/finance-charge-memos';
import { DEMO_FINANCE_CHARGE_TERMS } from '$lib/app/demo-data';
import { givenCustomer, givenInvoiceEntry } from '../factories';

// 8 % a year (365 days), 10 days' grace, minimum 1.00, fee 5.00.
const TERMS = { financeChargeTermsCode: DEMO_FINANCE_CHARGE_TERMS[0]!.code };

beforeEach(async () => {
	await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
});

describe('Create Finance Charge Memos run twice', () => {
	it('does not put an entry on a second open memo, and says why', async () => {
		const customer = await givenCustomer(TERMS);
		const entry = await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01');
		const first = await createFinanceChargeMemos({ documentDate: '2026-03-15' });
		expect(first.created).toHaveLength(1);

		const second = await createFinanceChargeMemos({ documentDate: '2026-03-20' });

		expect(second.created).toEqual([]);
		expect(await db.financeChargeMemos.count()).toBe(1);
		expect(second.skipped).toEqual([
			expect.objectContaining({
				customerNo: customer.no,
				key: 'finance.entryOnOpenMemo',
				values: { documentNo: entry.documentNo, memoNo: first.created[0] },
				reason: `${entry.documentNo} is on the open finance charge memo ${first.created[0]} already.`
			})
		]);
	});

	it('charges a new memo only for the days after the last issued memo, and records the period', async () => {
		const customer = await givenCustomer(TERMS);
		await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01');
		const first = await createFinanceChargeMemos({ documentDate: '2026-03-15' });
		const firstMemo = (await db.financeChargeMemos.get(first.created[0]!))!;
		// 10,000.00 × 8 % × 73 / 365 = 160.00
		expect(firstMemo.interestCents).toBe(16000);
		expect(firstMemo.lines[0]).toMatchObject({
			daysOverdue: 73,
			interestFromDate: '2026-01-01',
			interestToDate: '2026-03-15'
		});
		await issueFinanceChargeMemo({ no: firstMemo.no });

		const second = await createFinanceChargeMemos({ documentDate: '2026-04-14' });

		const memo = (await db.financeChargeMemos.get(second.created[0]!))!;
		// 10,000.00 × 8 % × 30 / 365 = 65.75: the 73 days charged before are not charged again.
		expect(memo.interestCents).toBe(6575);
		expect(memo.lines[0]).toMatchObject({
			daysOverdue: 103,
			interestFromDate: '2026-03-15',
			interestToDate: '2026-04-14',
			interestCents: 6575
		});
	});

	it('creates nothing for an entry already charged up to the document date', async () => {
		const customer = await givenCustomer(TERMS);
		await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01');
		const first = await createFinanceChargeMemos({ documentDate: '2026-03-15' });
		await issueFinanceChargeMemo({ no: first.created[0]! });

		const again = await createFinanceChargeMemos({ documentDate: '2026-03-15' });

		expect(again).toEqual({ created: [], skipped: [] });
	});

	it('a backup keeps the period a memo line charged', async () => {
		await ensureCompany();
		const customer = await givenCustomer(TERMS);
		await givenInvoiceEntry(customer.no, 1_000_000, '2026-01-01');
		const { created } = await createFinanceChargeMemos({ documentDate: '2026-03-15' });

		const checked = checkBackup(await exportBackup());
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
		await restoreBackup(checked);

		expect((await db.financeChargeMemos.get(created[0]!))?.lines[0]).toMatchObject({
			interestFromDate: '2026-01-01',
			interestToDate: '2026-03-15'
		});
	});
});
