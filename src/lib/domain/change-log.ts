/**
 * The change log: one entry per change of a customer's block (Blocked, Privacy Blocked, the
 * reason, Blocked Until) or an entry's On Hold, written in the same transaction as the change.
 */

/** The tables whose changes are logged. */
export const CHANGE_LOG_TABLES = ['customers', 'custLedgerEntries'] as const;

/** The fields whose changes are logged. */
export const CHANGE_LOG_FIELDS = [
	'blocked',
	'privacyBlocked',
	'onHold',
	'blockReason',
	'blockedUntil'
] as const;

export type ChangeLogTable = (typeof CHANGE_LOG_TABLES)[number];
export type ChangeLogField = (typeof CHANGE_LOG_FIELDS)[number];

/** One change of a customer's Blocked or Privacy Blocked, written with the change itself. */
export interface ChangeLogEntry {
	id: string;
	at: string;
	tableName: ChangeLogTable;
	key: string;
	field: ChangeLogField;
	oldValue: string;
	newValue: string;
	/** Block reason and who changed it; 'automatic' marks a release by Blocked Until. */
	reason?: string;
	user?: string;
	automatic?: boolean;
	/** Set on every change made by one bulk block or unblock, so it can be undone. */
	batchId?: string;
}

/** Who and why of a logged change, as the command that made it knows them. */
export type ChangeContext = Pick<ChangeLogEntry, 'reason' | 'user' | 'automatic' | 'batchId'>;

/** A change log entry of a customer's field from `oldValue` to `newValue`. */
export function customerChange(
	fields: Pick<ChangeLogEntry, 'id' | 'at' | 'key' | 'field'> & {
		oldValue: string | boolean;
		newValue: string | boolean;
	},
	context: ChangeContext = {}
): ChangeLogEntry {
	return {
		...fields,
		tableName: 'customers',
		oldValue: String(fields.oldValue),
		newValue: String(fields.newValue),
		...context
	};
}
