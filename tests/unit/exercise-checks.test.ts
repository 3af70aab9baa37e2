import { describe, expect, it } from 'vitest';
import type { ChangeLogEntry } from '$lib/domain/change-log';
import { exerciseState, holds, namesOf, type Mark, type TrainingFacts } from '$lib/training/checks';
import type { Check, Exercise } from '$lib/training/model';

const MARK: Mark = {
	at: '2026-03-15T10:00:00.000Z',
	workDate: '2026-03-15',
	lastEntryNo: 25,
	documents: ['SO-1003'],
	shipments: ['PSS-1016'],
	reminders: ['R-1001'],
	issuedReminders: ['R-1001'],
	financeChargeMemos: [],
	issuedFinanceChargeMemos: [],
	invoiced: { 'SO-1001': 0 }
};

let ids = 0;

/** A change log entry after the mark. */
function change(fields: Partial<ChangeLogEntry> & Pick<ChangeLogEntry, 'key' | 'field'>) {
	ids += 1;
	return {
		id: `c${ids}`,
		at: `2026-03-15T10:00:0${ids % 10}.000Z`,
		tableName: 'customers' as const,
		oldValue: '',
		newValue: '',
		...fields
	};
}

/** Facts after the mark where nothing happened yet; pass what the test is about. */
function facts(overrides: Partial<TrainingFacts> = {}): TrainingFacts {
	return {
		mark: MARK,
		workDate: MARK.workDate,
		customers: {
			C00030: { blocked: '', privacyBlocked: false, blockedUntil: '' },
			C00040: { blocked: 'Ship', privacyBlocked: false, blockedUntil: '' }
		},
		changes: [],
		entries: { 'PSI-1015': { entryNo: 24, customerNo: 'C00030', onHold: '' } },
		newEntries: [],
		newApplications: [],
		documents: {
			'SO-1003': { no: 'SO-1003', type: 'Order', sellTo: 'C00100', billTo: 'C00090' }
		},
		newDocuments: [],
		newShipments: [],
		invoiced: { 'SO-1001': 0 },
		reminders: [{ no: 'R-1001', customerNo: 'C00120', issued: true, documents: ['PSI-1004'] }],
		financeChargeMemos: [],
		...overrides
	};
}

const blockedShip = {
	customers: { C00030: { blocked: 'Ship' as const, privacyBlocked: false, blockedUntil: '' } },
	changes: [change({ key: 'C00030', field: 'blocked', oldValue: '', newValue: 'Ship' })]
};

