import Papa from 'papaparse';
import { db } from '$lib/db/db';
import { fieldError, searchTermsOf, type Customer } from '$lib/domain/customer';
import { parseAmount } from '$lib/domain/money';
import { BLOCKED_LEVELS, type Blocked } from '$lib/domain/policy';
import { emptyCustomer } from './customers';
import { nextNo } from './numbering';

/** The customer fields a CSV column can be mapped to. */
export const CSV_FIELDS = [
	'no',
	'name',
	'address',
	'postCode',
	'city',
	'countryRegion',
	'phoneNo',
	'email',
	'blocked',
	'creditLimit'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Partial<Record<CsvField, string>>;

export interface ParsedCsv {
	headers: string[];
	rows: Record<string, string>[];
}

/** Reads a CSV file with papaparse, reporting progress (0..1) as it goes. */
export function parseCsv(
	file: File,
	onProgress: (share: number) => void = () => {}
): Promise<ParsedCsv> {
	return new Promise((resolve, reject) => {
		const rows: Record<string, string>[] = [];
		let headers: string[] = [];
		Papa.parse<Record<string, string>>(file, {
			header: true,
			skipEmptyLines: 'greedy',
			chunkSize: 256 * 1024,
			chunk: (result) => {
				headers = result.meta.fields ?? headers;
				rows.push(...result.data);
				onProgress(Math.min(1, result.meta.cursor / Math.max(1, file.size)));
			},
			complete: () => {
				onProgress(1);
				resolve({ headers, rows });
			},
			error: (error) => reject(error)
		});
	});
}

const ALIASES: Record<CsvField, string[]> = {
	no: ['no', 'no.', 'number', 'customer no.', 'nr.', 'klantnr.'],
	name: ['name', 'naam', 'company'],
	address: ['address', 'adres', 'street'],
	postCode: ['post code', 'postcode', 'zip', 'postal code'],
	city: ['city', 'plaats', 'town'],
	countryRegion: ['country', 'country/region', 'land', 'land/regio'],
	phoneNo: ['phone', 'phone no.', 'telefoon', 'telefoonnr.'],
	email: ['e-mail', 'email', 'mail'],
	blocked: ['blocked', 'geblokkeerd'],
	creditLimit: ['credit limit', 'kredietlimiet', 'creditlimit']
};

/** A first guess at which column holds which field, from the header names. */
export function guessMapping(headers: readonly string[]): CsvMapping {
	const mapping: CsvMapping = {};
	for (const field of CSV_FIELDS) {
		const header = headers.find((candidate) =>
			ALIASES[field].includes(candidate.trim().toLowerCase())
		);
		if (header) mapping[field] = header;
	}
	return mapping;
}

export interface RowProblem {
	row: number;
	key: string;
	values: Record<string, string | number>;
}

export interface CheckedCustomers {
	valid: Array<Omit<Customer, 'no'> & { no: string }>;
	problems: RowProblem[];
}

const BLOCKED_WORDS: Record<string, Blocked> = {
	'': '',
	ship: 'Ship',
	verzending: 'Ship',
	invoice: 'Invoice',
	factureren: 'Invoice',
	all: 'All',
	alle: 'All'
};

/**
 * Checks every row against the mapping: a name is required, e-mail and credit limit must be
 * valid, Blocked one of its options, and a given No. new (not in the database nor twice in
 * the file). Rows without a No. get one from the number series when imported.
 */
export async function checkCustomerRows(
	rows: ReadonlyArray<Record<string, string>>,
	mapping: CsvMapping
): Promise<CheckedCustomers> {
	const given = rows
		.map((row) => (mapping.no ? (row[mapping.no] ?? '').trim().toUpperCase() : ''))
		.filter(Boolean);
	const existing = new Set(
		(await db.customers.bulkGet(given)).filter(Boolean).map((customer) => customer!.no)
	);
	const seen = new Set<string>();
	const valid: CheckedCustomers['valid'] = [];
	const problems: RowProblem[] = [];
	rows.forEach((row, index) => {
		const rowNo = index + 2; // the header is line 1
		const cell = (field: CsvField) => (mapping[field] ? (row[mapping[field]!] ?? '').trim() : '');
		const no = cell('no').toUpperCase();
		const problem = (key: string, values: Record<string, string | number> = {}) =>
			problems.push({ row: rowNo, key, values });
		if (no && (existing.has(no) || seen.has(no))) return problem('csv.duplicate', { no });
		if (!cell('name')) return problem('csv.nameRequired');
		const blocked = BLOCKED_WORDS[cell('blocked').toLowerCase()];
		if (blocked === undefined || !BLOCKED_LEVELS.includes(blocked))
			return problem('error.blockedInvalid');
		const limit = parseAmount(cell('creditLimit'));
		if (!limit.ok) return problem(limit.error);
		const customer = {
			...emptyCustomer(no),
			name: cell('name'),
			address: cell('address'),
			postCode: cell('postCode'),
			city: cell('city'),
			countryRegion: cell('countryRegion'),
			phoneNo: cell('phoneNo'),
			email: cell('email'),
			blocked,
			creditLimitCents: limit.cents
		};
		for (const field of ['name', 'address', 'city', 'email'] as const) {
			const error = fieldError(field, customer[field]);
			if (error) return problem(error, { max: 100 });
		}
		const error = fieldError('creditLimitCents', customer.creditLimitCents);
		if (error) return problem(error);
		if (no) seen.add(no);
		valid.push(customer);
	});
	return { valid, problems };
}

/** Imports checked customers in one transaction; those without a No. draw one from CUST. */
export async function importCustomers(customers: CheckedCustomers['valid']): Promise<number> {
	return db.transaction('rw', [db.customers, db.numberSeries], async () => {
		const rows: Customer[] = [];
		// Numbers given in the file are taken too, so a drawn number never collides with them.
		const inFile = new Set(customers.map((customer) => customer.no).filter(Boolean));
		const taken = async (candidate: string) =>
			inFile.has(candidate) || (await db.customers.get(candidate)) !== undefined;
		for (const customer of customers) {
			const no = customer.no || (await nextNo('CUST', taken));
			rows.push({ ...customer, no, searchTerms: searchTermsOf(no, customer.name) });
		}
		await db.customers.bulkAdd(rows);
		return rows.length;
	});
}
