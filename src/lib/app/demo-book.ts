import type { NumberSeries } from '$lib/db/db';
import { documentTotals } from '$lib/domain/amounts';
import type { Customer, PaymentTerms } from '$lib/domain/customer';
import type { Item } from '$lib/domain/item';
import { planDocumentPosting } from '$lib/domain/document-posting-plan';
import { planJournalPosting } from '$lib/domain/journal-posting-plan';
import { planOrderPosting } from '$lib/domain/order-posting-plan';
import type {
	Application,
	CustLedgerEntry,
	CustomerTotals,
	PostedInvoice,
	PostedLine,
	Shipment,
	ShipmentLine
} from '$lib/domain/posted';
import { POSTING_SERIES, type Planned, type PostingPlan } from '$lib/domain/posting-plan';
import type { Reminder, ReminderTerms } from '$lib/domain/receivables';
import { planReminderIssue, planReminders } from '$lib/domain/reminder-plan';
import {
	DOCUMENT_SERIES,
	LINE_STEP,
	newSalesHeader,
	newSalesLine,
	type SalesDocumentType,
	type SalesHeader,
	type SalesLine
} from '$lib/domain/sales-document';
import { transactionCounter } from './applications';
import { DEFAULT_SERIES, formatNo } from './numbering';

/**
 * The demo company's books kept in memory: documents are made, posted, paid and reminded by
 * the domain's own plans (the ones the commands use), in date order, and the rows they write
 * are kept here until the reset writes them all in one transaction. So the history is as
 * consistent as a clerk's: kept totals, applications and numbers agree with the entries.
 */

/** What the history adds to the company, by table, and the last No. of each series it drew. */
export interface DemoRows {
	salesHeaders: SalesHeader[];
	salesLines: SalesLine[];
	shipments: Shipment[];
	shipmentLines: ShipmentLine[];
	postedInvoices: PostedInvoice[];
	postedInvoiceLines: PostedLine[];
	custLedgerEntries: CustLedgerEntry[];
	applications: Application[];
	customerTotals: CustomerTotals[];
	reminders: Reminder[];
	numberSeries: NumberSeries[];
}

/** A line of a demo document: an item and its quantity. */
export type DemoLine = [itemNo: string, quantity: number];

export class DemoBook {
	private readonly headers = new Map<string, SalesHeader>();
	private readonly lines = new Map<string, SalesLine>();
	private readonly shipments = new Map<string, Shipment>();
	private readonly shipmentLines = new Map<string, ShipmentLine>();
	private readonly invoices = new Map<string, PostedInvoice>();
	private readonly invoiceLines: PostedLine[] = [];
	private readonly entries = new Map<number, CustLedgerEntry>();
	private readonly applications: Application[] = [];
	private readonly totals = new Map<string, CustomerTotals>();
	private readonly reminders = new Map<string, Reminder>();
	private readonly series = new Map(DEFAULT_SERIES.map((row) => [row.code, { ...row }]));
	private lastEntryNo = 0;
	private lastTransactionNo = 0;
	private lastId = 0;

	constructor(
		private readonly customers: ReadonlyMap<string, Customer>,
		private readonly items: ReadonlyMap<string, Item>,
		private readonly paymentTerms: ReadonlyMap<string, PaymentTerms>,
		private readonly reminderTerms: ReadonlyMap<string, ReminderTerms>
	) {}

	/** Ids are plain strings, as the app's random ones: these are numbered, so a reset is repeatable. */
	private readonly newId = () => `demo-${++this.lastId}`;

	private peek(code: string): string {
		const row = this.series.get(code)!;
		return formatNo(row, row.lastNo + row.increment);
	}

	private draw(code: string): string {
		const no = this.peek(code);
		this.series.get(code)!.lastNo += this.series.get(code)!.increment;
		return no;
	}

	private customer(no: string): Customer {
		const customer = this.customers.get(no);
		if (!customer) throw new Error(`The demo names customer ${no}, which it does not have.`);
		return customer;
	}

