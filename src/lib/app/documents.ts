import { db } from '$lib/db/db';
import { documentTotals, hasAtMostDecimals, QUANTITY_DECIMALS } from '$lib/domain/amounts';
import type { Customer } from '$lib/domain/customer';
import { checkBound, checkDocumentTotal, type BoundKind } from '$lib/domain/bounds';
import { addDays, isIsoDate } from '$lib/domain/dates';
import {
	CREATE_ACTION,
	DOCUMENT_SERIES,
	SALES_DOCUMENT_TYPES,
	type EditableHeaderField,
	type EditableLineField,
	type SalesDocumentType,
	documentVersion,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/documents';
import { decideForDocument, type Action } from '$lib/domain/policy';
import { outstandingQuantity, round5, withDefaultQuantities } from '$lib/domain/posting';
import {
	DocumentChangedError,
	NotFoundError,
	ValidationError,
	type DocumentChangeVerb
} from './errors';
import { refuse } from './refusals';
import { nextNo } from './numbering';
import { readWorkDate } from './settings';

/** The tables a command that creates a document touches. */
export const CREATE_TABLES = () => [
	db.customers,
	db.salesHeaders,
	db.salesLines,
	db.numberSeries,
	db.settings,
	db.paymentTerms
];

export const LINE_STEP = 10_000;
const EXTERNAL_NO_MAX = 35;

async function getCustomer(no: string): Promise<Customer> {
	const customer = await db.customers.get(no);
	if (!customer) throw new NotFoundError('Customer', no);
	return customer;
}

/**
 * Re-reads the sell-to and bill-to inside the caller's transaction and asks the policy, for
 * each action in turn (the first refused one throws): a page that decided on an older copy
 * still gets the current answer.
 */
export async function customersAllowed(
	sellToNo: string,
	billToNo: string | undefined,
	action: Action | readonly Action[],
	documentNo = ''
): Promise<{ sellTo: Customer; billTo: Customer }> {
	const sellTo = await getCustomer(sellToNo);
	const resolvedBillTo = billToNo || sellTo.billToCustomerNo || sellTo.no;
	const billTo = resolvedBillTo === sellTo.no ? sellTo : await getCustomer(resolvedBillTo);
	for (const asked of typeof action === 'string' ? [action] : action) {
		const decision = decideForDocument(sellTo, billTo, asked);
		if (!decision.allowed) refuse(decision, asked, documentNo);
	}
	return { sellTo, billTo };
}

async function dueDateFor(billTo: Customer, documentDate: string): Promise<string> {
	const terms = billTo.paymentTermsCode
		? await db.paymentTerms.get(billTo.paymentTermsCode)
		: undefined;
	return addDays(documentDate, terms?.dueDays ?? 0);
}

/** Writes a new header for checked customers; call inside a transaction over CREATE_TABLES. */
export async function addHeader(
	documentType: SalesDocumentType,
	sellTo: Customer,
	billTo: Customer,
	externalDocumentNo = ''
): Promise<SalesHeader> {
	const workDate = await readWorkDate();
	const no = await nextNo(
		DOCUMENT_SERIES[documentType],
		async (candidate) => (await db.salesHeaders.get(candidate)) !== undefined
	);
	const header: SalesHeader = {
		no,
		documentType,
		sellToCustomerNo: sellTo.no,
		sellToName: sellTo.name,
		billToCustomerNo: billTo.no,
		billToName: billTo.name,
		documentDate: workDate,
		postingDate: workDate,
		dueDate: await dueDateFor(billTo, workDate),
		externalDocumentNo,
		status: 'Open',
		createdAt: new Date().toISOString(),
		amountCents: 0,
		amountInclVatCents: 0,
		version: 0
	};
	await db.salesHeaders.add(header);
	return header;
}

export async function getHeader(no: string): Promise<SalesHeader> {
	const header = await db.salesHeaders.get(no);
	if (!header) throw new NotFoundError('Document', no);
	return header;
}

/** A released document cannot be edited (Business Central: "Status must be equal to Open"). */
function ensureOpen(header: SalesHeader): void {
	if (header.status !== 'Open') {
		throw new ValidationError('error.released', `Status must be Open in ${header.no}.`, {
			no: header.no
		});
	}
}

/**
 * Optimistic concurrency: refuses when the page read another version of the document than the
 * one stored (another window changed it since). Without an expected version (a script, a
 * test) nothing is checked.
 */
export function ensureUnchanged(
	header: SalesHeader,
	expectedVersion: number | undefined,
	verb: DocumentChangeVerb
): void {
	if (expectedVersion !== undefined && expectedVersion !== documentVersion(header)) {
		throw new DocumentChangedError(header, verb);
	}
}

/**
 * First step of a command that changes a document: checks the version the page read, then
 * raises it by one. Called once per command, so a page knows the version its own save leaves.
 */
export async function claimDocument(
	header: SalesHeader,
	expectedVersion: number | undefined,
	verb: DocumentChangeVerb
): Promise<void> {
	ensureUnchanged(header, expectedVersion, verb);
	await db.salesHeaders.update(header.no, { version: documentVersion(header) + 1 });
}

/** Marks a document changed by a command on another one (its lines were ordered or invoiced). */
export async function touchDocument(no: string): Promise<void> {
	const header = await db.salesHeaders.get(no);
	if (header) await db.salesHeaders.update(no, { version: documentVersion(header) + 1 });
}

export async function linesOf(documentNo: string): Promise<SalesLine[]> {
	return db.salesLines
		.where('[documentNo+lineNo]')
		.between([documentNo, -Infinity], [documentNo, Infinity])
		.toArray();
}

/**
 * Keeps the header's totals equal to its lines; call after every line change, inside the
 * command's transaction. A change that takes the total past its bound (domain/bounds.ts)
 * throws, so the command writes nothing; a total that was already past it (written before
 * the bounds existed) may still go down.
 */
export async function refreshTotals(documentNo: string): Promise<void> {
	const totals = documentTotals(await linesOf(documentNo));
	const refusal = checkDocumentTotal(totals);
	const before = refusal ? (await db.salesHeaders.get(documentNo))?.amountInclVatCents : 0;
	if (refusal && totals.amountInclVatCents > (before ?? 0)) {
		throw new ValidationError(refusal.key, refusal.message, refusal.values);
	}
	await db.salesHeaders.update(documentNo, {
		amountCents: totals.amountCents,
		amountInclVatCents: totals.amountInclVatCents
	});
}

/** Copies lines into another document with fresh ids; blanket bookkeeping is not copied. */
async function copyLines(
	lines: readonly SalesLine[],
	documentNo: string,
	quantities?: ReadonlyMap<string, number>
): Promise<void> {
	const copies = lines
		.filter((line) => !quantities || (quantities.get(line.id) ?? 0) > 0)
		.map((line, index) => {
			const quantity = quantities?.get(line.id) ?? line.quantity;
			return {
				...line,
				id: crypto.randomUUID(),
				documentNo,
				lineNo: (index + 1) * LINE_STEP,
				quantity,
				quantityOrdered: 0,
				blanketOrderNo: quantities ? line.documentNo : '',
				blanketOrderLineId: quantities ? line.id : '',
				qtyToShip: quantity,
				quantityShipped: 0,
				qtyToInvoice: quantity,
				quantityInvoiced: 0,
				shipmentNo: '',
				shipmentLineId: ''
			};
		});
	await db.salesLines.bulkAdd(copies);
	await refreshTotals(documentNo);
}

/** Gives back to blanket orders what deleted order lines had taken from them. */
async function releaseBlanketQuantities(lines: readonly SalesLine[]): Promise<void> {
	for (const line of lines) {
		if (!line.blanketOrderLineId) continue;
		const blanketLine = await db.salesLines.get(line.blanketOrderLineId);
		if (blanketLine) {
			await db.salesLines.update(blanketLine.id, {
				quantityOrdered: Math.max(0, blanketLine.quantityOrdered - line.quantity)
			});
			await touchDocument(blanketLine.documentNo);
		}
	}
}

function hasSomethingToSell(lines: readonly SalesLine[]): boolean {
	return lines.some((line) => line.type === 'Item' && line.no !== '' && line.quantity > 0);
}

/**
 * Creates a sales header for a customer and returns its No. Re-reads the sell-to and the
 * bill-to inside the transaction and asks the policy, so a stale page cannot slip past a
 * block set meanwhile: a refusal throws BlockedError before anything is written.
 */
export async function createSalesDocument(input: {
	documentType: SalesDocumentType;
	sellToCustomerNo: string;
	billToCustomerNo?: string;
}): Promise<string> {
	const { documentType } = input;
	if (!SALES_DOCUMENT_TYPES.includes(documentType)) {
		throw new ValidationError(
			'error.documentTypeInvalid',
			`${documentType} is not a document type.`
		);
	}
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const { sellTo, billTo } = await customersAllowed(
			input.sellToCustomerNo,
			input.billToCustomerNo,
			CREATE_ACTION[documentType]
		);
		return (await addHeader(documentType, sellTo, billTo)).no;
	});
}

