import { isSEPACountry } from 'ibantools';
import { checkBic, checkIban } from './bank-account';
import { checkStructuredCommunication, formatStructuredCommunication } from './belgian-numbers';
import { accepted, rejected, type Checked } from './checked';

/**
 * The payload of an EPC QR code (EPC069-12 "Quick Response Code: guidelines to enable data
 * capture for the initiation of a SEPA credit transfer", version 002): the lines a banking app
 * reads to fill in a transfer — service tag BCD, version 002, character set 1 (UTF-8),
 * identification SCT, BIC, beneficiary name, IBAN, amount "EUR123.45", purpose, then either a
 * structured creditor reference or an unstructured remittance text — joined by LF, at most
 * 331 bytes, with nothing after the last line that has a value.
 *
 * The Belgian structured communication goes in the unstructured remittance as
 * "+++123/4567/89012+++": the structured field holds an ISO 11649 creditor reference (RF…),
 * which the Belgian communication is not, and Belgian banking apps recognise the +++…+++ text
 * and fill in the transfer's structured communication from it.
 */

export interface EpcTransfer {
	/** The beneficiary: the company's name (at most 70 characters). */
	name: string;
	iban: string;
	/** Optional in version 002 for a beneficiary in the EEA, required outside it. */
	bic: string;
	/** What to pay, in euro cents: 1 to 99,999,999,999. */
	amountCents: number;
	/** Twelve digits (or formatted); when given, the remittance is this communication. */
	structuredCommunication?: string;
	/** Free remittance text (at most 140 characters), when there is no structured communication. */
	remittance?: string;
}

export const EPC_MAX_BYTES = 331;
const NAME_MAX = 70;
const REMITTANCE_MAX = 140;
const AMOUNT_MAX_CENTS = 99_999_999_999;

/** The EEA countries, where version 002 lets the BIC out (SEPA reaches further: CH, GB, ...). */
const EEA = new Set(
	'AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IS IT LI LT LU LV MT NL NO PL PT RO SE SI SK'.split(
		' '
	)
);

/** Line breaks and runs of spaces would break the payload's lines: one space instead. */
function oneLine(text: string): string {
	return text.replace(/\s+/g, ' ').trim();
}

function utf8Length(text: string): number {
	let bytes = 0;
	for (const char of text) {
		const code = char.codePointAt(0) ?? 0;
		bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
	}
	return bytes;
}

function euro(cents: number): string {
	return `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

/** The payload for a transfer, or why it cannot be encoded. */
export function epcQrPayload(transfer: EpcTransfer): Checked {
	const name = oneLine(transfer.name);
	if (name === '')
		return rejected('error.epcName', 'Enter the company name to print a payment QR code.');
	if ([...name].length > NAME_MAX)
		return rejected(
			'error.epcNameLength',
			'A payment QR code holds a name of at most {max} characters.',
			{ max: NAME_MAX }
		);
	const iban = checkIban(transfer.iban);
	if (!iban.ok) return iban;
	if (iban.value === '')
		return rejected('error.epcIban', "Enter the company's IBAN to print a payment QR code.");
	const country = iban.value.slice(0, 2);
	if (!isSEPACountry(country))
		return rejected(
			'error.epcSepa',
			'A payment QR code needs an IBAN of a SEPA country; {country} is not one.',
			{ country }
		);
	const bic = checkBic(transfer.bic);
	if (!bic.ok) return bic;
	if (bic.value === '' && !EEA.has(country))
		return rejected(
			'error.epcBic',
			'Enter the SWIFT code: a payment QR code needs it for an IBAN outside the EEA.'
		);
	const cents = transfer.amountCents;
	if (!Number.isInteger(cents) || cents < 1 || cents > AMOUNT_MAX_CENTS)
		return rejected(
			'error.epcAmount',
			'A payment QR code holds an amount from 0.01 to 999,999,999.99.'
		);
	const reference = checkStructuredCommunication(transfer.structuredCommunication ?? '');
	if (!reference.ok) return reference;
	const remittance =
		reference.value !== ''
			? formatStructuredCommunication(reference.value)
			: oneLine(transfer.remittance ?? '');
	if ([...remittance].length > REMITTANCE_MAX)
		return rejected(
			'error.epcRemittance',
			'A payment QR code holds a message of at most {max} characters.',
			{ max: REMITTANCE_MAX }
		);
	const lines = ['BCD', '002', '1', 'SCT', bic.value, name, iban.value, euro(cents), '', ''];
	if (remittance !== '') lines.push(remittance);
	const payload = lines.join('\n').replace(/\n+$/, '');
	const bytes = utf8Length(payload);
	if (bytes > EPC_MAX_BYTES)
		return rejected(
			'error.epcTooLong',
			'The payment QR code would hold {bytes} bytes, more than {max}: shorten the name or message.',
			{ bytes, max: EPC_MAX_BYTES }
		);
	return accepted(payload);
}
