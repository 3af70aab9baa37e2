import type { Blocked } from '$lib/domain/policy';
import type { SalesDocumentType } from '$lib/domain/sales-document';

/**
 * Guided exercises are data, not code: an exercise names its starting state, its steps with
 * their texts in English and Dutch, and for each step a check and hints written in the small
 * language of `Check` below. `checks.ts` decides a check from the facts a live query reads
 * (`facts.ts`), counting only what changed after the exercise started; the page is never read.
 */

/** A text in each language of the app. */
export interface Text {
	en: string;
	nl: string;
}

/**
 * What must be true of the company, read from the database. Every check about a change looks
 * only at what happened after the exercise started (the change log after its start, ledger
 * entries and documents that were not there at its start).
 */
export type Check =
	/** The customer's Blocked is `level` now, and its block was changed after the start. */
	| { kind: 'blocked'; customer: string; level: Blocked }
	/** The customer's Blocked is `level` now, changed or not. */
	| { kind: 'level'; customer: string; level: Blocked }
	/** Privacy Blocked is `value` now, and it was changed after the start. */
	| { kind: 'privacyBlocked'; customer: string; value: boolean }
	/** Blocked Until was set after the start to a date after the work date the exercise started at. */
	| { kind: 'blockedUntilSet'; customer: string }
	/** The block was lifted by Blocked Until (an automatic release after the start). */
	| { kind: 'released'; customer: string }
	/** The work date is on or after the customer's Blocked Until (set after the start). */
	| { kind: 'workDateReached'; customer: string }
	/** The work date differs from the one the exercise started at. */
	| { kind: 'workDateMoved' }
	/** A sales document of `type` for the customer was created after the start. */
	| { kind: 'documentCreated'; type: SalesDocumentType; customer: string }
	/** The open document's Bill-to Customer No. is `customer`. */
	| { kind: 'billTo'; document: string; customer: string }
	/** A shipment of the order was posted after the start (for the bill-to, when given). */
	| { kind: 'shipped'; order: string; billTo?: string }
	/** What the order had shipped and not invoiced at the start is invoiced now. */
	| { kind: 'shipmentInvoiced'; order: string }
	/** A payment of the customer was posted after the start (applied to the document, when given). */
	| { kind: 'payment'; customer: string; appliedTo?: string }
	/** The ledger entry of the document is on hold now (`value` true) or not, changed after the start. */
	| { kind: 'onHold'; document: string; value: boolean }
	| DunningCheck
	/**
	 * One bulk run (a batch: bulk block, block suggestions, Undo batch) after the start that
	 * changed Blocked to `level` (from `from`, when given) on every customer in `customers`, and
	 * on none in `excludes`.
	 */
	| { kind: 'batch'; level: Blocked; from?: Blocked; customers: string[]; excludes?: string[] }
	| { kind: 'all'; checks: Check[] }
	| { kind: 'any'; checks: Check[] }
	| { kind: 'not'; check: Check };

/**
 * A reminder (or finance charge memo) made after the start: for the customer (any, when not
 * given), issued when `issued` is true, with and without the entries of the documents named.
 */
export interface DunningCheck {
	kind: 'reminder' | 'financeChargeMemo';
	customer?: string;
	issued?: boolean;
	includes?: string[];
	excludes?: string[];
}

/** A hint: said when the step is not done and `when` holds (the typical wrong state). */
export interface Hint {
	when: Check;
	text: Text;
}

/**
 * The element a step uses, highlighted while the learner is on `path` (a prefix of the URL's
 * path): a CSS selector, a button or link whose caption is the message `caption`, or the
 * control of the label that reads the message `label`.
 */
export interface Target {
	path: string;
	selector?: string;
	caption?: string;
	label?: string;
}

export interface Step {
	id: string;
	text: Text;
	check: Check;
	hints?: Hint[];
	/** Where the step is done: a link in the panel takes the learner there. */
	href?: string;
	target?: Target;
}

export interface Exercise {
	id: string;
	/** Raised when the steps change: progress made on another version starts again. */
	version: number;
	title: Text;
	goal: Text;
	/** Reset the training company with its history up to a work date this many days from today. */
	start: { workDateOffsetDays: number };
	steps: Step[];
}

/** A step's state: done once recorded. */
export interface StepState {
	id: string;
	done: boolean;
}

/**
 * An exercise's state: its steps, whether all are done, the hint of the current step, and
 * whether the checks pass the current step. A step shows Done only once it is recorded, with
 * the mark the next step counts from: until then the next step's facts have no start, and what
 * the user did in between would be counted from too late a mark (a work date moved before the
 * mark was taken is not "moved").
 */
export interface ExerciseState {
	steps: StepState[];
	completed: boolean;
	/** The first step not recorded (none when completed). */
	current: string | null;
	/** The checks pass the current step: it is to be recorded. */
	passes: boolean;
	hint: Text | null;
}
