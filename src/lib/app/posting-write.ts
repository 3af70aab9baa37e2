import Dexie from 'dexie';
import { db, type NumberSeries } from '$lib/db/db';
import type { ShipmentLine } from '$lib/domain/posted';
import type { PostingPlan } from '$lib/domain/posting-plan';
import type { SalesHeader, SalesLine } from '$lib/domain/sales-document';
import { writePlannedEntries } from './ledger';

/**
 * Test hook, never set in production: called before every write of a posting, so a test
 * can make any step throw and prove that nothing of the posting remains.
 */
export const postingProbe: { beforeWrite: ((step: string) => void) | null } = { beforeWrite: null };

/**
 * Records the command read in its transaction. A change to one of them is written whole (put),
 * so the write step sends every request at once: an update would read the record first.
 */
export interface ReadRecords {
	headers?: readonly SalesHeader[];
	lines?: readonly SalesLine[];
	/** Shipment or return receipt lines, as the plan's invoicedShipmentLines names them. */
	shipmentLines?: readonly ShipmentLine[];
}

/** Each change as a whole record when the record was read, else as an update by key. */
function split<T, C>(
	changes: ReadonlyArray<{ key: string; changes: C }>,
	read: readonly T[] | undefined,
	keyOf: (record: T) => string
): { puts: T[]; updates: Array<{ key: string; changes: C }> } {
	const byKey = new Map((read ?? []).map((record) => [keyOf(record), record]));
	const puts: T[] = [];
	const updates: Array<{ key: string; changes: C }> = [];
	for (const change of changes) {
		const record = byKey.get(change.key);
		if (record) puts.push({ ...record, ...change.changes });
		else updates.push(change);
	}
	return { puts, updates };
}

/**
 * The last step of a posting command: writes its plan inside the command's transaction, every
 * request sent before the first answer is awaited. `series` holds the number series the command
 * read, with their next numbers as last; those the plan drew from are stored. `read` holds the
 * records the command read, whose changes are written whole.
 */
export function writePostingPlan(
	plan: PostingPlan,
	series: ReadonlyMap<string, NumberSeries>,
	read: ReadRecords = {}
): Promise<unknown> {
	const writes: Array<Promise<unknown>> = [];
	const write = (step: string, request: () => Promise<unknown>) => {
		try {
			postingProbe.beforeWrite?.(step);
			writes.push(request());
		} catch (error) {
			// The transaction aborts: the requests sent so far fail with it; their failures are
			// caught here so that none is reported as unhandled; the error that stopped us is thrown.
			void Dexie.Promise.all(writes).catch(() => undefined);
			throw error;
		}
	};

	if (plan.shipment) {
		const { kind, header, lines } = plan.shipment;
		const table = kind === 'shipment' ? db.shipments : db.returnReceipts;
		const lineTable = kind === 'shipment' ? db.shipmentLines : db.returnReceiptLines;
		write(`${kind} header`, () => table.add(header));
		write(`${kind} lines`, () => lineTable.bulkAdd(lines));
	}
	const posted = plan.posted;
	if (posted) {
		write(`${posted.kind} header`, () =>
			posted.kind === 'invoice'
				? db.postedInvoices.add(posted.header)
				: db.postedCreditMemos.add(posted.header)
		);
		const lineTable = posted.kind === 'invoice' ? db.postedInvoiceLines : db.postedCreditMemoLines;
		write(`${posted.kind} lines`, () => lineTable.bulkAdd(posted.lines));
	}
	if (plan.ledger.added.length > 0 || plan.ledger.changed.length > 0) {
		write('ledger entry', () => writePlannedEntries(plan.ledger));
	}
	const invoiced = plan.invoicedShipmentLines;
	if (invoiced.lines.length > 0) {
		const lineTable = invoiced.kind === 'shipment' ? db.shipmentLines : db.returnReceiptLines;
		const { puts, updates } = split(
			invoiced.lines.map(({ id, quantityInvoiced }) => ({
				key: id,
				changes: { quantityInvoiced }
			})),
			read.shipmentLines,
			(line) => line.id
		);
		write(`${invoiced.kind} line invoiced`, () =>
			Dexie.Promise.all<unknown>([
				puts.length > 0 ? lineTable.bulkPut(puts) : null,
				updates.length > 0 ? lineTable.bulkUpdate(updates) : null
			])
		);
	}
	if (plan.lineChanges.length > 0) {
		const { puts, updates } = split(
			plan.lineChanges.map(({ id, changes }) => ({ key: id, changes })),
			read.lines,
			(line) => line.id
		);
		write('update lines', () =>
			Dexie.Promise.all<unknown>([
				puts.length > 0 ? db.salesLines.bulkPut(puts) : null,
				updates.length > 0 ? db.salesLines.bulkUpdate(updates) : null
			])
		);
	}
	if (plan.headerChanges.length > 0) {
		const { puts, updates } = split(
			plan.headerChanges.map(({ no, changes }) => ({ key: no, changes })),
			read.headers,
			(header) => header.no
		);
		write('update header', () =>
			Dexie.Promise.all<unknown>([
				puts.length > 0 ? db.salesHeaders.bulkPut(puts) : null,
				...updates.map(({ key, changes }) => db.salesHeaders.update(key, changes))
			])
		);
	}
	for (const { no, lineIds } of plan.deleted) {
		write('delete document', () =>
			Dexie.Promise.all([db.salesLines.bulkDelete(lineIds), db.salesHeaders.delete(no)])
		);
	}
	if (plan.applications.length > 0 || plan.cancelledInvoice) {
		write('apply entries', () => db.applications.bulkAdd(plan.applications));
	}
	if (plan.cancelledInvoice) {
		const { no, cancelledBy } = plan.cancelledInvoice;
		write('cancel invoice', () => db.postedInvoices.update(no, { cancelledBy }));
	}
	if (plan.newDocument) {
		const { header, lines } = plan.newDocument;
		write('new document', () =>
			Dexie.Promise.all([db.salesHeaders.add(header), db.salesLines.bulkAdd(lines)])
		);
	}
	const drawn = [...new Set(plan.drawn)].map((code) => series.get(code)!);
	write('number series', () => db.numberSeries.bulkPut(drawn));
	return Dexie.Promise.all(writes);
}
