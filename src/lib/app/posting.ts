import { addLedgerEntry, updateLedgerEntry } from './ledger';
import Dexie from 'dexie';
import { db } from '$lib/db/db';
import { lineAmountCents, vatCents } from '$lib/domain/amounts';
import { checkDocumentTotal } from '$lib/domain/bounds';
import type { Customer } from '$lib/domain/customer';
import { documentVersion, type SalesHeader, type SalesLine } from '$lib/domain/documents';
import type { Action } from '$lib/domain/policy';
import { decideForDocument } from '$lib/domain/policy';
import type { CustLedgerEntry, PostedHeader, PostedLine, ShipmentLine } from '$lib/domain/posted';
import {
	documentLinesToPost,
	isFullyPosted,
	orderLinesToPost,
	postingAction,
	postKindOf,
	proRataAmountCents,
	round5,
	shippedNotInvoiced,
	withDefaultQuantities
} from '$lib/domain/posting';
import {
	addHeader,
	claimDocument,
	customersAllowed,
	ensureUnchanged,
	getHeader,
	LINE_STEP,
	linesOf,
	refreshTotals,
	touchDocument
} from './documents';
import { NotFoundError, ValidationError } from './errors';
import { refuse } from './refusals';
import { nextEntryNo, nextNo } from './numbering';

/**
 * Test hook, never set in production: called before every write of a posting, so a test
 * can make any step throw and prove that nothing of the posting remains.
 */
export const postingProbe: { beforeWrite: ((step: string) => void) | null } = { beforeWrite: null };

function step(name: string): void {
	postingProbe.beforeWrite?.(name);
}

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

function nothingToPost(): never {
	throw new ValidationError('error.nothingToPost', 'There is nothing to post.');
}

async function checkPolicy(
	header: SalesHeader,
	action: Action | readonly Action[]
): Promise<{ sellTo: Customer; billTo: Customer }> {
	return customersAllowed(header.sellToCustomerNo, header.billToCustomerNo, action, header.no);
}

interface PostedLineDraft {
	line: Pick<
		SalesLine,
		| 'type'
		| 'no'
		| 'description'
		| 'unitOfMeasure'
		| 'unitPriceCents'
		| 'lineDiscountPct'
		| 'vatPct'
	>;
	quantity: number;
	amountCents: number;
}

type PostedKind = 'invoice' | 'creditMemo';

const POSTED = {
	invoice: { series: 'S-PINV', documentType: 'Invoice', sign: 1 },
	creditMemo: { series: 'S-PCR', documentType: 'Credit Memo', sign: -1 }
} as const;

/**
 * Writes a posted invoice or credit memo with its lines and the bill-to customer's ledger
 * entry (invoice +, credit memo −) and returns both.
 */