/**
 * Changes the sell-to customer of an open document; the bill-to follows the new customer's
 * Bill-to Customer No. Both must pass the create rule of the document type.
 */
export async function changeSellToCustomer(input: {
	no: string;
	customerNo: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', CREATE_TABLES(), async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const { sellTo, billTo } = await customersAllowed(
			input.customerNo,
			undefined,
			CREATE_ACTION[header.documentType],
			header.no
		);
		await db.salesHeaders.update(header.no, {
			sellToCustomerNo: sellTo.no,
			sellToName: sellTo.name,
			billToCustomerNo: billTo.no,
			billToName: billTo.name,
			dueDate: await dueDateFor(billTo, header.documentDate)
		});
	});
}

/** Changes the bill-to customer of an open document, checked with the document's create rule. */
export async function changeBillToCustomer(input: {
	no: string;
	customerNo: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', CREATE_TABLES(), async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const { billTo } = await customersAllowed(
			header.sellToCustomerNo,
			input.customerNo || header.sellToCustomerNo,
			CREATE_ACTION[header.documentType],
			header.no
		);
		await db.salesHeaders.update(header.no, {
			billToCustomerNo: billTo.no,
			billToName: billTo.name,
			dueDate: await dueDateFor(billTo, header.documentDate)
		});
	});
}

