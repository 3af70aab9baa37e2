import { describe, expect, it } from 'vitest';
import { ACTIONS, decide, decideForDocument, type Action } from '$lib/domain/policy';
import { blockOf, LEVELS, type Level } from '../factories';

// The matrix of spec/blocking-policy.md, written out by hand so the code is checked against it.
// Columns: blank, Ship, Invoice, All, Privacy.
const MATRIX: Record<Action, string> = {
	'quote.create': '✓✗✗✗✗',
	'order.create': '✓✗✗✗✗',
	'blanketOrder.create': '✓✗✗✗✗',
	'invoice.create': '✓✓✗✗✗',
	'creditMemo.create': '✓✓✓✗✗',
	'returnOrder.create': '✓✓✓✗✗',
	'quote.makeOrder': '✓✗✗✗✗',
	'quote.makeInvoice': '✓✗✗✗✗',
	'blanketOrder.makeOrder': '✓✗✗✗✗',
	'order.postShip': '✓✗✗✗✗',
	'order.postInvoice': '✓✓✗✗✗',
	'invoice.post': '✓✗✗✗✗',
	'invoice.postFromShipments': '✓✓✗✗✗',
	'creditMemo.post': '✓✓✓✗✗',
	'returnOrder.post': '✓✓✓✗✗',
	'payment.post': '✓✓✓✗✗',
	'refund.post': '✓✓✓✗✗',
	'reminder.create': '✓✓✓✗✗',
	'reminder.issue': '✓✓✓✗✗',
	'financeChargeMemo.create': '✓✓✓✗✗',
	'financeChargeMemo.issue': '✓✓✓✗✗',
	'postedInvoice.correct': '✓✓✗✗✗',
	'postedInvoice.cancel': '✓✓✗✗✗',
	'customer.edit': '✓✓✓✓✓'
};

const CREATE_VERB = new Set<Action>([
	'quote.create',
	'order.create',
	'blanketOrder.create',
	'invoice.create',
	'creditMemo.create',
	'returnOrder.create',
	'reminder.create',
	'financeChargeMemo.create',
	'quote.makeOrder',
	'quote.makeInvoice',
	'blanketOrder.makeOrder'
]);

const cases = Object.entries(MATRIX).flatMap(([action, row]) =>
	LEVELS.map((level, column) => ({
		action: action as Action,
		level,
		allowed: [...row][column] === '✓'
	}))
);

function expectedMessage(action: Action, level: Level): string {
	const verb = CREATE_VERB.has(action) ? 'create' : 'post';
	return level === 'Privacy'
		? `You cannot ${verb} this type of document when Customer C00010 is blocked for privacy.`
		: `You cannot ${verb} this type of document when Customer C00010 is blocked with type ${level}.`;
}

describe('decide', () => {
	it('knows exactly the actions of the spec', () => {
		expect([...ACTIONS].sort()).toEqual(Object.keys(MATRIX).sort());
	});

	it.each(cases)('$action at "$level" → allowed $allowed', ({ action, level, allowed }) => {
		const decision = decide({ no: 'C00010', ...blockOf(level) }, action);
		if (allowed) {
			expect(decision).toEqual({ allowed: true });
		} else {
			expect(decision.allowed).toBe(false);
			if (decision.allowed) return;
			expect(decision.code).toBe(level === 'Privacy' ? 'privacyBlocked' : 'blocked');
			expect(decision.message).toBe(expectedMessage(action, level));
		}
	});

	it('checks Privacy Blocked before Blocked, even when Blocked is blank', () => {
		const decision = decide({ no: 'C1', blocked: '', privacyBlocked: true }, 'payment.post');
		expect(decision).toMatchObject({ allowed: false, code: 'privacyBlocked' });
	});
});

describe('decideForDocument', () => {
	const fine = { no: 'C00010', blocked: '' as const, privacyBlocked: false };
	const shipBlocked = { no: 'C00020', blocked: 'Ship' as const, privacyBlocked: false };
	const invoiceBlocked = { no: 'C00030', blocked: 'Invoice' as const, privacyBlocked: false };

	it('refuses when only the bill-to is blocked', () => {
		const decision = decideForDocument(fine, invoiceBlocked, 'invoice.create');
		expect(decision).toMatchObject({ allowed: false, customerNo: 'C00030' });
	});

	it('reports the sell-to first when both are refused', () => {
		const decision = decideForDocument(shipBlocked, invoiceBlocked, 'order.create');
		expect(decision).toMatchObject({ allowed: false, customerNo: 'C00020' });
	});

	it('allows when both customers pass', () => {
		expect(decideForDocument(shipBlocked, fine, 'invoice.create')).toEqual({ allowed: true });
	});
});
