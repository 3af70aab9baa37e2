import { lineAmountCents } from './amounts';
import { accepted, rejected, type Checked } from './checked';
import { amount, decimal, el, type Element } from './peppol-xml';
import type { PostedLine } from './posted';

/**
 * The lines of a Peppol document and their VAT: units of measure as UN/ECE codes, the VAT
 * category of a rate, and an invoice or credit note line with its line discount as an allowance.
 */

// --- Units of measure: UN/ECE Recommendation 20 (and 21 for packages) ---

const UNIT_CODES: Record<string, string> = {
	PCS: 'C62',
	PC: 'C62',
	PIECE: 'C62',
	PIECES: 'C62',
	STUK: 'C62',
	ST: 'C62',
	STK: 'C62',
	EA: 'EA',
	EACH: 'EA',
	KG: 'KGM',
	G: 'GRM',
	GR: 'GRM',
	T: 'TNE',
	TON: 'TNE',
	L: 'LTR',
	LTR: 'LTR',
	M: 'MTR',
	M2: 'MTK',
	M3: 'MTQ',
	KM: 'KMT',
	H: 'HUR',
	HR: 'HUR',
	HOUR: 'HUR',
	HOURS: 'HUR',
	UUR: 'HUR',
	MIN: 'MIN',
	DAY: 'DAY',
	DAYS: 'DAY',
	DAG: 'DAY',
	WEEK: 'WEE',
	MONTH: 'MON',
	MAAND: 'MON',
	YEAR: 'ANN',
	JAAR: 'ANN',
	SET: 'SET',
	BOX: 'XBX',
	DOOS: 'XBX',
	BAG: 'XBG',
	ZAK: 'XBG',
	PACK: 'XPK',
	PALLET: 'XPX',
	BOTTLE: 'XBO',
	FLES: 'XBO',
	CARTON: 'XCT',
	ROLL: 'XRO'
};

const KNOWN_CODES = new Set(Object.values(UNIT_CODES));

/**
 * The UN/ECE code of a unit of measure code ("PCS" → C62 "one", "KG" → KGM, "HOUR" → HUR,
 * "BOX" → XBX). A code that already is one of these is kept; an empty or unknown code counts
 * in units (C62), which every receiver accepts.
 */
export function unitCodeOf(unitOfMeasure: string): string {
	const code = unitOfMeasure.trim().toUpperCase();
	if (KNOWN_CODES.has(code)) return code;
	return UNIT_CODES[code] ?? 'C62';
}

/** S for a positive rate, Z (zero rated) for 0 %. */
export function vatCategoryOf(vatPct: number): 'S' | 'Z' {
	return vatPct > 0 ? 'S' : 'Z';
}

export function taxCategory(name: string, vatPct: number): Element | null {
	return el(name, [
		el('cbc:ID', vatCategoryOf(vatPct)),
		el('cbc:Percent', decimal(vatPct, 2)),
		el('cac:TaxScheme', [el('cbc:ID', 'VAT')])
	]);
}

export function lineElement(line: PostedLine, credit: boolean): Checked<Element> {
	const gross = lineAmountCents({
		quantity: line.quantity,
		unitPriceCents: line.unitPriceCents,
		lineDiscountPct: 0
	});
	const allowance = gross - line.amountCents;
	if (allowance < 0)
		return rejected(
			'error.peppolLineAmount',
			'Line {lineNo} is worth more than its quantity times its price; it cannot be sent.',
			{ lineNo: line.lineNo }
		);
	const element = el(credit ? 'cac:CreditNoteLine' : 'cac:InvoiceLine', [
		el('cbc:ID', line.lineNo),
		el(credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity', decimal(line.quantity, 5), {
			unitCode: unitCodeOf(line.unitOfMeasure)
		}),
		amount('cbc:LineExtensionAmount', line.amountCents),
		allowance > 0
			? el('cac:AllowanceCharge', [
					el('cbc:ChargeIndicator', 'false'),
					el('cbc:AllowanceChargeReasonCode', '95'),
					el('cbc:AllowanceChargeReason', 'Line discount'),
					line.lineDiscountPct > 0
						? el('cbc:MultiplierFactorNumeric', decimal(line.lineDiscountPct, 2))
						: null,
					amount('cbc:Amount', allowance),
					line.lineDiscountPct > 0 ? amount('cbc:BaseAmount', gross) : null
				])
			: null,
		el('cac:Item', [
			el('cbc:Name', line.description.trim() || line.no),
			el('cac:SellersItemIdentification', [el('cbc:ID', line.no)]),
			taxCategory('cac:ClassifiedTaxCategory', line.vatPct)
		]),
		el('cac:Price', [amount('cbc:PriceAmount', line.unitPriceCents)])
	]);
	return accepted(element as Element);
}
