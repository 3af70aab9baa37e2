import { Dexie } from 'dexie';
import { db, type RefusedAttempt } from '$lib/db/db';
import {
	decide,
	decideForDocument,
	type Action,
	type Decision,
	type PolicyCustomer
} from '$lib/domain/policy';
import { BlockedError } from './errors';

type Refusal = Extract<Decision, { allowed: false }>;

/** One customer, or the sell-to and bill-to of a document (both must pass, sell-to first). */
export type Asked = PolicyCustomer | { sellTo: PolicyCustomer; billTo: PolicyCustomer };

/**
 * The write path's one "may I?": asks the policy and, when it refuses, records the attempt and
 * throws a BlockedError carrying the decision. `lineNo` names the journal line that was refused.
 */
export function assertAllowed(
	customers: Asked,
	action: Action,
	documentNo = '',
	lineNo?: number
): void {
	const decision =
		'sellTo' in customers
			? decideForDocument(customers.sellTo, customers.billTo, action)
			: decide(customers, action);
	if (decision.allowed) return;
	recordRefusal(decision, action, documentNo);
	const error = new BlockedError(decision);
	if (lineNo !== undefined) error.lineNo = lineNo;
	throw error;
}

/**
 * Records a refusal the policy already gave and throws it as a BlockedError: for a command whose
 * pure plan returned the decision (posting). A command that asks the policy itself calls
 * assertAllowed instead.
 */
export function refuse(decision: Refusal, action: Action, documentNo = ''): never {
	recordRefusal(decision, action, documentNo);
	throw new BlockedError(decision);
}

/**
 * Records a refused attempt with the refusal's facts (the UI words them in its language). The
 * record is written in a transaction of its own, so it stays although the command's
 * transaction is rolled back by the throw that follows.
 */
export function recordRefusal(decision: Refusal, action: Action, documentNo = ''): void {
	const attempt: RefusedAttempt = {
		id: crypto.randomUUID(),
		at: new Date().toISOString(),
		action,
		customerNo: decision.customerNo,
		documentNo,
		code: decision.code,
		blocked: decision.blocked,
		verb: decision.verb,
		message: decision.message
	};
	const write: Promise<unknown> = Dexie.ignoreTransaction(() => db.refusedAttempts.add(attempt))
		.catch(() => undefined)
		.finally(() => pending.delete(write));
	pending.add(write);
}

const pending = new Set<Promise<unknown>>();

/** Resolves once every refused attempt recorded so far is written (or has failed to be). */
export async function refusalsRecorded(): Promise<void> {
	while (pending.size > 0) await Promise.all(pending);
}
