import { db } from '$lib/db/db';
import { blockChangeEntries, blockDetails, type BlockExtra } from '$lib/domain/block-change';
import { customerChange, type ChangeContext, type ChangeLogEntry } from '$lib/domain/change-log';
import {
	blockHasExpired,
	fieldError,
	needsPrivacyConfirmation,
	withBlocked,
	withPrivacyBlocked,
	type BlockState,
	type Customer
} from '$lib/domain/customer';
import { BLOCKED_LEVELS, type Blocked } from '$lib/domain/policy';
import { USER_MARKERS } from '$lib/domain/users';
import { assertBlockReason } from './block-reasons';
import { ValidationError } from './errors';
import { getCustomer } from './sales-document-access';
import { readUserName, readWorkDate } from './settings';

/**
 * Blocking commands: set Blocked (with reason, note and Blocked Until) or Privacy Blocked on one
 * customer, bulk block and Undo batch, and the release of blocks whose end date has come. Each
 * writes the customer together with its block history, in one transaction.
 */

const now = () => new Date().toISOString();

/** The history entries of a change of Blocked and Privacy Blocked, stamped now. */
const logEntries = (no: string, before: BlockState, after: BlockState, context: ChangeContext) =>
	blockChangeEntries(no, before, after, context, { at: now(), newId: () => crypto.randomUUID() });

/**
 * A block needs a reason, whoever asks for it (the dialog, a bulk run, an import, a script);
 * lifting one needs none. Privacy Blocked is Business Central's own block, set by its own
 * checkbox, and is not a level chosen here: it asks no reason.
 */
export function assertReasonGiven(blocked: Blocked, reason: string | undefined): void {
	if (blocked !== '' && (reason ?? '').trim() === '') {
		throw new ValidationError(
			'error.reasonRequired',
			'Choose a reason for the block.',
			{},
			'blockReason'
		);
	}
}

async function changeBlockState(
	no: string,
	next: (current: Customer) => BlockState,
	extra: BlockExtra = {}
): Promise<void> {
	for (const [field, value] of [
		['blockReason', extra.reason],
		['blockNote', extra.note],
		['blockedUntil', extra.until]
	] as const) {
		const error = value === undefined ? null : fieldError(field, value);
		if (error)
			throw new ValidationError(error, `The value of ${field} is not valid.`, { max: 100 }, field);
	}
	await db.transaction(
		'rw',
		[db.customers, db.changeLog, db.settings, db.blockReasons],
		async () => {
			if (extra.reason !== undefined) await assertBlockReason(extra.reason);
			const customer = await getCustomer(no);
			const before = { blocked: customer.blocked, privacyBlocked: customer.privacyBlocked };
			const after = next(customer);
			const user = await readUserName();
			const reason = extra.reason ?? customer.blockReason;
			const entries = logEntries(no, before, after, { reason: after.blocked ? reason : '', user });
			// A new reason for the same level is a change of the block too (Undo batch looks for it).
			if (
				after.blocked !== '' &&
				after.blocked === before.blocked &&
				extra.reason !== undefined &&
				extra.reason !== customer.blockReason
			) {
				entries.push(
					customerChange(
						{
							id: crypto.randomUUID(),
							at: now(),
							key: no,
							field: 'blockReason',
							oldValue: customer.blockReason,
							newValue: extra.reason
						},
						{ user }
					)
				);
			}
			if (
				after.blocked !== '' &&
				extra.until !== undefined &&
				extra.until !== customer.blockedUntil
			) {
				entries.push(
					customerChange(
						{
							id: crypto.randomUUID(),
							at: now(),
							key: no,
							field: 'blockedUntil',
							oldValue: customer.blockedUntil,
							newValue: extra.until
						},
						{ user }
					)
				);
			}
			const details = blockDetails(customer, after, user, extra, now());
			const given = Object.values(extra).some((value) => value !== undefined);
			if (entries.length === 0 && !given) return;
			await db.customers.update(no, { ...after, ...details });
			if (entries.length > 0) await db.changeLog.bulkAdd(entries);
		}
	);
}

/**
 * Sets Blocked and logs the change. Leaving All on a privacy-blocked customer also clears
 * Privacy Blocked, so it needs `confirmPrivacyChange` (the card asks the user first).
 */
