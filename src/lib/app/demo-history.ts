import type { Customer, PaymentTerms } from '$lib/domain/customer';
import { addDays } from '$lib/domain/dates';
import type { Item } from '$lib/domain/item';
import type { ReminderTerms } from '$lib/domain/receivables';
import { DemoBook, type DemoRows } from './demo-book';

/**
 * The demo company's last four months, told relative to the work date so that something is
 * always overdue, shipped or waiting: what every page and exercise has to show at once.
 *
 * | Customer | Story |
 * | --- | --- |
 * | C00030 | pays on time: three invoices paid, one open and not yet due |
 * | C00080 | an invoice 40 days overdue, reminded at level 1 |
 * | C00090 | bill-to of C00100: an invoice paid, one of C00100's partly paid |
 * | C00100 | sells to C00090's account: an open order |
 * | C00110 | an invoice 10 days overdue, partly paid |
 * | C00120 | an invoice 70 days overdue (reminded at level 1), one on hold, one 20 days overdue |
 * | C00130 | an order shipped and not invoiced |
 * | C00140 | paid cash on delivery; an open order and an open quote |
 * | C00150 | an order shipped and not invoiced; an open quote |
 *
 * The customers blocked in the demo (C00040, C00050, C00060, C00070) have no history, so
 * every block level can be tried on a customer with one.
 */
export function demoHistory(input: {
	workDate: string;
	customers: readonly Customer[];
	items: readonly Item[];
	paymentTerms: readonly PaymentTerms[];
	reminderTerms: readonly ReminderTerms[];
}): DemoRows {
	const book = new DemoBook(
		new Map(input.customers.map((customer) => [customer.no, customer])),
		new Map(input.items.map((item) => [item.no, item])),
		new Map(input.paymentTerms.map((terms) => [terms.code, terms])),
		new Map(input.reminderTerms.map((terms) => [terms.code, terms]))
	);
	const day = (offset: number) => addDays(input.workDate, offset);
	const remaining = (invoiceNo: string) => book.entryOf(invoiceNo).remainingAmountCents;
	const payInFull = (date: number, customerNo: string, invoiceNo: string) =>
		book.payment(day(date), customerNo, remaining(invoiceNo), invoiceNo);
	const payPart = (date: number, customerNo: string, invoiceNo: string, share: number) =>
		book.payment(day(date), customerNo, Math.round(remaining(invoiceNo) * share), invoiceNo);

	// In date order, as a clerk would have posted it; entry Nos. follow the dates.
	const antwerp1 = book.invoice(day(-115), 'C00030', [
		['I1040', 20],
		['I1100', 50]
	]);
	const utrecht1 = book.invoice(day(-105), 'C00080', [['I1030', 40]]);
	const rotterdam1 = book.invoice(day(-100), 'C00090', [['I1080', 12]]);
	book.invoice(day(-100), 'C00120', [['I1010', 6]]);
	const maastricht1 = book.invoice(day(-90), 'C00110', [['I1100', 40]]);
	payInFull(-88, 'C00030', antwerp1);
	payInFull(-80, 'C00080', utrecht1);
	const antwerp2 = book.invoice(day(-75), 'C00030', [['I1010', 4]]);
	payInFull(-72, 'C00090', rotterdam1);
	payInFull(-70, 'C00110', maastricht1);
	book.invoice(day(-70), 'C00080', [
		['I1070', 30],
		['I1090', 1]
	]);
	const eindhoven1 = book.invoice(day(-65), 'C00130', [['I1080', 8]]);
	book.remind(day(-60), 'C00120');
	const kortrijkDisputed = book.invoice(day(-60), 'C00120', [['I1060', 50]]);
	const hasselt1 = book.invoice(day(-50), 'C00100', [['I1050', 3]]);
	book.invoice(day(-50), 'C00120', [['I1040', 12]]);
	payInFull(-47, 'C00030', antwerp2);
	const antwerp3 = book.invoice(day(-40), 'C00030', [
		['I1040', 10],
		['I1060', 12]
	]);
	payInFull(-38, 'C00130', eindhoven1);
	book.hold(kortrijkDisputed, 'DSP');
	const oostende1 = book.invoice(day(-30), 'C00140', [['I1030', 20]]);
	payInFull(-30, 'C00140', oostende1);
	book.remind(day(-30), 'C00080');
	const maastricht2 = book.invoice(day(-24), 'C00110', [
		['I1100', 100],
		['I1040', 5]
	]);
	payPart(-18, 'C00090', hasselt1, 0.5);
	payInFull(-12, 'C00030', antwerp3);
	const eindhovenOrder = book.document('Order', day(-10), 'C00130', [
		['I1080', 16],
		['I1090', 1]
	]);
	const liegeOrder = book.document('Order', day(-9), 'C00150', [
		['I1040', 30],
		['I1100', 200]
	]);
	book.invoice(day(-8), 'C00030', [['I1020', 2]]);
	book.ship(eindhovenOrder, day(-7));
	payPart(-6, 'C00110', maastricht2, 0.4);
	book.ship(liegeOrder, day(-5));
	book.document('Order', day(-4), 'C00100', [
		['I1050', 2],
		['I1090', 1]
	]);
	book.document('Quote', day(-3), 'C00150', [['I1060', 40]]);
	book.document('Order', day(-2), 'C00140', [['I1030', 25]]);
	book.document('Quote', day(-1), 'C00140', [['I1070', 10]]);
	return book.rows();
}
