import { assertBlockReason } from './block-reasons';
import { db, type ChangeLogEntry } from '$lib/db/db';
import {
	blockHasExpired,
	fieldError,
	needsPrivacyConfirmation,
	searchTermsOf,
	withBlocked,
	withPrivacyBlocked,
	type BlockState,
	type Customer,
	type EditableCustomerField
} from '$lib/domain/customer';
import { checkBound } from '$lib/domain/bounds';
import { BLOCKED_LEVELS, type Blocked } from '$lib/domain/policy';
import { NotFoundError, ValidationError } from './errors';
import { nextNo } from './numbering';
import { assertAllowed } from './refusals';
import { readWorkDate, SETTING } from './settings';

export function emptyCustomer(no: string): Customer {
	return {
		no,
		name: '',
		address: '',
		postCode: '',
		city: '',
		countryRegion: '',
		phoneNo: '',
		email: '',
		billToCustomerNo: '',
		paymentTermsCode: '',
		reminderTermsCode: '',
		financeChargeTermsCode: '',
		creditLimitCents: 0,
		blockReason: '',
		blockNote: '',
		blockedBy: '',
		blockedSince: '',
		blockedUntil: '',
		blocked: '',
		privacyBlocked: false,
		searchTerms: searchTermsOf(no, '')
	};
}

/** Creates an empty customer with the next No. of the CUST series and returns that No. */
export async function createCustomer(input: { name?: string } = {}): Promise<string> {
	const name = (input.name ?? '').trim();
	const error = fieldError('name', name);
	if (error) throw new ValidationError(error, 'The name is not valid.', {}, 'name');
	return db.transaction('rw', [db.customers, db.numberSeries], async () => {
		const no = await nextNo(
			'CUST',
			async (candidate) => (await db.customers.get(candidate)) !== undefined
		);
		await db.customers.add({ ...emptyCustomer(no), name, searchTerms: searchTermsOf(no, name) });
		return no;
	});
}

async function getCustomer(no: string): Promise<Customer> {
	const customer = await db.customers.get(no);
	if (!customer) throw new NotFoundError('Customer', no);
	return customer;
}

/**
 * Saves one field of the card. An invalid value throws a ValidationError naming the field
 * and leaves the customer as it was.
 */
export async function updateCustomerField(input: {
	no: string;
	field: EditableCustomerField;
	value: string | number;
}): Promise<void> {
	const { no, field } = input;
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	const error = fieldError(field, value);
	if (error)
		throw new ValidationError(error, `The value of ${field} is not valid.`, { max: 100 }, field);
	const refusal = field === 'creditLimitCents' ? checkBound('amount', Number(value)) : null;
	if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values, field);
	await db.transaction(
		'rw',
		[
			db.customers,
			db.paymentTerms,
			db.reminderTerms,
			db.financeChargeTerms,
			db.changeLog,
			db.settings,
			db.blockReasons
		],
		async () => {
			const customer = await getCustomer(no);
			if (field === 'blockReason') {
				await assertBlockReason(String(value));
				if (!customer.privacyBlocked) assertReasonGiven(customer.blocked, String(value));
			}
			assertAllowed(customer, 'customer.edit');
			if (field === 'billToCustomerNo' && value !== '') {
				if (value === no) {
					throw new ValidationError(
						'error.billToSelf',
						'A customer cannot be its own bill-to customer.',
						{},
						field
					);
				}
				if (!(await db.customers.get(String(value)))) {
					throw new ValidationError(
						'error.billToMissing',
						`Customer ${value} does not exist.`,
						{ no: value },
						field
					);
				}
			}
			if (
				field === 'paymentTermsCode' &&
				value !== '' &&
				!(await db.paymentTerms.get(String(value)))
			) {
				throw new ValidationError(
					'error.paymentTermsMissing',
					`Payment terms ${value} do not exist.`,
					{ code: value },
					field
				);
			}
			const changes: Partial<Customer> = { [field]: value };
			if (field === 'name') changes.searchTerms = searchTermsOf(no, String(value));
			await db.customers.update(no, changes);
			// The block's reason and end date belong to its history too.
			if ((field === 'blockReason' || field === 'blockedUntil') && customer[field] !== value) {
				await db.changeLog.add({
					id: crypto.randomUUID(),
					at: new Date().toISOString(),
					tableName: 'customers',
					key: no,
					field,
					oldValue: String(customer[field]),
					newValue: String(value),
					user: await currentUser()
				});
			}
		}
	);
	// An end date already reached lifts the block at once, as at start.
	if (field === 'blockedUntil') await releaseExpiredBlocks({ causedByUser: true });
}

