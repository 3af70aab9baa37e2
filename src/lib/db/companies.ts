import { Dexie, type EntityTable } from 'dexie';

/**
 * A training company holds the demo (it can be reset, the exercises run in it); a real company
 * holds someone's books and is never reset — it is restored from a backup.
 */
export type CompanyKind = 'training' | 'real';

/** One company of this browser, as the registry lists it; its data is its own database. */
export interface Company {
	id: string;
	name: string;
	kind: CompanyKind;
	/** When it was created (ISO date-time): the list's order. */
	created: string;
	/** The language its demo data is written in, when it is made on its first start. */
	language?: 'en' | 'nl';
}

/** The first company keeps the database name Holdfast always had: its data stays where it was. */
export const DEFAULT_COMPANY_ID = 'default';
export const COMPANY_REGISTRY_NAME = 'holdfast-companies';

/** The IndexedDB database that holds a company's data. */
export function companyDatabaseName(id: string): string {
	return id === DEFAULT_COMPANY_ID ? 'holdfast' : `holdfast-${id}`;
}

/** The database of a company's automatic snapshots: they belong to the company too. */
export function snapshotDatabaseName(id: string): string {
	return id === DEFAULT_COMPANY_ID ? 'holdfast-snapshots' : `holdfast-${id}-snapshots`;
}

/** Something this browser remembers apart from any company (the first start's welcome answered). */
export interface BrowserFlag {
	key: string;
	value: string;
}

/**
 * The list of companies, in a database of its own: it outlives any one company's database (a
 * reset deletes that) and a live query on it updates every tab.
 */
export class CompanyRegistryDB extends Dexie {
	companies!: EntityTable<Company, 'id'>;
	flags!: EntityTable<BrowserFlag, 'key'>;

	constructor(name = COMPANY_REGISTRY_NAME) {
		super(name);
		this.version(1).stores({ companies: 'id, created', flags: 'key' });
	}
}

export const companyRegistry = new CompanyRegistryDB();

/**
 * Which company a tab works in. The tab's own choice (sessionStorage) comes first, so a reload
 * keeps it when another tab switched meanwhile; a new tab opens the browser's last choice
 * (localStorage). Storage that is missing or refused means the first company.
 */
const POINTER_KEY = 'holdfast.company';

type StorageName = 'sessionStorage' | 'localStorage';

function storages(names: StorageName[] = ['sessionStorage', 'localStorage']): Storage[] {
	const found: Storage[] = [];
	for (const name of names) {
		try {
			const storage = (globalThis as Partial<Record<StorageName, Storage>>)[name];
			if (storage) found.push(storage);
		} catch {
			// A browser that refuses storage (privacy settings) throws on access.
		}
	}
	return found;
}

export function chosenCompanyId(): string {
	for (const storage of storages()) {
		try {
			const id = storage.getItem(POINTER_KEY);
			if (id && /^[A-Za-z0-9_-]{1,40}$/.test(id)) return id;
		} catch {
			// Unreadable: the next one, else the first company.
		}
	}
	return DEFAULT_COMPANY_ID;
}

/** Remembers the company this tab and the next new tab open with (`tabOnly`: this tab). */
export function chooseCompany(id: string, tabOnly = false): void {
	for (const storage of storages(tabOnly ? ['sessionStorage'] : undefined)) {
		try {
			storage.setItem(POINTER_KEY, id);
		} catch {
			// Not remembered: the first company opens next time, nothing is lost.
		}
	}
}

/**
 * The company this tab opened, fixed for the tab's life: `db` is its database. Switching
 * company remembers another one and reloads, so a tab never writes into a company it does not
 * show.
 */
export const OPEN_COMPANY_ID = chosenCompanyId();
// Kept for the tab: its reload opens this company even after another tab chose another.
chooseCompany(OPEN_COMPANY_ID, true);
