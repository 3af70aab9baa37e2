import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup } from '$lib/app/backup';
import { resetDemoData } from '$lib/app/demo';
import { readWorkDate } from '$lib/app/settings';
import { addDays, daysBetween, todayIso } from '$lib/domain/dates';
import { totalsOf } from '$lib/domain/posted';
import { shippedNotInvoiced } from '$lib/domain/posting-rules';

const WORK_DATE = '2026-03-15';

/** How many days past its due date each open invoice entry of the customer is at the work date. */
async function overdueDays(customerNo: string, workDate = WORK_DATE): Promise<number[]> {
	const entries = await db.custLedgerEntries.where('customerNo').equals(customerNo).toArray();
	return entries
		.filter((entry) => entry.open === 1 && entry.documentType === 'Invoice' && !entry.onHold)
		.map((entry) => daysBetween(entry.dueDate, workDate))
		.filter((days) => days > 0)
		.sort((a, b) => a - b);
}

describe('the demo company with a history', () => {
	it('is as consistent as a clerk would have left it: its backup passes every check unrepaired', async () => {
		await resetDemoData({ workDate: WORK_DATE });
		const checked = checkBackup(await exportBackup());
		expect(checked.ok && checked.repairedSeries).toEqual([]);
		// The kept totals are those of the entries.
		const entries = await db.custLedgerEntries.toArray();
		for (const totals of await db.customerTotals.toArray()) {
			const own = entries.filter((entry) => entry.customerNo === totals.customerNo);
			expect(totals).toEqual(totalsOf(totals.customerNo, own));
		}
	});

	it('has invoices overdue by 10, 40 and 70 days, paid ones and partly paid ones', async () => {
		await resetDemoData({ workDate: WORK_DATE });
		expect(await overdueDays('C00110')).toEqual([10]);
		expect(await overdueDays('C00080')).toEqual([40]);
		expect(await overdueDays('C00120')).toEqual([20, 70]);
		const invoices = await db.custLedgerEntries
			.filter((entry) => entry.documentType === 'Invoice')
			.toArray();
		const paid = invoices.filter((entry) => entry.open === 0);
		const partly = invoices.filter(
			(entry) => entry.open === 1 && entry.remainingAmountCents < entry.amountCents
		);
		expect(paid.length).toBeGreaterThanOrEqual(5);
		expect(partly.map((entry) => entry.customerNo).sort()).toEqual(['C00090', 'C00110']);
		// Four months of postings, none after the work date.
		const dates = (await db.postedInvoices.toArray()).map((invoice) => invoice.postingDate).sort();
		expect(daysBetween(dates[0]!, WORK_DATE)).toBeGreaterThanOrEqual(110);
		expect(dates.at(-1)! <= WORK_DATE).toBe(true);
	});

	it('has shipped orders not invoiced, open quotes and orders, and a bill-to customer', async () => {
		await resetDemoData({ workDate: WORK_DATE });
		const lines = await db.salesLines.toArray();
		const shippedOrders = new Set(
			lines.filter((line) => shippedNotInvoiced(line) > 0).map((line) => line.documentNo)
		);
		const headers = await db.salesHeaders.toArray();
		const sellTo = (no: string) => headers.find((header) => header.no === no)?.sellToCustomerNo;
		expect([...shippedOrders].map(sellTo).sort()).toEqual(['C00130', 'C00150']);
		expect(headers.filter((header) => header.documentType === 'Quote').length).toBe(2);
		expect(headers.filter((header) => header.documentType === 'Order').length).toBe(4);
		const billed = headers.find((header) => header.sellToCustomerNo === 'C00100');
		expect(billed?.billToCustomerNo).toBe('C00090');
	});

	it('has one customer blocked at each level with a reason and a note, an entry on hold and reminders issued at level 1', async () => {
		await resetDemoData({ workDate: WORK_DATE, language: 'nl' });
		for (const [no, level] of [
			['C00040', 'Ship'],
			['C00050', 'Invoice'],
			['C00060', 'All']
		]) {
			const customer = await db.customers.get(no!);
			expect(customer?.blocked).toBe(level);
			expect(customer?.blockReason).not.toBe('');
			expect(customer?.blockNote).not.toBe('');
		}
		expect((await db.customers.get('C00040'))?.blockNote).toMatch(/leveringen/);
		expect((await db.items.get('I1050'))?.description).toBe('Stadsfiets');
		const onHold = await db.custLedgerEntries.filter((entry) => entry.onHold !== '').toArray();
		expect(onHold.map((entry) => [entry.customerNo, entry.onHold])).toEqual([['C00120', 'DSP']]);
		const reminders = await db.reminders.toArray();
		expect(
			reminders.map((reminder) => [reminder.customerNo, reminder.status, reminder.level])
		).toEqual([
			['C00120', 'Issued', 1],
			['C00080', 'Issued', 1]
		]);
		const reminded = await db.custLedgerEntries.filter((entry) => entry.noOfReminders > 0).count();
		expect(reminded).toBe(2);
	});

	it('tells its history up to the work date it is given, stored; without one, up to today', async () => {
		await resetDemoData({ workDate: WORK_DATE });
		expect(await readWorkDate()).toBe(WORK_DATE);
		await resetDemoData();
		expect(await db.settings.get('workDate')).toBeUndefined();
		const latest = (await db.shipments.toArray()).map((shipment) => shipment.postingDate).sort();
		expect(latest.at(-1)).toBe(addDays(todayIso(), -5));
	});

	it('resets in well under half a second', async () => {
		await resetDemoData();
		const started = performance.now();
		await resetDemoData({ workDate: WORK_DATE });
		expect(performance.now() - started).toBeLessThan(500);
	});
});
