import type { PostedLine } from './posted';

/**
 * The VAT amount specification of a posted invoice or credit memo, as Business Central's report
 * layouts print it: per VAT %, the base (the line amounts, line discounts applied), the VAT and
 * the amount incl. VAT. It adds up the posted lines' own figures — each line's VAT was rounded
 * once when it was posted (domain/amounts.ts) and the header's totals are the sums of the lines —
 * so the bases add up to the document's amount and the VAT to its VAT, to the cent.
 */

export interface VatAmountLine {
	vatPct: number;
	baseCents: number;
	vatCents: number;
	amountInclVatCents: number;
	/** How many posted lines carry this VAT % (a rate only comment lines carry is left out). */
	lines: number;
}

export type VatSpecificationSource = Pick<
	PostedLine,
	'type' | 'vatPct' | 'amountCents' | 'vatCents'
>;

/** One row per VAT %, the highest rate first. */
export function vatSpecification(lines: readonly VatSpecificationSource[]): VatAmountLine[] {
	const byRate = new Map<number, VatAmountLine>();
	for (const line of lines) {
		if (line.type === 'Comment') continue;
		const row = byRate.get(line.vatPct) ?? {
			vatPct: line.vatPct,
			baseCents: 0,
			vatCents: 0,
			amountInclVatCents: 0,
			lines: 0
		};
		row.baseCents += line.amountCents;
		row.vatCents += line.vatCents;
		row.amountInclVatCents += line.amountCents + line.vatCents;
		row.lines += 1;
		byRate.set(line.vatPct, row);
	}
	return [...byRate.values()].sort((a, b) => b.vatPct - a.vatPct);
}
