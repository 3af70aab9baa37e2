import { describe, expect, it } from 'vitest';
import { checkBic, checkIban, formatIban } from '$lib/domain/bank-account';
import type { Checked } from '$lib/domain/checked';

function keyOf(checked: Checked): string {
	return checked.ok ? `accepted ${checked.value}` : checked.refusal.key;
}

describe('IBAN', () => {
	it.each([
		// public test IBANs of ISO 13616 and the banks' documentation
		['BE68539007547034', 'BE68539007547034'],
		['BE68 5390 0754 7034', 'BE68539007547034'],
		['be71 0961 2345 6769', 'BE71096123456769'],
		['GB82WEST12345698765432', 'GB82WEST12345698765432'],
		['NL91ABNA0417164300', 'NL91ABNA0417164300'],
		['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000'],
		['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606'],
		['LU28 0019 4006 4475 0000', 'LU280019400644750000'],
		['', '']
	])('accepts %s', (input, normalised) => {
		expect(keyOf(checkIban(input))).toBe(`accepted ${normalised}`);
	});

	it.each([
		['BE68539007547035', 'error.ibanCheck'], // last digit one off
		['BE86539007547034', 'error.ibanCheck'], // check digits swapped
		['BE68539007574034', 'error.ibanCheck'], // two digits swapped
		['GB82WEST12345698765433', 'error.ibanCheck'],
		['NL91ABNA0417164301', 'error.ibanCheck'],
		['BE6853900754703', 'error.ibanLength'], // one character short
		['NL91ABNA04171643000', 'error.ibanLength'],
		['XX68539007547034', 'error.ibanCountry'],
		['1234', 'error.ibanCountry'],
		['NL911BNA0417164300', 'error.ibanFormat'] // a digit where NL has a bank code letter
	])('refuses %s (%s)', (input, key) => {
		expect(keyOf(checkIban(input))).toBe(key);
	});

	it("names the country's length in the refusal", () => {
		const checked = checkIban('BE6853900754703');
		expect(checked.ok ? '' : checked.refusal.message).toBe('An IBAN of BE has 16 characters.');
	});

	it('prints in groups of four', () => {
		expect(formatIban('BE68539007547034')).toBe('BE68 5390 0754 7034');
	});
});

describe('SWIFT code (BIC)', () => {
	it.each([
		['GEBABEBB', 'GEBABEBB'],
		['gkcc be bb', 'GKCCBEBB'],
		['DEUTDEFF500', 'DEUTDEFF500'],
		['', '']
	])('accepts %s', (input, normalised) => {
		expect(keyOf(checkBic(input))).toBe(`accepted ${normalised}`);
	});

	it.each(['GEBABE', 'GEBA1EBB', 'GEBABEBB12'])('refuses %s', (input) => {
		expect(keyOf(checkBic(input))).toBe('error.bicFormat');
	});
});