	/** An open sales document of `type` for the customer, dated `date`, with item lines. */
	document(type: SalesDocumentType, date: string, customerNo: string, lines: DemoLine[]): string {
		const sellTo = this.customer(customerNo);
		const billTo = this.customer(sellTo.billToCustomerNo || sellTo.no);
		const header = newSalesHeader({
			no: this.draw(DOCUMENT_SERIES[type]),
			documentType: type,
			sellTo,
			billTo,
			workDate: date,
			dueDays: this.paymentTerms.get(billTo.paymentTermsCode)?.dueDays ?? 0,
			createdAt: `${date}T09:00:00.000Z`
		});
		const rows = lines.map(([itemNo, quantity], index) => {
			const item = this.items.get(itemNo)!;
			const line = newSalesLine({
				id: this.newId(),
				documentNo: header.no,
				lineNo: (index + 1) * LINE_STEP,
				no: item.no,
				description: item.description,
				unitOfMeasure: item.baseUnitOfMeasure,
				unitPriceCents: item.unitPriceCents,
				vatPct: item.vatPct,
				quantity,
				qtyToShip: type === 'Order' ? quantity : 0,
				qtyToInvoice: type === 'Order' ? quantity : 0
			});
			this.lines.set(line.id, line);
			return line;
		});
		const { amountCents, amountInclVatCents } = documentTotals(rows);
		this.headers.set(header.no, { ...header, amountCents, amountInclVatCents });
		return header.no;
	}

	private linesOf(no: string): SalesLine[] {
		return [...this.lines.values()].filter((line) => line.documentNo === no);
	}

	private context(header: SalesHeader) {
		return {
			parties: {
				sellToNo: header.sellToCustomerNo,
				sellTo: this.customer(header.sellToCustomerNo),
				billToNo: header.billToCustomerNo,
				billTo: this.customer(header.billToCustomerNo)
			},
			totals: this.totals,
			nextNos: Object.fromEntries(
				[POSTING_SERIES.shipment, POSTING_SERIES.invoice].map((code) => [code, this.peek(code)])
			),
			nextEntryNo: this.lastEntryNo + 1,
			newId: this.newId
		};
	}

	/** Posts an invoice of its own lines on `date` (it ships them too); returns the posted No. */
	invoice(date: string, customerNo: string, lines: DemoLine[]): string {
		const no = this.document('Invoice', date, customerNo, lines);
		const header = this.headers.get(no)!;
		const planned = planDocumentPosting(
			{ header, lines: this.linesOf(no), shipmentLines: [], orderHeaders: [], orderLines: [] },
			this.context(header)
		);
		return this.write(planned).result.invoiceNo!;
	}

	/** Ships what an open order has to ship, on `date`; returns the posted shipment No. */
	ship(orderNo: string, date: string): string {
		const header = { ...this.headers.get(orderNo)!, postingDate: date };
		const planned = planOrderPosting(
			{ header, lines: this.linesOf(orderNo), ship: true, invoice: false, shipped: [] },
			this.context(header)
		);
		return this.write(planned).result.shipmentNo!;
	}

	private write(planned: Planned): PostingPlan {
		if (!planned.ok)
			throw new Error(`The demo history cannot be posted: ${JSON.stringify(planned)}`);
		const { plan } = planned;
		for (const line of plan.shipment?.lines ?? []) this.shipmentLines.set(line.id, line);
		if (plan.shipment) this.shipments.set(plan.shipment.header.no, plan.shipment.header);
		if (plan.posted?.kind === 'invoice') {
			this.invoices.set(plan.posted.header.no, plan.posted.header);
			this.invoiceLines.push(...plan.posted.lines);
		}
		this.writeLedger(plan.ledger);
		for (const { id, changes } of plan.lineChanges) {
			this.lines.set(id, { ...this.lines.get(id)!, ...changes });
		}
		for (const { no, changes } of plan.headerChanges) {
			this.headers.set(no, { ...this.headers.get(no)!, ...changes });
		}
		for (const { no, lineIds } of plan.deleted) {
			this.headers.delete(no);
			for (const id of lineIds) this.lines.delete(id);
		}
		for (const code of new Set(plan.drawn)) if (code !== POSTING_SERIES.entry) this.draw(code);
		return plan;
	}

	private writeLedger(ledger: Pick<PostingPlan['ledger'], 'added' | 'changed' | 'totals'>): void {
		for (const entry of ledger.added) {
			this.entries.set(entry.entryNo, entry);
			this.lastEntryNo = Math.max(this.lastEntryNo, entry.entryNo);
		}
		for (const { change } of ledger.changed) {
			this.entries.set(change.entryNo, { ...this.entries.get(change.entryNo)!, ...change });
		}
		for (const totals of ledger.totals) this.totals.set(totals.customerNo, totals);
	}