export async function setCustomerBlocked(input: {
	no: string;
	blocked: Blocked;
	confirmPrivacyChange?: boolean;
	/** A code of the block reasons, a note and an end date ('' none), when blocking. */
	reason?: string;
	note?: string;
	until?: string;
}): Promise<void> {
	if (!BLOCKED_LEVELS.includes(input.blocked)) {
		throw new ValidationError('error.blockedInvalid', `${input.blocked} is not a Blocked option.`);
	}
	assertReasonGiven(input.blocked, input.reason);
	await changeBlockState(
		input.no,
		(customer) => {
			if (needsPrivacyConfirmation(customer, input.blocked) && !input.confirmPrivacyChange) {
				throw new ValidationError(
					'customer.privacyConfirm',
					'If you change the Blocked field, the Privacy Blocked field is changed to No. Do you want to continue?'
				);
			}
			return withBlocked(customer, input.blocked);
		},
		{ reason: input.reason, note: input.note, until: input.until }
	);
	// An end date already reached lifts the block at once, as at start.
	if (input.until) await releaseExpiredBlocks({ causedByUser: true });
}

/**
 * The customers whose block the work date `workDate` lifts: Blocked Until reached, and not
 * privacy-blocked (privacy blocks never expire). Sorted by No.
 */
export async function findExpiredBlocks(workDate: string): Promise<Customer[]> {
	const expired = await db.customers
		.where('blockedUntil')
		.between('0000-01-01', workDate, true, true)
		.filter((customer) => blockHasExpired(customer, workDate) && !customer.privacyBlocked)
		.toArray();
	return expired.sort((a, b) => a.no.localeCompare(b.no));
}

/**
 * Lifts every block whose Blocked Until the work date has reached, logged as an automatic
 * release. Runs at start (by Holdfast) and after a user's change that reaches an end date:
 * moving the work date or setting an end date in the past (then the release names that user).
 */
export async function releaseExpiredBlocks(
	input: { causedByUser?: boolean } = {}
): Promise<string[]> {
	return db.transaction('rw', [db.customers, db.changeLog, db.settings], async () => {
		const workDate = await readWorkDate();
		const user = input.causedByUser ? await readUserName() : USER_MARKERS.holdfast;
		const expired = await findExpiredBlocks(workDate);
		for (const customer of expired) {
			const after = { blocked: '' as const, privacyBlocked: false };
			await db.customers.update(customer.no, {
				...after,
				...blockDetails(customer, after, '', {}, now())
			});
			await db.changeLog.bulkAdd(
				logEntries(customer.no, customer, after, {
					reason: customer.blockReason,
					user,
					automatic: true
				})
			);
		}
		return expired.map((customer) => customer.no);
	});
}

/** Sets Privacy Blocked (which sets Blocked to All) or clears it (Blocked to blank). */
export async function setCustomerPrivacyBlocked(input: {
	no: string;
	privacyBlocked: boolean;
}): Promise<void> {
	await changeBlockState(input.no, () => withPrivacyBlocked(input.privacyBlocked));
}

const BULK_CHUNK = 500;

export interface BulkResult {
	batchId: string;
	changed: string[];
}

/**
 * Bulk block or unblock: every customer given gets the level (and reason, note, end date),
 * in chunks of one transaction each, so each customer is changed together with its history
 * entry or not at all. Privacy-blocked customers are left out (their block is not a level to
 * set in bulk). One batch id marks the run for Undo batch.
 */
export async function bulkSetBlocked(
	input: { nos: string[]; blocked: Blocked; reason?: string; note?: string; until?: string },
	onProgress: (share: number) => void = () => {}
): Promise<BulkResult> {
	if (!BLOCKED_LEVELS.includes(input.blocked)) {
		throw new ValidationError('error.blockedInvalid', `${input.blocked} is not a Blocked option.`);
	}
	assertReasonGiven(input.blocked, input.reason);
	if (input.reason) {
		const reason = input.reason;
		await db.transaction('r', db.blockReasons, () => assertBlockReason(reason));
	}
	const batchId = crypto.randomUUID();
	const changed: string[] = [];
	for (let from = 0; from < input.nos.length; from += BULK_CHUNK) {
		const nos = input.nos.slice(from, from + BULK_CHUNK);
		await db.transaction('rw', [db.customers, db.changeLog, db.settings], async () => {
			const user = await readUserName();
			for (const customer of await db.customers.bulkGet(nos)) {
				if (!customer || customer.privacyBlocked || customer.blocked === input.blocked) continue;
				const after = { blocked: input.blocked, privacyBlocked: false };
				const { reason, note, until } = input;
				const details = blockDetails(customer, after, user, { reason, note, until }, now());
				await db.customers.update(customer.no, { ...after, ...details });
				// Lifting a block logs the reason of the block lifted (as the automatic release does),
				// so Undo batch can give the block back with it.
				const entries = logEntries(customer.no, customer, after, {
					reason: input.blocked === '' ? customer.blockReason : (input.reason ?? ''),
					user,
					batchId
				});
				// The end date belongs to the batch's history too (Undo batch compares it).
				if (
					input.blocked !== '' &&
					details.blockedUntil !== undefined &&
					details.blockedUntil !== customer.blockedUntil
				) {
					entries.push(
						customerChange(
							{
								id: crypto.randomUUID(),
								at: entries[0]?.at ?? now(),
								key: customer.no,
								field: 'blockedUntil',
								oldValue: customer.blockedUntil,
								newValue: details.blockedUntil
							},
							{ user, batchId }
						)
					);
				}
				await db.changeLog.bulkAdd(entries);
				changed.push(customer.no);
			}
		});
		onProgress(Math.min(1, (from + nos.length) / input.nos.length));
	}
	return { batchId, changed };
}

