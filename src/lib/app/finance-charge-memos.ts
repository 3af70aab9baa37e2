import { db } from '$lib/db/db';
import {
	planFinanceChargeMemoIssue,
	planFinanceChargeMemos
} from '$lib/domain/finance-charge-plan';
import type { FinanceChargeMemo } from '$lib/domain/receivables';
import { NotFoundError } from './errors';
import {
	deleteOpen,
	readIssue,
	readRun,
	readTerms,
	writeIssue,
	writeRun,
	type BatchResult,
	type DunningStore
} from './dunning';
import { readWorkDate } from './settings';

const MEMOS: DunningStore<FinanceChargeMemo> = {
	table: () => db.financeChargeMemos,
	get: (no) => db.financeChargeMemos.get(no),
	add: (memo) => db.financeChargeMemos.add(memo),
	markIssued: (no, issuedNo) => db.financeChargeMemos.update(no, { status: 'Issued', issuedNo }),
	delete: (no) => db.financeChargeMemos.delete(no)
};

/**
 * Finance charge memos: Create Finance Charge Memos, Issue and Delete. Each command reads, asks
 * the plan in domain/finance-charge-plan.ts and writes, in one transaction.
 */

/**
 * Create Finance Charge Memos at a document date for customers with finance charge terms:
 * interest on overdue entries not on hold, for the days no issued memo charged yet. Customers
 * the policy refuses, and entries already on an open memo, are skipped and listed.
 */
export async function createFinanceChargeMemos(input: {
	documentDate?: string;
	customerNos?: string[];
}): Promise<BatchResult> {
	return db.transaction(
		'rw',
		[
			db.customers,
			db.custLedgerEntries,
			db.customerTotals,
			db.financeChargeTerms,
			db.financeChargeMemos,
			db.numberSeries,
			db.settings
		],
		async () => {
			const documentDate = input.documentDate || (await readWorkDate());
			const { entries, customers } = await readRun(input.customerNos);
			const [terms, memos] = await Promise.all([
				readTerms(
					(codes) => db.financeChargeTerms.bulkGet(codes),
					customers,
					(customer) => customer.financeChargeTermsCode
				),
				db.financeChargeMemos
					.where('customerNo')
					.anyOf([...customers.keys()])
					.toArray()
			]);
			const plan = planFinanceChargeMemos({ documentDate, entries, customers, terms, memos });
			return writeRun(MEMOS, 'FINCHRG', plan);
		}
	);
}

export async function deleteFinanceChargeMemo(input: { no: string }): Promise<void> {
	await deleteOpen(MEMOS, input.no);
}

/** Issues a finance charge memo: interest and fee post as one Finance Charge Memo entry. */
export async function issueFinanceChargeMemo(input: { no: string }): Promise<string> {
	return db.transaction(
		'rw',
		[db.financeChargeMemos, db.customers, db.custLedgerEntries, db.customerTotals, db.numberSeries],
		async () => {
			const memo = await db.financeChargeMemos.get(input.no);
			if (!memo) throw new NotFoundError('Finance charge memo', input.no);
			const read = await readIssue('ISSFINCHRG', memo.customerNo);
			const planned = planFinanceChargeMemoIssue({
				memo,
				issuedNo: read.issued.no,
				nextEntryNo: read.entry.entryNo,
				totals: read.totals
			});
			return writeIssue(MEMOS, memo, 'financeChargeMemo.issue', read, planned);
		}
	);
}
