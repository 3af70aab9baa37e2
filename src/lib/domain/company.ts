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

const readUint32 = (bytes: Uint8Array, at: number) =>
	((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;

const chunkType = (bytes: Uint8Array, at: number) =>
	String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
	return (crc ^ 0xffffffff) >>> 0;
}

/**
 * A PNG file is whole when its chunks, each checked by its CRC, run from IHDR (a width and a
 * height) through at least one IDAT to IEND inside the file. A file cut short (an interrupted
 * download) ends inside a chunk or before IEND.
 */
function isWholePng(bytes: Uint8Array): boolean {
	let at = 8;
	let index = 0;
	let hasData = false;
	while (at + 12 <= bytes.length) {
		const length = readUint32(bytes, at);
		const type = chunkType(bytes, at + 4);
		const end = at + 12 + length;
		if (end > bytes.length) return false;
		if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== readUint32(bytes, at + 8 + length))
			return false;
		if (index === 0 && (type !== 'IHDR' || length !== 13)) return false;
		if (index === 0 && (readUint32(bytes, at + 8) === 0 || readUint32(bytes, at + 12) === 0))
			return false;
		if (type === 'IDAT') hasData = true;
		if (type === 'IEND') return hasData;
		at = end;
		index += 1;
	}
	return false;
}

/**
 * A JPEG file is whole when its segments run from SOI through a frame header (SOFn, with a
 * width and a height) to the start of the scan, and an EOI follows the scan (a file cut short
 * has none; a camera's data after EOI is left alone, as browsers do).
 */
function isWholeJpeg(bytes: Uint8Array): boolean {
	let at = 2;
	let frame = false;
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff) return false;
		const marker = bytes[at + 1]!;
		if (marker === 0xff) {
			at += 1; // a fill byte
			continue;
		}
		const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
		if (length < 2 || at + 2 + length > bytes.length) return false;
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			if (length < 8) return false;
			const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
			const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
			if (height === 0 || width === 0) return false;
			frame = true;
		}
		if (marker === 0xda) return frame && endsScan(bytes, at + 2 + length);
		at += 2 + length;
	}
	return false;
}

/** Whether an EOI marker comes after `from` (scan data never holds FF D9: FF is stuffed). */
function endsScan(bytes: Uint8Array, from: number): boolean {
	for (let at = from; at + 1 < bytes.length; at++) {
		if (bytes[at] === 0xff && bytes[at + 1] === 0xd9) return true;
	}
	return false;
}

/**
 * The logo as the data: URL to store, or why it is refused: not a PNG or JPEG; over 200 KB; cut
 * short or damaged (it would print as a broken image).
 */
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
	if (!(type === 'image/png' ? isWholePng(bytes) : isWholeJpeg(bytes)))
		return rejected(
			'error.logoDamaged',
			'The image file is damaged or incomplete: choose the logo file again.'
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
