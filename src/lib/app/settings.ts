import { db } from '$lib/db/db';
import type { CompanyInformation } from '$lib/domain/company';
import { isIsoDate, todayIso } from '$lib/domain/dates';
import { USER_MARKERS } from '$lib/domain/users';
import { ValidationError } from './errors';

export const SETTING = {
	workDate: 'workDate',
	companyName: 'companyName',
	initialized: 'initialized',
	userName: 'userName',
	companyAddress: 'companyAddress',
	/** Present while a scale generation runs, and after one that was interrupted. */
	scaleGeneration: 'scaleGeneration'
} as const;

/**
 * Company Information: one setting per field, so a backup carries them as it carries every
 * setting. Name and Address keep the keys the Settings page used before, so a company set up
 * then keeps its name and address.
 */
export const COMPANY_SETTING: Record<keyof CompanyInformation, string> = {
	name: SETTING.companyName,
	address: SETTING.companyAddress,
	postCode: 'companyPostCode',
	city: 'companyCity',
	countryRegion: 'companyCountryRegion',
	vatRegistrationNo: 'companyVatRegistrationNo',
	enterpriseNo: 'companyEnterpriseNo',
	iban: 'companyIban',
	swiftCode: 'companySwiftCode',
	phoneNo: 'companyPhoneNo',
	email: 'companyEmail',
	homePage: 'companyHomePage',
	logo: 'companyLogo'
};

/** The work date decides posting dates and what is overdue; blank means today. */
export async function readWorkDate(): Promise<string> {
	const setting = await db.settings.get(SETTING.workDate);
	return setting && isIsoDate(setting.value) ? setting.value : todayIso();
}

/** Who is working: the user name set in Settings (until one is set, the unnamed marker). */
export async function readUserName(): Promise<string> {
	return (await db.settings.get(SETTING.userName))?.value || USER_MARKERS.unnamed;
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
