import { documentTotals, type AmountLine } from './amounts';
import type { PlanRefusal, PlanResult } from './plan';
import { checkBound, checkDocumentTotal, type BoundKind } from './bounds';
import type { Item } from './item';
import { outstandingQuantity, round5, withDefaultQuantities } from './posting-rules';
import type { EditableLineField, SalesHeader, SalesLine } from './sales-document';

/** A refused line change: the message, its values and the field the clerk edited. */
export interface LineRefusal extends PlanRefusal {
	field: EditableLineField;
}

function refused(
	key: string,
	message: string,
	field: EditableLineField,
	values: Record<string, string | number> = {}
): LineRefusal {
	return { key, message, values, field };
}

/** The refusal of a value outside its bound (see bounds.ts), or null. */
function outOfBounds(
	kind: BoundKind,
	value: string | number,
	field: EditableLineField
): LineRefusal | null {
	const refusal = checkBound(kind, value as number);
	return refusal && refused(refusal.key, refusal.message, field, refusal.values);
}

/** Whether a value fits its field: a line type, a text of at most 100 characters, a bound. */
export function lineValueRefusal(
	field: EditableLineField,
	value: string | number,
	line: SalesLine
): LineRefusal | null {
	switch (field) {
		case 'type':
			return value === 'Item' || value === 'Comment'
				? null
				: refused('error.lineTypeInvalid', 'Choose Item or Comment.', field);
		case 'no':
		case 'description':
			return typeof value !== 'string' || value.length > 100
				? refused('error.tooLong', 'The text is too long.', field, { max: 100 })
				: null;
		case 'quantity':
		case 'qtyToShip':
		case 'qtyToInvoice':
			// On a blanket order, a line cannot go below what orders already took from it.
			return (
				outOfBounds('quantity', value, field) ??
				((value as number) < line.quantityOrdered
					? refused(
							'error.belowOrdered',
							`Quantity cannot be less than ${line.quantityOrdered}, already ordered.`,
							field,
							{ ordered: line.quantityOrdered }
						)
					: null)
			);
		case 'unitPriceCents':
			return outOfBounds('unitPrice', value, field);
		case 'lineDiscountPct':
		case 'vatPct':
			return outOfBounds('percent', value, field);
	}
}

/** Once part of a line is shipped or invoiced, only what is not posted may change. */
export function postedLineRefusal(
	field: EditableLineField,
	value: string | number,
	line: SalesLine
): LineRefusal | null {
	if (line.shipmentLineId) {
		return refused(
			'error.lineFromShipment',
			'A line from a posted shipment can only be deleted.',
			field
		);
	}
	const posted = line.quantityShipped > 0 || line.quantityInvoiced > 0;
	if (
		posted &&
		field !== 'quantity' &&
		field !== 'qtyToShip' &&
		field !== 'qtyToInvoice' &&
		field !== 'description'
	) {
		return refused(
			'error.linePosted',
			'This line has been posted in part; only its quantities can change.',
			field
		);
	}
	const number = Number(value);
	if (field === 'quantity' && number < Math.max(line.quantityShipped, line.quantityInvoiced)) {
		return refused(
			'error.belowPosted',
			`Quantity cannot be less than ${line.quantityShipped}, already posted.`,
			field,
			{ posted: Math.max(line.quantityShipped, line.quantityInvoiced) }
		);
	}
	if (field === 'qtyToShip' && number > outstandingQuantity(line)) {
		return refused(
			'error.qtyToShipTooHigh',
			`You cannot ship more than ${outstandingQuantity(line)}.`,
			field,
			{ max: outstandingQuantity(line) }
		);
	}
	if (field === 'qtyToInvoice' && number > round5(line.quantity - line.quantityInvoiced)) {
		return refused('error.qtyToInvoiceTooHigh', 'You cannot invoice more than is left.', field, {
			max: round5(line.quantity - line.quantityInvoiced)
		});
	}
	return null;
}

/** The item No. a change of an Item line's No. names (for the command to read), or ''. */
export function itemNoToLookUp(
	line: SalesLine,
	field: EditableLineField,
	value: string | number
): string {
	return field === 'no' && line.type === 'Item' ? String(value).toUpperCase() : '';
}

/**
 * What saving one field writes to a line, or why it is refused. Choosing an item No. fills in
 * its description, unit of measure, unit price and VAT % (`item` is the one
 * `itemNoToLookUp` names, undefined when it does not exist), as Business Central does;
 * changing the type empties the line; a new quantity resets Qty. to Ship and Qty. to Invoice.
 */
export function planLineChange(input: {
	line: SalesLine;
	field: EditableLineField;
	value: string | number;
	item?: Item;
}): { ok: true; plan: Partial<SalesLine> } | { ok: false; refusal: LineRefusal } {
	const { line, field, value, item } = input;
	const refusal = lineValueRefusal(field, value, line) ?? postedLineRefusal(field, value, line);
	if (refusal) return { ok: false, refusal };
	let changes: Partial<SalesLine> = { [field]: value };
	if (field === 'type' && value !== line.type) {
		changes = {
			type: value as SalesLine['type'],
			no: '',
			description: '',
			quantity: 0,
			unitPriceCents: 0,
			vatPct: 0,
			unitOfMeasure: ''
		};
	}
	if (field === 'no' && line.type === 'Item') {
		const itemNo = itemNoToLookUp(line, field, value);
		if (itemNo !== '' && !item) {
			return {
				ok: false,
				refusal: refused('error.itemMissing', `Item ${itemNo} does not exist.`, 'no', {
					no: itemNo
				})
			};
		}
		changes = item
			? {
					no: item.no,
					description: item.description,
					unitOfMeasure: item.baseUnitOfMeasure,
					unitPriceCents: item.unitPriceCents,
					vatPct: item.vatPct,
					quantity: line.quantity || 1
				}
			: { no: '' };
	}
	if ('quantity' in changes) Object.assign(changes, withDefaultQuantities({ ...line, ...changes }));
	return { ok: true, plan: changes };
}

/**
 * The header's totals for its lines. A total past the document bound (bounds.ts) is refused,
 * unless it was past it already (written before the bounds existed) and does not go up.
 */
export function planTotals(
	lines: readonly AmountLine[],
	storedInclVatCents: number
): PlanResult<Pick<SalesHeader, 'amountCents' | 'amountInclVatCents'>> {
	const totals = documentTotals(lines);
	const refusal = checkDocumentTotal(totals);
	if (refusal && totals.amountInclVatCents > storedInclVatCents) return { ok: false, refusal };
	return {
		ok: true,
		plan: { amountCents: totals.amountCents, amountInclVatCents: totals.amountInclVatCents }
	};
}
