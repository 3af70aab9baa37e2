import { db } from '$lib/db/db';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import { findExpiredBlocks, releaseExpiredBlocks } from './customer-blocking';
import { ValidationError } from './errors';
import { setWorkDate } from './settings';

/** How many customers a work-date question names; the count is always the full one. */
const NAMED = 10;

function targetOf(workDate: string): string {
	if (workDate !== '' && !isIsoDate(workDate)) {
		throw new ValidationError('error.dateInvalid', `${workDate} is not a valid date.`);
	}
	return workDate === '' ? todayIso() : workDate;
}

/**
 * What moving the work date to `workDate` ('' = today) would do, before it is done: how many
 * blocks it lifts (their Blocked Until reached) and the first Nos. Writes nothing.
 */
export async function previewWorkDate(input: {
	workDate: string;
}): Promise<{ count: number; nos: string[] }> {
	const target = targetOf(input.workDate);
	const expired = await db.transaction('r', db.customers, () => findExpiredBlocks(target));
	return { count: expired.length, nos: expired.slice(0, NAMED).map((customer) => customer.no) };
}

/**
 * Moves the work date; blocks whose Blocked Until it reaches are lifted right away, for good,
 * and the release names the user who moved the date. Lifting blocks must be confirmed:
 * `confirmedLifts` is the number of lifted blocks the user agreed to (see previewWorkDate);
 * any other number refuses the move and changes nothing.
 */
export async function moveWorkDate(input: {
	workDate: string;
	confirmedLifts?: number;
}): Promise<string[]> {
	const target = targetOf(input.workDate);
	return db.transaction('rw', [db.settings, db.customers, db.changeLog], async () => {
		const count = (await findExpiredBlocks(target)).length;
		if (count > 0 && input.confirmedLifts !== count) {
			throw new ValidationError(
				'error.workDateLifts',
				`Moving the work date to ${target} lifts ${count} blocks. Confirm it first.`,
				{ count, date: target }
			);
		}
		await setWorkDate({ workDate: input.workDate });
		return releaseExpiredBlocks({ causedByUser: true });
	});
}
