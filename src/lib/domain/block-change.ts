import { customerChange, type ChangeContext, type ChangeLogEntry } from './change-log';
import type { BlockState, Customer } from './customer';

/**
 * What a change of a customer's block writes besides Blocked and Privacy Blocked: the block
 * fields (who, since when, reason, note, end date) and the history entries. Pure: the blocking
 * commands (app/customer-blocking.ts) give the time and the ids.
 */

/** What a block is given with: a code of the block reasons, a note, an end date ('' none). */
export interface BlockExtra {
	reason?: string;
	note?: string;
	until?: string;
}

/**
 * The block fields that go with a change: a new block records who set it and since when
 * (`now`); lifting it clears reason, note, owner and end date.
 */
export function blockDetails(
	customer: Pick<Customer, 'blocked' | 'blockedBy' | 'blockedSince'>,
	after: BlockState,
	user: string,
	extra: BlockExtra,
	now: string
): Partial<Customer> {
	if (after.blocked === '') {
		return { blockReason: '', blockNote: '', blockedBy: '', blockedSince: '', blockedUntil: '' };
	}
	const changed = customer.blocked !== after.blocked;
	return {
		blockedBy: changed || !customer.blockedBy ? user : customer.blockedBy,
		blockedSince: changed || !customer.blockedSince ? now : customer.blockedSince,
		...(extra.reason !== undefined ? { blockReason: extra.reason } : {}),
		...(extra.note !== undefined ? { blockNote: extra.note } : {}),
		...(extra.until !== undefined ? { blockedUntil: extra.until } : {})
	};
}

/** The history entries of a change of Blocked and Privacy Blocked: one per field changed. */
export function blockChangeEntries(
	no: string,
	before: BlockState,
	after: BlockState,
	context: ChangeContext,
	stamp: { at: string; newId: () => string }
): ChangeLogEntry[] {
	const fields = ['blocked', 'privacyBlocked'] as const;
	return fields
		.filter((field) => before[field] !== after[field])
		.map((field) =>
			customerChange(
				{
					id: stamp.newId(),
					at: stamp.at,
					key: no,
					field,
					oldValue: before[field],
					newValue: after[field]
				},
				context
			)
		);
}
