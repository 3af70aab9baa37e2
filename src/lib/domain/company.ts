import { checkBic, checkIban } from './bank-account';
import { checkEnterpriseNo, checkVatRegistrationNo } from './belgian-numbers';
import { accepted, rejected, type Checked } from './checked';

/**
 * Company Information (Business Central's page of that name): who sends the documents, printed
 * on every invoice, credit memo, reminder and finance charge memo and sent in e-invoices.
 */
export interface CompanyInformation {
	name: string;
	address: string;
	postCode: string;
	city: string;
	countryRegion: string;
	vatRegistrationNo: string;
	enterpriseNo: string;
	iban: string;
	swiftCode: string;
	phoneNo: string;
	email: string;
	homePage: string;
	/** The logo as a data: URL of a PNG or JPEG image, '' for none. */
	logo: string;
}

/** The fields a clerk types on the page (the logo is chosen as a file). */
export const COMPANY_TEXT_FIELDS = [
	'name',
	'address',
	'postCode',
	'city',
	'countryRegion',
	'vatRegistrationNo',
	'enterpriseNo',
	'iban',
	'swiftCode',
	'phoneNo',
	'email',
	'homePage'
] as const;

export type CompanyTextField = (typeof COMPANY_TEXT_FIELDS)[number];

export function emptyCompanyInformation(): CompanyInformation {
	return {
		name: '',
		address: '',
		postCode: '',
		city: '',
		countryRegion: '',
		vatRegistrationNo: '',
		enterpriseNo: '',
		iban: '',
		swiftCode: '',
		phoneNo: '',
		email: '',
		homePage: '',
		logo: ''
	};
}

const FIELD_MAX: Record<CompanyTextField, number> = {
	name: 100,
	address: 200,
	postCode: 20,
	city: 50,
	countryRegion: 10,
	vatRegistrationNo: 20,
	enterpriseNo: 20,
	iban: 50,
	swiftCode: 20,
	phoneNo: 30,
	email: 80,
	homePage: 80
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The value a Company Information field stores, or why not: the VAT Registration No. (mod 97
 * when Belgian), Enterprise No., IBAN and SWIFT Code checked and kept compact, the
 * Country/Region code upper-cased, the e-mail address checked; text trimmed and bounded.
 */
export function checkCompanyField(
	field: CompanyTextField,
	input: string,
	countryRegion: string
): Checked {
	const value = input.trim();
	if (value.length > FIELD_MAX[field])
		return rejected('error.tooLong', 'The text is longer than {max} characters.', {
			max: FIELD_MAX[field]
		});
	switch (field) {
		case 'vatRegistrationNo':
			return checkVatRegistrationNo(value, countryRegion);
		case 'enterpriseNo':
			return checkEnterpriseNo(value);
		case 'iban':
			return checkIban(value);
		case 'swiftCode':
			return checkBic(value);
		case 'countryRegion':
			return accepted(value.toUpperCase());
		case 'email':
			return value === '' || EMAIL.test(value)
				? accepted(value)
				: rejected('error.emailInvalid', 'Enter an e-mail address such as name@example.com.');
		default:
			return accepted(value);
	}
}

// --- The logo ---

/** A logo is printed small: 200 KB is plenty and keeps backups and every print light. */
export const LOGO_MAX_BYTES = 200 * 1024;

export type LogoType = 'image/png' | 'image/jpeg';

/**
 * The type of an image file read from its first bytes, not from its name or the type the browser
 * reports. Only PNG and JPEG are accepted: an SVG file can carry script and links, and GIF, WebP
 * and the rest add nothing a letterhead needs.
 */
export function logoTypeOf(bytes: Uint8Array): LogoType | null {
	const starts = (signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
	if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
	if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
	return null;
}

/** The logo as the data: URL to store, or why it is refused (type first, then size). */
export function checkLogo(bytes: Uint8Array): Checked {
	const type = logoTypeOf(bytes);
	if (!type) return rejected('error.logoType', 'Choose a PNG or JPEG image for the logo.');
	if (bytes.length > LOGO_MAX_BYTES)
		return rejected(
			'error.logoSize',
			'The logo is {size} KB; choose an image of at most {max} KB.',
			{
				size: Math.ceil(bytes.length / 1024),
				max: LOGO_MAX_BYTES / 1024
			}
		);
	return accepted(`data:${type};base64,${base64Of(bytes)}`);
}

function base64Of(bytes: Uint8Array): string {
	let binary = '';
	const chunk = 0x8000;
	for (let start = 0; start < bytes.length; start += chunk) {
		binary += String.fromCharCode(...bytes.subarray(start, start + chunk));
	}
	return btoa(binary);
}

const STORED_LOGO = /^data:image\/(png|jpeg);base64,[A-Za-z0-9+/]+={0,2}$/;

/**
 * The stored logo if it is a PNG or JPEG data: URL, else ''. A backup can carry any text in
 * the setting; only what the page itself would have stored is ever put in an <img>.
 */
export function safeLogo(stored: string | undefined): string {
	return stored && STORED_LOGO.test(stored) ? stored : '';
}

/** The company's address on one line, as the letterhead prints it: "Veldstraat 1, 9000 Gent". */
export function companyAddressLine(
	company: Pick<CompanyInformation, 'address' | 'postCode' | 'city'>
): string {
	const place = [company.postCode, company.city].filter(Boolean).join(' ');
	return [company.address, place].filter(Boolean).join(', ');
}