/** Saves one header field of an open document: dates or External Document No. */
export async function updateHeaderField(input: {
	no: string;
	field: EditableHeaderField;
	value: string;
	expectedVersion?: number;
}): Promise<void> {
	const value = input.value.trim();
	if (input.field === 'externalDocumentNo') {
		if (value.length > EXTERNAL_NO_MAX) {
			throw new ValidationError(
				'error.tooLong',
				'The text is too long.',
				{ max: EXTERNAL_NO_MAX },
				input.field
			);
		}
	} else if (!isIsoDate(value)) {
		throw new ValidationError(
			'error.dateInvalid',
			`${value} is not a valid date.`,
			{},
			input.field
		);
	}
	await db.transaction('rw', [db.salesHeaders, db.customers, db.paymentTerms], async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const changes: Partial<SalesHeader> = { [input.field]: value };
		if (input.field === 'documentDate') {
			changes.dueDate = await dueDateFor(await getCustomer(header.billToCustomerNo), value);
		}
		await db.salesHeaders.update(header.no, changes);
	});
}

/** Adds an empty line at the end of an open document and returns its id. */
export async function addLine(input: {
	documentNo: string;
	type?: SalesLine['type'];
	expectedVersion?: number;
}): Promise<string> {
	return db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		ensureOpen(header);
		const last = await db.salesLines
			.where('[documentNo+lineNo]')
			.between([header.no, -Infinity], [header.no, Infinity])
			.last();
		const line: SalesLine = {
			id: crypto.randomUUID(),
			documentNo: header.no,
			lineNo: (last?.lineNo ?? 0) + LINE_STEP,
			type: input.type ?? 'Item',
			no: '',
			description: '',
			quantity: 0,
			unitPriceCents: 0,
			lineDiscountPct: 0,
			vatPct: 0,
			unitOfMeasure: '',
			quantityOrdered: 0,
			blanketOrderNo: '',
			blanketOrderLineId: '',
			qtyToShip: 0,
			quantityShipped: 0,
			qtyToInvoice: 0,
			quantityInvoiced: 0,
			shipmentNo: '',
			shipmentLineId: ''
		};
		await db.salesLines.add(line);
		return line.id;
	});
}

function invalid(key: string, message: string, field: EditableLineField, values = {}): never {
	throw new ValidationError(key, message, values, field);
}

