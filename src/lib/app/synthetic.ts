import { addLedgerEntries } from './ledger';
import { db } from '$lib/db/db';
import { documentTotals } from '$lib/domain/amounts';
import { searchTermsOf, type Customer } from '$lib/domain/customer';
import { addDays } from '$lib/domain/dates';
import type { SalesHeader, SalesLine } from '$lib/domain/sales-document';
import type { CustLedgerEntry } from '$lib/domain/posted';
import type { Blocked } from '$lib/domain/policy';
import { emptyCustomer } from './customers';
import { ValidationError } from './errors';
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
const LEVELS: Blocked[] = ['Ship', 'Invoice', 'All'];

function customerAt(index: number): Customer {
	const no = `X${String(index + 1).padStart(6, '0')}`;
	const name = `${WORDS[index % WORDS.length]} ${WORDS[(index * 7 + 3) % WORDS.length]} ${index + 1}`;
	// A quarter of them blocked, spread over the levels.
	const blocked: Blocked = index % 4 === 3 ? LEVELS[Math.floor(index / 4) % LEVELS.length]! : '';
	return {
		...emptyCustomer(no),
		name,
		city: WORDS[index % WORDS.length]!,
		blocked,
		searchTerms: searchTermsOf(no, name)
	};
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
	onProgress: (share: number) => void = () => {}
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
	const customerFor = (index: number): Customer =>
		size.customers > 0 ? customerAt(index % size.customers) : existing[index % existing.length]!;

	await inChunks(
		size.customers,
		async (from, to) => {
			const rows = Array.from({ length: to - from }, (_, offset) => customerAt(from + offset));
			await db.transaction('rw', db.customers, () => db.customers.bulkPut(rows));
		},
		progress
	);

	await inChunks(
		size.documents,
		async (from, to) => {
			const headers: SalesHeader[] = [];
			const lines: SalesLine[] = [];
			for (let index = from; index < to; index++) {
				const customer = customerFor(index * 13);
				const no = `SO-X${String(index + 1).padStart(6, '0')}`;
				const own: SalesLine[] = Array.from({ length: size.linesPerDocument }, (_, line) => {
					const item = items[(index + line) % Math.max(1, items.length)];
					const quantity = 1 + ((index + line) % 5);
					return {
						id: `${no}-${line}`,
						documentNo: no,
						lineNo: (line + 1) * 10_000,
						type: 'Item',
						no: item?.no ?? '',
						description: item?.description ?? '',
						quantity,
						unitPriceCents: item?.unitPriceCents ?? 1000,
						lineDiscountPct: 0,
						vatPct: item?.vatPct ?? 21,
						unitOfMeasure: item?.baseUnitOfMeasure ?? 'PCS',
						quantityOrdered: 0,
						blanketOrderNo: '',
						blanketOrderLineId: '',
						qtyToShip: quantity,
						quantityShipped: 0,
						qtyToInvoice: quantity,
						quantityInvoiced: 0,
						shipmentNo: '',
						shipmentLineId: ''
					};
				});
				const totals = documentTotals(own);
				headers.push({
					no,
					documentType: 'Order',
					sellToCustomerNo: customer.no,
					sellToName: customer.name,
					billToCustomerNo: customer.no,
					billToName: customer.name,
					documentDate: workDate,
					postingDate: workDate,
					dueDate: addDays(workDate, 30),
					externalDocumentNo: '',
					status: 'Open',
					createdAt: new Date().toISOString(),
					amountCents: totals.amountCents,
					amountInclVatCents: totals.amountInclVatCents
				});
				lines.push(...own);
			}
			await db.transaction('rw', db.salesHeaders, db.salesLines, async () => {
				await db.salesHeaders.bulkPut(headers);
				await db.salesLines.bulkPut(lines);
			});
		},
		progress
	);

	const last = (await db.custLedgerEntries.orderBy('entryNo').last())?.entryNo ?? 0;
	await inChunks(
		size.ledgerEntries,
		async (from, to) => {
			const entries: CustLedgerEntry[] = Array.from({ length: to - from }, (_, offset) => {
				const index = from + offset;
				const amount = 1000 + ((index * 37) % 100_000);
				const paid = index % 3 === 0;
				return {
					entryNo: last + index + 1,
					customerNo: customerFor(index).no,
					postingDate: addDays(workDate, -(index % 120)),
					documentType: 'Invoice',
					documentNo: `PSI-X${index + 1}`,
					description: `Invoice PSI-X${index + 1}`,
					amountCents: amount,
					remainingAmountCents: paid ? 0 : amount,
					dueDate: addDays(workDate, 30 - (index % 120)),
					open: paid ? 0 : 1,
					onHold: '',
					noOfReminders: 0,
					closedByEntryNo: 0,
					closedAtDate: ''
				};
			});
			await db.transaction(
				'rw',
				db.custLedgerEntries,
				db.customerTotals,
				db.numberSeries,
				async () => {
					await addLedgerEntries(entries);
					await db.numberSeries.put({
						code: 'CLE',
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
	onProgress(1);
}
