import { documentTotals } from '$lib/domain/amounts';
import {
	checkBound,
	checkDocumentTotal,
	type BoundKind,
	type BoundRefusal
} from '$lib/domain/bounds';
import type { EditableLineField, SalesLine } from '$lib/domain/sales-document';
import { parseAmount, parseDecimal, type NumberLanguage } from '$lib/domain/number-text';
import { formatDecimal, formatMoney } from '../format';

/**
 * A sales line's editable fields as text: how a field's text is read and shown in the UI
 * language, and which bounds a value breaks before it is saved (the command's own bounds).
 */

/** The message key of each field's caption (a row's field is labelled "caption row"). */
export const LINE_FIELD_LABELS: Record<EditableLineField, string> = {
	type: 'line.type',
	no: 'line.no',
	description: 'line.description',
	quantity: 'line.quantity',
	unitPriceCents: 'line.unitPrice',
	lineDiscountPct: 'line.discount',
	vatPct: 'line.vat',
	qtyToShip: 'line.qtyToShip',
	qtyToInvoice: 'line.qtyToInvoice'
};

export type ParsedLineField = { ok: true; value: string | number } | { ok: false; error: string };

/** A field's text as the value to store, or the message key of why it cannot be read. */
export function parseLineField(
	field: EditableLineField,
	text: string,
	language: NumberLanguage
): ParsedLineField {
	switch (field) {
		case 'quantity':
		case 'qtyToShip':
		case 'qtyToInvoice':
			return parseDecimal(text, 5, 'error.quantityDecimals', language);
		case 'lineDiscountPct':
		case 'vatPct':
			return parseDecimal(text, 2, 'error.percentInvalid', language);
		case 'unitPriceCents': {
			const parsed = parseAmount(text, language);
			return parsed.ok ? { ok: true as const, value: parsed.cents } : parsed;
		}
		default:
			return { ok: true as const, value: text };
	}
}

/** The text a field shows for its stored value (numbers grouped as the language writes them). */
export function lineFieldText(
	line: SalesLine,
	field: EditableLineField,
	language: NumberLanguage
): string {
	switch (field) {
		case 'quantity':
		case 'qtyToShip':
		case 'qtyToInvoice':
		case 'lineDiscountPct':
		case 'vatPct':
			return formatDecimal(line[field], language);
		case 'unitPriceCents':
			return formatMoney(line.unitPriceCents, language);
		default:
			return String(line[field]);
	}
}

/** Whether a text says something else than the stored value (text that cannot be read does). */
export function lineFieldDiffers(
	line: SalesLine,
	field: EditableLineField,
	text: string,
	language: NumberLanguage
): boolean {
	const parsed = parseLineField(field, text, language);
	if (!parsed.ok) return true;
	const value = typeof parsed.value === 'string' ? parsed.value.trim() : parsed.value;
	return value !== line[field];
}

const BOUND_OF: Partial<Record<EditableLineField, BoundKind>> = {
	quantity: 'quantity',
	qtyToShip: 'quantity',
	qtyToInvoice: 'quantity',
	unitPriceCents: 'unitPrice',
	lineDiscountPct: 'percent',
	vatPct: 'percent'
};

/**
 * The command's bounds, said before saving: the value's own, then the document total (only
 * when the value makes the total grow). Null when the value is within them.
 */
export function lineOutOfBounds(
	lines: readonly SalesLine[],
	line: SalesLine,
	field: EditableLineField,
	value: string | number
): BoundRefusal | null {
	const kind = BOUND_OF[field];
	if (!kind || typeof value !== 'number') return null;
	const refusal = checkBound(kind, value);
	if (refusal || line.type !== 'Item') return refusal;
	const next = documentTotals(
		lines.map((other) => (other.id === line.id ? { ...other, [field]: value } : other))
	);
	const now = documentTotals(lines);
	return next.amountInclVatCents > now.amountInclVatCents ? checkDocumentTotal(next) : null;
}