describe('each check: the state it asks for passes, the state before (or a wrong one) does not', () => {
	it.each<[string, Check, Partial<TrainingFacts>, Partial<TrainingFacts>]>([
		[
			'blocked: now, and changed after the mark',
			{ kind: 'blocked', customer: 'C00030', level: 'Ship' },
			blockedShip,
			{ customers: blockedShip.customers }
		],
		[
			'blocked: a demo block that was there before does not count',
			{ kind: 'blocked', customer: 'C00040', level: 'Ship' },
			{ changes: [change({ key: 'C00040', field: 'blocked', newValue: 'Ship' })] },
			{}
		],
		[
			'level: the level now, changed or not',
			{ kind: 'level', customer: 'C00040', level: 'Ship' },
			{},
			{ customers: { C00040: { blocked: 'All', privacyBlocked: false, blockedUntil: '' } } }
		],
		[
			'privacyBlocked',
			{ kind: 'privacyBlocked', customer: 'C00030', value: true },
			{
				customers: { C00030: { blocked: 'All', privacyBlocked: true, blockedUntil: '' } },
				changes: [change({ key: 'C00030', field: 'privacyBlocked', newValue: 'true' })]
			},
			{
				customers: { C00030: { blocked: 'All', privacyBlocked: false, blockedUntil: '' } },
				changes: [change({ key: 'C00030', field: 'blocked', newValue: 'All' })]
			}
		],
		[
			'blockedUntilSet: after the work date, set after the mark',
			{ kind: 'blockedUntilSet', customer: 'C00030' },
			{
				customers: {
					C00030: { blocked: 'Invoice', privacyBlocked: false, blockedUntil: '2026-03-22' }
				},
				changes: [change({ key: 'C00030', field: 'blockedUntil', newValue: '2026-03-22' })]
			},
			{
				customers: {
					C00030: { blocked: 'Invoice', privacyBlocked: false, blockedUntil: '2026-03-10' }
				},
				changes: [change({ key: 'C00030', field: 'blockedUntil', newValue: '2026-03-10' })]
			}
		],
		[
			'released: by Blocked Until, not by hand',
			{ kind: 'released', customer: 'C00030' },
			{
				changes: [
					change({
						key: 'C00030',
						field: 'blocked',
						oldValue: 'Invoice',
						newValue: '',
						automatic: true
					})
				]
			},
			{ changes: [change({ key: 'C00030', field: 'blocked', oldValue: 'Invoice', newValue: '' })] }
		],
		[
			'workDateReached',
			{ kind: 'workDateReached', customer: 'C00030' },
			{
				workDate: '2026-03-22',
				customers: {
					C00030: { blocked: 'Invoice', privacyBlocked: false, blockedUntil: '2026-03-22' }
				}
			},
			{
				workDate: '2026-03-21',
				customers: {
					C00030: { blocked: 'Invoice', privacyBlocked: false, blockedUntil: '2026-03-22' }
				}
			}
		],
		['workDateMoved', { kind: 'workDateMoved' }, { workDate: '2026-03-16' }, {}],
		[
			'documentCreated: a new document of that type for the customer',
			{ kind: 'documentCreated', type: 'Invoice', customer: 'C00030' },
			{ newDocuments: [{ no: 'SI-1016', type: 'Invoice', sellTo: 'C00030', billTo: 'C00030' }] },
			{ newDocuments: [{ no: 'SO-1005', type: 'Order', sellTo: 'C00030', billTo: 'C00030' }] }
		],
		[
			'billTo',
			{ kind: 'billTo', document: 'SO-1003', customer: 'C00100' },
			{
				documents: {
					'SO-1003': { no: 'SO-1003', type: 'Order', sellTo: 'C00100', billTo: 'C00100' }
				}
			},
			{}
		],
		[
			'shipped: a new shipment of the order, for the bill-to given',
			{ kind: 'shipped', order: 'SO-1003', billTo: 'C00100' },
			{ newShipments: [{ no: 'PSS-1018', orderNo: 'SO-1003', billTo: 'C00100' }] },
			{ newShipments: [{ no: 'PSS-1018', orderNo: 'SO-1003', billTo: 'C00090' }] }
		],
		[
			'shipmentInvoiced: more invoiced than at the mark',
			{ kind: 'shipmentInvoiced', order: 'SO-1001' },
			{ invoiced: { 'SO-1001': 17 } },
			{}
		],
		[
			'payment: applied to the document',
			{ kind: 'payment', customer: 'C00030', appliedTo: 'PSI-1015' },
			{
				newEntries: [{ entryNo: 26, customerNo: 'C00030', documentType: 'Payment' }],
				newApplications: [{ entryNo: 24, appliedByEntryNo: 26 }]
			},
			{ newEntries: [{ entryNo: 26, customerNo: 'C00030', documentType: 'Payment' }] }
		],
		[
			'onHold: on hold now, changed after the mark',
			{ kind: 'onHold', document: 'PSI-1015', value: true },
			{
				entries: { 'PSI-1015': { entryNo: 24, customerNo: 'C00030', onHold: 'DSP' } },
				changes: [
					change({
						tableName: 'custLedgerEntries',
						key: '24',
						field: 'onHold',
						newValue: 'DSP'
					})
				]
			},
			{ entries: { 'PSI-1015': { entryNo: 24, customerNo: 'C00030', onHold: 'DSP' } } }
		],
		[
			'reminder: made after the mark, with and without the documents named',
			{ kind: 'reminder', customer: 'C00120', includes: ['PSI-1004'], excludes: ['PSI-1011'] },
			{
				reminders: [{ no: 'R-1003', customerNo: 'C00120', issued: false, documents: ['PSI-1004'] }]
			},
			{
				reminders: [
					{ no: 'R-1001', customerNo: 'C00120', issued: true, documents: ['PSI-1004'] },
					{
						no: 'R-1003',
						customerNo: 'C00120',
						issued: false,
						documents: ['PSI-1004', 'PSI-1011']
					}
				]
			}
		],
		[
			'reminder issued: issued after the mark',
			{ kind: 'reminder', customer: 'C00120', issued: true },
			{
				reminders: [{ no: 'R-1003', customerNo: 'C00120', issued: true, documents: [] }]
			},
			{}
		],
		[
			'financeChargeMemo: of any customer but the one excluded',
			{
				kind: 'all',
				checks: [
					{ kind: 'financeChargeMemo' },
					{ kind: 'not', check: { kind: 'financeChargeMemo', customer: 'C00080' } }
				]
			},
			{
				financeChargeMemos: [{ no: 'FC-1001', customerNo: 'C00120', issued: false, documents: [] }]
			},
			{
				financeChargeMemos: [
					{ no: 'FC-1001', customerNo: 'C00120', issued: false, documents: [] },
					{ no: 'FC-1002', customerNo: 'C00080', issued: false, documents: [] }
				]
			}
		],
		[
			'batch: one bulk run that blocked them all and none excluded',
			{ kind: 'batch', level: 'Ship', customers: ['C00080', 'C00120'], excludes: ['C00110'] },
			{
				changes: [
					change({ key: 'C00080', field: 'blocked', newValue: 'Ship', batchId: 'b1' }),
					change({ key: 'C00120', field: 'blocked', newValue: 'Ship', batchId: 'b1' })
				]
			},
			{
				changes: [
					change({ key: 'C00080', field: 'blocked', newValue: 'Ship', batchId: 'b1' }),
					change({ key: 'C00110', field: 'blocked', newValue: 'Ship', batchId: 'b1' }),
					change({ key: 'C00120', field: 'blocked', newValue: 'Ship', batchId: 'b1' })
				]
			}
		],
		[
			'batch from a level: Undo batch lifted the level from each of them',
			{ kind: 'batch', level: '', from: 'Ship', customers: ['C00080'] },
			{
				changes: [
					change({
						key: 'C00080',
						field: 'blocked',
						oldValue: 'Ship',
						newValue: '',
						batchId: 'b2'
					})
				]
			},
			{ changes: [change({ key: 'C00080', field: 'blocked', oldValue: 'Ship', newValue: '' })] }
		],
		[
			'any',
			{
				kind: 'any',
				checks: [{ kind: 'workDateMoved' }, { kind: 'level', customer: 'C00030', level: 'All' }]
			},
			{ workDate: '2026-04-01' },
			{}
		]
	])('%s', (_name, check, passing, failing) => {
		expect(holds(check, facts(passing))).toBe(true);
		expect(holds(check, facts(failing))).toBe(false);
	});
});

