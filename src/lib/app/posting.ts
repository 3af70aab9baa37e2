import { db, type NumberSeries } from '$lib/db/db';
import type { CustomerTotals, ShipmentLine } from '$lib/domain/posted';
import { planDocumentPosting } from '$lib/domain/document-posting-plan';
import {
	planInvoiceCancel,
	planInvoiceCorrection,
	type InvoiceCancelInput
} from '$lib/domain/invoice-cancel-plan';
import { planOrderPosting } from '$lib/domain/order-posting-plan';
import {
	POSTING_SERIES,
	type Parties,
	type Planned,
	type PostingContext,
	type PostingPlan,
	type PostingResult
} from '$lib/domain/posting-plan';
import { round5 } from '$lib/domain/posting-rules';
import {
	DOCUMENT_SERIES,
	LINE_STEP,
	newSalesLine,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';
import { NotFoundError, refusalError, ValidationError } from './errors';
import { readNextEntryNo, readNextNo } from './numbering';
import { writePostingPlan } from './posting-write';
import { refuse } from './refusals';
import {
	claimDocument,
	ensureOpen,
	ensureUnchanged,
	getHeader,
	linesOf,
	refreshTotals
} from './sales-document-access';
import { readWorkDate } from './settings';

export type { PostingResult } from '$lib/domain/posting-plan';

/**
 * The posting commands: each is one read-write transaction in three steps — read the records,
 * ask the pure plan in domain (order-posting-plan.ts, document-posting-plan.ts,
 * invoice-cancel-plan.ts) what to write or why not, and write it (posting-write.ts).
 */

/** Every table a posting may touch: one read-write transaction over all of them. */
const POSTING_TABLES = () => [
	db.customers,
	db.items,
	db.paymentTerms,
	db.settings,
	db.numberSeries,
	db.salesHeaders,
	db.salesLines,
	db.shipments,
	db.shipmentLines,
	db.returnReceipts,
	db.returnReceiptLines,
	db.postedInvoices,
	db.postedInvoiceLines,
	db.postedCreditMemos,
	db.postedCreditMemoLines,
	db.custLedgerEntries,
	db.customerTotals,
	db.applications
];

/**
 * Posts a sales order (Ship, Invoice, or both) or a return order (Receive, Credit, or both),
 * all or nothing; see planOrderPosting for the rules.
 */
export async function postSalesOrder(input: {
	no: string;
	ship: boolean;
	invoice: boolean;
	/** The version the page read: a document changed since is refused (see ensureUnchanged). */
	expectedVersion?: number;
}): Promise<PostingResult> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const [header, lines] = await Promise.all([getHeader(input.no), linesOf(input.no)]);
		ensureUnchanged(header, input.expectedVersion, 'post');
		const isReturn = header.documentType === 'ReturnOrder';
		const shippedTable = isReturn ? db.returnReceiptLines : db.shipmentLines;
		const [shipped, { context, series }] = await Promise.all([
			shippedTable
				.where('orderLineId')
				.anyOf(lines.map((line) => line.id))
				.toArray(),
			readContext(
				readParties(header),
				[header.billToCustomerNo],
				isReturn ? [RECEIPTS, CREDIT_MEMOS] : [SHIPMENTS, INVOICES]
			)
		]);
		const { ship, invoice } = input;
		const plan = accepted(
			planOrderPosting({ header, lines, ship, invoice, shipped }, context),
			header.no
		);
		await writePostingPlan(plan, series);
		return plan.result;
	});
}

/**
 * Posts a sales invoice or credit memo, all or nothing; see planDocumentPosting for the rules.
 */
export async function postSalesInvoice(input: {
	no: string;
	expectedVersion?: number;
}): Promise<PostingResult> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const [header, lines] = await Promise.all([getHeader(input.no), linesOf(input.no)]);
		ensureUnchanged(header, input.expectedVersion, 'post');
		const fromShipments = lines.map((line) => line.shipmentLineId).filter((id) => id !== '');
		const [shipmentLines, { context, series }] = await Promise.all([
			db.shipmentLines.bulkGet(fromShipments).then(found),
			readContext(
				readParties(header),
				[header.billToCustomerNo],
				header.documentType === 'CreditMemo' ? [CREDIT_MEMOS] : [SHIPMENTS, INVOICES]
			)
		]);
		const orders = await readOrdersBehind(shipmentLines);
		const plan = accepted(
			planDocumentPosting({ header, lines, shipmentLines, ...orders }, context),
			header.no
		);
		await writePostingPlan(plan, series);
		return plan.result;
	});
}

