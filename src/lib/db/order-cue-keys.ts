import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { lineCountsFor, ORDER_CUES, type OrderCue } from '$lib/domain/role-center';
import type { SalesLine } from '$lib/domain/sales-document';

/**
 * The Role Center's order cues count documents by their lines. A stored sales line carries, per
 * cue, its Document No. in a field of its own while the line counts for that cue (an item line
 * with something to ship; one shipped and not invoiced), and no such field otherwise. Indexed,
 * those fields make sparse indexes that hold only the lines that count: the distinct keys of
 * one are the documents the cue counts, read without reading a line.
 *
 * The fields are derived, never written by a command: a middleware sets them on every line
 * stored through Dexie (add, put, update, modify, bulk writes, a restored backup), and the
 * schema upgrade and older backups set them with `setOrderCueKeys`.
 */
export const ORDER_CUE_KEY: Record<OrderCue, string> = {
	toShip: 'cueToShip',
	shippedNotInvoiced: 'cueShippedNotInvoiced'
};

/** Sets (or removes) a stored line's cue keys, in place. */
export function setOrderCueKeys(row: Record<string, unknown>): void {
	for (const cue of ORDER_CUES) {
		if (lineCountsFor(row as unknown as SalesLine, cue)) row[ORDER_CUE_KEY[cue]] = row.documentNo;
		else delete row[ORDER_CUE_KEY[cue]];
	}
}

function withOrderCueKeys(value: unknown): unknown {
	if (typeof value !== 'object' || value === null) return value;
	const row = { ...(value as Record<string, unknown>) };
	setOrderCueKeys(row);
	return row;
}

/** Keeps the cue keys of `salesLines` on every write: registered with `db.use()`. */
export const orderCueKeysMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'orderCueKeys',
	create: (down) => ({
		...down,
		table: (name) => {
			const table = down.table(name);
			if (name !== 'salesLines') return table;
			return {
				...table,
				mutate: (request: DBCoreMutateRequest) =>
					table.mutate(
						request.type === 'add' || request.type === 'put'
							? { ...request, values: request.values.map(withOrderCueKeys) }
							: request
					)
			};
		}
	})
};
