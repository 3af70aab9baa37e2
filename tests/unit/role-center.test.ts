import { describe, expect, it } from 'vitest';
import type { Observable } from 'dexie';
import { db } from '$lib/db/db';
import { DEMO_REMINDER_TERMS } from '$lib/app/demo-data';
import {
	orderCueListQuery,
	overdueEntriesQuery,
	refusedAttemptsOnQuery,
	remindersToIssueQuery
} from '$lib/app/cue-list-queries';
import { postSalesOrder } from '$lib/app/posting';
import { refusalsRecorded } from '$lib/app/refusals';
import { createReminders, issueReminder } from '$lib/app/reminders';
import {
	readBlockedCues,
	readOpenQuotes,
	readOrderCues,
	readOverdueCues,
	readRefusedOn,
	readRemindersToIssue
} from '$lib/app/role-center-queries';
import { createSalesDocument, releaseDocument } from '$lib/app/sales-headers';
import { updateLine } from '$lib/app/sales-lines';
import { setWorkDate } from '$lib/app/settings';
import { generateCompany } from '$lib/app/synthetic';
import { todayIso } from '$lib/domain/dates';
import { blockOf, givenCustomer, givenDocument, givenInvoiceEntry, type Level } from '../factories';

const WORK_DATE = '2026-03-01';

function firstValueFrom<T>(observable: Observable<T>): Promise<T> {
	return new Promise((resolve, reject) => {
		const subscription = observable.subscribe({
			next: (value) => {
				resolve(value);
				setTimeout(() => subscription.unsubscribe());
			},
			error: reject
		});
	});
}

async function linesOf(no: string) {
	return db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
}

/**
 * A small company with something for every cue: customers at each block level, orders in
 * every state of shipping and invoicing (and a received return order, which is no order),
 * quotes open and released, entries overdue, not due, offset by a credit and closed,
 * reminders created and issued, and refused attempts today and yesterday.
 */
async function givenCompany() {
	await setWorkDate({ workDate: WORK_DATE });
	const levels: Level[] = ['Ship', 'Ship', 'Invoice', 'All', 'All', 'Privacy', '', ''];
	const blocked = [];
	for (const level of levels) blocked.push(await givenCustomer(blockOf(level)));
	const shipBlocked = blocked[0]!;
	const seller = await givenCustomer();

	// Orders. A: nothing shipped. B: all shipped, nothing invoiced. C: part shipped.
	// D: one line shipped and invoiced, the other not shipped. F: all done (deleted). E: no lines.
	const a = await givenDocument('Order', seller.no, [[3, 1000]]);
	const b = await givenDocument('Order', seller.no, [[2, 1000]]);
	await postSalesOrder({ no: b, ship: true, invoice: false });
	const c = await givenDocument('Order', seller.no, [[5, 1000]]);
	await updateLine({ id: (await linesOf(c))[0]!.id, field: 'qtyToShip', value: 2 });
	await postSalesOrder({ no: c, ship: true, invoice: false });
	const d = await givenDocument('Order', seller.no, [
		[1, 1000],
		[4, 500]
	]);
	const second = (await linesOf(d))[1]!.id;
	await updateLine({ id: second, field: 'qtyToShip', value: 0 });
	await updateLine({ id: second, field: 'qtyToInvoice', value: 0 });
	await postSalesOrder({ no: d, ship: true, invoice: true });
	const f = await givenDocument('Order', seller.no, [[1, 1000]]);
	await postSalesOrder({ no: f, ship: true, invoice: true });
	await givenDocument('Order', seller.no);
	const returnOrder = await givenDocument('ReturnOrder', seller.no, [[1, 1000]]);
	await postSalesOrder({ no: returnOrder, ship: true, invoice: false });

	// Quotes: two open, one released.
	await givenDocument('Quote', seller.no, [[1, 1000]]);
	await givenDocument('Quote', seller.no);
	await releaseDocument({ no: await givenDocument('Quote', seller.no, [[1, 1000]]) });

	// Entries. X1 owes 100 overdue and 50 not due; X2's overdue 70 is offset by a credit memo;
	// X3 owes 30 one day overdue (and a closed entry); X4's entry is due on the work date.
	await db.reminderTerms.bulkPut(DEMO_REMINDER_TERMS);
	const dunned = { reminderTermsCode: DEMO_REMINDER_TERMS[0]!.code };
	const [x1, x2, x3, x4] = [
		await givenCustomer(dunned),
		await givenCustomer(dunned),
		await givenCustomer(dunned),
		await givenCustomer()
	];
	await givenInvoiceEntry(x1.no, 10_000, '2026-01-15');
	await givenInvoiceEntry(x1.no, 5_000, '2026-04-01');
	await givenInvoiceEntry(x2.no, 7_000, '2026-02-01');
	await givenInvoiceEntry(x2.no, -7_000, '2026-02-10', { documentType: 'Credit Memo' });
	await givenInvoiceEntry(x3.no, 3_000, '2026-02-28');
	await givenInvoiceEntry(x3.no, 9_999, '2026-01-01', { open: 0, remainingAmountCents: 0 });
	await givenInvoiceEntry(x4.no, 2_000, WORK_DATE);

	// Reminders for X1 and X2 (X3 is within the grace period); X2's is issued.
	await createReminders({});
	const x2Reminder = await db.reminders.where('customerNo').equals(x2.no).first();
	await issueReminder({ no: x2Reminder!.no });

	// A refused attempt now, and one recorded yesterday.
	await expect(
		createSalesDocument({ documentType: 'Order', sellToCustomerNo: shipBlocked.no })
	).rejects.toThrow(/blocked/);
	await refusalsRecorded();
	const startOfToday = new Date(`${todayIso()}T00:00:00`);
	await db.refusedAttempts.add({
		id: 'yesterday',
		at: new Date(startOfToday.getTime() - 60_000).toISOString(),
		action: 'order.create',
		customerNo: shipBlocked.no,
		documentNo: '',
		message: 'refused yesterday'
	});
	return { orders: { a, b, c, d, f }, x1, x3 };
}

