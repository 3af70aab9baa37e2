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

/** A logo wider or higher than this is not drawn by browsers as a letterhead needs. */
export const LOGO_MAX_SIDE = 10_000;

const sideOk = (side: number) => side >= 1 && side <= LOGO_MAX_SIDE;

/** Bit depths a PNG allows per colour type. */
const PNG_DEPTHS: Record<number, number[]> = {
	0: [1, 2, 4, 8, 16],
	2: [8, 16],
	3: [1, 2, 4, 8],
	4: [8, 16],
	6: [8, 16]
};

/**
 * A PNG a browser can draw: its IHDR (checked by its CRC) holds a size and a colour type and
 * bit depth that go together, and at least one IDAT chunk lies whole in the file. A file cut
 * short in its header or before its image data fails; damage the header cannot show is left to
 * the page, which decodes the image before it is kept.
 */
function isDrawablePng(bytes: Uint8Array): boolean {
	if (bytes.length < 33 || readUint32(bytes, 8) !== 13 || chunkType(bytes, 12) !== 'IHDR')
		return false;
	if (crc32(bytes.subarray(12, 29)) !== readUint32(bytes, 29)) return false;
	const [depth, colour, compression, filter, interlace] = bytes.subarray(24, 29);
	if (!sideOk(readUint32(bytes, 16)) || !sideOk(readUint32(bytes, 20))) return false;
	if (!PNG_DEPTHS[colour!]?.includes(depth!) || compression !== 0 || filter !== 0) return false;
	if (interlace !== 0 && interlace !== 1) return false;
	for (let at = 33; at + 12 <= bytes.length;) {
		const end = at + 12 + readUint32(bytes, at);
		if (end > bytes.length) return false;
		if (chunkType(bytes, at + 4) === 'IDAT') return true;
		at = end;
	}
	return false;
}

/**
 * A JPEG a browser can draw: an 8-bit baseline, extended or progressive frame (SOF0–SOF2) with a
 * size and 1 to 4 components, then the start of a scan with data after it. Stray bytes between
 * segments are skipped, as decoders do; a file cut short before its scan fails.
 */
function isDrawableJpeg(bytes: Uint8Array): boolean {
	let frame = false;
	let at = 2;
	while (at + 4 <= bytes.length) {
		if (bytes[at] !== 0xff || bytes[at + 1] === 0xff || bytes[at + 1] === 0) {
			at += 1; // a stray or fill byte
			continue;
		}
		const marker = bytes[at + 1]!;
		const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
		if (length < 2 || at + 2 + length > bytes.length) return false;
		if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
			if (marker > 0xc2 || length < 11) return false; // lossless, arithmetic, hierarchical
			const precision = bytes[at + 4];
			const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
			const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
			const components = bytes[at + 9]!;
			if (precision !== 8 || !sideOk(height) || !sideOk(width)) return false;
			if (components < 1 || components > 4 || length < 8 + 3 * components) return false;
			frame = true;
		}
		if (marker === 0xda) return frame && at + 2 + length < bytes.length;
		at += 2 + length;
	}
	return false;
}

/**
 * The logo as the data: URL to store, or why it is refused: not a PNG or JPEG; over 200 KB; cut
 * short, damaged in its header or too large to draw (it would print as a broken image).
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
	if (!(type === 'image/png' ? isDrawablePng(bytes) : isDrawableJpeg(bytes)))
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