async function writePostedDocument(
	kind: PostedKind,
	header: Pick<
		SalesHeader,
		| 'sellToCustomerNo'
		| 'sellToName'
		| 'billToCustomerNo'
		| 'billToName'
		| 'postingDate'
		| 'documentDate'
		| 'dueDate'
		| 'externalDocumentNo'
	>,
	sourceNo: string,
	drafts: readonly PostedLineDraft[],
	link = ''
): Promise<{ no: string; entry: CustLedgerEntry }> {
	const { series, documentType, sign } = POSTED[kind];
	const table = kind === 'invoice' ? db.postedInvoices : db.postedCreditMemos;
	const lineTable = kind === 'invoice' ? db.postedInvoiceLines : db.postedCreditMemoLines;
	const no = await nextNo(series, async (candidate) => (await table.get(candidate)) !== undefined);
	const lines: PostedLine[] = drafts.map((draft, index) => ({
		id: crypto.randomUUID(),
		documentNo: no,
		lineNo: (index + 1) * LINE_STEP,
		type: draft.line.type,
		no: draft.line.no,
		description: draft.line.description,
		unitOfMeasure: draft.line.unitOfMeasure,
		quantity: draft.quantity,
		unitPriceCents: draft.line.unitPriceCents,
		lineDiscountPct: draft.line.lineDiscountPct,
		vatPct: draft.line.vatPct,
		amountCents: draft.amountCents,
		vatCents: vatCents(draft.amountCents, draft.line.vatPct)
	}));
	const amountCents = lines.reduce((sum, line) => sum + line.amountCents, 0);
	const vat = lines.reduce((sum, line) => sum + line.vatCents, 0);
	const posted: PostedHeader = {
		no,
		sellToCustomerNo: header.sellToCustomerNo,
		sellToName: header.sellToName,
		billToCustomerNo: header.billToCustomerNo,
		billToName: header.billToName,
		postingDate: header.postingDate,
		documentDate: header.documentDate,
		dueDate: header.dueDate,
		externalDocumentNo: header.externalDocumentNo,
		sourceNo,
		amountCents,
		vatCents: vat,
		amountInclVatCents: amountCents + vat
	};
	// Never write an amount a backup cannot hold, even from a document stored before the bounds.
	const tooLarge = checkDocumentTotal(posted);
	if (tooLarge) throw new ValidationError(tooLarge.key, tooLarge.message, tooLarge.values);
	// Header, lines and the entry No. are asked for side by side: one wait instead of three.
	step(`${kind} header`);
	const header$ =
		kind === 'invoice'
			? db.postedInvoices.add({ ...posted, cancelledBy: '' })
			: db.postedCreditMemos.add({ ...posted, cancels: link });
	step(`${kind} lines`);
	const [, , entryNo] = await Dexie.Promise.all([
		header$,
		lineTable.bulkAdd(lines),
		nextEntryNo('CLE')
	]);
	const entry: CustLedgerEntry = {
		entryNo,
		customerNo: header.billToCustomerNo,
		postingDate: header.postingDate,
		documentType,
		documentNo: no,
		description: `${documentType} ${no}`,
		amountCents: sign * posted.amountInclVatCents,
		remainingAmountCents: sign * posted.amountInclVatCents,
		dueDate: header.dueDate,
		open: posted.amountInclVatCents === 0 ? 0 : 1,
		onHold: '',
		noOfReminders: 0,
		closedByEntryNo: 0,
		closedAtDate: ''
	};
	step('ledger entry');
	await addLedgerEntry(entry);
	return { no, entry };
}

type ShipmentKind = 'shipment' | 'receipt';

/** Writes a posted shipment (or return receipt) for the given quantities of lines. */
async function writeShipment(
	kind: ShipmentKind,
	header: SalesHeader,
	quantities: ReadonlyArray<{ line: SalesLine; quantity: number; invoiced: number }>,
	orderNo: string
): Promise<{ no: string; lines: ShipmentLine[] }> {
	const table = kind === 'shipment' ? db.shipments : db.returnReceipts;
	const lineTable = kind === 'shipment' ? db.shipmentLines : db.returnReceiptLines;
	const no = await nextNo(
		kind === 'shipment' ? 'S-SHPT' : 'S-RCPT',
		async (candidate) => (await table.get(candidate)) !== undefined
	);
	step(`${kind} header`);
	const header$ = table.add({
		no,
		orderNo,
		sellToCustomerNo: header.sellToCustomerNo,
		sellToName: header.sellToName,
		billToCustomerNo: header.billToCustomerNo,
		billToName: header.billToName,
		postingDate: header.postingDate
	});
	const lines: ShipmentLine[] = quantities.map(({ line, quantity, invoiced }, index) => ({
		id: crypto.randomUUID(),
		shipmentNo: no,
		lineNo: (index + 1) * LINE_STEP,
		orderNo,
		orderLineId: orderNo === header.no && header.documentType !== 'Invoice' ? line.id : '',
		billToCustomerNo: header.billToCustomerNo,
		no: line.no,
		description: line.description,
		unitOfMeasure: line.unitOfMeasure,
		quantity,
		quantityInvoiced: invoiced,
		unitPriceCents: line.unitPriceCents,
		lineDiscountPct: line.lineDiscountPct,
		vatPct: line.vatPct
	}));
	step(`${kind} lines`);
	await Dexie.Promise.all([header$, lineTable.bulkAdd(lines)]);
	return { no, lines };
}