/** The cues' figures computed here from whole tables, by plain reading of the rules. */
async function expectedFigures() {
	const [customers, headers, lines, entries, reminders, attempts] = await Promise.all([
		db.customers.toArray(),
		db.salesHeaders.toArray(),
		db.salesLines.toArray(),
		db.custLedgerEntries.toArray(),
		db.reminders.toArray(),
		db.refusedAttempts.toArray()
	]);
	const orderNos = new Set(headers.filter((h) => h.documentType === 'Order').map((h) => h.no));
	const orderLines = lines.filter((line) => orderNos.has(line.documentNo) && line.type === 'Item');
	const dueByCustomer = new Map<string, number>();
	for (const entry of entries) {
		if (entry.open === 1 && entry.dueDate < WORK_DATE) {
			dueByCustomer.set(
				entry.customerNo,
				(dueByCustomer.get(entry.customerNo) ?? 0) + entry.remainingAmountCents
			);
		}
	}
	const today = todayIso();
	return {
		blocked: {
			Ship: customers.filter((c) => c.blocked === 'Ship').length,
			Invoice: customers.filter((c) => c.blocked === 'Invoice').length,
			All: customers.filter((c) => c.blocked === 'All').length
		},
		openQuotes: headers.filter((h) => h.documentType === 'Quote' && h.status === 'Open').length,
		toShip: new Set(
			orderLines.filter((l) => l.quantity > l.quantityShipped).map((l) => l.documentNo)
		),
		shippedNotInvoiced: new Set(
			orderLines.filter((l) => l.quantityShipped > l.quantityInvoiced).map((l) => l.documentNo)
		),
		overdueCents: [...dueByCustomer.values()].reduce((sum, cents) => sum + cents, 0),
		overdueCustomers: [...dueByCustomer.values()].filter((cents) => cents > 0).length,
		remindersToIssue: reminders.filter((r) => r.status === 'Open').length,
		// The clerk's calendar day of each attempt, as the clerk's clock gives it.
		refusedToday: attempts.filter((a) => todayIso(new Date(a.at)) === today).length
	};
}

describe('Role Center cues', () => {
	it('count what the tables hold, computed here independently', async () => {
		const { orders } = await givenCompany();
		const expected = await expectedFigures();

		expect(await readBlockedCues()).toEqual(expected.blocked);
		expect(await readOpenQuotes()).toBe(expected.openQuotes);
		expect(await readOrderCues()).toEqual({
			toShip: expected.toShip.size,
			shippedNotInvoiced: expected.shippedNotInvoiced.size
		});
		const overdue = await readOverdueCues();
		expect(overdue.amountCents).toBe(expected.overdueCents);
		expect(overdue.customers).toBe(expected.overdueCustomers);
		expect(overdue.workDate).toBe(WORK_DATE);
		expect(await readRemindersToIssue()).toBe(expected.remindersToIssue);
		expect(await readRefusedOn(todayIso())).toBe(expected.refusedToday);

		// The same figures by hand, so that a mistake shared with the reading above shows too.
		expect(expected.blocked).toEqual({ Ship: 2, Invoice: 1, All: 3 });
		expect(expected.openQuotes).toBe(2);
		expect([...expected.toShip].sort()).toEqual([orders.a, orders.c, orders.d].sort());
		expect([...expected.shippedNotInvoiced].sort()).toEqual([orders.b, orders.c].sort());
		expect(expected.overdueCents).toBe(13_000);
		expect(expected.overdueCustomers).toBe(2);
		expect(expected.remindersToIssue).toBe(1);
		expect(expected.refusedToday).toBe(1);
	});

	it('the aged receivables of the overdue cue are those of the open entries', async () => {
		await givenCompany();
		const { aged, amountCents } = await readOverdueCues();
		// Not due: X1's 50, X4's 20 due on the work date, the posted orders' entries.
		const notDue = (await db.custLedgerEntries.where('open').equals(1).toArray())
			.filter((entry) => entry.dueDate >= WORK_DATE)
			.reduce((sum, entry) => sum + entry.remainingAmountCents, 0);
		expect(aged.notDue).toBe(notDue);
		expect(aged.days1to30 + aged.days31to60 + aged.days61to90 + aged.over90).toBe(amountCents);
		// X2's invoice (28 days) and credit memo (19 days), X3's invoice (1 day); X1's (45 days)
		expect(aged.days1to30).toBe(7_000 - 7_000 + 3_000);
		expect(aged.days31to60).toBe(10_000);
	});

	it('an empty company counts nothing', async () => {
		expect(await readBlockedCues()).toEqual({ Ship: 0, Invoice: 0, All: 0 });
		expect(await readOpenQuotes()).toBe(0);
		expect(await readOrderCues()).toEqual({ toShip: 0, shippedNotInvoiced: 0 });
		expect(await readOverdueCues()).toMatchObject({ amountCents: 0, customers: 0 });
		expect(await readRemindersToIssue()).toBe(0);
		expect(await readRefusedOn(todayIso())).toBe(0);
	});
});

