import { db } from '$lib/db/db';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import { DEFAULT_SERIES } from './numbering';
import { SETTING } from './settings';

/** Empties every table and writes a fresh company, demo or empty, in one transaction. */
async function resetCompany(withDemo: boolean, onlyIfNew = false): Promise<void> {
	// The demo company is read before the transaction (an import inside it would end it), and
	// only when a company is made: a start with data never loads it.
	const {
		demoCustomers,
		DEMO_FINANCE_CHARGE_TERMS,
		DEMO_ITEMS,
		DEMO_PAYMENT_TERMS,
		DEMO_REMINDER_TERMS
	} = await import('./demo-data');
	await db.transaction('rw', db.tables, async () => {
		// Checked inside the transaction, so two tabs opened at once set up one company.
		if (onlyIfNew && (await db.settings.get(SETTING.initialized))) return;
		await Promise.all(db.tables.map((table) => table.clear()));
		await db.numberSeries.bulkPut(
			DEFAULT_SERIES.map((series) =>
				series.code === 'CUST' && withDemo ? { ...series, lastNo: 150 } : { ...series }
			)
		);
		await db.paymentTerms.bulkPut(DEMO_PAYMENT_TERMS);
		await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
		await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
		await db.blockReasons.bulkPut(DEFAULT_BLOCK_REASONS);
		await db.settings.bulkPut([
			{ key: SETTING.initialized, value: new Date().toISOString() },
			{ key: SETTING.companyName, value: withDemo ? 'Holdfast Demo BV' : '' },
			{ key: SETTING.companyAddress, value: withDemo ? 'Veldstraat 1, 9000 Gent, BE' : '' }
		]);
		if (withDemo) {
			await db.customers.bulkPut(demoCustomers());
			await db.items.bulkPut(DEMO_ITEMS);
		}
	});
}

/**
 * Deletes the database and opens it new: IndexedDB drops a large company's files at once,
 * where clearing its tables deletes row by row and index entry by index entry (seconds for
 * a few hundred thousand rows). Other open tabs are told by `versionchange` and asked to
 * reload.
 */
async function recreateDatabase(): Promise<void> {
	await db.delete({ disableAutoOpen: false });
	await db.open();
}

/** Replaces all data with the demo company (a trainer's reset). */
export async function resetDemoData(): Promise<void> {
	await recreateDatabase();
	await resetCompany(true);
}

/** Replaces all data with an empty company: no customers, no items. */
export async function startEmptyCompany(): Promise<void> {
	await recreateDatabase();
	await resetCompany(false);
}

/** On the very first start (nothing written yet) the demo company is set up. */
export async function ensureCompany(): Promise<void> {
	// Every later start only reads one setting (a write transaction over all tables would wait).
	if (await db.settings.get(SETTING.initialized)) return;
	await resetCompany(true, true);
}
