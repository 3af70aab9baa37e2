import type { Decision } from '$lib/domain/policy';

type Refusal = Extract<Decision, { allowed: false }>;

/** Thrown by a command before it writes anything, when the policy refuses the action. */
export class BlockedError extends Error {
	readonly decision: Refusal;
	/** The journal line that was refused, when a journal posting stopped on it. */
	lineNo?: number;

	constructor(decision: Refusal) {
		super(decision.message);
		this.name = 'BlockedError';
		this.decision = decision;
	}
}

/** Bad input a clerk can correct; `key` names the message in the catalog. */
export class ValidationError extends Error {
	readonly key: string;
	readonly values: Record<string, string | number>;
	readonly field?: string;

	constructor(
		key: string,
		message: string,
		values: Record<string, string | number> = {},
		field?: string
	) {
		super(message);
		this.name = 'ValidationError';
		this.key = key;
		this.values = values;
		this.field = field;
	}
}

/** Something the clerk asked for does not exist (any more), e.g. deleted in another tab. */
export class NotFoundError extends Error {
	readonly key = 'error.notFound';
	readonly values: Record<string, string>;

	constructor(what: string, no: string) {
		super(`${what} ${no} does not exist.`);
		this.name = 'NotFoundError';
		this.values = { what, no };
	}
}
