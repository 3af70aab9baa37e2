import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	checkEnterpriseNo,
	checkStructuredCommunication,
	checkVatRegistrationNo,
	enterpriseNoOfVat,
	findStructuredCommunication,
	formatEnterpriseNo,
	formatStructuredCommunication,
	formatVatRegistrationNo,
	structuredCommunicationFor
} from '$lib/domain/belgian-numbers';
import type { Checked } from '$lib/domain/checked';

function valueOf(checked: Checked): string {
	if (!checked.ok) throw new Error(`refused: ${checked.refusal.message}`);
	return checked.value;
}

function keyOf(checked: Checked): string {
	return checked.ok ? `accepted ${checked.value}` : checked.refusal.key;
}

/** Every string that differs from `digits` in exactly one digit. */
function oneDigitOff(digits: string): string[] {
	const out: string[] = [];
	for (let i = 0; i < digits.length; i++)
		for (let d = 0; d <= 9; d++)
			if (String(d) !== digits[i]) out.push(digits.slice(0, i) + d + digits.slice(i + 1));
	return out;
}

describe('Belgian VAT Registration No.', () => {
	it.each([
		// as typed, normalised (registered Belgian companies' numbers, public in the CBE)
		['BE0202.239.951', 'BE0202239951'],
		['BE 0400 378 485', 'BE0400378485'],
		['be0462920226', 'BE0462920226'],
		['BE0123.456.749', 'BE0123456749'],
		['BE-0403.170.701', 'BE0403170701'],
		['BE202239951', 'BE0202239951'], // the nine digits of before 2005 gain their leading 0
		['0417.497.106', 'BE0417497106'], // no prefix, customer in Belgium
		['BE1000.000.021', 'BE1000000021'] // numbers given since 2023 may start with 1
	])('accepts %s as %s', (input, normalised) => {
		expect(valueOf(checkVatRegistrationNo(input, 'BE'))).toBe(normalised);
	});

	it.each([
		['BE0202.239.952', 'error.vatRegistrationNoCheck'], // last digit one off
		['BE0202.239.915', 'error.vatRegistrationNoCheck'], // check digits swapped
		['BE0203.239.951', 'error.vatRegistrationNoCheck'],
		['BE2202.239.951', 'error.vatRegistrationNoFormat'], // starts with 2
		['BE0202.239.95', 'error.vatRegistrationNoCheck'], // 9 digits read as 0020223995
		['BE02022399511', 'error.vatRegistrationNoFormat'], // 11 digits
		['BE0202.239.95A', 'error.vatRegistrationNoFormat'],
		['BE', 'error.vatRegistrationNoFormat']
	])('refuses %s (%s)', (input, key) => {
		expect(keyOf(checkVatRegistrationNo(input))).toBe(key);
	});

	it('refuses every one-digit typing error of a valid number', () => {
		for (const typo of oneDigitOff('0202239951').filter((d) => /^[01]/.test(d)))
			expect(checkVatRegistrationNo(`BE${typo}`).ok, typo).toBe(false);
	});

	it("accepts another country's number as entered (the Peppol examples' GB and SE numbers)", () => {
		expect(valueOf(checkVatRegistrationNo('GB1232434'))).toBe('GB1232434');
		expect(valueOf(checkVatRegistrationNo(' se4598375937 '))).toBe('SE4598375937');
		expect(valueOf(checkVatRegistrationNo('NL123456789B01', 'NL'))).toBe('NL123456789B01');
	});

	it('accepts an empty field (the field is optional)', () => {
		expect(valueOf(checkVatRegistrationNo('  '))).toBe('');
	});

	it('names the number in the refusal text', () => {
		const checked = checkVatRegistrationNo('BE0202.239.952');
		expect(checked.ok ? '' : checked.refusal.message).toContain('BE0202.239.952');
	});

	it('formats BE0123.456.749 and finds the enterprise number in it', () => {
		expect(formatVatRegistrationNo('BE0202239951')).toBe('BE0202.239.951');
		expect(formatVatRegistrationNo('GB1232434')).toBe('GB1232434');
		expect(enterpriseNoOfVat('BE0202239951')).toBe('0202239951');
		expect(enterpriseNoOfVat('GB1232434')).toBe('');
	});
});

