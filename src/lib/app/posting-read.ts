import { db, type NumberSeries } from '$lib/db/db';
import type { InvoiceCancelInput } from '$lib/domain/invoice-cancel-plan';
import type { CustomerTotals, ShipmentLine } from '$lib/domain/posted';
import { POSTING_SERIES, type Parties, type PostingContext } from '$lib/domain/posting-plan';
import { DOCUMENT_SERIES, type SalesHeader, type SalesLine } from '$lib/domain/sales-document';
import { readNextEntryNo, readNextNo } from './numbering';

/**
 * The read step of the posting commands (posting.ts): what a posting reads inside its
 * transaction before the plan is asked, in as few rounds as the data allows. Numbers need nothing
 * of the document, so they are read beside it; what the document names is read in one round
 * after it.
 */

interface Keyed {
	get(key: string): Promise<unknown>;
}

/** A series a posting may draw from, and the table whose keys its numbers are. */
export type Draw = readonly [code: string, table: () => Keyed];

export const SHIPMENTS: Draw = [POSTING_SERIES.shipment, () => db.shipments];
export const RECEIPTS: Draw = [POSTING_SERIES.receipt, () => db.returnReceipts];
export const INVOICES: Draw = [POSTING_SERIES.invoice, () => db.postedInvoices];
export const CREDIT_MEMOS: Draw = [POSTING_SERIES.creditMemo, () => db.postedCreditMemos];
export const NEW_INVOICES: Draw = [DOCUMENT_SERIES.Invoice, () => db.salesHeaders];

export function found<T>(records: ReadonlyArray<T | undefined>): T[] {
	return records.filter((record): record is T => record !== undefined);
}

/** The next free numbers a posting may draw, and the series as they are stored when drawn. */
export interface Numbers {
	nextNos: Record<string, string>;
	nextEntryNo: number;
	series: Map<string, NumberSeries>;
}

/**
 * Reads the next free number of each series in `draws` and the next ledger entry No. They need
 * nothing of the document, so a command reads them in its first round beside the document.
 */
export async function readNumbers(draws: readonly Draw[]): Promise<Numbers> {
	const [entry, nos] = await Promise.all([
		readNextEntryNo(POSTING_SERIES.entry),
		Promise.all(
			draws.map(([code, table]) =>
				readNextNo(code, async (no) => (await table().get(no)) !== undefined)
			)
		)
	]);
	const series = new Map<string, NumberSeries>([[POSTING_SERIES.entry, entry.series]]);
	for (const next of nos) series.set(next.series.code, next.series);
	return {
		nextNos: Object.fromEntries(nos.map((next) => [next.series.code, next.no])),
		nextEntryNo: entry.entryNo,
		series
	};
}

/** A document's sell-to and bill-to, the bill-to resolved as when the document was made. */
export async function readParties(header: SalesHeader): Promise<Parties> {
	const sellToNo = header.sellToCustomerNo;
	const [sellTo, billTo] = await db.customers.bulkGet([
		sellToNo,
		header.billToCustomerNo || sellToNo
	]);
	if (header.billToCustomerNo) {
		return { sellToNo, sellTo, billToNo: header.billToCustomerNo, billTo };
	}
	const billToNo = sellTo ? sellTo.billToCustomerNo || sellTo.no : sellToNo;
	const resolved = billToNo === sellToNo ? sellTo : await db.customers.get(billToNo);
	return { sellToNo, sellTo, billToNo, billTo: resolved };
}

/**
 * What every posting needs besides its document and numbers, read side by side: the customers
 * and the ledger totals of `customerNos`.
 */
export async function readContext(
	parties: Promise<Parties>,
	customerNos: readonly string[],
	numbers: Numbers
): Promise<PostingContext> {
	const [read, totals] = await Promise.all([
		parties,
		db.customerTotals.bulkGet([...new Set(customerNos)])
	]);
	return {
		parties: read,
		totals: new Map(found<CustomerTotals>(totals).map((row) => [row.customerNo, row])),
		nextNos: numbers.nextNos,
		nextEntryNo: numbers.nextEntryNo,
		newId: () => crypto.randomUUID()
	};
}

/**
 * The orders behind invoiced shipment lines: their headers and all their lines, found by the
 * order No. each shipment line carries (one round).
 */
export async function readOrdersBehind(
	shipmentLines: readonly ShipmentLine[]
): Promise<{ orderHeaders: SalesHeader[]; orderLines: SalesLine[] }> {
	const orderNos = [
		...new Set(shipmentLines.filter((line) => line.orderLineId !== '').map((line) => line.orderNo))
	];
	if (orderNos.length === 0) return { orderHeaders: [], orderLines: [] };
	const [orderHeaders, orderLines] = await Promise.all([
		db.salesHeaders.bulkGet(orderNos).then(found),
		db.salesLines.where('documentNo').anyOf(orderNos).toArray()
	]);
	return { orderHeaders, orderLines };
}

/** A posted invoice with its lines, entry and customers, for Cancel and Correct. */
export async function readPostedInvoice(no: string, draws: readonly Draw[]) {
	const [invoice, lines, entry, numbers] = await Promise.all([
		db.postedInvoices.get(no),
		db.postedInvoiceLines.where('documentNo').equals(no).sortBy('lineNo'),
		db.custLedgerEntries.where('documentNo').equals(no).first(),
		readNumbers(draws)
	]);
	const sellToNo = invoice?.sellToCustomerNo ?? '';
	const billToNo = invoice?.billToCustomerNo ?? '';
	const customers = db.customers.bulkGet([sellToNo, billToNo]);
	const parties = customers.then(([sellTo, billTo]): Parties => ({
		sellToNo,
		sellTo,
		billToNo,
		billTo
	}));
	const customerNos = [billToNo, ...(entry ? [entry.customerNo] : [])];
	const [[, billTo], context] = await Promise.all([
		customers,
		readContext(parties, customerNos, numbers)
	]);
	const input: InvoiceCancelInput = { no, invoice, lines, entry };
	return { input, billTo, context, series: numbers.series };
}
