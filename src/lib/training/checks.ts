import type { ChangeLogEntry } from '$lib/domain/change-log';
import type { Blocked } from '$lib/domain/policy';
import type { SalesDocumentType } from '$lib/domain/sales-document';
import type { Check, DunningCheck, Exercise, ExerciseState, Hint, Text } from './model';

/**
 * The checks of the exercises as pure functions of facts read from the database. An exercise's
 * steps are done one after the other: the facts of a step are those after the mark taken when
 * the step before it was done (the start, for the first step), so only what the learner did for
 * this step counts, never the demo's own history nor an earlier step's work.
 */

/** What the company held at a moment: the exercise's start, or the completion of a step. */
export interface Mark {
	at: string;
	/** Change log entries already written in the mark's own millisecond (not counted). */
	changesAt?: string[];
	workDate: string;
	lastEntryNo: number;
	documents: string[];
	shipments: string[];
	reminders: string[];
	issuedReminders: string[];
	financeChargeMemos: string[];
	issuedFinanceChargeMemos: string[];
	/** Quantity invoiced of the shipment lines of each order the step names. */
	invoiced: Record<string, number>;
}

export interface CustomerFacts {
	blocked: Blocked;
	privacyBlocked: boolean;
	blockedUntil: string;
}

export interface DocumentFacts {
	no: string;
	type: SalesDocumentType;
	sellTo: string;
	billTo: string;
}

export interface DunningFacts {
	no: string;
	customerNo: string;
	issued: boolean;
	/** The document Nos. of its lines. */
	documents: string[];
}

/** What the checks of one step read: the current state of what it names, and what is new. */
export interface TrainingFacts {
	mark: Mark;
	workDate: string;
	customers: Record<string, CustomerFacts>;
	/** Change log entries written after the mark, oldest first. */
	changes: ChangeLogEntry[];
	/** The ledger entries of the documents the step names, by document No. */
	entries: Record<string, { entryNo: number; customerNo: string; onHold: string }>;
	/** Ledger entries posted after the mark. */
	newEntries: Array<{ entryNo: number; customerNo: string; documentType: string }>;
	/** Applications made after the mark: the entry applied and the entry applied to it. */
	newApplications: Array<{ entryNo: number; appliedByEntryNo: number }>;
	/** The open documents the step names (absent: not there). */
	documents: Record<string, DocumentFacts>;
	newDocuments: DocumentFacts[];
	newShipments: Array<{ no: string; orderNo: string; billTo: string }>;
	/** Quantity invoiced of the shipment lines of the orders the step names, now. */
	invoiced: Record<string, number>;
	/** Reminders and finance charge memos: all there are now of the customers named or of any. */
	reminders: DunningFacts[];
	financeChargeMemos: DunningFacts[];
}

const BLOCK_FIELDS = new Set(['blocked', 'privacyBlocked']);

function changed(facts: TrainingFacts, customer: string, fields: ReadonlySet<string>): boolean {
	return facts.changes.some(
		(change) =>
			change.tableName === 'customers' && change.key === customer && fields.has(change.field)
	);
}

/** The reminders or memos a check looks at: made (or, with `issued`, issued) after the mark. */
function dunning(facts: TrainingFacts, check: DunningCheck) {
	const isReminder = check.kind === 'reminder';
	const all = isReminder ? facts.reminders : facts.financeChargeMemos;
	const before = new Set(
		check.issued
			? isReminder
				? facts.mark.issuedReminders
				: facts.mark.issuedFinanceChargeMemos
			: isReminder
				? facts.mark.reminders
				: facts.mark.financeChargeMemos
	);
	return all.filter(
		(document) =>
			!before.has(document.no) &&
			(!check.issued || document.issued) &&
			(check.customer === undefined || document.customerNo === check.customer) &&
			(check.includes ?? []).every((no) => document.documents.includes(no)) &&
			!(check.excludes ?? []).some((no) => document.documents.includes(no))
	);
}

/** The bulk runs written after the mark, each with the changes of Blocked it made. */
function batches(facts: TrainingFacts): Map<string, ChangeLogEntry[]> {
	const byBatch = new Map<string, ChangeLogEntry[]>();
	for (const change of facts.changes) {
		if (!change.batchId || change.field !== 'blocked') continue;
		byBatch.set(change.batchId, [...(byBatch.get(change.batchId) ?? []), change]);
	}
	return byBatch;
}

function batchHolds(facts: TrainingFacts, check: Extract<Check, { kind: 'batch' }>): boolean {
	return [...batches(facts).values()].some((batch) => {
		const set = new Set(
			batch
				.filter(
					(change) =>
						change.newValue === check.level &&
						(check.from === undefined || change.oldValue === check.from)
				)
				.map((change) => change.key)
		);
		return (
			check.customers.every((no) => set.has(no)) &&
			!(check.excludes ?? []).some((no) => set.has(no))
		);
	});
}