/** Throws the refusal of a value outside its bound (see domain/bounds.ts). */
function outOfBounds(
	kind: BoundKind,
	value: string | number,
	field: EditableLineField
): asserts value is number {
	const refusal = checkBound(kind, value as number);
	if (refusal) invalid(refusal.key, refusal.message, field, refusal.values);
}

function checkLineValue(field: EditableLineField, value: string | number, line: SalesLine): void {
	switch (field) {
		case 'type':
			if (value !== 'Item' && value !== 'Comment')
				invalid('error.lineTypeInvalid', 'Choose Item or Comment.', field);
			return;
		case 'no':
		case 'description':
			if (typeof value !== 'string' || value.length > 100) {
				invalid('error.tooLong', 'The text is too long.', field, { max: 100 });
			}
			return;
		case 'quantity':
		case 'qtyToShip':
		case 'qtyToInvoice':
			outOfBounds('quantity', value, field);
			if (value < line.quantityOrdered) {
				invalid(
					'error.belowOrdered',
					`Quantity cannot be less than ${line.quantityOrdered}, already ordered.`,
					field,
					{
						ordered: line.quantityOrdered
					}
				);
			}
			return;
		case 'unitPriceCents':
			outOfBounds('unitPrice', value, field);
			return;
		case 'lineDiscountPct':
		case 'vatPct':
			outOfBounds('percent', value, field);
			return;
	}
}

/**
 * Saves one field of a line of an open document. Choosing an item No. fills in its
 * description, unit of measure, unit price and VAT %, as Business Central does.
 */
export async function updateLine(input: {
	id: string;
	field: EditableLineField;
	value: string | number;
	expectedVersion?: number;
}): Promise<void> {
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	await db.transaction('rw', [db.salesHeaders, db.salesLines, db.items], async () => {
		const line = await db.salesLines.get(input.id);
		if (!line) throw new NotFoundError('Line', input.id);
		const planning = input.field === 'qtyToShip' || input.field === 'qtyToInvoice';
		// Qty. to Ship and Qty. to Invoice may change on a released order, as in Business Central.
		const header = await getHeader(line.documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		if (!planning) ensureOpen(header);
		checkLineValue(input.field, value, line);
		checkPostedLine(input.field, value, line);
		let changes: Partial<SalesLine> = { [input.field]: value };
		if (input.field === 'type' && value !== line.type) {
			changes = {
				type: value as SalesLine['type'],
				no: '',
				description: '',
				quantity: 0,
				unitPriceCents: 0,
				vatPct: 0,
				unitOfMeasure: ''
			};
		}
		if (input.field === 'no' && line.type === 'Item') {
			const itemNo = String(value).toUpperCase();
			const item = itemNo === '' ? undefined : await db.items.get(itemNo);
			if (itemNo !== '' && !item) {
				invalid('error.itemMissing', `Item ${itemNo} does not exist.`, 'no', { no: itemNo });
			}
			changes = item
				? {
						no: item.no,
						description: item.description,
						unitOfMeasure: item.baseUnitOfMeasure,
						unitPriceCents: item.unitPriceCents,
						vatPct: item.vatPct,
						quantity: line.quantity || 1
					}
				: { no: '' };
		}
		if ('quantity' in changes)
			Object.assign(changes, withDefaultQuantities({ ...line, ...changes }));
		await db.salesLines.update(line.id, changes);
		await refreshTotals(line.documentNo);
	});
}

/** Once part of a line is shipped or invoiced, only what is not posted may change. */
function checkPostedLine(field: EditableLineField, value: string | number, line: SalesLine): void {
	if (line.shipmentLineId) {
		invalid('error.lineFromShipment', 'A line from a posted shipment can only be deleted.', field);
	}
	const posted = line.quantityShipped > 0 || line.quantityInvoiced > 0;
	if (
		posted &&
		field !== 'quantity' &&
		field !== 'qtyToShip' &&
		field !== 'qtyToInvoice' &&
		field !== 'description'
	) {
		invalid(
			'error.linePosted',
			'This line has been posted in part; only its quantities can change.',
			field
		);
	}
	const number = Number(value);
	if (field === 'quantity' && number < Math.max(line.quantityShipped, line.quantityInvoiced)) {
		invalid(
			'error.belowPosted',
			`Quantity cannot be less than ${line.quantityShipped}, already posted.`,
			field,
			{
				posted: Math.max(line.quantityShipped, line.quantityInvoiced)
			}
		);
	}
	if (field === 'qtyToShip' && number > outstandingQuantity(line)) {
		invalid(
			'error.qtyToShipTooHigh',
			`You cannot ship more than ${outstandingQuantity(line)}.`,
			field,
			{
				max: outstandingQuantity(line)
			}
		);
	}
	if (field === 'qtyToInvoice' && number > round5(line.quantity - line.quantityInvoiced)) {
		invalid('error.qtyToInvoiceTooHigh', 'You cannot invoice more than is left.', field, {
			max: round5(line.quantity - line.quantityInvoiced)
		});
	}
}

/**
 * Deletes a line of an open document. A line already gone is no error; with its `documentNo`
 * the document's version is still checked and raised, as for any other line command.
 */
export async function deleteLine(input: {
	id: string;
	documentNo?: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const line = await db.salesLines.get(input.id);
		const documentNo = line?.documentNo ?? input.documentNo;
		if (!documentNo) return;
		const header = await getHeader(documentNo);
		await claimDocument(header, input.expectedVersion, 'edit');
		if (!line) return;
		ensureOpen(header);
		await releaseBlanketQuantities([line]);
		await db.salesLines.delete(line.id);
		await refreshTotals(line.documentNo);
	});
}

