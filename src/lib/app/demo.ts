import { db } from '$lib/db/db';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import { COMPANY_SETTING } from './company-information';
import { DEFAULT_SERIES } from './numbering';
import { SETTING } from './settings';

/** Empties every table and writes a fresh company, demo or empty, in one transaction. */
async function resetCompany(withDemo: boolean, onlyIfNew = false): Promise<void> {
	// The demo company is read before the transaction (an import inside it would end it), and
	// only when a company is made: a start with data never loads it.
	const {
		DEMO_COMPANY,
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
		// The demo's customers (C00010…C00150) and items (I1010…I1100) are numbers in use.
		const demoLastNo: Record<string, number> = withDemo ? { CUST: 150, ITEM: 1100 } : {};
		await db.numberSeries.bulkPut(
			DEFAULT_SERIES.map((series) => ({
				...series,
				lastNo: demoLastNo[series.code] ?? series.lastNo
			}))
		);
		await db.paymentTerms.bulkPut(DEMO_PAYMENT_TERMS);
		await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
		await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
		await db.blockReasons.bulkPut(DEFAULT_BLOCK_REASONS);
		await db.settings.bulkPut([
			{ key: SETTING.initialized, value: new Date().toISOString() },
			...(withDemo
				? Object.entries(DEMO_COMPANY).map(([field, value]) => ({
						key: COMPANY_SETTING[field as keyof typeof DEMO_COMPANY],
						value
					}))
				: [
						{ key: SETTING.companyName, value: '' },
						{ key: SETTING.companyAddress, value: '' }
					])
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

/** Tables every new database starts with rows in (`populate`): they are not the company's data. */
const SEEDED_TABLES = new Set(['blockReasons']);

/**
 * On the very first start (nothing written yet) the demo company is set up. A database that
 * holds data but lacks the `initialized` marker is never replaced: the marker is repaired.
 */
export async function ensureCompany(): Promise<void> {
	// Every later start only reads one setting (a write transaction over all tables would wait).
	if (await db.settings.get(SETTING.initialized)) return;
	const holdsData = await db.transaction('rw', db.tables, async () => {
		if (await db.settings.get(SETTING.initialized)) return true;
		for (const table of db.tables) {
			if (SEEDED_TABLES.has(table.name)) continue;
			if ((await table.count()) > 0) {
				await db.settings.put({ key: SETTING.initialized, value: new Date().toISOString() });
				return true;
			}
		}
		return false;
	});
	if (!holdsData) await resetCompany(true, true);
}
