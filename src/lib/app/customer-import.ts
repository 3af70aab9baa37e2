import Papa from 'papaparse';
import { db } from '$lib/db/db';
import {
	CUSTOMER_NO_MAX,
	customerNoError,
	emptyCustomer,
	fieldError,
	searchTermsOf,
	TEXT_FIELD_MAX,
	type Customer
} from '$lib/domain/customer';
import { parseFileAmount } from '$lib/domain/number-text';
import { BLOCKED_LEVELS, type Blocked } from '$lib/domain/policy';
import { assertBlockReason } from './block-reasons';
import { bulkSetBlocked } from './customer-blocking';
import { ValidationError } from './errors';
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
	'blockReason',
	'creditLimit'
] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
export type CsvMapping = Partial<Record<CsvField, string>>;

/** What a CSV file can be written in: UTF-8, or Windows-1252 as Excel saves "CSV" on Windows. */
export const CSV_ENCODINGS = ['utf-8', 'windows-1252'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

export interface Problem {
	key: string;
	values: Record<string, string | number>;
}

/** A row of the file: the line it starts on (the header is line 1), its cells, and what papaparse found wrong. */
export interface CsvRow {
	row: number;
	values: Record<string, string>;
	error?: Problem;
}

export interface CsvTable {
	headers: string[];
	rows: CsvRow[];
}

export interface ParsedCsv extends CsvTable {
	/** The encoding the text was read with. */
	encoding: CsvEncoding;
	/** Whether the bytes are valid UTF-8; when not, Windows-1252 was chosen for them. */
	utf8: boolean;
}

/**
 * Decodes a file's bytes: as UTF-8 when they are valid UTF-8 (a byte order mark is dropped),
 * else as Windows-1252; or in the encoding asked for.
 */
export function decodeCsv(
	bytes: ArrayBuffer | Uint8Array,
	encoding?: CsvEncoding
): { text: string; encoding: CsvEncoding; utf8: boolean } {
	let strict: string | null = null;
	try {
		strict = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		// Not UTF-8: most likely Windows-1252, which every byte sequence is.
	}
	const chosen = encoding ?? (strict === null ? 'windows-1252' : 'utf-8');
	const text =
		chosen === 'utf-8'
			? (strict ?? new TextDecoder('utf-8').decode(bytes))
			: new TextDecoder('windows-1252').decode(bytes);
	return { text, encoding: chosen, utf8: strict !== null };
}

/** Reads a CSV file: decodes it (see decodeCsv) and parses it. */
export async function readCsv(file: Blob, encoding?: CsvEncoding): Promise<ParsedCsv> {
	const decoded = decodeCsv(await file.arrayBuffer(), encoding);
	return { ...parseCsvText(decoded.text), encoding: decoded.encoding, utf8: decoded.utf8 };
}

const BREAK = /\r\n|\r|\n/g;
const breaks = (text: string) => text.match(BREAK)?.length ?? 0;

/** Papa's error codes, the worst first: a row gets the first that applies. */
const PARSE_ERRORS: Record<string, string> = {
	MissingQuotes: 'csv.missingQuotes',
	InvalidQuotes: 'csv.invalidQuotes',
	TooManyFields: 'csv.tooManyFields',
	TooFewFields: 'csv.tooFewFields'
};

/**
 * Parses CSV text with papaparse, one row at a time so that every error papaparse reports
 * stays with its row. Blank lines are skipped; a row is numbered by the line it starts on.
 */
export function parseCsvText(text: string): CsvTable {
	const rows: CsvRow[] = [];
	let headers: string[] = [];
	let cursor = 0;
	let line = 1;
	Papa.parse<Record<string, string | string[]>>(text, {
		header: true,
		skipEmptyLines: 'greedy',
		step: (result) => {
			headers = result.meta.fields ?? headers;
			const slice = text.slice(cursor, result.meta.cursor);
			const { __parsed_extra: extra = [], ...cells } = result.data;
			const fields = [...Object.values(cells), ...extra].map(String);
			const codes = result.errors.map((error) => error.code as string);
			// An unclosed quote runs to the end of the file, so no line ends the row.
			const ended = !codes.includes('MissingQuotes') && /[\r\n]$/.test(slice);
			const inside = fields.reduce((sum, field) => sum + breaks(field), 0) + (ended ? 1 : 0);
			const code = Object.keys(PARSE_ERRORS).find((candidate) => codes.includes(candidate));
			rows.push({
				row: line + breaks(slice) - inside,
				values: Object.fromEntries(
					Object.entries(cells).map(([header, value]) => [header, String(value)])
				),
				error: code
					? { key: PARSE_ERRORS[code]!, values: { count: fields.length, expected: headers.length } }
					: undefined
			});
			line += breaks(slice);
			cursor = result.meta.cursor;
		}
	});
	return { headers, rows };
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
	blockReason: ['block reason', 'blokkeringsreden', 'reason', 'reden'],
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

export interface RowProblem extends Problem {
	row: number;
	/** The field the problem is in, when it is one field's. */
	field?: CsvField;
}

export type ImportedCustomer = Omit<Customer, 'no'> & { no: string };

export interface CheckedCustomers {
	/** Marks this check of the file: the import and the history of its blocks carry it. */
	batchId: string;
	valid: ImportedCustomer[];
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

const TEXT_FIELDS = [
	'name',
	'address',
	'postCode',
	'city',
	'countryRegion',
	'phoneNo',
	'email'
] as const;

/**
 * What is wrong with a customer to import, by the card's rules: a No. that can be used in a
 * link (blank draws one), a name, the card's length limits, a Blocked option with a reason,
 * a credit limit. Whether the reason and the No. exist is the database's to say.
 */
function customerProblem(customer: ImportedCustomer): (Problem & { field: CsvField }) | null {
	const noError = customer.no === '' ? null : customerNoError(customer.no);
	if (noError) return { key: noError, values: { max: CUSTOMER_NO_MAX }, field: 'no' };
	if (customer.name === '') return { key: 'csv.nameRequired', values: {}, field: 'name' };
	for (const field of TEXT_FIELDS) {
		const key = fieldError(field, customer[field]);
		if (key) return { key, values: { max: TEXT_FIELD_MAX }, field };
	}
	if (!BLOCKED_LEVELS.includes(customer.blocked)) {
		return { key: 'error.blockedInvalid', values: {}, field: 'blocked' };
	}
	if (customer.blocked !== '' && customer.blockReason === '') {
		return { key: 'csv.reasonRequired', values: {}, field: 'blockReason' };
	}
	const limit = fieldError('creditLimitCents', customer.creditLimitCents);
	if (limit) return { key: limit, values: {}, field: 'creditLimit' };
	return null;
}

/**
 * Checks every row against the mapping: what papaparse could not read, characters the
 * encoding could not decode, the card's rules (customerProblem), a block reason from the
 * block reasons table, and a given No. new (not in the database nor twice in the file).
 * Rows without a No. get one from the number series when imported.
 */
export async function checkCustomerRows(
	table: Pick<CsvTable, 'rows'>,
	mapping: CsvMapping
): Promise<CheckedCustomers> {
	const read = (row: CsvRow, field: CsvField) =>
		mapping[field] ? (row.values[mapping[field]!] ?? '').trim() : '';
	const given = table.rows.map((row) => read(row, 'no').toUpperCase()).filter(Boolean);
	const [found, reasons] = await db.transaction('r', [db.customers, db.blockReasons], () =>
		Promise.all([db.customers.bulkGet(given), db.blockReasons.toArray()])
	);
	const existing = new Set(found.filter(Boolean).map((customer) => customer!.no));
	const reasonCodes = new Set(reasons.map((reason) => reason.code));
	const seen = new Set<string>();
	const valid: ImportedCustomer[] = [];
	const problems: RowProblem[] = [];
	for (const row of table.rows) {
		const cell = (field: CsvField) => read(row, field);
		const problem = (found: Problem & { field?: CsvField }) =>
			problems.push({ row: row.row, ...found });
		if (row.error) {
			problem(row.error);
			continue;
		}
		const unreadable = CSV_FIELDS.find((field) => cell(field).includes('\uFFFD'));
		if (unreadable) {
			problem({ key: 'csv.unreadable', values: {}, field: unreadable });
			continue;
		}
		const limit = parseFileAmount(cell('creditLimit'));
		if (!limit.ok) {
			problem({ key: limit.error, values: {}, field: 'creditLimit' });
			continue;
		}
		const blocked = BLOCKED_WORDS[cell('blocked').toLowerCase()];
		const customer: ImportedCustomer = {
			...emptyCustomer(cell('no').toUpperCase()),
			name: cell('name'),
			address: cell('address'),
			postCode: cell('postCode'),
			city: cell('city'),
			countryRegion: cell('countryRegion'),
			phoneNo: cell('phoneNo'),
			email: cell('email'),
			// An unknown word is kept as it is, for customerProblem to refuse.
			blocked: blocked ?? (cell('blocked') as Blocked),
			blockReason: blocked ? cell('blockReason').toUpperCase() : '',
			creditLimitCents: limit.cents
		};
		const { no } = customer;
		if (no && (existing.has(no) || seen.has(no))) {
			problem({ key: 'csv.duplicate', values: { no }, field: 'no' });
			continue;
		}
		const invalid = customerProblem(customer);
		if (invalid) {
			problem(invalid);
			continue;
		}
		if (customer.blockReason && !reasonCodes.has(customer.blockReason)) {
			problem({
				key: 'error.reasonInvalid',
				values: { code: customer.blockReason },
				field: 'blockReason'
			});
			continue;
		}
		if (no) seen.add(no);
		valid.push(customer);
	}
	return { batchId: crypto.randomUUID(), valid, problems };
}

/** Checks being imported or imported in this page: a checked file is imported once. */
const submitted = new Set<string>();

/**
 * Imports checked customers in one transaction, all or nothing: those without a No. draw
 * one from CUST; a No. that exists meanwhile refuses the import. A blocked row is blocked
 * through the bulk block, so it has its reason, Blocked By and history, with the check's
 * batch id (Undo batch lifts it). The same check imports once only: a second call (a double
 * click) is refused, unless the first one failed.
 */
export async function importCustomers(
	input: Pick<CheckedCustomers, 'batchId' | 'valid'>
): Promise<number> {
	if (submitted.has(input.batchId)) {
		throw new ValidationError('csv.alreadyImported', 'This file has been imported already.');
	}
	submitted.add(input.batchId);
	try {
		return await db.transaction(
			'rw',
			[db.customers, db.numberSeries, db.changeLog, db.settings, db.blockReasons],
			() => writeCustomers(input)
		);
	} catch (error) {
		submitted.delete(input.batchId);
		throw error;
	}
}

async function writeCustomers(input: Pick<CheckedCustomers, 'batchId' | 'valid'>) {
	const given = input.valid.map((customer) => customer.no).filter(Boolean);
	const existing = await db.customers.bulkGet(given);
	const taken = given.find((no, index) => existing[index] || given.indexOf(no) !== index);
	if (taken) {
		throw new ValidationError(
			'csv.duplicate',
			`Customer No. ${taken} exists already or appears twice.`,
			{ no: taken },
			'no'
		);
	}
	for (const customer of input.valid) {
		const problem = customerProblem(customer);
		if (problem) {
			throw new ValidationError(problem.key, `Customer ${customer.name} is not valid.`, {
				...problem.values
			});
		}
		if (customer.blocked) await assertBlockReason(customer.blockReason);
	}
	// Numbers given in the file are taken too, so a drawn number never collides with them.
	const inFile = new Set(given);
	const isTaken = async (candidate: string) =>
		inFile.has(candidate) || (await db.customers.get(candidate)) !== undefined;
	const rows: Customer[] = [];
	const blocks = new Map<string, { blocked: Blocked; reason: string; nos: string[] }>();
	for (const customer of input.valid) {
		const no = customer.no || (await nextNo('CUST', isTaken));
		// Only what a file can give is taken; the block is set below, through the block's path.
		rows.push({
			...emptyCustomer(no),
			...Object.fromEntries(TEXT_FIELDS.map((field) => [field, customer[field]])),
			creditLimitCents: customer.creditLimitCents,
			searchTerms: searchTermsOf(no, customer.name)
		});
		if (customer.blocked) {
			const key = `${customer.blocked}\n${customer.blockReason}`;
			const group = blocks.get(key) ?? {
				blocked: customer.blocked,
				reason: customer.blockReason,
				nos: []
			};
			group.nos.push(no);
			blocks.set(key, group);
		}
	}
	await db.customers.bulkAdd(rows);
	// Blocks go through the one write path for blocks, inside this transaction; their history
	// is then marked with the import's batch, so one Undo batch lifts them all.
	for (const { blocked, reason, nos } of blocks.values()) {
		const { batchId } = await bulkSetBlocked({ nos, blocked, reason });
		await db.changeLog.where('batchId').equals(batchId).modify({ batchId: input.batchId });
	}
	return rows.length;
}