describe('the lists a cue opens', () => {
	it('hold the rows the cue counted', async () => {
		const { orders, x1, x3 } = await givenCompany();
		const expected = await expectedFigures();

		const toShip = await firstValueFrom(
			orderCueListQuery({ cue: 'toShip', search: '', status: 'any', limit: 50 })
		);
		expect(toShip.rows.map((row) => row.no)).toEqual([...expected.toShip].sort().reverse());
		expect(toShip.rows[0]!.customers.map((c) => c.no)).not.toEqual([]);
		const shipped = await firstValueFrom(
			orderCueListQuery({ cue: 'shippedNotInvoiced', search: '', status: 'any', limit: 1 })
		);
		expect(shipped).toMatchObject({ rows: [{ no: orders.c }], more: true });
		const searched = await firstValueFrom(
			orderCueListQuery({ cue: 'toShip', search: orders.a, status: 'any', limit: 50 })
		);
		expect(searched.rows.map((row) => row.no)).toEqual([orders.a]);

		const overdue = await firstValueFrom(overdueEntriesQuery({ customerNo: '', limit: 50 }));
		const overdueRows = overdue.rows.map((entry) => [entry.customerNo, entry.remainingAmountCents]);
		expect(overdueRows.map(([, cents]) => cents as number).reduce((a, b) => a + b, 0)).toBe(
			expected.overdueCents
		);
		expect(overdue.rows.every((entry) => entry.open === 1 && entry.dueDate < WORK_DATE)).toBe(true);
		expect(overdue.rows).toHaveLength(4);
		const ofX1 = await firstValueFrom(overdueEntriesQuery({ customerNo: x1.no, limit: 50 }));
		expect(ofX1.rows.map((entry) => entry.remainingAmountCents)).toEqual([10_000]);
		const ofX3 = await firstValueFrom(overdueEntriesQuery({ customerNo: x3.no, limit: 50 }));
		expect(ofX3.rows.map((entry) => entry.dueDate)).toEqual(['2026-02-28']);

		const reminders = await firstValueFrom(remindersToIssueQuery());
		expect(reminders.map((r) => r.customerNo)).toEqual([x1.no]);

		const today = await firstValueFrom(refusedAttemptsOnQuery(todayIso()));
		expect(today).toHaveLength(expected.refusedToday);
		expect(today.map((a) => a.id)).not.toContain('yesterday');
	});

	it('a list of many orders finds matches in every batch, newest first', async () => {
		await generateCompany({
			customers: 20,
			documents: 1_200,
			linesPerDocument: 1,
			ledgerEntries: 0
		});
		// Ship the oldest order and one in the middle: the shipped-not-invoiced list must look
		// through every batch of orders to find them.
		const nos = (await db.salesHeaders.orderBy('no').primaryKeys()).sort();
		for (const no of [nos[0]!, nos[600]!]) {
			const [line] = await linesOf(no);
			await db.salesLines.update(line!.id, { quantityShipped: line!.quantity, qtyToShip: 0 });
		}
		const shipped = await firstValueFrom(
			orderCueListQuery({ cue: 'shippedNotInvoiced', search: '', status: 'any', limit: 50 })
		);
		expect(shipped).toEqual({
			rows: [expect.objectContaining({ no: nos[600] }), expect.objectContaining({ no: nos[0] })],
			more: false
		});
		const toShip = await firstValueFrom(
			orderCueListQuery({ cue: 'toShip', search: '', status: 'any', limit: 50 })
		);
		expect(toShip.rows.map((row) => row.no)).toEqual(nos.slice(-50).reverse());
		expect(toShip.more).toBe(true);
		expect(await readOrderCues()).toEqual({ toShip: 1_198, shippedNotInvoiced: 2 });
	});
});