/**
 * Marks the quantity of each order line's shipment lines invoiced, oldest shipment first:
 * one read and one write for all the lines of a posting.
 */
async function invoiceShipmentLines(
	kind: ShipmentKind,
	quantities: ReadonlyArray<{ orderLineId: string; quantity: number }>
): Promise<void> {
	if (quantities.length === 0) return;
	const lineTable = kind === 'shipment' ? db.shipmentLines : db.returnReceiptLines;
	const shipped = await lineTable
		.where('orderLineId')
		.anyOf(quantities.map((entry) => entry.orderLineId))
		.toArray();
	shipped.sort((a, b) => a.shipmentNo.localeCompare(b.shipmentNo));
	const changes: Array<{ key: string; changes: { quantityInvoiced: number } }> = [];
	for (const { orderLineId, quantity } of quantities) {
		let left = quantity;
		for (const shipmentLine of shipped) {
			if (left <= 0) break;
			if (shipmentLine.orderLineId !== orderLineId) continue;
			const take = Math.min(left, round5(shipmentLine.quantity - shipmentLine.quantityInvoiced));
			if (take <= 0) continue;
			changes.push({
				key: shipmentLine.id,
				changes: { quantityInvoiced: round5(shipmentLine.quantityInvoiced + take) }
			});
			left = round5(left - take);
		}
	}
	if (changes.length === 0) return;
	step(`${kind} line invoiced`);
	await lineTable.bulkUpdate(changes);
}

/** Deletes a document and its lines (all of them, as read in this transaction when given). */
async function deleteDocumentWithLines(no: string, lines?: readonly SalesLine[]): Promise<void> {
	const ids = (lines ?? (await linesOf(no))).map((line) => line.id);
	step('delete document');
	await Dexie.Promise.all([db.salesLines.bulkDelete(ids), db.salesHeaders.delete(no)]);
}

export interface PostingResult {
	shipmentNo?: string;
	invoiceNo?: string;
	creditMemoNo?: string;
	/** True when the document was fully posted and removed. */
	removed: boolean;
}

/**
 * Posts a sales order (Ship, Invoice, or both) or a return order (Receive, Credit, or both),
 * all or nothing. The customers are re-read and the policy asked inside the transaction:
 * shipping is checked only when a line still has a Qty. to Ship, so a Ship-blocked customer
 * can still be invoiced for what was shipped before the block.
 */
