import type { CustLedgerEntry } from './posted';
import type { JournalLine } from './receivables';

/**
 * What the lines of the cash receipt journal already apply to each entry. Several lines may
 * apply the same invoice (two partial payments), but together never more than it has open:
 * Apply Entries on one line offers what the other lines leave free, and posting refuses a
 * line whose application can no longer be made in full (planJournalPosting).
 */

/** Cents that the other lines of the journal apply to each entry (by entry No.). */
export function appliedByOtherLines(
	lines: readonly Pick<JournalLine, 'id' | 'appliesToEntries'>[],
	lineId: string
): Map<number, number> {
	const applied = new Map<number, number>();
	for (const line of lines) {
		if (line.id === lineId) continue;
		for (const { entryNo, amountToApplyCents } of line.appliesToEntries) {
			if (amountToApplyCents > 0) {
				applied.set(entryNo, (applied.get(entryNo) ?? 0) + amountToApplyCents);
			}
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
 * The number a clerk reads (1, 2, … in line No. order) of the first of `lines` that applies one
 * of `entryNos`; 0 when none does.
 */
export function lineApplying(
	lines: readonly Pick<JournalLine, 'id' | 'appliesToEntries'>[],
	entryNos: readonly number[]
): number {
	const wanted = new Set(entryNos);
	const index = lines.findIndex((line) =>
		line.appliesToEntries.some(
			({ entryNo, amountToApplyCents }) => amountToApplyCents > 0 && wanted.has(entryNo)
		)
	);
	return index + 1;
}
