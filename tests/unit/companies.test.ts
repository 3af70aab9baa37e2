import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { db } from '$lib/db/db';
import {
	companyDatabaseName,
	companyRegistry,
	DEFAULT_COMPANY_ID,
	snapshotDatabaseName
} from '$lib/db/companies';
import {
	companiesQuery,
	createCompany,
	deleteCompany,
	dismissWelcome,
	renameCompany,
	startOwnCompany,
	welcomeQuery
} from '$lib/app/companies';
import { createCustomer } from '$lib/app/customer-card';
import { ensureCompany, resetDemoData, startEmptyCompany } from '$lib/app/demo';
import { SETTING } from '$lib/app/settings';
import { snapshotsQuery } from '$lib/app/snapshots';
import { snapshotDatabase } from '../factories';

/** A browser storage in memory, as sessionStorage holds the company a tab works in. */
function memoryStorage(entries: Record<string, string> = {}): Storage {
	const items = new Map(Object.entries(entries));
	return {
		get length() {
			return items.size;
		},
		key: (index) => [...items.keys()][index] ?? null,
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, String(value)),
		removeItem: (key) => void items.delete(key),
		clear: () => items.clear()
	};
}

const opened: Array<{ close(): void }> = [];

/**
 * The app as another tab loads it with `id` as its company: a fresh module graph, so its `db`
 * and snapshots are that company's (they are chosen when the modules load).
 */
async function tabOf(id: string, storage = memoryStorage({ 'holdfast.company': id })) {
	vi.stubGlobal('sessionStorage', storage);
	vi.resetModules();
	const [database, demo, card, companies, snapshots, settings] = await Promise.all([
		import('$lib/db/db'),
		import('$lib/app/demo'),
		import('$lib/app/customer-card'),
		import('$lib/app/companies'),
		import('$lib/app/snapshots'),
		import('$lib/app/settings')
	]);
	vi.unstubAllGlobals();
	opened.push(database.db);
	return {
		db: database.db,
		storage,
		...demo,
		...card,
		...companies,
		...snapshots,
		setWorkDate: settings.setWorkDate
	};
}

async function current<T>(query: { subscribe: (next: (value: T) => void) => unknown }) {
	return new Promise<T>((resolve) => {
		const subscription = query.subscribe((value) => {
			resolve(value);
			(subscription as { unsubscribe(): void } | undefined)?.unsubscribe();
		}) as { unsubscribe(): void };
	});
}

afterEach(() => {
	for (const database of opened.splice(0)) database.close();
});

describe('the registry of companies', () => {
	it('creates, renames and deletes a company; names are required and unique', async () => {
		const created = await createCompany({ name: '  Bakkerij Peeters ', kind: 'real' });
		expect(created).toMatchObject({ name: 'Bakkerij Peeters', kind: 'real' });
		await expect(createCompany({ name: 'bakkerij peeters', kind: 'real' })).rejects.toMatchObject({
			key: 'companies.nameTaken'
		});
		await expect(createCompany({ name: '  ', kind: 'real' })).rejects.toMatchObject({
			key: 'companies.nameRequired'
		});

		await renameCompany({ id: created.id, name: 'Peeters & Zonen' });
		await expect(renameCompany({ id: created.id, name: 'Holdfast Demo BV' })).rejects.toMatchObject(
			{ key: 'companies.nameTaken' }
		);
		const rows = await current(companiesQuery());
		expect(rows.map((row) => [row.name, row.kind, row.current])).toEqual([
			['Holdfast Demo BV', 'training', true],
			['Peeters & Zonen', 'real', false]
		]);

		await expect(deleteCompany({ id: created.id, name: 'Peeters' })).rejects.toMatchObject({
			key: 'companies.deleteNameMismatch'
		});
		await deleteCompany({ id: created.id, name: 'peeters & zonen' });
		expect(await companyRegistry.companies.get(created.id)).toBeUndefined();
	});

	it('refuses to delete the company this window works in', async () => {
		await expect(
			deleteCompany({ id: DEFAULT_COMPANY_ID, name: 'Holdfast Demo BV' })
		).rejects.toMatchObject({ key: 'companies.deleteCurrent' });
		expect(await companyRegistry.companies.get(DEFAULT_COMPANY_ID)).toBeDefined();
	});

	it('renaming the open company renames it in its Company Information (the header) too', async () => {
		await ensureCompany();
		await renameCompany({ id: DEFAULT_COMPANY_ID, name: 'Oefenbedrijf Gent' });
		expect((await db.settings.get(SETTING.companyName))?.value).toBe('Oefenbedrijf Gent');
		expect((await companyRegistry.companies.get(DEFAULT_COMPANY_ID))?.name).toBe(
			'Oefenbedrijf Gent'
		);
	});
});