export async function postSalesOrder(input: {
	no: string;
	ship: boolean;
	invoice: boolean;
	/** The version the page read: a document changed since is refused (see ensureUnchanged). */
	expectedVersion?: number;
}): Promise<PostingResult> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const header = await getHeader(input.no);
		ensureUnchanged(header, input.expectedVersion, 'post');
		if (header.documentType !== 'Order' && header.documentType !== 'ReturnOrder') {
			throw new ValidationError('error.notPostable', `${header.no} cannot be posted this way.`, {
				no: header.no
			});
		}
		const isReturn = header.documentType === 'ReturnOrder';
		const allLines = await linesOf(header.no);
		const lines = allLines.filter((line) => line.type === 'Item' && line.no !== '');
		const posting = postKindOf(input.ship, input.invoice);
		const { toShip, toInvoice } =
			input.ship || input.invoice
				? orderLinesToPost(lines, posting)
				: { toShip: [], toInvoice: [] };
		if (toShip.length === 0 && toInvoice.length === 0) nothingToPost();

		await checkPolicy(header, postingAction(header.documentType, lines, posting));

		const kind: ShipmentKind = isReturn ? 'receipt' : 'shipment';
		const result: PostingResult = { removed: false };
		const updated = new Map(lines.map((line) => [line.id, { ...line }]));
		// A line shipped now with nothing shipped and not invoiced before invoices from this
		// shipment alone; any other line invoices its shipments oldest first.
		const invoicedNow = new Map(toInvoice.map(({ line, quantity }) => [line.id, quantity]));
		const fromThisShipment = new Set(
			toShip.filter((line) => shippedNotInvoiced(line) === 0).map((line) => line.id)
		);
		if (toShip.length > 0) {
			const shipment = await writeShipment(
				kind,
				header,
				toShip.map((line) => ({
					line,
					quantity: line.qtyToShip,
					invoiced: fromThisShipment.has(line.id) ? (invoicedNow.get(line.id) ?? 0) : 0
				})),
				header.no
			);
			result.shipmentNo = shipment.no;
			for (const line of toShip) {
				const next = updated.get(line.id)!;
				next.quantityShipped = round5(next.quantityShipped + line.qtyToShip);
			}
		}
		if (toInvoice.length > 0) {
			const drafts = toInvoice.map(({ line, quantity }) => ({
				line,
				quantity,
				amountCents: proRataAmountCents(line, line.quantityInvoiced, quantity)
			}));
			const posted = await writePostedDocument(
				isReturn ? 'creditMemo' : 'invoice',
				header,
				header.no,
				drafts
			);
			if (isReturn) result.creditMemoNo = posted.no;
			else result.invoiceNo = posted.no;
			await invoiceShipmentLines(
				kind,
				toInvoice
					.filter(({ line }) => !fromThisShipment.has(line.id))
					.map(({ line, quantity }) => ({ orderLineId: line.id, quantity }))
			);
			for (const { line, quantity } of toInvoice) {
				const next = updated.get(line.id)!;
				next.quantityInvoiced = round5(next.quantityInvoiced + quantity);
			}
		}
		const finalLines = allLines.map((line) => updated.get(line.id) ?? line);
		if (isFullyPosted(finalLines)) {
			await deleteDocumentWithLines(header.no, allLines);
			result.removed = true;
		} else {
			step('update lines');
			await db.salesLines.bulkUpdate(
				[...updated.values()].map((line) => ({
					key: line.id,
					changes: {
						quantityShipped: line.quantityShipped,
						quantityInvoiced: line.quantityInvoiced,
						...withDefaultQuantities(line)
					}
				}))
			);
			await db.salesHeaders.update(header.no, {
				status: 'Released',
				version: documentVersion(header) + 1
			});
		}
		return result;
	});
}

/**
 * Posts a sales invoice or credit memo, all or nothing. An invoice with lines of its own
 * ships them too (a posted shipment) and is `invoice.post`; one whose lines all came from
 * Get Shipment Lines only invoices those shipments and is `invoice.postFromShipments`.
 */