interface BlockContext {
	reason?: string;
	user?: string;
	automatic?: boolean;
	batchId?: string;
}

function logEntries(
	no: string,
	before: BlockState,
	after: BlockState,
	context: BlockContext
): ChangeLogEntry[] {
	const at = new Date().toISOString();
	const fields = ['blocked', 'privacyBlocked'] as const;
	return fields
		.filter((field) => before[field] !== after[field])
		.map((field) => ({
			id: crypto.randomUUID(),
			at,
			tableName: 'customers',
			key: no,
			field,
			oldValue: String(before[field]),
			newValue: String(after[field]),
			...context
		}));
}

/** Who is working: the user name set in Settings. */
async function currentUser(): Promise<string> {
	return (await db.settings.get(SETTING.userName))?.value || 'clerk';
}

/**
 * A block needs a reason, whoever asks for it (the dialog, a bulk run, an import, a script);
 * lifting one needs none. Privacy Blocked is Business Central's own block, set by its own
 * checkbox, and is not a level chosen here: it asks no reason.
 */
function assertReasonGiven(blocked: Blocked, reason: string | undefined): void {
	if (blocked !== '' && (reason ?? '').trim() === '') {
		throw new ValidationError(
			'error.reasonRequired',
			'Choose a reason for the block.',
			{},
			'blockReason'
		);
	}
}

/**
 * The block fields that go with a change: a new block records who set it and since when;
 * lifting it clears reason, note, owner and end date.
 */
function blockDetails(
	customer: Customer,
	after: BlockState,
	user: string,
	extra: { reason?: string; note?: string; until?: string }
): Partial<Customer> {
	if (after.blocked === '') {
		return { blockReason: '', blockNote: '', blockedBy: '', blockedSince: '', blockedUntil: '' };
	}
	const changed = customer.blocked !== after.blocked;
	return {
		blockedBy: changed || !customer.blockedBy ? user : customer.blockedBy,
		blockedSince:
			changed || !customer.blockedSince ? new Date().toISOString() : customer.blockedSince,
		...(extra.reason !== undefined ? { blockReason: extra.reason } : {}),
		...(extra.note !== undefined ? { blockNote: extra.note } : {}),
		...(extra.until !== undefined ? { blockedUntil: extra.until } : {})
	};
}

async function changeBlockState(
	no: string,
	next: (current: Customer) => BlockState,
	extra: { reason?: string; note?: string; until?: string } = {}
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
			const user = await currentUser();
			const reason = extra.reason ?? customer.blockReason;
			const entries = logEntries(no, before, after, { reason: after.blocked ? reason : '', user });
			// A new reason for the same level is a change of the block too (Undo batch looks for it).
			if (
				after.blocked !== '' &&
				after.blocked === before.blocked &&
				extra.reason !== undefined &&
				extra.reason !== customer.blockReason
			) {
				entries.push({
					id: crypto.randomUUID(),
					at: new Date().toISOString(),
					tableName: 'customers',
					key: no,
					field: 'blockReason',
					oldValue: customer.blockReason,
					newValue: extra.reason,
					user
				});
			}
			if (
				after.blocked !== '' &&
				extra.until !== undefined &&
				extra.until !== customer.blockedUntil
			) {
				entries.push({
					id: crypto.randomUUID(),
					at: new Date().toISOString(),
					tableName: 'customers',
					key: no,
					field: 'blockedUntil',
					oldValue: customer.blockedUntil,
					newValue: extra.until,
					user
				});
			}
			const details = blockDetails(customer, after, user, extra);
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
		const user = input.causedByUser ? await currentUser() : 'Holdfast';
		const expired = await findExpiredBlocks(workDate);
		for (const customer of expired) {
			const after = { blocked: '' as const, privacyBlocked: false };
			await db.customers.update(customer.no, {
				...after,
				...blockDetails(customer, after, '', {})
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
			const user = await currentUser();
			for (const customer of await db.customers.bulkGet(nos)) {
				if (!customer || customer.privacyBlocked || customer.blocked === input.blocked) continue;
				const after = { blocked: input.blocked, privacyBlocked: false };
				const details = blockDetails(customer, after, user, {
					reason: input.reason,
					note: input.note,
					until: input.until
				});
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
					entries.push({
						id: crypto.randomUUID(),
						at: entries[0]?.at ?? new Date().toISOString(),
						tableName: 'customers',
						key: customer.no,
						field: 'blockedUntil',
						oldValue: customer.blockedUntil,
						newValue: details.blockedUntil,
						user,
						batchId
					});
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
		const user = await currentUser();
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
				...blockDetails(customer, after, user, earlier)
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
