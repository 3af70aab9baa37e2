import {
	electronicFormatIBAN,
	friendlyFormatIBAN,
	getCountrySpecifications,
	isValidBIC,
	validateIBAN,
	ValidationErrorsIBAN
} from 'ibantools';
import { accepted, rejected, type Checked } from './checked';

/**
 * The company's bank account: IBAN (ISO 13616, mod 97, with each country's length and account
 * format from `ibantools`, which also checks the national check digits such as Belgium's) and
 * SWIFT Code (BIC). Each check returns the compact value to store, or the refusal a clerk reads.
 */

/** An IBAN as typed ("BE68 5390 0754 7034", lower case, dashes) in its electronic format. */
export function checkIban(input: string): Checked {
	const iban = electronicFormatIBAN(input.replace(/[\s.-]/g, '')) ?? '';
	if (iban === '') return accepted('');
	const country = iban.slice(0, 2);
	const spec = /^[A-Z]{2}$/.test(country) ? getCountrySpecifications()[country] : undefined;
	if (!spec?.chars)
		return rejected(
			'error.ibanCountry',
			'An IBAN starts with the code of a country that uses IBANs, such as BE.'
		);
	if (iban.length !== spec.chars)
		return rejected('error.ibanLength', 'An IBAN of {country} has {length} characters.', {
			country,
			length: spec.chars
		});
	const { errorCodes } = validateIBAN(iban);
	if (errorCodes.length === 0) return accepted(iban);
	if (errorCodes.includes(ValidationErrorsIBAN.WrongBBANFormat))
		return rejected('error.ibanFormat', 'This is not the account number format of {country}.', {
			country
		});
	return rejected(
		'error.ibanCheck',
		'The check digits of IBAN {iban} do not match: look for a typing error.',
		{ iban: friendlyFormatIBAN(iban) ?? iban }
	);
}

/** "BE68539007547034" → "BE68 5390 0754 7034", as it is printed. */
export function formatIban(iban: string): string {
	return friendlyFormatIBAN(iban) ?? iban;
}

/** A SWIFT Code (BIC) of 8 or 11 characters, upper-cased. An empty field is accepted. */
export function checkBic(input: string): Checked {
	const bic = input.replace(/\s/g, '').toUpperCase();
	if (bic === '') return accepted('');
	if (!isValidBIC(bic))
		return rejected(
			'error.bicFormat',
			'A SWIFT code has 8 or 11 letters and digits, such as GEBABEBB.'
		);
	return accepted(bic);
}