export async function postSalesInvoice(input: {
	no: string;
	expectedVersion?: number;
}): Promise<PostingResult> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		const header = await getHeader(input.no);
		ensureUnchanged(header, input.expectedVersion, 'post');
		if (header.documentType !== 'Invoice' && header.documentType !== 'CreditMemo') {
			throw new ValidationError('error.notPostable', `${header.no} cannot be posted this way.`, {
				no: header.no
			});
		}
		const allLines = await linesOf(header.no);
		const lines = documentLinesToPost(allLines);
		if (lines.length === 0) nothingToPost();
		const action = postingAction(header.documentType, lines, 'post');

		if (header.documentType === 'CreditMemo') {
			await checkPolicy(header, action);
			const drafts = lines.map((line) => ({
				line,
				quantity: line.quantity,
				amountCents: lineAmountCents(line)
			}));
			const posted = await writePostedDocument('creditMemo', header, header.no, drafts);
			await deleteDocumentWithLines(header.no, allLines);
			return { creditMemoNo: posted.no, removed: true };
		}

		const own = lines.filter((line) => !line.shipmentLineId);
		const fromShipments = lines.filter((line) => line.shipmentLineId);
		await checkPolicy(header, action);

		const result: PostingResult = { removed: true };
		if (own.length > 0) {
			const shipment = await writeShipment(
				'shipment',
				header,
				own.map((line) => ({ line, quantity: line.quantity, invoiced: line.quantity })),
				header.no
			);
			result.shipmentNo = shipment.no;
		}
		for (const line of fromShipments) {
			const shipmentLine = await db.shipmentLines.get(line.shipmentLineId);
			if (!shipmentLine) throw new NotFoundError('Shipment line', line.shipmentNo);
			if (line.quantity > round5(shipmentLine.quantity - shipmentLine.quantityInvoiced)) {
				throw new ValidationError(
					'error.shipmentOverInvoiced',
					`Shipment ${line.shipmentNo} has less left to invoice.`,
					{
						no: line.shipmentNo
					}
				);
			}
			step('shipment line invoiced');
			await db.shipmentLines.update(shipmentLine.id, {
				quantityInvoiced: round5(shipmentLine.quantityInvoiced + line.quantity)
			});
			await invoiceOrderLine(shipmentLine, line.quantity);
		}
		const drafts = lines.map((line) => ({
			line,
			quantity: line.quantity,
			amountCents: lineAmountCents(line)
		}));
		result.invoiceNo = (await writePostedDocument('invoice', header, header.no, drafts)).no;
		await deleteDocumentWithLines(header.no, allLines);
		return result;
	});
}

/** The order line behind an invoiced shipment line records its Quantity Invoiced. */
async function invoiceOrderLine(shipmentLine: ShipmentLine, quantity: number): Promise<void> {
	if (!shipmentLine.orderLineId) return;
	const orderLine = await db.salesLines.get(shipmentLine.orderLineId);
	if (!orderLine) return;
	const next = { ...orderLine, quantityInvoiced: round5(orderLine.quantityInvoiced + quantity) };
	step('order line invoiced');
	await db.salesLines.update(orderLine.id, {
		quantityInvoiced: next.quantityInvoiced,
		...withDefaultQuantities(next)
	});
	await touchDocument(orderLine.documentNo);
	const orderLines = (await linesOf(orderLine.documentNo)).map((line) =>
		line.id === next.id ? next : line
	);
	if (isFullyPosted(orderLines)) await deleteDocumentWithLines(orderLine.documentNo);
}

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
		if (header.status !== 'Open') {
			throw new ValidationError('error.released', `Status must be Open in ${header.no}.`, {
				no: header.no
			});
		}
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
			await db.salesLines.add({
				id: crypto.randomUUID(),
				documentNo: header.no,
				lineNo,
				type: 'Item',
				no: shipmentLine.no,
				description: shipmentLine.description,
				quantity: left,
				unitPriceCents: shipmentLine.unitPriceCents,
				lineDiscountPct: shipmentLine.lineDiscountPct,
				vatPct: shipmentLine.vatPct,
				unitOfMeasure: shipmentLine.unitOfMeasure,
				quantityOrdered: 0,
				blanketOrderNo: '',
				blanketOrderLineId: '',
				qtyToShip: 0,
				quantityShipped: left,
				qtyToInvoice: left,
				quantityInvoiced: 0,
				shipmentNo: shipmentLine.shipmentNo,
				shipmentLineId: shipmentLine.id
			});
		}
		await refreshTotals(header.no);
	});
}

