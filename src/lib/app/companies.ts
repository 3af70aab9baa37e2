import { Dexie, liveQuery, type Observable } from 'dexie';
import { AppDB, db } from '$lib/db/db';
import {
	chooseCompany,
	companyDatabaseName,
	companyRegistry,
	OPEN_COMPANY_ID,
	snapshotDatabaseName,
	type Company,
	type CompanyKind
} from '$lib/db/companies';
import {
	checkCompanyDelete,
	checkCompanyName,
	checkCompanyReset,
	freeCompanyName
} from '$lib/domain/company-registry';
import { refusalError, ValidationError } from './errors';
import { SETTING } from './settings';

/**
 * The companies of this browser: each its own database, listed in a registry database. The
 * tab works in the company it opened (`db`); switching remembers another and the page reloads.
 */

export type { Company, CompanyKind };

/** A company as the Companies page lists it. */
export interface CompanyRow extends Company {
	/** The company this window works in. */
	current: boolean;
}

/** The welcome on the first start has been answered (Explore or Start my own company). */
const WELCOME_ANSWERED = 'welcomeAnswered';

/**
 * The tab opened a company that is no longer listed (deleted in another window): another
 * company is remembered instead, and the page must reload to open it.
 */
export class CompanyMovedError extends ValidationError {
	constructor(name: string) {
		super(
			'companies.moved',
			`The company this window had open no longer exists; ${name} opens instead.`,
			{ name }
		);
		this.name = 'CompanyMovedError';
	}
}

function companyGone(): ValidationError {
	return new ValidationError(
		'companies.notFound',
		'This company no longer exists. It may have been deleted in another window.'
	);
}

async function listed(): Promise<Company[]> {
	return companyRegistry.companies.orderBy('created').toArray();
}

/** Every company, oldest first, the open one with the name its Company Information has now. */
export function companiesQuery(): Observable<CompanyRow[]> {
	return liveQuery(async () => {
		const [companies, name] = await Promise.all([listed(), db.settings.get(SETTING.companyName)]);
		return companies.map((company) => {
			const current = company.id === OPEN_COMPANY_ID;
			return { ...company, name: current && name?.value ? name.value : company.name, current };
		});
	});
}

/** The company this window works in (undefined before its first start has listed it). */
export function openCompanyQuery(): Observable<Company | undefined> {
	return liveQuery(() => companyRegistry.companies.get(OPEN_COMPANY_ID));
}

/**
 * Whether the home page asks "Explore the demo company" or "Start my own company": on the first
 * start only — the demo is the one company of this browser — until either is answered.
 */
export function welcomeQuery(): Observable<boolean> {
	return liveQuery(async () => {
		const [companies, answered] = await Promise.all([
			listed(),
			companyRegistry.flags.get(WELCOME_ANSWERED)
		]);
		const [only] = companies;
		return (
			!answered &&
			companies.length === 1 &&
			only?.id === OPEN_COMPANY_ID &&
			only.kind === 'training'
		);
	});
}

/** The welcome is answered: the home page no longer asks, in any company or tab. */
export async function dismissWelcome(): Promise<void> {
	await companyRegistry.flags.put({ key: WELCOME_ANSWERED, value: new Date().toISOString() });
}

/**
 * Lists a new company: empty (`real`, someone's own books) or the demo (`training`). Its
 * database is made when it is first opened, with this name in its Company Information.
 */
export async function createCompany(input: {
	name: string;
	kind: CompanyKind;
	language?: Company['language'];
}): Promise<Company> {
	return companyRegistry.transaction('rw', companyRegistry.companies, async () => {
		const taken = (await listed()).map((company) => company.name);
		const checked = checkCompanyName(input.name, taken);
		if (!checked.ok) throw refusalError(checked.refusal);
		const company: Company = {
			id: crypto.randomUUID(),
			name: checked.value,
			kind: input.kind,
			created: new Date().toISOString(),
			...(input.language ? { language: input.language } : {})
		};
		await companyRegistry.companies.add(company);
		return company;
	});
}

/** Renames a company in the list and in its Company Information (which the header shows). */
export async function renameCompany(input: { id: string; name: string }): Promise<void> {
	const name = await companyRegistry.transaction('rw', companyRegistry.companies, async () => {
		const companies = await listed();
		if (!companies.some((company) => company.id === input.id)) throw companyGone();
		const others = companies.filter((company) => company.id !== input.id);
		const checked = checkCompanyName(
			input.name,
			others.map((company) => company.name)
		);
		if (!checked.ok) throw refusalError(checked.refusal);
		await companyRegistry.companies.update(input.id, { name: checked.value });
		return checked.value;
	});
	await writeCompanyName(input.id, name);
}

