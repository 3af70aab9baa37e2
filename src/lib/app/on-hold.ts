import { db } from '$lib/db/db';
import { ON_HOLD_MAX } from '$lib/domain/posted';
import { NotFoundError, ValidationError } from './errors';

/**
 * Sets or clears the On Hold code of a customer ledger entry (up to 3 characters) and
 * logs the change. Entries on hold are left out of reminders and finance charges.
 */
export async function setOnHold(input: { entryNo: number; onHold: string }): Promise<void> {
	const onHold = input.onHold.trim().toUpperCase();
	if (onHold.length > ON_HOLD_MAX) {
		throw new ValidationError(
			'error.onHoldTooLong',
			'On Hold is at most 3 characters.',
			{ max: ON_HOLD_MAX },
			'onHold'
		);
	}
	await db.transaction('rw', [db.custLedgerEntries, db.customerTotals, db.changeLog], async () => {
		const entry = await db.custLedgerEntries.get(input.entryNo);
		if (!entry) throw new NotFoundError('Entry', String(input.entryNo));
		if (entry.onHold === onHold) return;
		await db.custLedgerEntries.update(entry.entryNo, { onHold });
		await db.changeLog.add({
			id: crypto.randomUUID(),
			at: new Date().toISOString(),
			tableName: 'custLedgerEntries',
			key: String(entry.entryNo),
			field: 'onHold',
			oldValue: entry.onHold,
			newValue: onHold
		});
	});
}
