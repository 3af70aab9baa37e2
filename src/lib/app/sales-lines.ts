import { db } from '$lib/db/db';
import {
	LINE_STEP,
	newSalesLine,
	type EditableLineField,
	type SalesLine
} from '$lib/domain/sales-document';
import { itemNoToLookUp, planLineChange } from '$lib/domain/sales-line-rules';
import { NotFoundError, refusalError } from './errors';
import {
	claimDocument,
	ensureOpen,
	getHeader,
	refreshTotals,
	releaseBlanketQuantities
} from './sales-document-access';

/**
 * Commands on the lines of a sales document: add, change one field, delete. Each keeps the
 * header's totals (refreshTotals) and raises its version once. The rules are in
 * domain/sales-line-rules.ts.
 */

/** Adds an empty line at the end of an open document and returns its id. */
export async function addLine(input: {
	documentNo: string;
	type?: SalesLine['type'];
	expectedVersion?: number;
}): Promise<string> {
	return db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const last = await db.salesLines
			.where('[documentNo+lineNo]')
			.between([header.no, -Infinity], [header.no, Infinity])
			.last();
		const line = newSalesLine({
			id: crypto.randomUUID(),
			documentNo: header.no,
			lineNo: (last?.lineNo ?? 0) + LINE_STEP,
			type: input.type ?? 'Item'
		});
		await db.salesLines.add(line);
		return line.id;
	});
}

/**
 * Saves one field of a line of an open document. Choosing an item No. fills in its
 * description, unit of measure, unit price and VAT %, as Business Central does.
 */
export async function updateLine(input: {
	id: string;
	field: EditableLineField;
	value: string | number;
	expectedVersion?: number;
}): Promise<void> {
	const { field } = input;
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	await db.transaction('rw', [db.salesHeaders, db.salesLines, db.items], async () => {
		const line = await db.salesLines.get(input.id);
		if (!line) throw new NotFoundError('Line', input.id);
		const header = await getHeader(line.documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		// Qty. to Ship and Qty. to Invoice may change on a released order, as in Business Central.
		if (field !== 'qtyToShip' && field !== 'qtyToInvoice') ensureOpen(header);
		const itemNo = itemNoToLookUp(line, field, value);
		const item = itemNo === '' ? undefined : await db.items.get(itemNo);
		const planned = planLineChange({ line, field, value, item });
		if (!planned.ok) throw refusalError(planned.refusal);
		await db.salesLines.update(line.id, planned.plan);
		await refreshTotals(line.documentNo);
	});
}

/**
 * Deletes a line of an open document. A line already gone is no error; with its `documentNo`
 * the document's version is still checked and raised, as for any other line command.
 */
export async function deleteLine(input: {
	id: string;
	documentNo?: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const line = await db.salesLines.get(input.id);
		const documentNo = line?.documentNo ?? input.documentNo;
		if (!documentNo) return;
		const header = await getHeader(documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		if (!line) return;
		ensureOpen(header);
		await releaseBlanketQuantities([line]);
		await db.salesLines.delete(line.id);
		await refreshTotals(line.documentNo);
	});
}
