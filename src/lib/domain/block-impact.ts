import { DOCUMENT_ACTIONS, type SalesDocumentType } from './sales-document';
import { withBlocked } from './customer';
import { decide, type Action, type Blocked, type PolicyCustomer } from './policy';

/** What a customer has open that a block can stop. */
export type ImpactKind =
	SalesDocumentType | 'shippedNotInvoiced' | 'openBalance' | 'reminder' | 'financeChargeMemo';

/**
 * The actions still ahead of each kind of open work, in the policy's names; an open document
 * has those of its type, from the one list in documents.ts.
 */
export const IMPACT_ACTIONS: Record<ImpactKind, readonly Action[]> = {
	...DOCUMENT_ACTIONS,
	shippedNotInvoiced: ['order.postInvoice', 'invoice.postFromShipments'],
	openBalance: ['payment.post', 'refund.post', 'financeChargeMemo.create', 'reminder.create'],
	reminder: ['reminder.issue'],
	financeChargeMemo: ['financeChargeMemo.issue']
};

/** One piece of open work: a document (ref is its No.) or a figure (count and amount). */
export interface ImpactFact {
	kind: ImpactKind;
	ref: string;
	count: number;
	amountCents: number;
}

export interface ImpactRow extends ImpactFact {
	/** Allowed today, refused once the new level is saved. */
	becomesImpossible: Action[];
	/** Refused already and still refused. */
	stillRefused: Action[];
}

/**
 * What a new Blocked level would stop, asked of the policy for every piece of open work:
 * the actions `decide` allows for the customer now and refuses at the new level.
 */
export function blockImpact(
	customer: PolicyCustomer,
	level: Blocked,
	facts: readonly ImpactFact[]
): ImpactRow[] {
	const after: PolicyCustomer = { ...customer, ...withBlocked(customer, level) };
	return facts.map((fact) => {
		const becomesImpossible: Action[] = [];
		const stillRefused: Action[] = [];
		for (const action of IMPACT_ACTIONS[fact.kind]) {
			if (decide(after, action).allowed) continue;
			(decide(customer, action).allowed ? becomesImpossible : stillRefused).push(action);
		}
		return { ...fact, becomesImpossible, stillRefused };
	});
}
