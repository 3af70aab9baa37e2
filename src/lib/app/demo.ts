import { db } from '$lib/db/db';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import {
	keepListedName,
	keepOpenCompanyListed,
	openedCompany,
	refuseResetOfRealCompany,
	type CompanyKind
} from './companies';
import { todayIso } from '$lib/domain/dates';
import type { DemoRows } from './demo-book';
import type { DemoLanguage } from './demo-data';
import { DEFAULT_SERIES } from './numbering';
import { COMPANY_SETTING, SETTING } from './settings';

/** How a demo company is made: its language and the work date its history is told from. */
export interface DemoOptions {
	/** The language of its item descriptions and block notes (default English). */
	language?: DemoLanguage;
	/** The work date: stored, and the day its history leads up to (default: today, not stored). */
	workDate?: string;
}

/** Empties every table and writes a fresh company, demo or empty, in one transaction. */
async function resetCompany(
	withDemo: boolean,
	onlyIfNew = false,
	options: DemoOptions = {}
): Promise<void> {
	// The demo company is read before the transaction (an import inside it would end it), and
	// only when a company is made: a start with data never loads it.
	const {
		DEMO_COMPANY,
		demoCustomers,
		demoItems,
		DEMO_FINANCE_CHARGE_TERMS,
		DEMO_PAYMENT_TERMS,
		DEMO_REMINDER_TERMS
	} = await import('./demo-data');
	const { demoHistory } = await import('./demo-history');
	const language = options.language ?? 'en';
	const customers = withDemo ? demoCustomers(language) : [];
	const items = withDemo ? demoItems(language) : [];
	// The history is planned before the transaction: only its writes wait inside it.
	const history = withDemo
		? demoHistory({
				workDate: options.workDate ?? todayIso(),
				customers,
				items,
				paymentTerms: DEMO_PAYMENT_TERMS,
				reminderTerms: DEMO_REMINDER_TERMS
			})
		: null;
	await db.transaction('rw', db.tables, async () => {
		// Checked inside the transaction, so two tabs opened at once set up one company.
		if (onlyIfNew && (await db.settings.get(SETTING.initialized))) return;
		await Promise.all(db.tables.map((table) => table.clear()));
		// The demo's customers (C00010…C00150) and items (I1010…I1100) are numbers in use, and
		// its history drew documents, entries and reminders from the others.
		const demoLastNo: Record<string, number> = withDemo ? { CUST: 150, ITEM: 1100 } : {};
		for (const series of history?.numberSeries ?? []) demoLastNo[series.code] = series.lastNo;
		await db.numberSeries.bulkPut([
			...DEFAULT_SERIES.map((series) => ({
				...series,
				lastNo: demoLastNo[series.code] ?? series.lastNo
			})),
			// The ledger's entry No. and the application transaction counter.
			...(history?.numberSeries ?? []).filter(
				(series) => !DEFAULT_SERIES.some((known) => known.code === series.code)
			)
		]);
		await db.paymentTerms.bulkPut(DEMO_PAYMENT_TERMS);
		await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
		await db.financeChargeTerms.bulkPut(DEMO_FINANCE_CHARGE_TERMS);
		await db.blockReasons.bulkPut(DEFAULT_BLOCK_REASONS);
		await db.settings.bulkPut([
			{ key: SETTING.initialized, value: new Date().toISOString() },
			...(options.workDate ? [{ key: SETTING.workDate, value: options.workDate }] : []),
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
		await db.customers.bulkPut(customers);
		await db.items.bulkPut(items);
		if (history) await writeHistory(history);
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

/** Writes the demo's history, one bulk write per table, inside the reset's transaction. */
function writeHistory(history: DemoRows): Promise<unknown> {
	return Promise.all([
		db.salesHeaders.bulkPut(history.salesHeaders),
		db.salesLines.bulkPut(history.salesLines),
		db.shipments.bulkPut(history.shipments),
		db.shipmentLines.bulkPut(history.shipmentLines),
		db.postedInvoices.bulkPut(history.postedInvoices),
		db.postedInvoiceLines.bulkPut(history.postedInvoiceLines),
		db.custLedgerEntries.bulkPut(history.custLedgerEntries),
		db.applications.bulkPut(history.applications),
		db.customerTotals.bulkPut(history.customerTotals),
		db.reminders.bulkPut(history.reminders)
	]);
}

/**
 * Replaces all data with the demo company (a trainer's reset, an exercise's start), written in
 * `language` with its history up to the work date given (today when none is).
 */
export async function resetDemoData(options: DemoOptions = {}): Promise<void> {
	await refuseResetOfRealCompany();
	await recreateDatabase();
	await resetCompany(true, false, options);
	await keepListedName();
}

/** Replaces all data with an empty company: no customers, no items. */
export async function startEmptyCompany(): Promise<void> {
	await refuseResetOfRealCompany();
	await recreateDatabase();
	await resetCompany(false);
	await keepListedName();
}

/** Tables every new database starts with rows in (`populate`): they are not the company's data. */
const SEEDED_TABLES = new Set(['blockReasons']);

/**
 * Sets up the company this tab opened, on its first start (nothing written yet): the demo for a
 * training company (and on the browser's very first start), an empty company with its number
 * series and settings for a real one. A database that holds data but lacks the `initialized`
 * marker is never replaced: the marker is repaired. The company stays listed in the registry;
 * a tab whose company was deleted elsewhere gets a CompanyMovedError (reload) and writes nothing.
 */
export async function ensureCompany(): Promise<void> {
	// Every later start only reads the list and one setting (a transaction over all tables waits).
	const [opened, initialized] = await Promise.all([
		openedCompany(),
		db.settings.get(SETTING.initialized)
	]);
	if (initialized) return keepOpenCompanyListed(opened, opened?.kind ?? (await kindFound()), false);
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
	if (holdsData) return keepOpenCompanyListed(opened, opened?.kind ?? (await kindFound()), false);
	const kind = opened?.kind ?? 'training';
	await resetCompany(kind === 'training', true, { language: opened?.language });
	await keepOpenCompanyListed(opened, kind, true);
}

/**
 * The kind of a company kept from before companies were listed: the demo when it still has the
 * demo's name, else someone's own books — which are never reset.
 */
async function kindFound(): Promise<CompanyKind> {
	const { DEMO_COMPANY } = await import('./demo-data');
	const name = (await db.settings.get(SETTING.companyName))?.value;
	return name === DEMO_COMPANY.name ? 'training' : 'real';
}
