import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { Item } from '$lib/domain/item';

/** Items: the list, the item picker of the sales lines, one item. */

/** Items by a prefix of the No. or of any word of the Description. */
export async function findItems(
	search: string,
	limit: number
): Promise<{ rows: Item[]; more: boolean }> {
	const term = search.trim().toLocaleLowerCase();
	const source =
		term === ''
			? db.items.orderBy('no')
			: db.items.where('searchTerms').startsWith(term).distinct();
	const rows = await source.limit(limit + 1).toArray();
	if (term !== '') rows.sort((a, b) => a.no.localeCompare(b.no));
	return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export function itemListQuery(
	search: string,
	limit: number
): Observable<{ rows: Item[]; more: boolean }> {
	return liveQuery(() => findItems(search, limit));
}

export function itemQuery(no: string): Observable<Item | null> {
	return liveQuery(async () => (await db.items.get(no)) ?? null);
}
