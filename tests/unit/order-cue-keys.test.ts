import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readOrderCues, readOrderNosForCue } from '$lib/app/role-center-queries';
import { db } from '$lib/db/db';
import { ORDER_CUE_KEY, setOrderCueKeys } from '$lib/db/order-cue-keys';
import { ORDER_CUES, ordersForCue, type OrderCue } from '$lib/domain/role-center';
import { newSalesLine, type SalesDocumentType, type SalesLine } from '$lib/domain/sales-document';

/** A bare stored line: what the cues look at, the rest blank. */
function line(id: string, documentNo: string, quantities: Partial<SalesLine> = {}): SalesLine {
	return newSalesLine({ id, documentNo, lineNo: 10000, no: 'I1', ...quantities });
}

async function givenHeaders(headers: Array<[no: string, type: SalesDocumentType]>) {
	await db.salesHeaders.bulkPut(
		headers.map(([no, documentType]) => ({ no, documentType }) as never)
	);
}

/** What each cue counts by its rule, over every stored line, kept to orders. */
async function byRule(): Promise<Record<OrderCue, string[]>> {
	const lines = await db.salesLines.toArray();
	const orders = new Set(
		(await db.salesHeaders.toArray()).filter((h) => h.documentType === 'Order').map((h) => h.no)
	);
	const counted = (cue: OrderCue) =>
		[...ordersForCue(lines, cue)].filter((no) => orders.has(no)).sort();
	return { toShip: counted('toShip'), shippedNotInvoiced: counted('shippedNotInvoiced') };
}

async function byIndex(): Promise<Record<OrderCue, string[]>> {
	return {
		toShip: await readOrderNosForCue('toShip'),
		shippedNotInvoiced: await readOrderNosForCue('shippedNotInvoiced')
	};
}

describe("the order cues' index", () => {
	it('follows every kind of write: add, put, update, modify, bulk writes and deletes', async () => {
		await givenHeaders([
			['SO-1', 'Order'],
			['SO-2', 'Order'],
			['SO-3', 'Order'],
			['SQ-1', 'Quote']
		]);
		await db.salesLines.add(line('a', 'SO-1', { quantity: 2 }));
		await db.salesLines.put(line('b', 'SO-2', { quantity: 1, quantityShipped: 1 }));
		await db.salesLines.bulkAdd([
			line('c', 'SO-3', { quantity: 1, quantityShipped: 1, quantityInvoiced: 1 }),
			line('d', 'SQ-1', { quantity: 5 }),
			line('e', 'SO-3', { type: 'Comment', quantity: 3 })
		]);
		expect(await byIndex()).toEqual({ toShip: ['SO-1'], shippedNotInvoiced: ['SO-2'] });

		// SO-1 shipped in full (update), SO-2 invoiced (modify), SO-3 gets a line to ship (bulkPut).
		await db.salesLines.update('a', { quantityShipped: 2 });
		await db.salesLines.where('documentNo').equals('SO-2').modify({ quantityInvoiced: 1 });
		await db.salesLines.bulkPut([line('f', 'SO-3', { quantity: 4, quantityShipped: 1 })]);
		expect(await byIndex()).toEqual({ toShip: ['SO-3'], shippedNotInvoiced: ['SO-1', 'SO-3'] });
		expect(await db.salesLines.get('a')).not.toHaveProperty(ORDER_CUE_KEY.toShip);

		await db.salesLines.delete('f');
		expect(await byIndex()).toEqual({ toShip: [], shippedNotInvoiced: ['SO-1'] });
		expect(await readOrderCues()).toEqual({ toShip: 0, shippedNotInvoiced: 1 });
		expect(await byIndex()).toEqual(await byRule());
	});

	it('agrees with the rule over any lines and any changes to them', async () => {
		const quantities = fc.record({
			documentNo: fc.constantFrom('SO-1', 'SO-2', 'SO-3', 'SQ-1', 'SI-1'),
			type: fc.constantFrom<SalesLine['type']>('Item', 'Item', 'Comment'),
			quantity: fc.integer({ min: 0, max: 4 }),
			quantityShipped: fc.integer({ min: 0, max: 4 }),
			quantityInvoiced: fc.integer({ min: 0, max: 4 })
		});
		await fc.assert(
			fc.asyncProperty(
				fc.array(quantities, { maxLength: 12 }),
				fc.array(fc.tuple(fc.nat(), quantities), { maxLength: 6 }),
				async (written, changes) => {
					await db.salesLines.clear();
					await db.salesHeaders.clear();
					await givenHeaders([
						['SO-1', 'Order'],
						['SO-2', 'Order'],
						['SO-3', 'Order'],
						['SQ-1', 'Quote'],
						['SI-1', 'Invoice']
					]);
					await db.salesLines.bulkAdd(
						written.map((q, index) => line(`L${index}`, q.documentNo, q))
					);
					for (const [at, change] of changes) {
						if (written.length === 0) break;
						await db.salesLines.update(`L${at % written.length}`, change);
					}
					expect(await byIndex()).toEqual(await byRule());
				}
			),
			{ numRuns: 40 }
		);
	});

	it('setOrderCueKeys (upgrades, older backups) sets what the writes set', () => {
		for (const cue of ORDER_CUES) expect(ORDER_CUE_KEY[cue]).toMatch(/^cue/);
		const row: Record<string, unknown> = {
			...line('x', 'SO-9', { quantity: 3, quantityShipped: 1 })
		};
		setOrderCueKeys(row);
		expect(row).toMatchObject({ cueToShip: 'SO-9', cueShippedNotInvoiced: 'SO-9' });
		row.quantityShipped = 3;
		row.quantityInvoiced = 3;
		setOrderCueKeys(row);
		expect(row).not.toHaveProperty('cueToShip');
		expect(row).not.toHaveProperty('cueShippedNotInvoiced');
	});
});