/** What makes up a customer's block: a later change of any of them stops Undo batch. */
const BLOCK_STATE_FIELDS: ReadonlySet<ChangeLogEntry['field']> = new Set([
	'blocked',
	'privacyBlocked',
	'blockReason',
	'blockedUntil'
]);

/**
 * The reason and end date of the block a batch entry replaced, from the history: a lifted
 * block's reason is on the entry itself; a block replaced by another is found in the entry
 * that set it. What the history does not know stays as it is.
 */
async function earlierBlock(
	entry: ChangeLogEntry,
	untilSet: ChangeLogEntry | undefined
): Promise<{ reason?: string; until?: string }> {
	const until = untilSet?.oldValue;
	if (entry.newValue === '') return { reason: entry.reason || undefined, until };
	const setting = await db.changeLog
		.where('[key+at]')
		.between([entry.key, ''], [entry.key, entry.at], true, false)
		.filter(
			(candidate) =>
				candidate.batchId !== entry.batchId &&
				(candidate.field === 'blockReason' ||
					(candidate.field === 'blocked' && candidate.newValue === entry.oldValue))
		)
		.last();
	const reason = setting?.field === 'blockReason' ? setting.newValue : setting?.reason;
	return { reason: reason || undefined, until };
}

/**
 * Undo batch: gives every customer of a bulk run its previous Blocked back, unless its block
 * (level, Privacy Blocked, reason or Blocked Until) changed since: then it is left alone and
 * listed. A privacy-blocked customer is always left alone, so Undo never clears Privacy Blocked.
 */
export async function undoBatch(input: {
	batchId: string;
}): Promise<{ restored: string[]; leftAlone: string[] }> {
	return db.transaction('rw', [db.customers, db.changeLog, db.settings], async () => {
		const entries = await db.changeLog.where('batchId').equals(input.batchId).toArray();
		const user = await readUserName();
		const restored: string[] = [];
		const leftAlone: string[] = [];
		const undoId = crypto.randomUUID();
		const blockedEntries = entries
			.filter((candidate) => candidate.field === 'blocked')
			.sort((a, b) => a.key.localeCompare(b.key));
		for (const entry of blockedEntries) {
			const later = await db.changeLog
				.where('[key+at]')
				.between([entry.key, entry.at], [entry.key, '\uffff'], false, true)
				.filter(
					(candidate) =>
						candidate.tableName === 'customers' &&
						BLOCK_STATE_FIELDS.has(candidate.field) &&
						candidate.batchId !== input.batchId
				)
				.count();
			const customer = await db.customers.get(entry.key);
			const untilSet = entries.find(
				(candidate) => candidate.key === entry.key && candidate.field === 'blockedUntil'
			);
			// Compared with what the batch wrote too: a change in the same millisecond, or one
			// written without a history entry, still counts.
			const asTheBatchLeftIt =
				customer !== undefined &&
				!customer.privacyBlocked &&
				customer.blocked === entry.newValue &&
				(customer.blocked === '' || customer.blockReason === (entry.reason ?? '')) &&
				(untilSet === undefined || customer.blockedUntil === untilSet.newValue);
			if (!customer || later > 0 || !asTheBatchLeftIt) {
				leftAlone.push(entry.key);
				continue;
			}
			const after = { blocked: entry.oldValue as Blocked, privacyBlocked: false };
			const earlier: { reason?: string; until?: string } =
				after.blocked === '' ? {} : await earlierBlock(entry, untilSet);
			await db.customers.update(customer.no, {
				...after,
				...blockDetails(customer, after, user, earlier, now())
			});
			await db.changeLog.bulkAdd(
				logEntries(customer.no, customer, after, {
					reason: earlier.reason ?? customer.blockReason,
					user,
					batchId: undoId
				})
			);
			restored.push(customer.no);
		}
		return { restored, leftAlone };
	});
}
