import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { blockReasonError, type BlockReason } from '$lib/domain/customer';
import { ValidationError } from './errors';

export function blockReasonsQuery(): Observable<BlockReason[]> {
	return liveQuery(() => db.blockReasons.orderBy('code').toArray());
}

/** Throws unless `code` is in the block reasons table; call inside a transaction on it. */
export async function assertBlockReason(code: string): Promise<void> {
	if (code !== '' && !(await db.blockReasons.get(code))) {
		throw new ValidationError(
			'error.reasonInvalid',
			'Choose one of the block reasons.',
			{ code },
			'blockReason'
		);
	}
}

function checked(input: BlockReason): BlockReason {
	const reason = {
		code: input.code.trim().toLocaleUpperCase(),
		description: input.description.trim()
	};
	const error = blockReasonError(reason);
	if (error) {
		throw new ValidationError(error, `The block reason ${reason.code} is not valid.`, {
			max: 100
		});
	}
	return reason;
}

/** Adds a reason code; a code that exists already is refused. */
export async function addBlockReason(input: BlockReason): Promise<string> {
	const reason = checked(input);
	await db.transaction('rw', db.blockReasons, async () => {
		if (await db.blockReasons.get(reason.code)) {
			throw new ValidationError(
				'error.reasonExists',
				`Block reason ${reason.code} exists already.`,
				{ code: reason.code }
			);
		}
		await db.blockReasons.add(reason);
	});
	return reason.code;
}

export async function updateBlockReasonDescription(input: BlockReason): Promise<void> {
	const reason = checked(input);
	await db.transaction('rw', db.blockReasons, async () => {
		const updated = await db.blockReasons.update(reason.code, { description: reason.description });
		if (updated === 0) {
			throw new ValidationError('error.reasonInvalid', 'Choose one of the block reasons.');
		}
	});
}

/** Deletes a reason no customer is blocked with; one in use is refused with the count. */
export async function deleteBlockReason(input: { code: string }): Promise<void> {
	await db.transaction('rw', [db.blockReasons, db.customers], async () => {
		const inUse = await db.customers.filter((c) => c.blockReason === input.code).count();
		if (inUse > 0) {
			throw new ValidationError(
				'error.reasonInUse',
				`Block reason ${input.code} is used by ${inUse} customers.`,
				{ code: input.code, count: inUse }
			);
		}
		await db.blockReasons.delete(input.code);
	});
}
