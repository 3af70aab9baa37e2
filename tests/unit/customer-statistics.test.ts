import { describe, expect, it } from 'vitest';
import {
	customerStatistics,
	outstandingAmountCents,
	shippedNotInvoicedAmountCents
} from '$lib/domain/customer-statistics';
import { newLedgerEntry, type CustLedgerEntry } from '$lib/domain/posted';
import { newSalesLine, type SalesLine } from '$lib/domain/sales-document';

// Pure statistics maths: no IndexedDB, every record built here.

let lineNo = 0;
/** An order line of `quantity` at 10.00 (no discount), `shipped` and `invoiced` of it posted. */
function orderLine(
	quantity: number,
	shipped: number,
	invoiced: number,
	fields: Partial<SalesLine> = {}
): SalesLine {
	lineNo += 10000;
	return newSalesLine({
		id: `L${lineNo}`,
		documentNo: 'SO-1',
		lineNo,
		quantity,
		unitPriceCents: 1000,
		quantityShipped: shipped,
		quantityInvoiced: invoiced,
		...fields
	});
}

function openEntry(amountCents: number, dueDate: string, remainingCents = amountCents) {
	return {
		...newLedgerEntry({
			entryNo: 1,
			customerNo: 'C1',
			postingDate: '2025-01-01',
			documentType: 'Invoice',
			documentNo: 'PSI-1',
			amountCents,
			dueDate
		}),
		remainingAmountCents: remainingCents
	} satisfies CustLedgerEntry;
}

describe('the amounts of an order line', () => {
	it.each([
		// quantity, shipped, invoiced, outstanding, shipped not invoiced
		{ quantity: 4, shipped: 0, invoiced: 0, outstanding: 4000, notInvoiced: 0 },
		{ quantity: 4, shipped: 1, invoiced: 0, outstanding: 3000, notInvoiced: 1000 },
		{ quantity: 4, shipped: 3, invoiced: 1, outstanding: 1000, notInvoiced: 2000 },
		{ quantity: 4, shipped: 4, invoiced: 4, outstanding: 0, notInvoiced: 0 },
		{ quantity: 3, shipped: 1, invoiced: 0, outstanding: 2000, notInvoiced: 1000 },
		{ quantity: 0, shipped: 0, invoiced: 0, outstanding: 0, notInvoiced: 0 }
	])(
		'$quantity ordered, $shipped shipped, $invoiced invoiced: $outstanding outstanding, $notInvoiced shipped not invoiced',
		({ quantity, shipped, invoiced, outstanding, notInvoiced }) => {
			const line = orderLine(quantity, shipped, invoiced);
			expect(outstandingAmountCents(line)).toBe(outstanding);
			expect(shippedNotInvoicedAmountCents(line)).toBe(notInvoiced);
		}
	);

	it('rounds a third of a line pro rata, so the parts of 10.00 in three add up to the line', () => {
		const line = orderLine(3, 1, 0, { unitPriceCents: 333, quantity: 3 });
		// 9.99 for three: one shipped is 3.33, two outstanding 6.66.
		expect(shippedNotInvoicedAmountCents(line)).toBe(333);
		expect(outstandingAmountCents(line)).toBe(666);
	});

	it('a comment line has no amount', () => {
		const line = orderLine(4, 1, 0, { type: 'Comment' });
		expect(outstandingAmountCents(line)).toBe(0);
		expect(shippedNotInvoicedAmountCents(line)).toBe(0);
	});
});

describe('the customer statistics', () => {
	it.each([
		{ name: 'nothing posted or ordered', entries: [], lines: [], due: 0, out: 0, notInv: 0 },
		{
			name: 'an entry due before the work date is due, one due on it is not',
			entries: [openEntry(5000, '2025-03-09'), openEntry(7000, '2025-03-10')],
			lines: [],
			due: 5000,
			out: 0,
			notInv: 0
		},
		{
			name: 'Balance Due counts what remains, a credit lowers it',
			entries: [openEntry(5000, '2025-03-01', 2000), openEntry(-500, '2025-02-01')],
			lines: [],
			due: 1500,
			out: 0,
			notInv: 0
		},
		{
			name: 'order lines add up, shipped and not invoiced apart from outstanding',
			entries: [],
			lines: [orderLine(4, 1, 0), orderLine(2, 2, 1), orderLine(5, 0, 0, { type: 'Comment' })],
			due: 0,
			out: 3000,
			notInv: 2000
		}
	])('$name', ({ entries, lines, due, out, notInv }) => {
		expect(
			customerStatistics({
				balanceCents: 1234,
				openEntries: entries,
				orderLines: lines,
				workDate: '2025-03-10'
			})
		).toEqual({
			balanceCents: 1234,
			balanceDueCents: due,
			outstandingOrdersCents: out,
			shippedNotInvoicedCents: notInv
		});
	});
});
