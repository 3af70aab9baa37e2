import { db } from '$lib/db/db';
import { checkBound } from '$lib/domain/bounds';
import { searchTermsOf, TEXT_FIELD_MAX } from '$lib/domain/customer';
import type { Item } from '$lib/domain/item';
import { NotFoundError, ValidationError } from './errors';
import { nextNo } from './numbering';

export type EditableItemField = 'description' | 'baseUnitOfMeasure' | 'unitPriceCents' | 'vatPct';

function check(field: EditableItemField, value: string | number): void {
	if (field === 'unitPriceCents' || field === 'vatPct') {
		const refusal = checkBound(field === 'vatPct' ? 'percent' : 'unitPrice', value as number);
		if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values, field);
	} else if (typeof value !== 'string' || value.length > TEXT_FIELD_MAX) {
		throw new ValidationError(
			'error.tooLong',
			'The text is too long.',
			{ max: TEXT_FIELD_MAX },
			field
		);
	}
}

/** Creates an item with the next No. of the ITEM series and returns that No. */
export async function createItem(input: { description?: string } = {}): Promise<string> {
	const description = (input.description ?? '').trim();
	check('description', description);
	return db.transaction('rw', [db.items, db.numberSeries], async () => {
		const no = await nextNo(
			'ITEM',
			async (candidate) => (await db.items.get(candidate)) !== undefined
		);
		const item: Item = {
			no,
			description,
			baseUnitOfMeasure: 'PCS',
			unitPriceCents: 0,
			vatPct: 21,
			searchTerms: searchTermsOf(no, description)
		};
		await db.items.add(item);
		return no;
	});
}

/** Saves one field of the item card; an invalid value changes nothing. */
export async function updateItemField(input: {
	no: string;
	field: EditableItemField;
	value: string | number;
}): Promise<void> {
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	check(input.field, value);
	await db.transaction('rw', db.items, async () => {
		const item = await db.items.get(input.no);
		if (!item) throw new NotFoundError('Item', input.no);
		const changes: Partial<Item> = { [input.field]: value };
		if (input.field === 'description') changes.searchTerms = searchTermsOf(item.no, String(value));
		await db.items.update(input.no, changes);
	});
}
