import { ACTIONS, decide, type Action, type PolicyCustomer } from './policy';

export interface BlockSummary {
	allowed: Action[];
	forbidden: Action[];
}

/** Splits the actions (all by default) into what the block still allows and what it forbids. */
export function summarizeBlock(
	customer: PolicyCustomer,
	actions: readonly Action[] = ACTIONS.filter((action) => action !== 'customer.edit')
): BlockSummary {
	const allowed: Action[] = [];
	const forbidden: Action[] = [];
	for (const action of actions) {
		(decide(customer, action).allowed ? allowed : forbidden).push(action);
	}
	return { allowed, forbidden };
}

export function isBlocked(customer: PolicyCustomer): boolean {
	return customer.blocked !== '' || customer.privacyBlocked;
}
