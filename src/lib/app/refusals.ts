import { Dexie } from 'dexie';
import { db } from '$lib/db/db';
import type { Action, Decision } from '$lib/domain/policy';
import { BlockedError } from './errors';

/**
 * Throws the policy's refusal as a BlockedError and records the attempt. The record is
 * written in a transaction of its own, so it stays although the command's transaction is
 * rolled back by the throw.
 */
export function refuse(
	decision: Extract<Decision, { allowed: false }>,
	action: Action,
	documentNo = ''
): never {
	recordRefusal(decision, action, documentNo);
	throw new BlockedError(decision);
}

/** Records a refused attempt without throwing (for callers that throw their own error). */
export function recordRefusal(
	decision: Extract<Decision, { allowed: false }>,
	action: Action,
	documentNo = ''
): void {
	const attempt = {
		id: crypto.randomUUID(),
		at: new Date().toISOString(),
		action,
		customerNo: decision.customerNo,
		documentNo,
		message: decision.message
	};
	void Dexie.ignoreTransaction(() => db.refusedAttempts.add(attempt)).catch(() => undefined);
}
