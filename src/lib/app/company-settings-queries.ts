import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { readWorkDate, SETTING } from './settings';

/** The company's settings as the header, Settings and the home page show them. */

export interface CompanySettings {
	workDate: string;
	workDateIsToday: boolean;
	companyName: string;
	companyAddress: string;
	userName: string;
}

export async function readCompanySettings(): Promise<CompanySettings> {
	const [workDate, stored, name, user, address] = await Promise.all([
		readWorkDate(),
		db.settings.get(SETTING.workDate),
		db.settings.get(SETTING.companyName),
		db.settings.get(SETTING.userName),
		db.settings.get(SETTING.companyAddress)
	]);
	return {
		workDate,
		workDateIsToday: !stored,
		companyName: name?.value ?? '',
		companyAddress: address?.value ?? '',
		userName: user?.value ?? ''
	};
}

export function companySettingsQuery(): Observable<CompanySettings> {
	return liveQuery(readCompanySettings);
}
