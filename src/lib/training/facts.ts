import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import { readWorkDate } from '$lib/app/settings';
import type { DunningFacts, Mark, Names, TrainingFacts } from './checks';

/**
 * The read side of the exercises, as the app layer's queries: what the checks of a step read
 * from the company's database (`readFacts`, live in `factsQuery`), and the mark a step's facts
 * are counted from (`readMark`). Nothing here decides; checks.ts does.
 */

/** The tables the facts and the marks are read from. */
export const FACT_TABLES = () => [
	db.settings,
	db.customers,
	db.changeLog,
	db.custLedgerEntries,
	db.applications,
	db.salesHeaders,
	db.shipments,
	db.shipmentLines,
	db.reminders,
	db.financeChargeMemos
];

/** Quantity invoiced of the shipment lines of each order, now. */
async function invoicedOf(orders: Iterable<string>): Promise<Record<string, number>> {
	const invoiced: Record<string, number> = {};
	for (const order of orders) {
		const shipments = await db.shipments.where('orderNo').equals(order).primaryKeys();
		const lines = await db.shipmentLines.where('shipmentNo').anyOf(shipments).toArray();
		invoiced[order] = lines.reduce((sum, line) => sum + line.quantityInvoiced, 0);
	}
	return invoiced;
}

/** What the company holds now, for the facts of the next step to be counted from. */
export async function readMark(names: Names): Promise<Mark> {
	const at = new Date().toISOString();
	const [
		workDate,
		last,
		documents,
		shipments,
		reminders,
		issuedReminders,
		memos,
		issuedMemos,
		changesAt
	] = await Promise.all([
		readWorkDate(),
		db.custLedgerEntries.orderBy('entryNo').last(),
		db.salesHeaders.toCollection().primaryKeys(),
		db.shipments.toCollection().primaryKeys(),
		db.reminders.toCollection().primaryKeys(),
		db.reminders.where('status').equals('Issued').primaryKeys(),
		db.financeChargeMemos.toCollection().primaryKeys(),
		db.financeChargeMemos.where('status').equals('Issued').primaryKeys(),
		db.changeLog.where('at').aboveOrEqual(at).primaryKeys()
	]);
	return {
		at,
		changesAt: changesAt.map(String),
		workDate,
		lastEntryNo: last?.entryNo ?? 0,
		documents,
		shipments,
		reminders,
		issuedReminders,
		financeChargeMemos: memos,
		issuedFinanceChargeMemos: issuedMemos,
		invoiced: await invoicedOf(names.orders)
	};
}

function dunningFacts(document: {
	no: string;
	customerNo: string;
	status: string;
	lines: { documentNo: string }[];
}): DunningFacts {
	return {
		no: document.no,
		customerNo: document.customerNo,
		issued: document.status === 'Issued',
		documents: document.lines.map((line) => line.documentNo)
	};
}

/** The facts of a step: the records it names as they are now, and what is new since `mark`. */
export async function readFacts(mark: Mark, names: Names): Promise<TrainingFacts> {
	const customerNos = [...names.customers];
	const documentNos = [...names.documents];
	const [
		workDate,
		customers,
		changes,
		entries,
		newEntries,
		newApplications,
		documents,
		newDocuments,
		newShipments,
		reminders,
		memos
	] = await Promise.all([
		readWorkDate(),
		db.customers.bulkGet(customerNos),
		// From the mark's own millisecond on, less what was already there when it was taken: a
		// change made in the same millisecond as the mark still counts.
		db.changeLog
			.where('at')
			.aboveOrEqual(mark.at)
			.filter((entry) => !(mark.changesAt ?? []).includes(String(entry.id)))
			.sortBy('at'),
		db.custLedgerEntries.where('documentNo').anyOf(documentNos).toArray(),
		db.custLedgerEntries.where('entryNo').above(mark.lastEntryNo).toArray(),
		db.applications.where('appliedByEntryNo').above(mark.lastEntryNo).toArray(),
		db.salesHeaders.bulkGet(documentNos),
		db.salesHeaders.where('no').noneOf(mark.documents).toArray(),
		db.shipments.where('no').noneOf(mark.shipments).toArray(),
		db.reminders.toArray(),
		db.financeChargeMemos.toArray()
	]);
	const document = (header: (typeof newDocuments)[number]) => ({
		no: header.no,
		type: header.documentType,
		sellTo: header.sellToCustomerNo,
		billTo: header.billToCustomerNo
	});
	return {
		mark,
		workDate,
		customers: Object.fromEntries(
			customers
				.filter((customer) => customer !== undefined)
				.map((customer) => [
					customer.no,
					{
						blocked: customer.blocked,
						privacyBlocked: customer.privacyBlocked,
						blockedUntil: customer.blockedUntil
					}
				])
		),
		changes,
		// The first entry of a document No.: its own, not a later one that carries the same No.
		entries: Object.fromEntries(
			entries
				.sort((a, b) => b.entryNo - a.entryNo)
				.map((entry) => [
					entry.documentNo,
					{ entryNo: entry.entryNo, customerNo: entry.customerNo, onHold: entry.onHold }
				])
		),
		newEntries: newEntries.map(({ entryNo, customerNo, documentType }) => ({
			entryNo,
			customerNo,
			documentType
		})),
		newApplications: newApplications
			.filter((application) => !application.unapplied)
			.map(({ entryNo, appliedByEntryNo }) => ({ entryNo, appliedByEntryNo })),
		documents: Object.fromEntries(
			documents
				.filter((header) => header !== undefined)
				.map((header) => [header.no, document(header)])
		),
		newDocuments: newDocuments.map(document),
		newShipments: newShipments.map((shipment) => ({
			no: shipment.no,
			orderNo: shipment.orderNo,
			billTo: shipment.billToCustomerNo
		})),
		invoiced: await invoicedOf(names.orders),
		reminders: reminders.map(dunningFacts),
		financeChargeMemos: memos.map(dunningFacts)
	};
}

/** The facts of a step, read again after every change of the tables they come from. */
export function factsQuery(mark: Mark, names: Names): Observable<TrainingFacts> {
	return liveQuery(() => readFacts(mark, names));
}