	/** The ledger entry of a posted document. */
	entryOf(documentNo: string): CustLedgerEntry {
		return [...this.entries.values()].find((entry) => entry.documentNo === documentNo)!;
	}

	/** A payment on `date`, applied to the posted invoice `appliesTo`, through the journal's plan. */
	payment(date: string, customerNo: string, amountCents: number, appliesTo: string): void {
		const customer = this.customer(customerNo);
		const planned = planJournalPosting({
			lines: [
				{
					id: this.newId(),
					lineNo: 10_000,
					postingDate: date,
					documentType: 'Payment',
					documentNo: this.draw('CASHRCPT'),
					customerNo,
					description: '',
					amountCents,
					appliesToDocNo: appliesTo,
					appliesToEntries: []
				}
			],
			customers: new Map([[customerNo, customer]]),
			entries: [...this.entries.values()].filter((entry) => entry.customerNo === customerNo),
			records: this.applications,
			totals: this.totals,
			nextEntryNo: this.lastEntryNo + 1,
			lastTransactionNo: this.lastTransactionNo,
			newId: this.newId
		});
		if (!planned.ok)
			throw new Error(`The demo payment cannot be posted: ${planned.refusal.message}`);
		this.writeLedger(planned.plan.ledger);
		this.applications.push(...planned.plan.applications);
		this.lastTransactionNo = planned.plan.lastTransactionNo ?? this.lastTransactionNo;
	}

	/** Puts the entry of a posted document on hold with `code`. */
	hold(documentNo: string, code: string): void {
		const entry = this.entryOf(documentNo);
		this.entries.set(entry.entryNo, { ...entry, onHold: code });
	}

	/** Create Reminders for one customer at `date`, and Issue what it created. */
	remind(date: string, customerNo: string): void {
		const customer = this.customer(customerNo);
		const run = planReminders({
			documentDate: date,
			includeOnHold: false,
			entries: [...this.entries.values()].filter(
				(entry) => entry.customerNo === customerNo && entry.open === 1
			),
			customers: new Map([[customerNo, customer]]),
			terms: this.reminderTerms,
			withOpenReminder: new Set()
		});
		for (const document of run.documents) {
			const reminder = { ...document, no: this.draw('REMINDER') };
			const issued = planReminderIssue({
				reminder,
				entries: [...this.entries.values()],
				issuedNo: this.draw('ISSREM'),
				nextEntryNo: this.lastEntryNo + 1,
				totals: this.totals.get(customerNo)
			});
			if (!issued.ok)
				throw new Error(`The demo reminder cannot be issued: ${issued.refusal.message}`);
			this.writeLedger({ ...issued.plan.ledger, changed: [] });
			for (const { entryNo, noOfReminders } of issued.plan.reminded) {
				this.entries.set(entryNo, { ...this.entries.get(entryNo)!, noOfReminders });
			}
			this.reminders.set(reminder.no, {
				...reminder,
				status: 'Issued',
				issuedNo: issued.plan.issuedNo
			});
		}
	}

	/** Everything written, ready for one bulk write per table. */
	rows(): DemoRows {
		const entrySeries = { code: POSTING_SERIES.entry, prefix: '', increment: 1, width: 0 };
		return {
			salesHeaders: [...this.headers.values()],
			salesLines: [...this.lines.values()],
			shipments: [...this.shipments.values()],
			shipmentLines: [...this.shipmentLines.values()],
			postedInvoices: [...this.invoices.values()],
			postedInvoiceLines: this.invoiceLines,
			custLedgerEntries: [...this.entries.values()],
			applications: this.applications,
			customerTotals: [...this.totals.values()],
			reminders: [...this.reminders.values()],
			numberSeries: [
				...[...this.series.values()].filter(
					(row) => row.lastNo !== DEFAULT_SERIES.find((known) => known.code === row.code)?.lastNo
				),
				{ ...entrySeries, lastNo: this.lastEntryNo },
				transactionCounter(this.lastTransactionNo)
			]
		};
	}
}