/** Cancel: posts a credit memo for the whole posted invoice and applies the two entries. */
export async function cancelPostedInvoice(input: { no: string }): Promise<string> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const read = await readPostedInvoice(input.no, [CREDIT_MEMOS]);
		const plan = accepted(planInvoiceCancel(read.input, read.context), input.no);
		await writePostingPlan(plan, read.series);
		return plan.result.creditMemoNo!;
	});
}

/** Correct: cancels the posted invoice and opens a new invoice with the same lines. */
export async function correctPostedInvoice(input: { no: string }): Promise<string> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const read = await readPostedInvoice(input.no, [CREDIT_MEMOS, NEW_INVOICES]);
		const { billTo } = read;
		const [workDate, terms] = await Promise.all([
			readWorkDate(),
			billTo?.paymentTermsCode ? db.paymentTerms.get(billTo.paymentTermsCode) : undefined
		]);
		const start = { workDate, dueDays: terms?.dueDays ?? 0, createdAt: new Date().toISOString() };
		const plan = accepted(planInvoiceCorrection({ ...read.input, start }, read.context), input.no);
		await writePostingPlan(plan, read.series);
		return plan.newDocument!.header.no;
	});
}

/** The plan, or its refusal thrown: a policy refusal is recorded first (see refuse). */
function accepted(planned: Planned, documentNo: string): PostingPlan {
	if (planned.ok) return planned.plan;
	if ('blocked' in planned) refuse(planned.blocked.decision, planned.blocked.action, documentNo);
	if ('missing' in planned) throw new NotFoundError(planned.missing.what, planned.missing.no);
	throw refusalError(planned.refusal);
}

/* The read step ---------------------------------------------------------------------------- */

interface Keyed {
	get(key: string): Promise<unknown>;
}

/** A series a posting may draw from, and the table whose keys its numbers are. */
type Draw = readonly [code: string, table: () => Keyed];

const SHIPMENTS: Draw = [POSTING_SERIES.shipment, () => db.shipments];
const RECEIPTS: Draw = [POSTING_SERIES.receipt, () => db.returnReceipts];
const INVOICES: Draw = [POSTING_SERIES.invoice, () => db.postedInvoices];
const CREDIT_MEMOS: Draw = [POSTING_SERIES.creditMemo, () => db.postedCreditMemos];
const NEW_INVOICES: Draw = [DOCUMENT_SERIES.Invoice, () => db.salesHeaders];

function found<T>(records: ReadonlyArray<T | undefined>): T[] {
	return records.filter((record): record is T => record !== undefined);
}