/** Puts the name into a company's own settings; one not set up yet gets it when it is. */
async function writeCompanyName(id: string, name: string): Promise<void> {
	const put = (target: AppDB) =>
		target.transaction('rw', target.settings, async () => {
			// A row in a company never set up would count as data: its first start names it.
			if (await target.settings.get(SETTING.initialized)) {
				await target.settings.put({ key: SETTING.companyName, value: name });
			}
		});
	if (id === OPEN_COMPANY_ID) return put(db);
	const databaseName = companyDatabaseName(id);
	if (!(await Dexie.exists(databaseName))) return;
	const other = new AppDB(databaseName);
	try {
		await put(other);
	} finally {
		other.close();
	}
}

/**
 * Deletes a company and everything in it (its database and its snapshots), once its name was
 * typed to confirm. The company this window works in cannot be deleted. Another window that
 * has it open is closed by the deletion and asked to reload, which opens another company.
 */
export async function deleteCompany(input: { id: string; name: string }): Promise<void> {
	const company = await companyRegistry.companies.get(input.id);
	if (!company) throw companyGone();
	const checked = checkCompanyDelete(company, input.name, OPEN_COMPANY_ID);
	if (!checked.ok) throw refusalError(checked.refusal);
	// Off the list first: a window reloading meanwhile opens another company, never this again.
	await companyRegistry.companies.delete(company.id);
	await Dexie.delete(companyDatabaseName(company.id));
	await Dexie.delete(snapshotDatabaseName(company.id));
}

/**
 * Chooses the company this window opens next (the page then reloads to open it). The open
 * company's name is listed as its Company Information has it before the window leaves it.
 */
export async function switchCompany(input: { id: string }): Promise<void> {
	if (!(await companyRegistry.companies.get(input.id))) throw companyGone();
	const opened = await companyRegistry.companies.get(OPEN_COMPANY_ID);
	if (opened) await listCompanyName(opened);
	chooseCompany(input.id);
}

/**
 * "Start my own company": lists an empty real company named `name` (numbered when taken),
 * answers the welcome and chooses it; the page then reloads into it.
 */
export async function startOwnCompany(input: { name: string }): Promise<Company> {
	const taken = (await listed()).map((company) => company.name);
	const company = await createCompany({ name: freeCompanyName(input.name, taken), kind: 'real' });
	await dismissWelcome();
	await switchCompany({ id: company.id });
	return company;
}

/**
 * Refuses before anything is written when the open company is real: only a training company
 * is reset (or emptied). A company is listed on its start before a page shows, so one that is
 * not listed is a test's or a script's database, which is reset as before.
 */
export async function refuseResetOfRealCompany(): Promise<void> {
	const company = await companyRegistry.companies.get(OPEN_COMPANY_ID);
	const checked = checkCompanyReset(company?.kind ?? 'training');
	if (!checked.ok) throw refusalError(checked.refusal);
}

/**
 * After a reset (or Start empty company) the company keeps the name it is listed under: the
 * demo's own name is only its first company's name.
 */
export async function keepListedName(): Promise<void> {
	const company = await companyRegistry.companies.get(OPEN_COMPANY_ID);
	if (company) await writeCompanyName(company.id, company.name);
}

/**
 * The start's first question: which listed company this tab opened. A tab that opened a company
 * no longer listed (deleted in another window) is sent to the first company (CompanyMovedError:
 * reload). Undefined while nothing is listed yet: the first start, or data from before companies.
 */
export async function openedCompany(): Promise<Company | undefined> {
	const companies = await listed();
	const opened = companies.find((company) => company.id === OPEN_COMPANY_ID);
	const [first] = companies;
	if (opened || !first) return opened;
	chooseCompany(first.id);
	throw new CompanyMovedError(first.name);
}

/** The listed name follows the name the company's own Company Information has (when it has one). */
async function listCompanyName(company: Company): Promise<void> {
	const name = (await db.settings.get(SETTING.companyName))?.value.trim();
	if (name && name !== company.name) {
		await companyRegistry.companies.update(company.id, { name });
	}
}

/**
 * After the start has set the open company up, keeps it listed: a company made just now gets
 * its listed name in its Company Information; one listed before keeps its list's name in step;
 * one not listed yet (the first start, data from before companies) is listed as `kind`.
 */
export async function keepOpenCompanyListed(
	opened: Company | undefined,
	kind: CompanyKind,
	madeNow: boolean
): Promise<void> {
	if (opened && madeNow) return writeCompanyName(opened.id, opened.name);
	if (opened) return listCompanyName(opened);
	const name = (await db.settings.get(SETTING.companyName))?.value.trim();
	await companyRegistry.companies.put({
		id: OPEN_COMPANY_ID,
		name: name || 'Holdfast',
		kind,
		created: new Date().toISOString()
	});
}
