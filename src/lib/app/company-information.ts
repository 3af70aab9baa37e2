import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import {
	checkCompanyField,
	checkLogo,
	emptyCompanyInformation,
	safeLogo,
	type CompanyInformation,
	type CompanyTextField
} from '$lib/domain/company';
import { refusalError } from './errors';
import { COMPANY_SETTING } from './settings';

const FIELDS = Object.keys(COMPANY_SETTING) as Array<keyof CompanyInformation>;

/** Reads Company Information (inside the caller's transaction, when there is one). */
export async function readCompanyInformation(): Promise<CompanyInformation> {
	const rows = await db.settings.bulkGet(FIELDS.map((field) => COMPANY_SETTING[field]));
	const company = emptyCompanyInformation();
	FIELDS.forEach((field, index) => (company[field] = rows[index]?.value ?? ''));
	company.logo = safeLogo(company.logo);
	return company;
}

export function companyInformationQuery(): Observable<CompanyInformation> {
	return liveQuery(readCompanyInformation);
}

/**
 * Saves one field of Company Information. VAT Registration No. (mod 97 when Belgian), Enterprise
 * No., IBAN and SWIFT Code are checked and stored compact; a refused value throws a
 * ValidationError naming the field and changes nothing.
 */
export async function setCompanyField(input: {
	field: CompanyTextField;
	value: string;
}): Promise<void> {
	const { field } = input;
	await db.transaction('rw', db.settings, async () => {
		const country = (await db.settings.get(COMPANY_SETTING.countryRegion))?.value ?? '';
		const checked = checkCompanyField(field, input.value, country);
		if (!checked.ok) throw refusalError({ ...checked.refusal, field });
		await db.settings.put({ key: COMPANY_SETTING[field], value: checked.value });
	});
}

/**
 * Keeps a PNG or JPEG image (its bytes, read from the file the clerk chose) as the company's
 * logo, in the company's database. Anything else, or more than 200 KB, is refused.
 */
export async function setCompanyLogo(input: { bytes: Uint8Array }): Promise<void> {
	const checked = checkLogo(input.bytes);
	if (!checked.ok) throw refusalError({ ...checked.refusal, field: 'logo' });
	await db.transaction('rw', db.settings, () =>
		db.settings.put({ key: COMPANY_SETTING.logo, value: checked.value })
	);
}

export async function removeCompanyLogo(): Promise<void> {
	await db.transaction('rw', db.settings, () => db.settings.delete(COMPANY_SETTING.logo));
}
