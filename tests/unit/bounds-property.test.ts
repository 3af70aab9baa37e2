import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup, restoreBackup } from '$lib/app/backup';
import { startEmptyCompany } from '$lib/app/demo';
import { createSalesDocument } from '$lib/app/sales-headers';
import { addLine, updateLine } from '$lib/app/sales-lines';
import { ValidationError } from '$lib/app/errors';
import { updateItemField } from '$lib/app/items';
import { postSalesInvoice, postSalesOrder } from '$lib/app/posting';
import { addJournalLine, postJournal, updateJournalLine } from '$lib/app/cash-receipt-journal';
import { MAX_AMOUNT_CENTS, MAX_QUANTITY, MAX_UNIT_PRICE_CENTS } from '$lib/domain/bounds';
import { givenCustomer, givenItem, resetDatabase } from '../factories';

/** What a clerk may type: mostly ordinary values, often values at or past the bounds. */
const quantity = fc.oneof(
	fc.integer({ min: 0, max: 50 }),
	fc.integer({ min: 0, max: 5_000_000 }).map((n) => n / 100_000),
	fc.constantFrom(MAX_QUANTITY, MAX_QUANTITY + 1, 99_999_999_999_999, 5_410_000_012_345),
	fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
);
const cents = fc.oneof(
	fc.integer({ min: 0, max: 1_000_000 }),
	fc.constantFrom(
		MAX_UNIT_PRICE_CENTS,
		MAX_UNIT_PRICE_CENTS + 1,
		MAX_AMOUNT_CENTS,
		MAX_AMOUNT_CENTS + 1,
		42_900,
		1_665
	),
	fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER })
);
const percent = fc.oneof(
	fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100),
	fc.constantFrom(0, 21, 100, 100.01, 250)
);

const line = fc.record({ quantity, priceCents: cents, discountPct: percent, vatPct: percent });
const documentOf = fc.record({
	type: fc.constantFrom('Invoice' as const, 'Order' as const, 'CreditMemo' as const),
	lines: fc.array(line, { minLength: 1, maxLength: 4 }),
	/** An order is shipped only, or shipped and invoiced. */
	shipOnly: fc.boolean()
});

/** Runs a command; a refusal a clerk would read is fine (the value is not taken). */
async function accepted(command: () => Promise<unknown>): Promise<boolean> {
	try {
		await command();
		return true;
	} catch (error) {
		if (error instanceof ValidationError) return false;
		throw error;
	}
}

/** Every number stored anywhere that counts cents. */
async function centsFigures(): Promise<Array<[string, unknown]>> {
	const figures: Array<[string, unknown]> = [];
	for (const table of db.tables) {
		for (const row of (await table.toArray()) as Array<Record<string, unknown>>) {
			for (const [field, value] of Object.entries(row)) {
				if (/Cents$/.test(field)) figures.push([`${table.name}.${field}`, value]);
			}
		}
	}
	return figures;
}

function withoutTimestamp(backup: string): unknown {
	const parsed = JSON.parse(backup) as Record<string, unknown>;
	delete parsed.exportedAt;
	return parsed;
}

describe('bounds keep every company restorable', () => {
	it('for any accepted lines, every total is a safe integer and the company exports and imports back identically', async () => {
		let refusals = 0;
		let posted = 0;
		await fc.assert(
			fc.asyncProperty(
				fc.array(documentOf, { minLength: 1, maxLength: 3 }),
				fc.array(cents, { maxLength: 2 }),
				async (documents, payments) => {
					// An empty company, as the app makes it.
					await startEmptyCompany();
					const customer = await givenCustomer();
					for (const document of documents) {
						const no = await createSalesDocument({
							documentType: document.type,
							sellToCustomerNo: customer.no
						});
						for (const typed of document.lines) {
							const item = await givenItem();
							if (
								!(await accepted(() =>
									updateItemField({ no: item.no, field: 'unitPriceCents', value: typed.priceCents })
								))
							)
								refusals += 1;
							const id = await addLine({ documentNo: no });
							if (!(await accepted(() => updateLine({ id, field: 'no', value: item.no })))) {
								refusals += 1;
								continue;
							}
							for (const [field, value] of [
								['quantity', typed.quantity],
								['lineDiscountPct', typed.discountPct],
								['vatPct', typed.vatPct],
								['unitPriceCents', typed.priceCents]
							] as const) {
								if (!(await accepted(() => updateLine({ id, field, value })))) refusals += 1;
							}
						}
						const post =
							document.type === 'Order'
								? () => postSalesOrder({ no, ship: true, invoice: !document.shipOnly })
								: () => postSalesInvoice({ no });
						if (await accepted(post)) posted += 1;
					}
					for (const amountCents of payments) {
						const id = await addJournalLine({ customerNo: customer.no });
						if (
							!(await accepted(() =>
								updateJournalLine({ id, field: 'amountCents', value: amountCents })
							))
						)
							refusals += 1;
					}
					if (payments.length > 0) await accepted(() => postJournal());

					for (const [where, value] of await centsFigures()) {
						expect(Number.isSafeInteger(value), `${where} = ${String(value)}`).toBe(true);
					}

					const exported = await exportBackup();
					const checked = checkBackup(exported);
					expect(checked.ok ? [] : checked.problems).toEqual([]);
					if (!checked.ok) return;
					await resetDatabase();
					await restoreBackup(checked);
					expect(withoutTimestamp(await exportBackup())).toEqual(withoutTimestamp(exported));
				}
			),
			{ numRuns: 40 }
		);
		// The generators reach both sides of the bounds.
		expect(refusals).toBeGreaterThan(0);
		expect(posted).toBeGreaterThan(0);
	}, 240_000);
});
