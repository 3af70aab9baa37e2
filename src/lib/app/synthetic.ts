import { addLedgerEntries } from './ledger';
import { db } from '$lib/db/db';
import { documentTotals } from '$lib/domain/amounts';
import { emptyCustomer, OVERDUE_REASON, type Customer } from '$lib/domain/customer';
import { addDays } from '$lib/domain/dates';
import type { Item } from '$lib/domain/item';
import { BLOCKED_LEVELS } from '$lib/domain/policy';
import { newLedgerEntry, type CustLedgerEntry } from '$lib/domain/posted';
import { POSTING_SERIES } from '$lib/domain/posting-plan';
import {
	LINE_STEP,
	newSalesHeader,
	newSalesLine,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';
import { USER_MARKERS } from '$lib/domain/users';
import { ValidationError } from './errors';
import { dismissUnfinishedGeneration, markGenerationStarted } from './scale-generation';
import { readWorkDate } from './settings';

/** How big a generated company is. */
export interface CompanySize {
	customers: number;
	documents: number;
	linesPerDocument: number;
	ledgerEntries: number;
}

const CHUNK = 5_000;
const WORDS = [
	'Gent',
	'Trading',
	'Brugge',
	'Bakery',
	'Antwerp',
	'Office',
	'Leuven',
	'Coffee',
	'Mechelen',
	'Furniture',
	'Namur',
	'Electric',
	'Utrecht',
	'Wholesale',
	'Rotterdam',
	'Logistics',
	'Hasselt',
	'Bikes',
	'Liège',
	'Print'
];
const LEVELS = BLOCKED_LEVELS.filter((level) => level !== '');

/** Who a generated block is set by: Holdfast, as the automatic release names it. */
const GENERATOR = USER_MARKERS.holdfast;

/** The `index`th generated customer; every fourth is blocked, with `reason`, since `now`. */
function customerAt(index: number, reason: string, now: string): Customer {
	const no = `X${String(index + 1).padStart(6, '0')}`;
	const name = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7 + 3) % WORDS.length]} ${index + 1}`;
	const customer = { ...emptyCustomer(no, name), city: WORDS[index % WORDS.length]! };
	// A quarter of them blocked, spread over the levels.
	if (index % 4 !== 3) return customer;
	const blocked = LEVELS[Math.floor(index / 4) % LEVELS.length]!;
	return { ...customer, blocked, blockReason: reason, blockedBy: GENERATOR, blockedSince: now };
}

/** An open order of `linesPerDocument` item lines, its totals those of its lines. */
function orderAt(
	index: number,
	customer: Customer,
	items: readonly Item[],
	linesPerDocument: number,
	workDate: string,
	createdAt: string
): { header: SalesHeader; lines: SalesLine[] } {
	const no = `SO-X${String(index + 1).padStart(6, '0')}`;
	const lines = Array.from({ length: linesPerDocument }, (_, line) => {
		const item = items[(index + line) % Math.max(1, items.length)];
		const quantity = 1 + ((index + line) % 5);
		return newSalesLine({
			id: `${no}-${line}`,
			documentNo: no,
			lineNo: (line + 1) * LINE_STEP,
			no: item?.no ?? '',
			description: item?.description ?? '',
			quantity,
			unitPriceCents: item?.unitPriceCents ?? 1000,
			vatPct: item?.vatPct ?? 21,
			unitOfMeasure: item?.baseUnitOfMeasure ?? 'PCS',
			qtyToShip: quantity,
			qtyToInvoice: quantity
		});
	});
	const { amountCents, amountInclVatCents } = documentTotals(lines);
	const header = newSalesHeader({
		no,
		documentType: 'Order',
		sellTo: customer,
		billTo: customer,
		workDate,
		dueDays: 30,
		createdAt
	});
	return { header: { ...header, amountCents, amountInclVatCents }, lines };
}

/** The `index`th generated invoice entry, after entry No. `last`; every third is paid. */
function entryAt(
	index: number,
	last: number,
	customerNo: string,
	workDate: string
): CustLedgerEntry {
	const amountCents = 1000 + ((index * 37) % 100_000);
	const entry = newLedgerEntry({
		entryNo: last + index + 1,
		customerNo,
		postingDate: addDays(workDate, -(index % 120)),
		documentType: 'Invoice',
		documentNo: `PSI-X${index + 1}`,
		amountCents,
		dueDate: addDays(workDate, 30 - (index % 120))
	});
	return index % 3 === 0 ? { ...entry, remainingAmountCents: 0, open: 0 } : entry;
}

/**
 * The reason generated blocks are given: Overdue, or the first reason of the table when that
 * one was deleted; an empty table gets Overdue back.
 */
async function generatedBlockReason(): Promise<string> {
	return db.transaction('rw', db.blockReasons, async () => {
		const reason =
			(await db.blockReasons.get(OVERDUE_REASON)) ??
			(await db.blockReasons.orderBy('code').first());
		if (reason) return reason.code;
		await db.blockReasons.add({ code: OVERDUE_REASON, description: '' });
		return OVERDUE_REASON;
	});
}

async function inChunks(
	total: number,
	write: (from: number, to: number) => Promise<void>,
	progress: () => void
) {
	for (let from = 0; from < total; from += CHUNK) {
		await write(from, Math.min(total, from + CHUNK));
		progress();
	}
}

/** Customers the generated orders and entries belong to when no customers are generated. */
const EXISTING_CUSTOMERS = 1_000;

/**
 * Adds a synthetic company of the given size next to what is there (customers X000001…,
 * documents SO-X…, entries), in chunks of one transaction each, reporting progress 0..1.
 * Orders and entries go to the generated customers, or (when none are generated) to customers
 * that exist; with neither it refuses before writing. Meant for training at scale and for the
 * benchmark.
 */
export async function generateCompany(
	size: CompanySize,
	onProgress: (share: number) => void = () => {},
	options: { snapshotId?: number | null } = {}
): Promise<void> {
	const workDate = await readWorkDate();
	const steps =
		Math.ceil(size.customers / CHUNK) +
		Math.ceil(size.documents / CHUNK) +
		Math.ceil(size.ledgerEntries / CHUNK);
	let done = 0;
	const progress = () => onProgress(++done / Math.max(1, steps));
	const items = await db.items.limit(10).toArray();
	const existing = size.customers > 0 ? [] : await db.customers.limit(EXISTING_CUSTOMERS).toArray();
	if (size.customers === 0 && existing.length === 0 && size.documents + size.ledgerEntries > 0) {
		throw new ValidationError(
			'scale.noCustomers',
			'Sales orders and ledger entries need customers: generate customers too, or create them first.'
		);
	}
	// From here on it writes in many transactions: marked until it finishes (see scale-generation).
	await markGenerationStarted({ snapshotId: options.snapshotId ?? null });
	const now = new Date().toISOString();
	const reason = size.customers > 0 ? await generatedBlockReason() : '';
	const customerFor = (index: number): Customer =>
		size.customers > 0
			? customerAt(index % size.customers, reason, now)
			: existing[index % existing.length]!;

	await inChunks(
		size.customers,
		async (from, to) => {
			const rows = Array.from({ length: to - from }, (_, offset) =>
				customerAt(from + offset, reason, now)
			);
			await db.transaction('rw', db.customers, () => db.customers.bulkPut(rows));
		},
		progress
	);

	await inChunks(
		size.documents,
		async (from, to) => {
			const orders = Array.from({ length: to - from }, (_, offset) => {
				const index = from + offset;
				return orderAt(index, customerFor(index * 13), items, size.linesPerDocument, workDate, now);
			});
			await db.transaction('rw', db.salesHeaders, db.salesLines, async () => {
				await db.salesHeaders.bulkPut(orders.map((order) => order.header));
				await db.salesLines.bulkPut(orders.flatMap((order) => order.lines));
			});
		},
		progress
	);

	const last = (await db.custLedgerEntries.orderBy('entryNo').last())?.entryNo ?? 0;
	await inChunks(
		size.ledgerEntries,
		async (from, to) => {
			const entries = Array.from({ length: to - from }, (_, offset) =>
				entryAt(from + offset, last, customerFor(from + offset).no, workDate)
			);
			await db.transaction(
				'rw',
				db.custLedgerEntries,
				db.customerTotals,
				db.numberSeries,
				async () => {
					await addLedgerEntries(entries);
					await db.numberSeries.put({
						code: POSTING_SERIES.entry,
						prefix: '',
						lastNo: last + to,
						increment: 1,
						width: 0
					});
				}
			);
		},
		progress
	);
	await dismissUnfinishedGeneration();
	onProgress(1);
}