const EXERCISE: Exercise = {
	id: 'test',
	version: 1,
	title: { en: 'T', nl: 'T' },
	goal: { en: 'G', nl: 'G' },
	start: { workDateOffsetDays: 0 },
	steps: [
		{
			id: 'block',
			text: { en: 'Block C00030 with Ship.', nl: 'Blokkeer C00030 met Verzending.' },
			check: { kind: 'blocked', customer: 'C00030', level: 'Ship' },
			hints: [
				{
					when: { kind: 'blocked', customer: 'C00030', level: 'All' },
					text: { en: 'All also refuses payments.', nl: 'Alle weigert ook betalingen.' }
				}
			]
		},
		{
			id: 'invoice',
			text: { en: 'Create an invoice.', nl: 'Maak een factuur.' },
			check: { kind: 'documentCreated', type: 'Invoice', customer: 'C00030' }
		}
	]
};

describe('an exercise state', () => {
	it('decides only the first step not done, and says its hint for the wrong state', () => {
		const all = facts({
			customers: { C00030: { blocked: 'All', privacyBlocked: false, blockedUntil: '' } },
			changes: [change({ key: 'C00030', field: 'blocked', newValue: 'All' })],
			newDocuments: [{ no: 'SI-1', type: 'Invoice', sellTo: 'C00030', billTo: 'C00030' }]
		});
		const state = exerciseState(EXERCISE, [], all);
		// The invoice made before the first step was done does not count.
		expect(state.steps).toEqual([
			{ id: 'block', done: false },
			{ id: 'invoice', done: false }
		]);
		expect(state.current).toBe('block');
		expect(state.hint?.en).toBe('All also refuses payments.');
		expect(state.completed).toBe(false);
	});

	it('a step the check passes is to be recorded, and Done only once it is', () => {
		const passing = exerciseState(EXERCISE, [], facts(blockedShip));
		expect(passing.passes).toBe(true);
		expect(passing.current).toBe('block');
		expect(passing.steps.map((step) => step.done)).toEqual([false, false]);
		expect(passing.hint).toBeNull();
		const recorded = exerciseState(EXERCISE, ['block'], facts(blockedShip));
		expect(recorded.current).toBe('invoice');
		expect(recorded.passes).toBe(false);
		expect(recorded.steps.map((step) => step.done)).toEqual([true, false]);
	});

	it('the steps recorded stay done; all recorded is completed', () => {
		const last = exerciseState(
			EXERCISE,
			['block'],
			facts({
				newDocuments: [{ no: 'SI-1', type: 'Invoice', sellTo: 'C00030', billTo: 'C00030' }]
			})
		);
		expect(last.passes).toBe(true);
		expect(last.completed).toBe(false);
		expect(last.hint).toBeNull();
		const end = exerciseState(EXERCISE, ['block', 'invoice'], facts({}));
		expect(end.steps.every((step) => step.done)).toBe(true);
		expect(end.completed).toBe(true);
		expect(end.current).toBeNull();
	});

	it('while the facts are read nothing is decided', () => {
		const state = exerciseState(EXERCISE, ['block'], null);
		expect(state.current).toBe('invoice');
		expect(state.hint).toBeNull();
	});

	it('names what the checks of a step read', () => {
		const names = namesOf([
			{ kind: 'payment', customer: 'C00080', appliedTo: 'PSI-1007' },
			{ kind: 'not', check: { kind: 'shipmentInvoiced', order: 'SO-1002' } }
		]);
		expect([...names.customers]).toEqual(['C00080']);
		expect([...names.documents]).toEqual(['PSI-1007']);
		expect([...names.orders]).toEqual(['SO-1002']);
	});
});