/** A document's sell-to and bill-to, the bill-to resolved as when the document was made. */
async function readParties(header: SalesHeader): Promise<Parties> {
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
 * Reads what every posting needs besides its document, side by side: the customers, the ledger
 * totals of `customerNos`, and the next free number of each series it may draw from.
 */
async function readContext(
	parties: Promise<Parties>,
	customerNos: readonly string[],
	draws: readonly Draw[]
): Promise<{ context: PostingContext; series: Map<string, NumberSeries> }> {
	const [read, totals, entry, nos] = await Promise.all([
		parties,
		db.customerTotals.bulkGet([...new Set(customerNos)]),
		readNextEntryNo(POSTING_SERIES.entry),
		Promise.all(
			draws.map(([code, table]) =>
				readNextNo(code, async (no) => (await table().get(no)) !== undefined)
			)
		)
	]);
	const series = new Map<string, NumberSeries>([[POSTING_SERIES.entry, entry.series]]);
	for (const next of nos) series.set(next.series.code, next.series);
	const context: PostingContext = {
		parties: read,
		totals: new Map(found<CustomerTotals>(totals).map((row) => [row.customerNo, row])),
		nextNos: Object.fromEntries(nos.map((next) => [next.series.code, next.no])),
		nextEntryNo: entry.entryNo,
		newId: () => crypto.randomUUID()
	};
	return { context, series };
}

/** The orders behind invoiced shipment lines: their headers and all their lines. */
async function readOrdersBehind(
	shipmentLines: readonly ShipmentLine[]
): Promise<{ orderHeaders: SalesHeader[]; orderLines: SalesLine[] }> {
	const orderLineIds = shipmentLines.map((line) => line.orderLineId).filter((id) => id !== '');
	if (orderLineIds.length === 0) return { orderHeaders: [], orderLines: [] };
	const behind = found(await db.salesLines.bulkGet(orderLineIds));
	const orderNos = [...new Set(behind.map((line) => line.documentNo))];
	const [orderHeaders, orderLines] = await Promise.all([
		db.salesHeaders.bulkGet(orderNos).then(found),
		db.salesLines.where('documentNo').anyOf(orderNos).toArray()
	]);
	return { orderHeaders, orderLines };
}

/** A posted invoice with its lines, entry and customers, for Cancel and Correct. */
async function readPostedInvoice(no: string, draws: readonly Draw[]) {
	const [invoice, lines, entry] = await Promise.all([
		db.postedInvoices.get(no),
		db.postedInvoiceLines.where('documentNo').equals(no).sortBy('lineNo'),
		db.custLedgerEntries.where('documentNo').equals(no).first()
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
	const [[, billTo], read] = await Promise.all([
		customers,
		readContext(parties, customerNos, draws)
	]);
	const input: InvoiceCancelInput = { no, invoice, lines, entry };
	return { input, billTo, ...read };
}

/* Get Shipment Lines ------------------------------------------------------------------------ */

/** Shipment lines an invoice may take: same bill-to, something left to invoice, not on another invoice. */
export async function shipmentLinesToInvoice(billToCustomerNo: string): Promise<ShipmentLine[]> {
	const candidates = await db.shipmentLines
		.where('billToCustomerNo')
		.equals(billToCustomerNo)
		.toArray();
	const open = candidates.filter((line) => line.quantity - line.quantityInvoiced > 0);
	const taken = new Set(
		(
			await db.salesLines
				.where('shipmentLineId')
				.anyOf(open.map((line) => line.id))
				.toArray()
		).map((line) => line.shipmentLineId)
	);
	return open
		.filter((line) => !taken.has(line.id))
		.sort((a, b) => a.shipmentNo.localeCompare(b.shipmentNo) || a.lineNo - b.lineNo);
}

/**
 * Get Shipment Lines: adds posted shipment lines of the invoice's bill-to customer, with
 * what is left to invoice, each linked to its shipment line. A line already on another
 * open invoice is refused.
 */
export async function getShipmentLines(input: {
	invoiceNo: string;
	shipmentLineIds: string[];
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines, db.shipmentLines], async () => {
		const header = await getHeader(input.invoiceNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		if (header.documentType !== 'Invoice') {
			throw new ValidationError('error.notAnInvoice', `${header.no} is not a sales invoice.`, {
				no: header.no
			});
		}
		ensureOpen(header);
		const last = await db.salesLines
			.where('[documentNo+lineNo]')
			.between([header.no, -Infinity], [header.no, Infinity])
			.last();
		let lineNo = last?.lineNo ?? 0;
		for (const id of input.shipmentLineIds) {
			const shipmentLine = await db.shipmentLines.get(id);
			const left = shipmentLine ? round5(shipmentLine.quantity - shipmentLine.quantityInvoiced) : 0;
			const taken = (await db.salesLines.where('shipmentLineId').equals(id).count()) > 0;
			if (
				!shipmentLine ||
				shipmentLine.billToCustomerNo !== header.billToCustomerNo ||
				left <= 0 ||
				taken
			) {
				throw new ValidationError(
					'error.shipmentLineTaken',
					'This shipment line cannot be invoiced here: it is invoiced, on another invoice, or for another customer.',
					{ no: shipmentLine?.shipmentNo ?? id }
				);
			}
			lineNo += LINE_STEP;
			await db.salesLines.add(
				newSalesLine({
					id: crypto.randomUUID(),
					documentNo: header.no,
					lineNo,
					no: shipmentLine.no,
					description: shipmentLine.description,
					quantity: left,
					unitPriceCents: shipmentLine.unitPriceCents,
					lineDiscountPct: shipmentLine.lineDiscountPct,
					vatPct: shipmentLine.vatPct,
					unitOfMeasure: shipmentLine.unitOfMeasure,
					quantityShipped: left,
					qtyToInvoice: left,
					shipmentNo: shipmentLine.shipmentNo,
					shipmentLineId: shipmentLine.id
				})
			);
		}
		await refreshTotals(header.no);
	});
}
