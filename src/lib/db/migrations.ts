import { DEFAULT_BLOCK_REASONS, searchTermsOf } from '$lib/domain/customer';
import { setOrderCueKeys } from './order-cue-keys';

/**
 * What each schema version changed in existing rows, as plain functions over one row. Dexie's
 * upgrade runs them on the stored tables; a backup from an older version runs them too.
 */
type Row = Record<string, unknown>;
export type RowMigrations = Record<string, (row: Row) => void>;

export const ROW_MIGRATIONS: Record<number, RowMigrations> = {
	2: {
		items: (item) => {
			item.searchTerms = searchTermsOf(String(item.no), String(item.description ?? ''));
		},
		salesHeaders: (header) => {
			header.amountCents ??= 0;
			header.amountInclVatCents ??= 0;
		},
		salesLines: (line) => {
			line.unitOfMeasure ??= '';
			line.quantityOrdered ??= 0;
			line.blanketOrderNo ??= '';
			line.blanketOrderLineId ??= '';
		}
	},
	3: {
		salesLines: (line) => {
			line.qtyToShip ??= line.quantity;
			line.quantityShipped ??= 0;
			line.qtyToInvoice ??= line.quantity;
			line.quantityInvoiced ??= 0;
			line.shipmentNo ??= '';
			line.shipmentLineId ??= '';
		}
	},
	4: {
		customers: (customer) => {
			customer.reminderTermsCode ??= '';
			customer.financeChargeTermsCode ??= '';
		}
	},
	6: {
		customers: (customer) => {
			customer.blockReason ??= '';
			customer.blockNote ??= '';
			customer.blockedBy ??= '';
			customer.blockedSince ??= '';
			customer.blockedUntil ??= '';
		}
	},
	10: {
		salesLines: setOrderCueKeys
	}
};

/** Rows a version's new tables start with (the upgrade writes them; an older backup gets them). */
export const TABLE_SEEDS: Record<number, Record<string, Row[]>> = {
	8: { blockReasons: DEFAULT_BLOCK_REASONS.map((reason) => ({ ...reason })) }
};

/** Brings plain table rows written at `fromVersion` up to `toVersion`, in place. */
export function migrateRows(
	tables: Record<string, Row[]>,
	fromVersion: number,
	toVersion: number
): void {
	for (let version = fromVersion + 1; version <= toVersion; version++) {
		for (const [table, migrate] of Object.entries(ROW_MIGRATIONS[version] ?? {})) {
			for (const row of tables[table] ?? []) migrate(row);
		}
		for (const [table, rows] of Object.entries(TABLE_SEEDS[version] ?? {})) {
			tables[table] ??= rows.map((row) => ({ ...row }));
		}
	}
}
