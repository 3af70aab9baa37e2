import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { loadBlockImpact } from '$lib/app/block-insight';
import { postSalesOrder } from '$lib/app/posting';
import { blockImpact, IMPACT_ACTIONS, type ImpactKind } from '$lib/domain/block-impact';
import { ACTIONS, type Action, type Blocked } from '$lib/domain/policy';
import { DOCUMENT_ACTIONS } from '$lib/domain/sales-document';
import { givenCustomer, givenDocument, givenInvoiceEntry } from '../factories';

const customer = { no: 'C1', blocked: '' as Blocked, privacyBlocked: false };
const fact = (kind: ImpactKind) => ({ kind, ref: 'X', count: 1, amountCents: 100 });

describe('blockImpact asks the policy what a new level stops', () => {
	// kind, from, to, becomes impossible, still refused
	const cases: Array<[ImpactKind, Blocked, Blocked, Action[], Action[]]> = [
		['Quote', '', 'Ship', ['quote.makeOrder', 'quote.makeInvoice'], []],
		['Order', '', 'Ship', ['order.postShip'], []],
		['Order', '', 'Invoice', ['order.postShip', 'order.postInvoice'], []],
		['Order', 'Ship', 'All', ['order.postInvoice'], ['order.postShip']],
		['Order', 'All', 'Ship', [], ['order.postShip']],
		['BlanketOrder', '', 'Ship', ['blanketOrder.makeOrder'], []],
		['Invoice', '', 'Ship', ['invoice.post'], []],
		['CreditMemo', '', 'Invoice', [], []],
		['CreditMemo', '', 'All', ['creditMemo.post'], []],
		['ReturnOrder', '', 'All', ['returnOrder.post'], []],
		['shippedNotInvoiced', '', 'Ship', [], []],
		[
			'shippedNotInvoiced',
			'Ship',
			'Invoice',
			['order.postInvoice', 'invoice.postFromShipments'],
			[]
		],
		['openBalance', '', 'Invoice', [], []],
		[
			'openBalance',
			'Invoice',
			'All',
			['payment.post', 'refund.post', 'financeChargeMemo.create', 'reminder.create'],
			[]
		],
		['reminder', '', 'All', ['reminder.issue'], []],
		['financeChargeMemo', '', 'Ship', [], []]
	];

	it.each(cases)('%s at %j → %j', (kind, from, to, becomesImpossible, stillRefused) => {
		const [row] = blockImpact({ ...customer, blocked: from }, to, [fact(kind)]);
		expect(row).toMatchObject({ kind, becomesImpossible, stillRefused });
	});

	it('covers every kind with actions the policy knows, documents with the one type → actions list', () => {
		for (const actions of Object.values(IMPACT_ACTIONS)) {
			expect(actions.length).toBeGreaterThan(0);
			for (const action of actions) expect(ACTIONS).toContain(action);
		}
		for (const [type, actions] of Object.entries(DOCUMENT_ACTIONS)) {
			expect(IMPACT_ACTIONS[type as ImpactKind]).toEqual(actions);
		}
	});
});

describe('loadBlockImpact', () => {
	it('lists open documents, shipped-not-invoiced lines, the open balance and open reminders', async () => {
		const { no } = await givenCustomer();
		const quote = await givenDocument('Quote', no, [[1, 1000]]);
		const order = await givenDocument('Order', no, [
			[2, 1000],
			[1, 500]
		]);
		await postSalesOrder({ no: order, ship: true, invoice: false });
		await givenInvoiceEntry(no, 5000, '2026-01-31');
		await db.reminders.add({
			no: 'R-1',
			customerNo: no,
			customerName: '',
			documentDate: '2026-03-01',
			dueDate: '2026-03-15',
			reminderTermsCode: '',
			level: 1,
			feeCents: 0,
			text: '',
			status: 'Open',
			issuedNo: '',
			lines: []
		});

		const rows = await loadBlockImpact(no, 'Invoice');

		expect(rows.map((row) => [row.kind, row.ref, row.count])).toEqual([
			['Order', order, 1],
			['Quote', quote, 1],
			['shippedNotInvoiced', '', 2],
			['openBalance', '', 1],
			['reminder', 'R-1', 1]
		]);
		expect(rows.find((row) => row.kind === 'shippedNotInvoiced')).toMatchObject({
			amountCents: 2500,
			becomesImpossible: ['order.postInvoice', 'invoice.postFromShipments']
		});
		expect(rows.find((row) => row.kind === 'openBalance')).toMatchObject({
			amountCents: 5000,
			becomesImpossible: []
		});
		// Nothing was written: the preview only reads.
		expect((await db.customers.get(no))?.blocked).toBe('');
		expect(await db.changeLog.count()).toBe(0);
	});

	it('is empty for a customer with nothing open', async () => {
		const { no } = await givenCustomer();
		expect(await loadBlockImpact(no, 'All')).toEqual([]);
	});
});
