import { refused, type PlanRefusal, type PlanResult } from './plan';
import { decide, type Action, type Decision, type PolicyCustomer } from './policy';
import {
	newLedgerEntry,
	totalsAfter,
	type CustLedgerEntry,
	type CustomerTotals,
	type LedgerDocumentType
} from './posted';
import type { MemoStatus } from './receivables';

/**
 * What reminders and finance charge memos (the dunning documents) share, as pure rules: the
 * result of a Create run, the "issued already" refusals and the issue plan — the issued No. and
 * the ledger entry of what the document charges. The plans of each are in reminder-plan.ts and
 * finance-charge-plan.ts; the commands in app/reminders.ts and app/finance-charge-memos.ts.
 */

type Refusal = Extract<Decision, { allowed: false }>;

/** A customer (or one entry of it) a Create run passed over, and why. */
export interface Skipped {
	customerNo: string;
	/** In English; `key` (with `values`) names it in the message catalog when there is no decision. */
	reason: string;
	key?: string;
	values?: Record<string, string | number>;
	/** The policy's refusal, when the policy refused the customer. */
	decision?: Refusal;
}

/** What Create Reminders or Create Finance Charge Memos did. */
export interface BatchResult {
	created: string[];
	skipped: Skipped[];
}

/** What a Create run plans: the new documents (numbered when written) and what it passed over. */
export interface RunPlan<T> {
	documents: T[];
	skipped: Skipped[];
}

/**
 * A batch run passes over a customer the policy refuses the action for, and lists it with the
 * policy's reason. True when the customer was skipped.
 */
export function skippedByPolicy(
	skipped: Skipped[],
	customer: PolicyCustomer,
	action: Action
): boolean {
	const decision = decide(customer, action);
	if (decision.allowed) return false;
	skipped.push({ customerNo: customer.no, reason: decision.message, decision });
	return true;
}

/** A reminder or finance charge memo as issuing and editing read it. */
export interface DunningDocument {
	no: string;
	customerNo: string;
	documentDate: string;
	dueDate: string;
	status: MemoStatus;
}

/**
 * An issued document cannot be issued again (`issue`) nor changed or deleted (`change`); null
 * while it is open (or, for `change`, when it does not exist: deleting nothing is fine).
 */
export function issuedRefusal(
	document: Pick<DunningDocument, 'no' | 'status'> | undefined,
	verb: 'issue' | 'change'
): PlanRefusal | null {
	if (document?.status !== 'Issued') return null;
	const { no } = document;
	return verb === 'issue'
		? { key: 'error.issued', message: `${no} is issued already.`, values: { no } }
		: { key: 'error.issued', message: `${no} is issued and cannot be changed.`, values: { no } };
}

/** What issuing writes besides the document's own status. */
export interface IssuePlan {
	issuedNo: string;
	/** The entry of what the document charges (none when it charges nothing), with the totals. */
	ledger: { added: CustLedgerEntry[]; totals: CustomerTotals[] };
}

/**
 * Issues a reminder or finance charge memo: it takes its issued No., and what it charges (a
 * reminder's fee, a memo's interest and fee) is posted as one open entry of the customer at the
 * document date, due at its due date. Refused when it is issued already. The policy is the
 * command's to ask.
 */
export function planIssue(input: {
	document: DunningDocument;
	entryType: Extract<LedgerDocumentType, 'Reminder' | 'Finance Charge Memo'>;
	amountCents: number;
	issuedNo: string;
	nextEntryNo: number;
	/** The customer's totals as stored (undefined: none yet). */
	totals: CustomerTotals | undefined;
}): PlanResult<IssuePlan> {
	const { document, issuedNo } = input;
	const issued = issuedRefusal(document, 'issue');
	if (issued) return refused(issued.key, issued.message, issued.values);
	// Nothing charged, no entry: a zero entry is never written (newLedgerEntry would close it).
	const added =
		input.amountCents > 0
			? [
					newLedgerEntry({
						entryNo: input.nextEntryNo,
						customerNo: document.customerNo,
						postingDate: document.documentDate,
						documentType: input.entryType,
						documentNo: issuedNo,
						amountCents: input.amountCents,
						dueDate: document.dueDate
					})
				]
			: [];
	const totals =
		added.length > 0 ? [totalsAfter(document.customerNo, input.totals, added, [])] : [];
	return { ok: true, plan: { issuedNo, ledger: { added, totals } } };
}
