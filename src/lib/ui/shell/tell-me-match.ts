/**
 * Tell Me's matching, as Business Central's search box: every word typed is the start of a word
 * of the caption, in any case and with or without accents ("cust" finds Customers, "led ent"
 * Customer Ledger Entries, "klant" Klanten).
 */

export interface Captioned {
	caption: string;
}

/** Lower case without accents, so "é" is found by "e". */
function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}

function words(text: string): string[] {
	return fold(text)
		.split(/[^\p{L}\p{N}]+/u)
		.filter(Boolean);
}

/**
 * How well a caption matches the typed words: 0 when the caption starts with what was typed,
 * 1 when the typed words start the caption's words in order, 2 in any order; null if a typed
 * word starts none of the caption's words.
 */
export function tellMeRank(caption: string, query: string): number | null {
	const typed = words(query);
	if (typed.length === 0) return null;
	const own = words(caption);
	if (!typed.every((word) => own.some((candidate) => candidate.startsWith(word)))) return null;
	if (own.join(' ').startsWith(typed.join(' '))) return 0;
	let from = 0;
	for (const word of typed) {
		const at = own.findIndex((candidate, index) => index >= from && candidate.startsWith(word));
		if (at < 0) return 2;
		from = at + 1;
	}
	return 1;
}

/**
 * The entries whose caption matches `query`, best first: by rank, then the shorter caption
 * (what was typed is more of it), then in the order given. Blank finds nothing.
 */
export function matchTellMe<T extends Captioned>(
	entries: readonly T[],
	query: string,
	limit = 12
): T[] {
	return entries
		.map((entry, index) => ({ entry, index, rank: tellMeRank(entry.caption, query) }))
		.filter((found): found is { entry: T; index: number; rank: number } => found.rank !== null)
		.sort(
			(a, b) =>
				a.rank - b.rank || a.entry.caption.length - b.entry.caption.length || a.index - b.index
		)
		.slice(0, limit)
		.map((found) => found.entry);
}
