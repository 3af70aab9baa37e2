import { lineAmountCents, vatCents, type AmountLine, type Totals } from './amounts';
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

/**
 * The lines of an open quote or order with the figures a posting would give them (Line Amount
 * and its VAT, each rounded once: domain/amounts.ts), so its printed copy carries the same VAT
 * specification and totals as the invoice that follows; a comment line has none.
 */
export function linesWithAmounts<T extends AmountLine & Pick<PostedLine, 'type'>>(
	lines: readonly T[]
): Array<T & Pick<PostedLine, 'amountCents' | 'vatCents'>> {
	return lines.map((line) => {
		const amountCents = line.type === 'Comment' ? 0 : lineAmountCents(line);
		return { ...line, amountCents, vatCents: vatCents(amountCents, line.vatPct) };
	});
}

/** A document's totals as the sums of its lines' figures. */
export function totalsOfLines(
	lines: readonly Pick<PostedLine, 'amountCents' | 'vatCents'>[]
): Totals {
	const amountCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
	const vat = lines.reduce((sum, line) => sum + line.vatCents, 0);
	return { amountCents, vatCents: vat, amountInclVatCents: amountCents + vat };
}
