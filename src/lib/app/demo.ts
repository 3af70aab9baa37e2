import { db } from '$lib/db/db';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import {
	demoCustomers,
	DEMO_FINANCE_CHARGE_TERMS,
	DEMO_ITEMS,
	DEMO_PAYMENT_TERMS,
	DEMO_REMINDER_TERMS
} from './demo-data';
import { DEFAULT_SERIES } from './numbering';
import { SETTING } from './settings';

/** Empties every table and writes a fresh company, demo or empty, in one transaction. */
async function resetCompany(withDemo: boolean, onlyIfNew = false): Promise<void> {
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

/** Replaces all data with the demo company (a trainer's reset). */
export function resetDemoData(): Promise<void> {
	return resetCompany(true);
}

/** Replaces all data with an empty company: no customers, no items. */
export function startEmptyCompany(): Promise<void> {
	return resetCompany(false);
}

/** On the very first start (nothing written yet) the demo company is set up. */
export function ensureCompany(): Promise<void> {
	return resetCompany(true, true);
}
