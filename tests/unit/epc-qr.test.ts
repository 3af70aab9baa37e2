import { describe, expect, it } from 'vitest';
import type { Checked } from '$lib/domain/checked';
import { EPC_MAX_BYTES, epcQrPayload, type EpcTransfer } from '$lib/domain/epc-qr';
import { create } from 'qrcode';
import { qrDrawing, qrSvg } from '$lib/domain/qr-svg';

function transfer(overrides: Partial<EpcTransfer> = {}): EpcTransfer {
	return {
		name: 'Holdfast Demo NV',
		iban: 'BE68 5390 0754 7034',
		bic: 'GKCCBEBB',
		amountCents: 93705,
		structuredCommunication: '000000100131',
		...overrides
	};
}

function payloadOf(checked: Checked): string {
	if (!checked.ok) throw new Error(`refused: ${checked.refusal.message}`);
	return checked.value;
}

function keyOf(checked: Checked): string {
	return checked.ok ? 'accepted' : checked.refusal.key;
}

describe('EPC QR payload', () => {
	it('carries the Belgian structured communication as the remittance text', () => {
		expect(payloadOf(epcQrPayload(transfer()))).toBe(
			[
				'BCD',
				'002',
				'1',
				'SCT',
				'GKCCBEBB',
				'Holdfast Demo NV',
				'BE68539007547034',
				'EUR937.05',
				'',
				'',
				'+++000/0001/00131+++'
			].join('\n')
		);
	});

	it('leaves the BIC line empty in the EEA and ends at the last line with a value', () => {
		expect(
			payloadOf(epcQrPayload(transfer({ bic: '', amountCents: 1, structuredCommunication: '' })))
		).toBe('BCD\n002\n1\nSCT\n\nHoldfast Demo NV\nBE68539007547034\nEUR0.01');
	});

	it('takes a free remittance text when there is no structured communication', () => {
		expect(
			payloadOf(
				epcQrPayload(
					transfer({ structuredCommunication: undefined, remittance: 'Invoice\nPSI-1001' })
				)
			).split('\n')
		).toEqual([
			'BCD',
			'002',
			'1',
			'SCT',
			'GKCCBEBB',
			'Holdfast Demo NV',
			'BE68539007547034',
			'EUR937.05',
			'',
			'',
			'Invoice PSI-1001'
		]);
	});

	it('writes the largest amount it can hold', () => {
		expect(payloadOf(epcQrPayload(transfer({ amountCents: 99_999_999_999 })))).toContain(
			'\nEUR999999999.99\n'
		);
	});

	it.each([
		['no name', { name: '  ' }, 'error.epcName'],
		['a name over 70 characters', { name: 'N'.repeat(71) }, 'error.epcNameLength'],
		['no IBAN', { iban: '' }, 'error.epcIban'],
		['a wrong IBAN', { iban: 'BE68539007547035' }, 'error.ibanCheck'],
		['an IBAN outside SEPA', { iban: 'BR1800360305000010009795493C1' }, 'error.epcSepa'],
		['a wrong BIC', { bic: 'GKCC' }, 'error.bicFormat'],
		['no BIC outside the EEA', { iban: 'GB82WEST12345698765432', bic: '' }, 'error.epcBic'],
		['nothing to pay', { amountCents: 0 }, 'error.epcAmount'],
		['a negative amount', { amountCents: -100 }, 'error.epcAmount'],
		['more than 999,999,999.99', { amountCents: 100_000_000_000 }, 'error.epcAmount'],
		[
			'a wrong structured communication',
			{ structuredCommunication: '000000100132' },
			'error.structuredCommunicationCheck'
		],
		[
			'a message over 140 characters',
			{ structuredCommunication: '', remittance: 'x'.repeat(141) },
			'error.epcRemittance'
		]
	] as const)('is refused for %s', (_, overrides, key) => {
		expect(keyOf(epcQrPayload(transfer(overrides)))).toBe(key);
	});

	it('is refused over 331 bytes (multi-byte characters count by their UTF-8 bytes)', () => {
		const long = transfer({
			name: 'é'.repeat(70),
			structuredCommunication: '',
			remittance: 'ü'.repeat(120)
		});
		const checked = epcQrPayload(long);
		expect(keyOf(checked)).toBe('error.epcTooLong');
		expect(checked.ok ? {} : checked.refusal.values).toMatchObject({ max: EPC_MAX_BYTES });
		const fits = epcQrPayload({ ...long, remittance: 'ü'.repeat(50) });
		expect(new TextEncoder().encode(payloadOf(fits)).length).toBeLessThanOrEqual(EPC_MAX_BYTES);
	});

	it('draws as an SVG QR code with the qrcode package', async () => {
		const svg = await qrSvg(payloadOf(epcQrPayload(transfer())));
		expect(svg).toMatch(/^<svg [^>]*viewBox="0 0 (\d+) \1"/);
		expect(svg).toContain('<path');
	});

	it('draws as plain SVG data: one square per dark module, inside the quiet zone', () => {
		const payload = payloadOf(epcQrPayload(transfer()));
		const { modules } = create(payload, { errorCorrectionLevel: 'M' });
		const drawing = qrDrawing(payload);
		expect(drawing.size).toBe(modules.size + 8);
		const squares = drawing.path.match(/M\d+ \d+h1v1h-1z/g) ?? [];
		expect(squares.length).toBe(Array.from(modules.data).filter(Boolean).length);
		expect(drawing.path).not.toMatch(/M[0-3] |M\d+ [0-3]h/);
	});
});
