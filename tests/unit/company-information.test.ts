import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkBackup, exportBackup } from '$lib/app/backup';
import {
	readCompanyInformation,
	removeCompanyLogo,
	setCompanyField,
	setCompanyLogo
} from '$lib/app/company-information';
import { updateCustomerField } from '$lib/app/customer-card';
import { ValidationError } from '$lib/app/errors';
import { COMPANY_SETTING } from '$lib/app/settings';
import { db } from '$lib/db/db';
import { documentDetailsOf } from '$lib/domain/customer';
import { checkLogo, LOGO_MAX_BYTES, logoTypeOf, safeLogo } from '$lib/domain/company';
import { givenCustomer, snapshotDatabase } from '../factories';

function crc32Of(bytes: Uint8Array): number {
	let crc = 0xffffffff;
	for (const byte of bytes) {
		crc ^= byte;
		for (let k = 0; k < 8; k++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
	}
	return (crc ^ 0xffffffff) >>> 0;
}

/** Small images a browser made (canvas.toDataURL in Chromium): a PNG and a JPEG. */
const PNG = new Uint8Array(readFileSync('tests/fixtures/logo.png'));
const JPEG = new Uint8Array(readFileSync('tests/fixtures/logo.jpg'));
const SVG = new TextEncoder().encode(
	'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
);

/** Whether a backup of the company as it is now would be accepted. */
async function backupAccepted(): Promise<boolean> {
	await db.settings.put({ key: 'initialized', value: '2026-01-01T00:00:00.000Z' });
	return (await checkBackup(await exportBackup())).ok;
}

async function refusalOf(run: () => Promise<unknown>): Promise<ValidationError> {
	try {
		await run();
	} catch (error) {
		if (error instanceof ValidationError) return error;
		throw error;
	}
	throw new Error('expected a refusal');
}

describe('Company Information', () => {
	it('keeps the checked numbers compact and the other fields as typed', async () => {
		await setCompanyField({ field: 'countryRegion', value: 'be' });
		await setCompanyField({ field: 'vatRegistrationNo', value: 'BE 0123.456.749' });
		await setCompanyField({ field: 'enterpriseNo', value: '0123.456.749' });
		await setCompanyField({ field: 'iban', value: 'be71 0961 2345 6769' });
		await setCompanyField({ field: 'swiftCode', value: 'gkccbebb' });
		await setCompanyField({ field: 'homePage', value: ' holdfast.example ' });
		expect(await readCompanyInformation()).toMatchObject({
			countryRegion: 'BE',
			vatRegistrationNo: 'BE0123456749',
			enterpriseNo: '0123456749',
			iban: 'BE71096123456769',
			swiftCode: 'GKCCBEBB',
			homePage: 'holdfast.example'
		});
	});

	it('reads the Belgian country for a VAT number typed without BE', async () => {
		await setCompanyField({ field: 'countryRegion', value: 'BE' });
		await setCompanyField({ field: 'vatRegistrationNo', value: '0123456749' });
		expect((await readCompanyInformation()).vatRegistrationNo).toBe('BE0123456749');
	});

	it.each([
		['vatRegistrationNo', 'BE0123456748', 'error.vatRegistrationNoCheck'],
		['vatRegistrationNo', 'BE123', 'error.vatRegistrationNoFormat'],
		['enterpriseNo', '0123.456.748', 'error.enterpriseNoCheck'],
		['iban', 'BE71 0961 2345 6768', 'error.ibanCheck'],
		['iban', 'BE71 0961', 'error.ibanLength'],
		['swiftCode', 'GKCC', 'error.bicFormat'],
		['email', 'not an address', 'error.emailInvalid']
	] as const)('refuses %s %s with %s and changes nothing', async (field, value, key) => {
		const before = await snapshotDatabase();
		const error = await refusalOf(() => setCompanyField({ field, value }));
		expect(error.key).toBe(key);
		expect(error.field).toBe(field);
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('accepts a VAT number of another country as entered', async () => {
		await setCompanyField({ field: 'vatRegistrationNo', value: 'nl123456789B01' });
		expect((await readCompanyInformation()).vatRegistrationNo).toBe('NL123456789B01');
	});

	it('uses the keys Settings used for the name and address', async () => {
		await setCompanyField({ field: 'name', value: 'Kroon BV' });
		await setCompanyField({ field: 'address', value: 'Markt 1' });
		expect(await db.settings.get('companyName')).toEqual({ key: 'companyName', value: 'Kroon BV' });
		expect((await db.settings.get('companyAddress'))?.value).toBe('Markt 1');
	});
});

describe('the logo', () => {
	it('keeps a PNG or a JPEG as a data URL, and removes it', async () => {
		await setCompanyLogo({ bytes: PNG });
		expect((await readCompanyInformation()).logo).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
		await setCompanyLogo({ bytes: JPEG });
		expect((await readCompanyInformation()).logo).toMatch(/^data:image\/jpeg;base64,/);
		await removeCompanyLogo();
		expect((await readCompanyInformation()).logo).toBe('');
	});

	it('refuses an SVG (it can carry script) and any other file, by its bytes', async () => {
		expect((await refusalOf(() => setCompanyLogo({ bytes: SVG }))).key).toBe('error.logoType');
		expect(logoTypeOf(new TextEncoder().encode('GIF89a'))).toBeNull();
		expect(await db.settings.get(COMPANY_SETTING.logo)).toBeUndefined();
	});

	/** Where the file holds enough to be drawn: its first IDAT whole, its scan begun. */
	function drawableFrom(image: Uint8Array): number {
		const text = new TextDecoder('latin1').decode(image);
		if (image === PNG) {
			const at = text.indexOf('IDAT') - 4;
			return at + 12 + new DataView(image.buffer, image.byteOffset).getUint32(at);
		}
		const scan = text.indexOf('\xff\xda');
		return scan + 2 + ((image[scan + 2]! << 8) | image[scan + 3]!) + 1;
	}

	it.each([
		['PNG', PNG],
		['JPEG', JPEG]
	])(
		'refuses a %s cut short before it can be drawn, keeps one a browser draws',
		async (_type, image) => {
			const from = drawableFrom(image);
			expect(from).toBeGreaterThan(30);
			for (let length = 8; length < image.length; length++) {
				const checked = checkLogo(image.subarray(0, length));
				const expected = length < from ? 'error.logoDamaged' : 'accepted';
				expect(checked.ok ? 'accepted' : checked.refusal.key, `cut at ${length}`).toBe(expected);
			}
			expect(checkLogo(image).ok).toBe(true);
			const error = await refusalOf(() => setCompanyLogo({ bytes: image.subarray(0, from - 1) }));
			expect(error.key).toBe('error.logoDamaged');
			expect(await db.settings.get(COMPANY_SETTING.logo)).toBeUndefined();
		}
	);

	it.each([
		['a PNG header changed (its CRC no longer matches)', PNG, 17, 0x01],
		['a PNG 20,000 px wide', PNG, 17, 0x4e],
		['a PNG with bit depth 3', PNG, 24, 3],
		['a JPEG of 16-bit precision', JPEG, 'sof+4', 16],
		['a lossless JPEG (SOF3)', JPEG, 'sof+1', 0xc3],
		['a JPEG frame of no components', JPEG, 'sof+9', 0]
	] as const)('refuses %s', (_name, image, where, value) => {
		const changed = image.slice();
		const sof = new TextDecoder('latin1').decode(image).search(/\xff[\xc0-\xc2]/);
		const at = typeof where === 'number' ? where : sof + Number(where.slice(4));
		changed[at] = value;
		if (image === PNG && value === 0x4e) {
			// Width 0x00004e20 = 20,000.
			changed.set([0, 0, 0x4e, 0x20], 16);
		}
		// The header's CRC made to match, unless the case is its mismatch.
		if (image === PNG && !_name.includes('CRC')) {
			new DataView(changed.buffer).setUint32(29, crc32Of(changed.subarray(12, 29)));
		}
		const checked = checkLogo(changed);
		expect(checked.ok ? 'accepted' : checked.refusal.key).toBe('error.logoDamaged');
	});

	it('the header rewritten with its own values and CRC is still accepted', () => {
		const same = PNG.slice();
		new DataView(same.buffer).setUint32(29, crc32Of(same.subarray(12, 29)));
		expect(checkLogo(same).ok).toBe(true);
	});

	it('keeps a JPEG with stray bytes between its segments, as decoders skip them', () => {
		const text = new TextDecoder('latin1').decode(JPEG);
		const at = text.indexOf('\xff\xdb');
		const stray = new Uint8Array([...JPEG.subarray(0, at), 0x00, 0x13, ...JPEG.subarray(at)]);
		expect(checkLogo(stray).ok).toBe(true);
	});

	it('keeps a JPEG with a camera’s data after its end, as browsers show it', async () => {
		const trailing = new Uint8Array([...JPEG, 0, 0, 0x12, 0x34]);
		await setCompanyLogo({ bytes: trailing });
		expect((await readCompanyInformation()).logo).toMatch(/^data:image\/jpeg;base64,/);
	});

	it('refuses a logo over 200 KB', async () => {
		const big = new Uint8Array(LOGO_MAX_BYTES + 1);
		big.set(PNG);
		const error = await refusalOf(() => setCompanyLogo({ bytes: big }));
		expect(error.key).toBe('error.logoSize');
		expect(error.values).toEqual({ size: 201, max: 200 });
	});

	it('never hands out a stored value that is not a PNG or JPEG data URL (a hostile backup)', async () => {
		await db.settings.put({
			key: COMPANY_SETTING.logo,
			value: 'data:image/svg+xml;base64,PHN2Zz48c2NyaXB0PmFsZXJ0KDEpPC9zY3JpcHQ+PC9zdmc+'
		});
		expect((await readCompanyInformation()).logo).toBe('');
		expect(safeLogo('javascript:alert(1)')).toBe('');
	});

	it('travels in a backup, which accepts it', async () => {
		await setCompanyLogo({ bytes: PNG });
		await setCompanyField({ field: 'vatRegistrationNo', value: 'BE0123456749' });
		expect(await backupAccepted()).toBe(true);
	});
});

describe("the customer's document fields", () => {
	it('checks and stores VAT Registration No. and Enterprise No. compact', async () => {
		const customer = await givenCustomer({ countryRegion: 'BE' });
		await updateCustomerField({
			no: customer.no,
			field: 'vatRegistrationNo',
			value: '0456.789.133'
		});
		await updateCustomerField({ no: customer.no, field: 'enterpriseNo', value: 'BE 0456 789 133' });
		await updateCustomerField({ no: customer.no, field: 'languageCode', value: 'nl' });
		await updateCustomerField({
			no: customer.no,
			field: 'documentEmail',
			value: 'ap@kroon.example'
		});
		expect(await db.customers.get(customer.no)).toMatchObject({
			vatRegistrationNo: 'BE0456789133',
			enterpriseNo: '0456789133',
			languageCode: 'nl',
			documentEmail: 'ap@kroon.example'
		});
		// A backup keeps them.
		await db.settings.put({ key: 'initialized', value: '2026-01-01T00:00:00.000Z' });
		const checked = await checkBackup(await exportBackup());
		if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
		expect(checked.tables.customers).toContainEqual(
			expect.objectContaining({
				no: customer.no,
				vatRegistrationNo: 'BE0456789133',
				languageCode: 'nl'
			})
		);
	});

	it.each([
		['vatRegistrationNo', 'BE0456789134', 'error.vatRegistrationNoCheck'],
		['enterpriseNo', '123', 'error.enterpriseNoFormat'],
		['languageCode', 'fr', 'error.languageCode'],
		['documentEmail', 'nope', 'error.emailInvalid']
	] as const)('refuses %s %s with %s', async (field, value, key) => {
		const customer = await givenCustomer({ countryRegion: 'BE' });
		const error = await refusalOf(() => updateCustomerField({ no: customer.no, field, value }));
		expect([error.key, error.field]).toEqual([key, field]);
		expect(await db.customers.get(customer.no)).toEqual(customer);
	});

	it('reads a customer stored before the fields with their defaults', async () => {
		const customer = await givenCustomer({ email: 'info@old.example' });
		const { vatRegistrationNo, enterpriseNo, languageCode, documentEmail, ...old } = customer;
		void [vatRegistrationNo, enterpriseNo, languageCode, documentEmail];
		await db.customers.put(old);
		const stored = (await db.customers.get(customer.no))!;
		expect(documentDetailsOf(stored)).toEqual({
			vatRegistrationNo: '',
			enterpriseNo: '',
			languageCode: 'en',
			documentEmail: 'info@old.example'
		});
		// A backup of such a customer is accepted, and so is one with the fields.
		expect(await backupAccepted()).toBe(true);
	});
});