describe('each company is its own database', () => {
	it('two companies never see each other’s data, settings or snapshots', async () => {
		await ensureCompany();
		const own = await createCompany({ name: 'Eigen Zaak', kind: 'real' });
		const other = await tabOf(own.id);
		await other.ensureCompany();

		// Set up empty, as a real company: number series and settings, its name in the header.
		expect(other.db.name).toBe(companyDatabaseName(own.id));
		expect(await other.db.customers.count()).toBe(0);
		expect(await other.db.numberSeries.get('CUST')).toMatchObject({ lastNo: 0 });
		expect((await other.db.settings.get(SETTING.companyName))?.value).toBe('Eigen Zaak');

		const there = await other.createCustomer({ name: 'Only There' });
		const here = await createCustomer({ name: 'Only Here' });
		expect(await other.db.customers.get(here)).toBeUndefined();
		expect((await db.customers.get(there))?.name).not.toBe('Only There');
		expect(await db.customers.where('name').equals('Only There').count()).toBe(0);
		expect(await other.db.customers.where('name').equals('Only Here').count()).toBe(0);

		await other.setWorkDate({ workDate: '2026-02-01' });
		expect(await db.settings.get(SETTING.workDate)).toBeUndefined();

		const snapshot = await other.takeSnapshot('empty');
		expect(snapshot.id).not.toBeNull();
		expect(await Dexie.exists(snapshotDatabaseName(own.id))).toBe(true);
		expect(await current(snapshotsQuery())).toEqual([]);
	});

	it('deleting a company leaves the other, and a window still in it can write no more', async () => {
		await ensureCompany();
		const own = await createCompany({ name: 'Weg Ermee', kind: 'real' });
		const other = await tabOf(own.id);
		await other.ensureCompany();
		await other.createCustomer({ name: 'Gone Soon' });
		await other.takeSnapshot('empty');
		const before = await snapshotDatabase();

		await deleteCompany({ id: own.id, name: 'Weg Ermee' });

		const names = await Dexie.getDatabaseNames();
		expect(names).not.toContain(companyDatabaseName(own.id));
		expect(names).not.toContain(snapshotDatabaseName(own.id));
		expect(await snapshotDatabase()).toEqual(before);
		// The other window's connection was closed by the deletion: it writes nowhere.
		await expect(other.createCustomer({ name: 'Lost' })).rejects.toThrow();
		expect(await Dexie.exists(companyDatabaseName(own.id))).toBe(false);

		// Reloaded, that window finds its company gone and is sent to the first company.
		const reloaded = await tabOf(own.id, other.storage);
		vi.stubGlobal('sessionStorage', other.storage);
		await expect(reloaded.ensureCompany()).rejects.toMatchObject({ key: 'companies.moved' });
		vi.unstubAllGlobals();
		expect(other.storage.getItem('holdfast.company')).toBe(DEFAULT_COMPANY_ID);
	});

	it('a demo company made from the list is a training company with the demo, under its name', async () => {
		const training = await createCompany({ name: 'Cursus Maart', kind: 'training' });
		const other = await tabOf(training.id);
		await other.ensureCompany();
		expect(await other.db.customers.count()).toBe(15);
		expect((await other.db.settings.get(SETTING.companyName))?.value).toBe('Cursus Maart');
	});
});

describe('only a training company is reset', () => {
	it('a real company refuses Reset demo data and Start empty company, and keeps its data', async () => {
		await ensureCompany();
		await createCustomer({ name: 'Real Books' });
		await companyRegistry.companies.update(DEFAULT_COMPANY_ID, { kind: 'real' });
		const before = await snapshotDatabase();

		await expect(resetDemoData()).rejects.toMatchObject({ key: 'companies.realNoReset' });
		await expect(startEmptyCompany()).rejects.toMatchObject({ key: 'companies.realNoReset' });
		expect(await snapshotDatabase()).toEqual(before);
	});

	it('a training company is reset, and keeps the name it is listed under', async () => {
		await ensureCompany();
		await renameCompany({ id: DEFAULT_COMPANY_ID, name: 'Cursus April' });
		await createCustomer({ name: 'Practice' });
		await resetDemoData();
		expect(await db.customers.where('name').equals('Practice').count()).toBe(0);
		expect((await db.settings.get(SETTING.companyName))?.value).toBe('Cursus April');
	});
});

describe('the first start', () => {
	it('lists the demo as the one training company and asks the welcome until it is answered', async () => {
		await companyRegistry.companies.clear();
		await ensureCompany();
		expect(await companyRegistry.companies.toArray()).toEqual([
			expect.objectContaining({
				id: DEFAULT_COMPANY_ID,
				name: 'Holdfast Demo BV',
				kind: 'training'
			})
		]);
		expect(await current(welcomeQuery())).toBe(true);
		await dismissWelcome();
		expect(await current(welcomeQuery())).toBe(false);
	});

	it('a second company means the welcome is not asked', async () => {
		await createCompany({ name: 'Tweede', kind: 'real' });
		expect(await current(welcomeQuery())).toBe(false);
	});

	it('Start my own company lists an empty real company, numbered when the name is taken, and chooses it', async () => {
		const storage = memoryStorage();
		vi.stubGlobal('sessionStorage', storage);
		try {
			await createCompany({ name: 'My Company', kind: 'real' });
			const company = await startOwnCompany({ name: 'My Company' });
			expect(company).toMatchObject({ name: 'My Company 2', kind: 'real' });
			expect(storage.getItem('holdfast.company')).toBe(company.id);
			expect(await current(welcomeQuery())).toBe(false);
		} finally {
			vi.unstubAllGlobals();
		}
	});

	it('data from before companies is kept and listed as real unless it is still the demo', async () => {
		await companyRegistry.companies.clear();
		await db.settings.bulkPut([
			{ key: SETTING.initialized, value: '2025-01-01T00:00:00.000Z' },
			{ key: SETTING.companyName, value: 'Van Damme BV' }
		]);
		await createCustomer({ name: 'Kept' });
		await ensureCompany();
		expect(await companyRegistry.companies.get(DEFAULT_COMPANY_ID)).toMatchObject({
			name: 'Van Damme BV',
			kind: 'real'
		});
		expect(await db.customers.where('name').equals('Kept').count()).toBe(1);
	});
});