/** Cancels a posted invoice inside the caller's transaction; returns the credit memo No. */
async function cancelInvoice(no: string, action: Action): Promise<string> {
	const invoice = await db.postedInvoices.get(no);
	if (!invoice) throw new NotFoundError('Posted invoice', no);
	const sellTo = await db.customers.get(invoice.sellToCustomerNo);
	const billTo = await db.customers.get(invoice.billToCustomerNo);
	if (!sellTo || !billTo) throw new NotFoundError('Customer', invoice.billToCustomerNo);
	const decision = decideForDocument(sellTo, billTo, action);
	if (!decision.allowed) refuse(decision, action, no);
	if (invoice.cancelledBy) {
		throw new ValidationError(
			'error.alreadyCancelled',
			`${no} was cancelled by ${invoice.cancelledBy}.`,
			{
				no,
				by: invoice.cancelledBy
			}
		);
	}
	const entry = await db.custLedgerEntries.where('documentNo').equals(no).first();
	if (!entry || entry.remainingAmountCents !== entry.amountCents) {
		throw new ValidationError(
			'error.invoicePaid',
			`${no} is paid in part or in full and cannot be cancelled.`,
			{ no }
		);
	}
	const lines = await db.postedInvoiceLines.where('documentNo').equals(no).sortBy('lineNo');
	const credit = await writePostedDocument(
		'creditMemo',
		invoice,
		no,
		lines.map((line) => ({ line, quantity: line.quantity, amountCents: line.amountCents })),
		no
	);
	step('apply entries');
	await updateLedgerEntry(entry.entryNo, {
		remainingAmountCents: 0,
		open: 0,
		closedByEntryNo: credit.entry.entryNo,
		closedAtDate: invoice.postingDate
	});
	await updateLedgerEntry(credit.entry.entryNo, {
		remainingAmountCents: 0,
		open: 0,
		closedByEntryNo: entry.entryNo,
		closedAtDate: invoice.postingDate
	});
	await db.applications.add({
		id: crypto.randomUUID(),
		entryNo: entry.entryNo,
		appliedByEntryNo: credit.entry.entryNo,
		amountCents: entry.amountCents,
		postingDate: invoice.postingDate
	});
	await db.postedInvoices.update(no, { cancelledBy: credit.no });
	return credit.no;
}

/** Cancel: posts a credit memo for the whole posted invoice and applies the two entries. */
export async function cancelPostedInvoice(input: { no: string }): Promise<string> {
	return db.transaction('rw', POSTING_TABLES(), () =>
		cancelInvoice(input.no, 'postedInvoice.cancel')
	);
}

/** Correct: cancels the posted invoice and opens a new invoice with the same lines. */
export async function correctPostedInvoice(input: { no: string }): Promise<string> {
	return db.transaction('rw', POSTING_TABLES(), async () => {
		await cancelInvoice(input.no, 'postedInvoice.correct');
		const invoice = (await db.postedInvoices.get(input.no))!;
		const { sellTo, billTo } = await customersAllowed(
			invoice.sellToCustomerNo,
			invoice.billToCustomerNo,
			'postedInvoice.correct'
		);
		const header = await addHeader('Invoice', sellTo, billTo, invoice.externalDocumentNo);
		const lines = await db.postedInvoiceLines.where('documentNo').equals(input.no).sortBy('lineNo');
		await db.salesLines.bulkAdd(
			lines.map((line, index) => ({
				id: crypto.randomUUID(),
				documentNo: header.no,
				lineNo: (index + 1) * LINE_STEP,
				type: line.type,
				no: line.no,
				description: line.description,
				quantity: line.quantity,
				unitPriceCents: line.unitPriceCents,
				lineDiscountPct: line.lineDiscountPct,
				vatPct: line.vatPct,
				unitOfMeasure: line.unitOfMeasure,
				quantityOrdered: 0,
				blanketOrderNo: '',
				blanketOrderLineId: '',
				qtyToShip: line.quantity,
				quantityShipped: 0,
				qtyToInvoice: line.quantity,
				quantityInvoiced: 0,
				shipmentNo: '',
				shipmentLineId: ''
			}))
		);
		await refreshTotals(header.no);
		return header.no;
	});
}