/** Releases a document; an empty document (no item line with a quantity) is refused. */
export async function releaseDocument(input: {
	no: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'release');
		if (header.status === 'Released') return;
		if (!hasSomethingToSell(await linesOf(header.no))) {
			throw new ValidationError(
				'error.nothingToRelease',
				`There is nothing to release for ${header.no}.`,
				{
					no: header.no
				}
			);
		}
		await db.salesHeaders.update(header.no, { status: 'Released' });
	});
}

/** Reopens a released document so it can be edited again. */
export async function reopenDocument(input: {
	no: string;
	expectedVersion?: number;
}): Promise<void> {
	await db.transaction('rw', db.salesHeaders, async () => {
		const header = await getHeader(input.no);
		await claimDocument(header, input.expectedVersion, 'reopen');
		await db.salesHeaders.update(input.no, { status: 'Open' });
	});
}

/** Deletes a document with its lines; order lines give their quantity back to the blanket order. */
export async function deleteDocument(input: { no: string }): Promise<void> {
	await db.transaction('rw', [db.salesHeaders, db.salesLines], async () => {
		const header = await getHeader(input.no);
		const lines = await linesOf(header.no);
		await releaseBlanketQuantities(lines);
		await db.salesLines.bulkDelete(lines.map((line) => line.id));
		await db.salesHeaders.delete(header.no);
	});
}

async function convertQuote(
	quoteNo: string,
	target: 'Order' | 'Invoice',
	expectedVersion: number | undefined
): Promise<string> {
	const action: Action = target === 'Order' ? 'quote.makeOrder' : 'quote.makeInvoice';
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const quote = await getHeader(quoteNo);
		ensureUnchanged(quote, expectedVersion, 'convert');
		if (quote.documentType !== 'Quote') {
			throw new ValidationError('error.notAQuote', `${quoteNo} is not a sales quote.`, {
				no: quoteNo
			});
		}
		const { sellTo, billTo } = await customersAllowed(
			quote.sellToCustomerNo,
			quote.billToCustomerNo,
			action
		);
		const lines = await linesOf(quote.no);
		if (!hasSomethingToSell(lines)) {
			throw new ValidationError(
				'error.nothingToConvert',
				`There is nothing to convert in ${quote.no}.`,
				{
					no: quote.no
				}
			);
		}
		const made = await addHeader(target, sellTo, billTo, quote.externalDocumentNo);
		await copyLines(lines, made.no);
		// As in Business Central, the quote is gone once it became an order or invoice.
		await db.salesLines.bulkDelete(lines.map((line) => line.id));
		await db.salesHeaders.delete(quote.no);
		return made.no;
	});
}

/** Make Order on a quote: a new order with the quote's lines; the quote is removed. */
export function makeOrderFromQuote(input: {
	quoteNo: string;
	expectedVersion?: number;
}): Promise<string> {
	return convertQuote(input.quoteNo, 'Order', input.expectedVersion);
}

