/**
 * The one answer to "may I?" for a blocked customer, after Business Central's
 * CheckBlockedCustOnDocs / CheckBlockedCustOnJnls. Pure: the UI and every command ask it.
 */

export type Blocked = '' | 'Ship' | 'Invoice' | 'All';

export const BLOCKED_LEVELS: readonly Blocked[] = ['', 'Ship', 'Invoice', 'All'];

export interface PolicyCustomer {
	no: string;
	blocked: Blocked;
	privacyBlocked: boolean;
}

export const VERBS = ['create', 'post'] as const;

export type Verb = (typeof VERBS)[number];

/** Why the policy refuses: Blocked, or Privacy Blocked (which carries its own message). */
export const REFUSAL_CODES = ['blocked', 'privacyBlocked'] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

/** What a refusal's message is built from: the UI says it in its own language. */
export interface RefusalFacts {
	code: RefusalCode;
	customerNo: string;
	blocked: Blocked;
	verb: Verb;
}

export type Decision =
	| { allowed: true }
	| {
			allowed: false;
			code: RefusalCode;
			message: string;
			/** What the message is built from, so a translated UI can say the same. */
			customerNo: string;
			blocked: Blocked;
			verb: Verb;
	  };

/**
 * The weakest block level that refuses an action; `null` when no block refuses it, not even
 * Privacy Blocked.
 */
const REFUSED_FROM = {
	'quote.create': 'Ship',
	'order.create': 'Ship',
	'blanketOrder.create': 'Ship',
	'invoice.create': 'Invoice',
	'creditMemo.create': 'All',
	'returnOrder.create': 'All',
	'quote.makeOrder': 'Ship',
	'quote.makeInvoice': 'Ship',
	'blanketOrder.makeOrder': 'Ship',
	'order.postShip': 'Ship',
	'order.postInvoice': 'Invoice',
	'invoice.post': 'Ship',
	'invoice.postFromShipments': 'Invoice',
	'creditMemo.post': 'All',
	'returnOrder.post': 'All',
	'payment.post': 'All',
	'refund.post': 'All',
	'reminder.create': 'All',
	'reminder.issue': 'All',
	'financeChargeMemo.create': 'All',
	'financeChargeMemo.issue': 'All',
	'postedInvoice.correct': 'Invoice',
	'postedInvoice.cancel': 'Invoice',
	// The card itself stays editable at every level, or nobody could lift a block.
	'customer.edit': null
} as const satisfies Record<string, Blocked | null>;

export type Action = keyof typeof REFUSED_FROM;

export const ACTIONS = Object.keys(REFUSED_FROM) as Action[];

const SEVERITY: Record<Blocked, number> = { '': 0, Ship: 1, Invoice: 2, All: 3 };

/** `create` for new documents and conversions, `post` for posting, issuing, correcting. */
export function verbOf(action: Action): Verb {
	const operation = action.slice(action.indexOf('.') + 1);
	return operation === 'create' || operation.startsWith('make') || operation === 'edit'
		? 'create'
		: 'post';
}

export function refusalMessage(
	customerNo: string,
	code: RefusalCode,
	blocked: Blocked,
	verb: Verb
): string {
	return code === 'privacyBlocked'
		? `You cannot ${verb} this type of document when Customer ${customerNo} is blocked for privacy.`
		: `You cannot ${verb} this type of document when Customer ${customerNo} is blocked with type ${blocked}.`;
}

export function decide(customer: PolicyCustomer, action: Action): Decision {
	const from = REFUSED_FROM[action];
	if (from === null) return { allowed: true };
	const verb = verbOf(action);
	// Privacy Blocked is checked before Blocked and carries its own message.
	if (customer.privacyBlocked) {
		return refusal(customer, 'privacyBlocked', verb);
	}
	if (customer.blocked !== '' && SEVERITY[customer.blocked] >= SEVERITY[from]) {
		return refusal(customer, 'blocked', verb);
	}
	return { allowed: true };
}

function refusal(customer: PolicyCustomer, code: RefusalCode, verb: Verb): Decision {
	return {
		allowed: false,
		code,
		message: refusalMessage(customer.no, code, customer.blocked, verb),
		customerNo: customer.no,
		blocked: customer.blocked,
		verb
	};
}

/**
 * A document names a sell-to and a bill-to customer; both must pass, sell-to first.
 * The bill-to is skipped when it is the sell-to itself.
 */
export function decideForDocument(
	sellTo: PolicyCustomer,
	billTo: PolicyCustomer,
	action: Action
): Decision {
	const first = decide(sellTo, action);
	if (!first.allowed || billTo.no === sellTo.no) return first;
	return decide(billTo, action);
}
