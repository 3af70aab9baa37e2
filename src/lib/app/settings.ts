import { db } from '$lib/db/db';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import { ValidationError } from './errors';

export const SETTING = {
	workDate: 'workDate',
	companyName: 'companyName',
	initialized: 'initialized',
	userName: 'userName',
	companyAddress: 'companyAddress'
} as const;

/** The work date decides posting dates and what is overdue; blank means today. */
export async function readWorkDate(): Promise<string> {
	const setting = await db.settings.get(SETTING.workDate);
	return setting && isIsoDate(setting.value) ? setting.value : todayIso();
}

/** Who is working: the user name set in Settings ('clerk' until one is set). */
export async function readUserName(): Promise<string> {
	return (await db.settings.get(SETTING.userName))?.value || 'clerk';
}

/** Sets the work date (a trainer moves time with it); '' goes back to today. */
export async function setWorkDate(input: { workDate: string }): Promise<void> {
	if (input.workDate !== '' && !isIsoDate(input.workDate)) {
		throw new ValidationError('error.dateInvalid', `${input.workDate} is not a valid date.`);
	}
	await db.transaction('rw', db.settings, async () => {
		if (input.workDate === '') await db.settings.delete(SETTING.workDate);
		else await db.settings.put({ key: SETTING.workDate, value: input.workDate });
	});
}

/** The user name recorded as Blocked By and in the block history. */
export async function setUserName(input: { userName: string }): Promise<void> {
	const userName = input.userName.trim();
	if (userName.length > 50) {
		throw new ValidationError('error.tooLong', 'The text is too long.', { max: 50 });
	}
	await db.transaction('rw', db.settings, () =>
		db.settings.put({ key: SETTING.userName, value: userName })
	);
}

/** Company address printed on posted documents and reminders. */
export async function setCompanyAddress(input: { companyAddress: string }): Promise<void> {
	const companyAddress = input.companyAddress.trim();
	if (companyAddress.length > 200) {
		throw new ValidationError('error.tooLong', 'The text is too long.', { max: 200 });
	}
	await db.transaction('rw', db.settings, () =>
		db.settings.put({ key: SETTING.companyAddress, value: companyAddress })
	);
}

/** Company name shown in the header and printed on posted documents and reminders. */
export async function setCompanyName(input: { companyName: string }): Promise<void> {
	const companyName = input.companyName.trim();
	if (companyName.length > 100) {
		throw new ValidationError('error.tooLong', 'The text is too long.', { max: 100 });
	}
	await db.transaction('rw', db.settings, () =>
		db.settings.put({ key: SETTING.companyName, value: companyName })
	);
}