/** Make Invoice on a quote: a new invoice with the quote's lines; the quote is removed. */
export function makeInvoiceFromQuote(input: {
	quoteNo: string;
	expectedVersion?: number;
}): Promise<string> {
	return convertQuote(input.quoteNo, 'Invoice', input.expectedVersion);
}

/** What is left to order on a blanket order line. */
export function remainingOnBlanket(line: SalesLine): number {
	return Math.max(0, line.quantity - line.quantityOrdered);
}

/**
 * Make Order on a blanket order for the quantities chosen per line (default: what is
 * left). The blanket order stays and records how much of each line was ordered.
 */
export async function makeOrderFromBlanket(input: {
	blanketNo: string;
	quantities?: Record<string, number>;
	expectedVersion?: number;
}): Promise<string> {
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const blanket = await getHeader(input.blanketNo);
		// The blanket order's lines record what was ordered: it changes too.
		await claimDocument(blanket, input.expectedVersion, 'convert');
		if (blanket.documentType !== 'BlanketOrder') {
			throw new ValidationError(
				'error.notABlanketOrder',
				`${blanket.no} is not a blanket sales order.`,
				{
					no: blanket.no
				}
			);
		}
		const { sellTo, billTo } = await customersAllowed(
			blanket.sellToCustomerNo,
			blanket.billToCustomerNo,
			'blanketOrder.makeOrder'
		);
		const lines = (await linesOf(blanket.no)).filter(
			(line) => line.type === 'Item' && line.no !== ''
		);
		const quantities = new Map<string, number>();
		for (const line of lines) {
			const wanted = input.quantities?.[line.id] ?? remainingOnBlanket(line);
			if (
				!(wanted >= 0) ||
				!hasAtMostDecimals(wanted, QUANTITY_DECIMALS) ||
				wanted > remainingOnBlanket(line)
			) {
				throw new ValidationError(
					'error.blanketQuantity',
					`You can order from 0 to ${remainingOnBlanket(line)} of ${line.description || line.no}.`,
					{ max: remainingOnBlanket(line), line: line.description || line.no }
				);
			}
			quantities.set(line.id, wanted);
		}
		if (![...quantities.values()].some((quantity) => quantity > 0)) {
			throw new ValidationError(
				'error.nothingToOrder',
				`There is nothing to order on ${blanket.no}.`,
				{
					no: blanket.no
				}
			);
		}
		const order = await addHeader('Order', sellTo, billTo, blanket.externalDocumentNo);
		await copyLines(lines, order.no, quantities);
		for (const line of lines) {
			const quantity = quantities.get(line.id) ?? 0;
			if (quantity > 0)
				await db.salesLines.update(line.id, { quantityOrdered: line.quantityOrdered + quantity });
		}
		return order.no;
	});
}

/**
 * Copy Document: a new document of `toType` with the lines of `fromNo`. With the header,
 * the source's customers and External Document No. come along; without it, the customer
 * given. Either way the target type's create rule applies to sell-to and bill-to.
 */
export async function copyDocument(input: {
	fromNo: string;
	toType: SalesDocumentType;
	includeHeader: boolean;
	sellToCustomerNo?: string;
	expectedVersion?: number;
}): Promise<string> {
	if (!SALES_DOCUMENT_TYPES.includes(input.toType)) {
		throw new ValidationError(
			'error.documentTypeInvalid',
			`${input.toType} is not a document type.`
		);
	}
	return db.transaction('rw', CREATE_TABLES(), async () => {
		const source = await getHeader(input.fromNo);
		ensureUnchanged(source, input.expectedVersion, 'convert');
		const sellToNo = input.includeHeader ? source.sellToCustomerNo : (input.sellToCustomerNo ?? '');
		if (!sellToNo) throw new ValidationError('error.customerRequired', 'Choose a customer.');
		const { sellTo, billTo } = await customersAllowed(
			sellToNo,
			input.includeHeader ? source.billToCustomerNo : undefined,
			CREATE_ACTION[input.toType]
		);
		const target = await addHeader(
			input.toType,
			sellTo,
			billTo,
			input.includeHeader ? source.externalDocumentNo : ''
		);
		await copyLines(await linesOf(source.no), target.no);
		return target.no;
	});
}
