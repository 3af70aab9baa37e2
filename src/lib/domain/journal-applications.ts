import type { CustLedgerEntry } from './posted';
import type { JournalLine } from './receivables';

/**
 * What the lines of the cash receipt journal already apply to each entry. Several lines may
 * apply the same invoice (two partial payments), but together never more than it has open:
 * Apply Entries on one line offers what the other lines leave free, and posting refuses a
 * line whose application can no longer be made in full (planJournalPosting).
 */

type HoldingLine = Pick<JournalLine, 'id' | 'appliesToEntries' | 'amountCents'>;

/**
 * What a line's posting will apply to each entry it chose: its Amounts to Apply, in order, up
 * to the line's Amount (as posting allocates it); with Amount 0 (to be filled), all of them. A
 * line whose Amount was lowered after applying holds no more than it pays.
 */
export function heldBy(line: Pick<JournalLine, 'appliesToEntries' | 'amountCents'>): Array<{
	entryNo: number;
	amountToApplyCents: number;
}> {
	let left = line.amountCents > 0 ? line.amountCents : Infinity;
	const held: Array<{ entryNo: number; amountToApplyCents: number }> = [];
	for (const { entryNo, amountToApplyCents } of line.appliesToEntries) {
		const cents = Math.min(amountToApplyCents, left);
		if (cents <= 0) continue;
		held.push({ entryNo, amountToApplyCents: cents });
		left -= cents;
	}
	return held;
}

/** Cents that the other lines of the journal apply to each entry (by entry No.). */
export function appliedByOtherLines(
	lines: readonly HoldingLine[],
	lineId: string
): Map<number, number> {
	const applied = new Map<number, number>();
	for (const line of lines) {
		if (line.id === lineId) continue;
		for (const { entryNo, amountToApplyCents } of heldBy(line)) {
			applied.set(entryNo, (applied.get(entryNo) ?? 0) + amountToApplyCents);
		}
	}
	return applied;
}

/** Cents of an open entry that are still free to apply: its remaining amount less the others'. */
export function freeToApplyCents(
	entry: Pick<CustLedgerEntry, 'entryNo' | 'remainingAmountCents' | 'open'>,
	appliedElsewhere: ReadonlyMap<number, number>
): number {
	if (entry.open !== 1) return 0;
	const left = Math.abs(entry.remainingAmountCents) - (appliedElsewhere.get(entry.entryNo) ?? 0);
	return Math.max(0, left);
}

/**
 * The numbers a clerk reads (1, 2, … in line No. order) of the lines that hold one of
 * `entryNos`, other than `lineId`.
 */
export function linesApplying(
	lines: readonly HoldingLine[],
	entryNos: readonly number[],
	lineId: string
): number[] {
	const wanted = new Set(entryNos);
	return lines.flatMap((line, index) =>
		line.id !== lineId && heldBy(line).some(({ entryNo }) => wanted.has(entryNo)) ? [index + 1] : []
	);
}