describe('Belgian Enterprise No.', () => {
	it.each([
		['0202.239.951', '0202239951'],
		['0400 378 485', '0400378485'],
		['BE 0462.920.226', '0462920226'],
		['', '']
	])('accepts %s as %s', (input, normalised) => {
		expect(valueOf(checkEnterpriseNo(input))).toBe(normalised);
	});

	it.each([
		['0202.239.952', 'error.enterpriseNoCheck'],
		['0462.902.226', 'error.enterpriseNoCheck'],
		['3202.239.951', 'error.enterpriseNoFormat'],
		['12345', 'error.enterpriseNoFormat']
	])('refuses %s (%s)', (input, key) => {
		expect(keyOf(checkEnterpriseNo(input))).toBe(key);
	});

	it('formats 0123.456.749', () => {
		expect(formatEnterpriseNo('0123456749')).toBe('0123.456.749');
	});
});

describe('structured communication', () => {
	it.each([
		['+++090/9337/55493+++', '090933755493'],
		['***090/9337/55493***', '090933755493'],
		['090 9337 55493', '090933755493'],
		['+++123/4567/89002+++', '123456789002'],
		['+++000/0000/09797+++', '000000009797'] // 97 mod 97 = 0: the check digits are 97
	])('accepts %s', (input, digits) => {
		expect(valueOf(checkStructuredCommunication(input))).toBe(digits);
	});

	it.each([
		['+++090/9337/55494+++', 'error.structuredCommunicationCheck'],
		['+++090/9337/55439+++', 'error.structuredCommunicationCheck'],
		['+++000/0000/09700+++', 'error.structuredCommunicationCheck'], // 0 is written 97
		['+++090/9337/5549+++', 'error.structuredCommunicationFormat'],
		['RF18539007547034', 'error.structuredCommunicationFormat']
	])('refuses %s (%s)', (input, key) => {
		expect(keyOf(checkStructuredCommunication(input))).toBe(key);
	});

	it('refuses every one-digit typing error', () => {
		fc.assert(
			fc.property(fc.stringMatching(/^\d{10}$/), (ten) => {
				const digits = valueOf(structuredCommunicationFor(ten));
				for (const typo of oneDigitOff(digits))
					expect(checkStructuredCommunication(typo).ok, typo).toBe(false);
			}),
			{ numRuns: 30 }
		);
	});

	it('is made from the digits of the posted invoice No.', () => {
		expect(valueOf(structuredCommunicationFor('PSI-1001'))).toBe('000000100131');
		expect(formatStructuredCommunication('000000100131')).toBe('+++000/0001/00131+++');
		expect(valueOf(structuredCommunicationFor('PSI-000097'))).toBe('000000009797');
		expect(valueOf(structuredCommunicationFor('INV0123456789'))).toBe('012345678939');
	});

	it('is deterministic, valid and different for every invoice of a series', () => {
		const seen = new Set<string>();
		for (let n = 1000; n < 3000; n++) {
			const reference = valueOf(structuredCommunicationFor(`PSI-${n}`));
			expect(valueOf(structuredCommunicationFor(`PSI-${n}`))).toBe(reference);
			expect(valueOf(checkStructuredCommunication(reference))).toBe(reference);
			seen.add(reference);
		}
		expect(seen.size).toBe(2000);
	});

	it('is refused for a No. without digits or with more than ten', () => {
		expect(keyOf(structuredCommunicationFor('PSI-X'))).toBe('error.structuredCommunicationNo');
		expect(keyOf(structuredCommunicationFor('PSI-12345678901'))).toBe(
			'error.structuredCommunicationNo'
		);
	});

	it('is found in a bank statement message, and a wrong one is not', () => {
		expect(findStructuredCommunication('Betaling +++000/0001/00131+++ dank u')).toBe(
			'000000100131'
		);
		expect(findStructuredCommunication('ref 000000100131')).toBe('000000100131');
		expect(findStructuredCommunication('+++000/0001/00132+++ and 090/9337/55493')).toBe(
			'090933755493'
		);
		expect(findStructuredCommunication('IBAN BE68539007547034, no reference')).toBe('');
		expect(findStructuredCommunication('invoice 1234567890123')).toBe('');
	});
});