/** Whether a check holds for the facts. */
export function holds(check: Check, facts: TrainingFacts): boolean {
	switch (check.kind) {
		case 'blocked':
			return (
				facts.customers[check.customer]?.blocked === check.level &&
				changed(facts, check.customer, BLOCK_FIELDS)
			);
		case 'level':
			return facts.customers[check.customer]?.blocked === check.level;
		case 'privacyBlocked':
			return (
				facts.customers[check.customer]?.privacyBlocked === check.value &&
				changed(facts, check.customer, new Set(['privacyBlocked']))
			);
		case 'blockedUntilSet': {
			const until = facts.customers[check.customer]?.blockedUntil ?? '';
			return (
				until > facts.mark.workDate && changed(facts, check.customer, new Set(['blockedUntil']))
			);
		}
		case 'released':
			return facts.changes.some(
				(change) =>
					change.key === check.customer &&
					change.field === 'blocked' &&
					change.automatic === true &&
					change.newValue === ''
			);
		case 'workDateReached': {
			const until = facts.customers[check.customer]?.blockedUntil ?? '';
			return until !== '' && facts.workDate >= until;
		}
		case 'workDateMoved':
			return facts.workDate !== facts.mark.workDate;
		case 'documentCreated':
			return facts.newDocuments.some(
				(document) => document.type === check.type && document.sellTo === check.customer
			);
		case 'billTo':
			return facts.documents[check.document]?.billTo === check.customer;
		case 'shipped':
			return facts.newShipments.some(
				(shipment) =>
					shipment.orderNo === check.order &&
					(check.billTo === undefined || shipment.billTo === check.billTo)
			);
		case 'shipmentInvoiced':
			return (facts.invoiced[check.order] ?? 0) > (facts.mark.invoiced[check.order] ?? 0);
		case 'payment': {
			const payments = facts.newEntries.filter(
				(entry) => entry.customerNo === check.customer && entry.documentType === 'Payment'
			);
			if (check.appliedTo === undefined) return payments.length > 0;
			const target = facts.entries[check.appliedTo]?.entryNo;
			return payments.some((payment) =>
				facts.newApplications.some(
					(application) =>
						application.appliedByEntryNo === payment.entryNo && application.entryNo === target
				)
			);
		}
		case 'onHold': {
			const entry = facts.entries[check.document];
			if (!entry || (entry.onHold !== '') !== check.value) return false;
			return facts.changes.some(
				(change) =>
					change.tableName === 'custLedgerEntries' &&
					change.key === String(entry.entryNo) &&
					change.field === 'onHold'
			);
		}
		case 'reminder':
		case 'financeChargeMemo':
			return dunning(facts, check).length > 0;
		case 'batch':
			return batchHolds(facts, check);
		case 'all':
			return check.checks.every((inner) => holds(inner, facts));
		case 'any':
			return check.checks.some((inner) => holds(inner, facts));
		case 'not':
			return !holds(check.check, facts);
	}
}

/**
 * The exercise's state: the steps stored as done; the first step not stored (the current one),
 * whether its check passes on the facts read since the last mark (then it is to be recorded),
 * and otherwise its first hint whose wrong state holds. `facts` is null while they are read.
 */
export function exerciseState(
	exercise: Exercise,
	done: readonly string[],
	facts: TrainingFacts | null
): ExerciseState {
	const stored = new Set(done);
	const current = exercise.steps.find((step) => !stored.has(step.id));
	const passes = current !== undefined && facts !== null && holds(current.check, facts);
	const hint =
		current && !passes && facts ? firstHint(current.hints ?? [], facts) : (null as Text | null);
	return {
		steps: exercise.steps.map((step) => ({ id: step.id, done: stored.has(step.id) })),
		completed: current === undefined,
		current: current?.id ?? null,
		passes,
		hint
	};
}

function firstHint(hints: readonly Hint[], facts: TrainingFacts): Text | null {
	return hints.find((hint) => holds(hint.when, facts))?.text ?? null;
}

/** The records a set of checks names: what the facts of a step must read. */
export interface Names {
	customers: Set<string>;
	documents: Set<string>;
	orders: Set<string>;
}

export function namesOf(checks: readonly Check[], names: Names = emptyNames()): Names {
	for (const check of checks) {
		switch (check.kind) {
			case 'all':
			case 'any':
				namesOf(check.checks, names);
				break;
			case 'not':
				namesOf([check.check], names);
				break;
			case 'billTo':
				names.documents.add(check.document);
				names.customers.add(check.customer);
				break;
			case 'shipped':
			case 'shipmentInvoiced':
				names.orders.add(check.order);
				break;
			case 'onHold':
				names.documents.add(check.document);
				break;
			case 'payment':
				names.customers.add(check.customer);
				if (check.appliedTo) names.documents.add(check.appliedTo);
				break;
			case 'batch':
				for (const no of [...check.customers, ...(check.excludes ?? [])]) names.customers.add(no);
				break;
			case 'reminder':
			case 'financeChargeMemo':
				if (check.customer) names.customers.add(check.customer);
				break;
			case 'workDateMoved':
				break;
			default:
				names.customers.add(check.customer);
		}
	}
	return names;
}

function emptyNames(): Names {
	return { customers: new Set(), documents: new Set(), orders: new Set() };
}

/** The checks of a step: its own and its hints'. */
export function checksOfStep(step: Exercise['steps'][number]): Check[] {
	return [step.check, ...(step.hints ?? []).map((hint) => hint.when)];
}
