import { db } from '$lib/db/db';
import type { CustLedgerEntry, ShipmentLine } from '$lib/domain/posted';
import { planDocumentPosting } from '$lib/domain/document-posting-plan';
import { planInvoiceCancel, planInvoiceCorrection } from '$lib/domain/invoice-cancel-plan';
import { planOrderPosting } from '$lib/domain/order-posting-plan';
import type { Planned, PostingPlan, PostingResult } from '$lib/domain/posting-plan';
import { round5 } from '$lib/domain/posting-rules';
import { LINE_STEP, newSalesLine } from '$lib/domain/sales-document';
import { NotFoundError, refusalError, ValidationError } from './errors';
import {
	CREDIT_MEMOS,
	INVOICES,
	NEW_INVOICES,
	RECEIPTS,
	SHIPMENTS,
	found,
	readContext,
	readNumbers,
	readOrdersBehind,
	readParties,
	readPostedInvoice
} from './posting-read';
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
}): Promise<PostingOutcome> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		// First round: the order, its lines and the next numbers of every series an order or a
		// return order may draw from (the type is not known yet; reading both costs no round).
		const [header, lines, numbers] = await Promise.all([
			getHeader(input.no),
			linesOf(input.no),
			readNumbers([SHIPMENTS, INVOICES, RECEIPTS, CREDIT_MEMOS])
		]);
		ensureUnchanged(header, input.expectedVersion, 'post');
		const isReturn = header.documentType === 'ReturnOrder';
		const shippedTable = isReturn ? db.returnReceiptLines : db.shipmentLines;
		// Second round: everything the order names.
		const [shipped, context] = await Promise.all([
			shippedTable
				.where('orderLineId')
				.anyOf(lines.map((line) => line.id))
				.toArray(),
			readContext(readParties(header), [header.billToCustomerNo], numbers)
		]);
		const { ship, invoice } = input;
		const plan = accepted(
			planOrderPosting({ header, lines, ship, invoice, shipped }, context),
			header.no
		);
		await writePostingPlan(plan, numbers.series, {
			headers: [header],
			lines,
			shipmentLines: shipped
		});
		return outcomeOf(plan);
	});
}

/**
 * Posts a sales invoice or credit memo, all or nothing; see planDocumentPosting for the rules.
 */
export async function postSalesInvoice(input: {
	no: string;
	expectedVersion?: number;
}): Promise<PostingOutcome> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const [header, lines, numbers] = await Promise.all([
			getHeader(input.no),
			linesOf(input.no),
			readNumbers([SHIPMENTS, INVOICES, CREDIT_MEMOS])
		]);
		ensureUnchanged(header, input.expectedVersion, 'post');
		const fromShipments = lines.map((line) => line.shipmentLineId).filter((id) => id !== '');
		const [shipmentLines, context] = await Promise.all([
			fromShipments.length > 0 ? db.shipmentLines.bulkGet(fromShipments).then(found) : [],
			readContext(readParties(header), [header.billToCustomerNo], numbers)
		]);
		// Only an invoice of Get Shipment Lines reads a third time: the orders behind them.
		const orders = await readOrdersBehind(shipmentLines);
		const plan = accepted(
			planDocumentPosting({ header, lines, shipmentLines, ...orders }, context),
			header.no
		);
		await writePostingPlan(plan, numbers.series, {
			headers: orders.orderHeaders,
			lines: orders.orderLines,
			shipmentLines
		});
		return outcomeOf(plan);
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

/**
 * What a posting of a sales document gives its page: the plan's result (the numbers, and the
 * posted invoice or credit memo as written) and the ledger entry it wrote, so that the page can
 * show the posted document without reading it back.
 */
export interface PostingOutcome extends PostingResult {
	entry?: CustLedgerEntry;
}

function outcomeOf(plan: PostingPlan): PostingOutcome {
	const no = plan.posted?.header.no;
	const entry = no ? plan.ledger.added.find((added) => added.documentNo === no) : undefined;
	return entry ? { ...plan.result, entry } : plan.result;
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
