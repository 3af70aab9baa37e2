import type { Customer } from './customer';
import {
	planIssue,
	skippedByPolicy,
	type IssuePlan,
	type RunPlan,
	type Skipped
} from './dunning-plan';
import type { PlanResult } from './plan';
import type { CustLedgerEntry, CustomerTotals } from './posted';
import {
	financeChargeLines,
	groupByCustomer,
	type FinanceChargeMemo,
	type FinanceChargeTerms
} from './receivables';

/**
 * Create Finance Charge Memos and Issue as pure plans. As in Business Central, interest is charged
 * once for each day: from the due date, or from the date up to which the last issued memo charged
 * the entry; an entry already on an open memo is left to that memo. The commands are in
 * app/finance-charge-memos.ts.
 */

/** A memo before it is written: the write step gives it its No. */
export type NewFinanceChargeMemo = Omit<FinanceChargeMemo, 'no'>;

export interface FinanceChargeRunInput {
	documentDate: string;
	/** The open entries of the customers in the run, in the order read (by entry No.). */
	entries: readonly CustLedgerEntry[];
	customers: ReadonlyMap<string, Customer>;
	terms: ReadonlyMap<string, FinanceChargeTerms>;
	/** The memos of these customers, open and issued. */
	memos: readonly FinanceChargeMemo[];
}

/** Up to which date issued memos charged each entry, and the open memo each entry is on. */
export function chargesOf(memos: readonly FinanceChargeMemo[]): {
	chargedUntil: Map<number, string>;
	onOpenMemo: Map<number, string>;
} {
	const chargedUntil = new Map<number, string>();
	const onOpenMemo = new Map<number, string>();
	for (const memo of memos) {
		for (const line of memo.lines) {
			if (memo.status === 'Open') {
				onOpenMemo.set(line.entryNo, memo.no);
				continue;
			}
			const until = line.interestToDate ?? memo.documentDate;
			if (until > (chargedUntil.get(line.entryNo) ?? '')) chargedUntil.set(line.entryNo, until);
		}
	}
	return { chargedUntil, onOpenMemo };
}

/**
 * Create Finance Charge Memos at a document date: for each customer with finance charge terms,
 * interest on its overdue entries not on hold for the days not charged yet (see
 * financeChargeLines), and the terms' fee. Customers the policy refuses are skipped and listed;
 * so is each entry already on an open memo, and a customer left with nothing to charge gets no
 * memo.
 */
export function planFinanceChargeMemos(
	input: FinanceChargeRunInput
): RunPlan<NewFinanceChargeMemo> {
	const { documentDate } = input;
	const { chargedUntil, onOpenMemo } = chargesOf(input.memos);
	const documents: NewFinanceChargeMemo[] = [];
	const skipped: Skipped[] = [];
	for (const [customerNo, entries] of groupByCustomer(input.entries)) {
		const customer = input.customers.get(customerNo);
		const terms = customer ? input.terms.get(customer.financeChargeTermsCode) : undefined;
		if (!customer || !terms) continue;
		const charged = financeChargeLines(entries, terms, documentDate, chargedUntil);
		if (charged.length === 0) continue;
		if (skippedByPolicy(skipped, customer, 'financeChargeMemo.create')) continue;
		const lines = charged.filter(({ entry }) => {
			const memoNo = onOpenMemo.get(entry.entryNo);
			if (memoNo === undefined) return true;
			const { documentNo } = entry;
			skipped.push({
				customerNo,
				reason: `${documentNo} is on the open finance charge memo ${memoNo} already.`,
				key: 'finance.entryOnOpenMemo',
				values: { documentNo, memoNo }
			});
			return false;
		});
		if (lines.length === 0) continue;
		documents.push({
			customerNo,
			customerName: customer.name,
			documentDate,
			dueDate: documentDate,
			financeChargeTermsCode: terms.code,
			feeCents: terms.additionalFeeCents,
			interestCents: lines.reduce((sum, line) => sum + line.interestCents, 0),
			status: 'Open',
			issuedNo: '',
			lines: lines.map((line) => ({
				entryNo: line.entry.entryNo,
				documentNo: line.entry.documentNo,
				dueDate: line.entry.dueDate,
				remainingAmountCents: line.entry.remainingAmountCents,
				daysOverdue: line.daysOverdue,
				interestFromDate: line.interestFromDate,
				interestToDate: line.interestToDate,
				interestCents: line.interestCents
			}))
		});
	}
	return { documents, skipped };
}

/** Issue a finance charge memo: its interest and fee post as one Finance Charge Memo entry. */
export function planFinanceChargeMemoIssue(input: {
	memo: FinanceChargeMemo;
	issuedNo: string;
	nextEntryNo: number;
	totals: CustomerTotals | undefined;
}): PlanResult<IssuePlan> {
	const { memo } = input;
	return planIssue({
		document: memo,
		entryType: 'Finance Charge Memo',
		amountCents: memo.interestCents + memo.feeCents,
		issuedNo: input.issuedNo,
		nextEntryNo: input.nextEntryNo,
		totals: input.totals
	});
}
