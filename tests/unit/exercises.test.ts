import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { applyBlockSuggestions, findBlockSuggestions } from '$lib/app/block-insight';
import { addJournalLine, postJournal, updateJournalLine } from '$lib/app/cash-receipt-journal';
import {
	setCustomerBlocked,
	setCustomerPrivacyBlocked,
	undoBatch
} from '$lib/app/customer-blocking';
import { createFinanceChargeMemos } from '$lib/app/finance-charge-memos';
import { setOnHold } from '$lib/app/on-hold';
import { postSalesOrder } from '$lib/app/posting';
import { createReminders, deleteReminder, issueReminder } from '$lib/app/reminders';
import { changeBillToCustomer, createSalesDocument } from '$lib/app/sales-headers';
import { moveWorkDate } from '$lib/app/work-date';
import { addDays, todayIso } from '$lib/domain/dates';
import type { Blocked } from '$lib/domain/policy';
import { EXERCISES } from '$lib/training/exercises';
import { completeStep, readProgress, readRun, startExercise } from '$lib/training/progress';
import { progressFile, summaryOf } from '$lib/training/summary';

const REASON: Record<Blocked, string> = {
	'': '',
	Ship: 'OVERDUE',
	Invoice: 'DISPUTE',
	All: 'INSOLVENCY'
};

const block = (no: string, blocked: Blocked, extra: { until?: string } = {}) =>
	setCustomerBlocked({ no, blocked, reason: REASON[blocked] || undefined, ...extra });

/** The running exercise's current step and hint, after the panel recorded what the checks pass. */
async function state() {
	const id = (await readProgress()).active;
	while (await completeStep({ id }));
	const run = await readRun();
	if (!run) throw new Error('no exercise runs');
	return { current: run.state.current, hint: run.state.hint?.en ?? null, run };
}

/** Expects the current step to be `step`, with a hint that says `hint` (none when null). */
async function expectStep(step: string | null, hint: RegExp | null = null) {
	const now = await state();
	expect(now.current).toBe(step);
	if (hint) expect(now.hint).toMatch(hint);
	else expect(now.hint).toBeNull();
	return now;
}

async function pay(customerNo: string, documentNo: string) {
	const entry = await db.custLedgerEntries.where('documentNo').equals(documentNo).first();
	const id = await addJournalLine({ customerNo });
	await updateJournalLine({ id, field: 'amountCents', value: entry!.remainingAmountCents });
	await updateJournalLine({ id, field: 'appliesToDocNo', value: documentNo });
	await postJournal();
}

async function reminderOf(customerNo: string) {
	const reminders = await db.reminders.where('customerNo').equals(customerNo).toArray();
	return reminders.find((reminder) => reminder.status === 'Open')!.no;
}

const SOLUTIONS: Record<string, () => Promise<void>> = {
	'ship-allowed': async () => {
		await block('C00030', 'All');
		await expectStep('block', /All also refuses payments; Ship only stops new orders/);
		await block('C00030', 'Ship');
		await expectStep('invoice');
		await createSalesDocument({ documentType: 'Invoice', sellToCustomerNo: 'C00030' });
		await expectStep('payment');
		await pay('C00030', 'PSI-1015');
	},
	'ship-invoice-shipment': async () => {
		await block('C00130', 'Invoice');
		await expectStep('block', /Invoice also stops new invoices/);
		await block('C00130', 'Ship');
		await expectStep('invoice');
		await postSalesOrder({ no: 'SO-1001', ship: false, invoice: true });
	},
	'invoice-shipped-lines': async () => {
		await block('C00150', 'Ship');
		await expectStep('block', /Ship still lets you invoice what was shipped/);
		await block('C00150', 'Invoice');
		await expectStep('credit-memo');
		await createSalesDocument({ documentType: 'CreditMemo', sellToCustomerNo: 'C00150' });
		await expectStep('lift-and-invoice', /set Blocked of C00150 to blank first/);
		await block('C00150', '');
		await postSalesOrder({ no: 'SO-1002', ship: false, invoice: true });
	},
	'all-payment': async () => {
		await block('C00080', 'All');
		await expectStep('to-invoice');
		await block('C00080', '');
		await expectStep('to-invoice', /Blank lifts the block altogether/);
		await block('C00080', 'Invoice');
		await expectStep('payment');
		await pay('C00080', 'PSI-1007');
	},
	privacy: async () => {
		await block('C00140', 'All');
		await expectStep('privacy', /Blocked All is not Privacy Blocked/);
		await setCustomerPrivacyBlocked({ no: 'C00140', privacyBlocked: true });
		await expectStep('clear');
		await setCustomerBlocked({
			no: 'C00070',
			blocked: 'Ship',
			confirmPrivacyChange: true,
			reason: 'DISPUTE'
		});
	},
	'on-hold-reminders': async () => {
		const entry = await db.custLedgerEntries.where('documentNo').equals('PSI-1011').first();
		await setOnHold({ entryNo: entry!.entryNo, onHold: 'DSP' });
		await expectStep('create');
		await createReminders({ customerNos: ['C00120'], includeOnHold: true });
		await expectStep('create', /The reminder lists PSI-1011/);
		await deleteReminder({ no: await reminderOf('C00120') });
		await createReminders({ customerNos: ['C00120'] });
		await expectStep('issue');
		await issueReminder({ no: await reminderOf('C00120') });
	},
	'bill-to-blocked': async () => {
		await block('C00090', 'Ship');
		await expectStep('bill-to');
		await changeBillToCustomer({ no: 'SO-1003', customerNo: 'C00100' });
		await expectStep('ship');
		await postSalesOrder({ no: 'SO-1003', ship: true, invoice: false });
	},
	'blocked-until': async () => {
		await block('C00020', 'Invoice');
		await expectStep('block', /without a Blocked Until date/);
		const until = addDays(todayIso(), 7);
		await block('C00020', 'Invoice', { until });
		await expectStep('work-date');
		await moveWorkDate({ workDate: addDays(todayIso(), 3) });
		await expectStep('work-date', /still before Blocked Until/);
		await moveWorkDate({ workDate: until, confirmedLifts: 1 });
	},
	'bulk-block': async () => {
		const found = await findBlockSuggestions({
			overdueAmountCents: null,
			oldestOverdueDays: 30,
			overCreditLimit: false
		});
		expect(found.rows.map((row) => row.no).sort()).toEqual(['C00080', 'C00120']);
		const wrong = await applyBlockSuggestions({ nos: ['C00080', 'C00110'], blocked: 'Ship' });
		await expectStep('apply', /less than 30 days overdue/);
		await undoBatch({ batchId: wrong.batchId });
		const right = await applyBlockSuggestions({ nos: ['C00080', 'C00120'], blocked: 'Ship' });
		await expectStep('undo');
		await undoBatch({ batchId: right.batchId });
	},
	'dunning-run': async () => {
		await block('C00080', 'All');
		await block('C00110', 'Invoice');
		await expectStep('reminders');
		const run = await createReminders({});
		expect(run.skipped.map((skipped) => skipped.customerNo)).toEqual(['C00080']);
		await expectStep('issue');
		await issueReminder({ no: await reminderOf('C00110') });
		await expectStep('memos');
		const memos = await createFinanceChargeMemos({});
		expect(memos.skipped.map((skipped) => skipped.customerNo)).toEqual(['C00080']);
	}
};

describe('every exercise is solved through the commands, and checks only what came after', () => {
	it('has at least ten exercises, each with a solution here', () => {
		expect(EXERCISES.length).toBeGreaterThanOrEqual(10);
		expect(EXERCISES.map((exercise) => exercise.id).sort()).toEqual(Object.keys(SOLUTIONS).sort());
	});

	it.each(EXERCISES.map((exercise) => [exercise.id]))('%s', async (id) => {
		await startExercise({ id, language: 'en' });
		const first = EXERCISES.find((exercise) => exercise.id === id)!.steps[0]!.id;
		// The demo company's own history and blocks satisfy no step.
		await expectStep(first);
		await SOLUTIONS[id]!();
		const end = await expectStep(null);
		expect(end.run.state.completed).toBe(true);
		expect(end.run.progress.completedAt).not.toBe('');
	});
});

describe('the texts of the exercises', () => {
	it('are in English and in Dutch, each language its own', () => {
		for (const exercise of EXERCISES) {
			const texts = [
				exercise.title,
				exercise.goal,
				...exercise.steps.flatMap((step) => [
					step.text,
					...(step.hints ?? []).map((hint) => hint.text)
				])
			];
			for (const text of texts) {
				expect(text.en.trim(), exercise.id).not.toBe('');
				expect(text.nl.trim(), exercise.id).not.toBe('');
				if (text.en.length > 20) expect(text.nl, exercise.id).not.toBe(text.en);
			}
		}
	});
});

describe('the records the exercises name', () => {
	it('exist in the demo company as their steps say', async () => {
		await startExercise({ id: 'ship-allowed', language: 'en' });
		const named = new Set<string>();
		for (const exercise of EXERCISES) {
			for (const step of exercise.steps) {
				for (const text of [step.text.en, step.text.nl]) {
					for (const [no] of text.matchAll(/\b(?:C\d{5}|PSI-\d{4}|SO-\d{4})\b/g)) named.add(no);
				}
			}
		}
		for (const no of named) {
			const found = no.startsWith('C')
				? await db.customers.get(no)
				: no.startsWith('SO')
					? await db.salesHeaders.get(no)
					: await db.postedInvoices.get(no);
			expect(found, no).toBeDefined();
		}
		expect((await db.salesHeaders.get('SO-1001'))?.sellToCustomerNo).toBe('C00130');
		expect((await db.salesHeaders.get('SO-1003'))?.billToCustomerNo).toBe('C00090');
		expect((await db.postedInvoices.get('PSI-1007'))?.billToCustomerNo).toBe('C00080');
		expect((await db.postedInvoices.get('PSI-1011'))?.billToCustomerNo).toBe('C00120');
	});
});

describe('progress', () => {
	it('a step done before the step before it does not count: only what comes after its mark', async () => {
		await startExercise({ id: 'ship-allowed', language: 'en' });
		await createSalesDocument({ documentType: 'Invoice', sellToCustomerNo: 'C00030' });
		await block('C00030', 'Ship');
		await expectStep('invoice');
		await createSalesDocument({ documentType: 'Invoice', sellToCustomerNo: 'C00030' });
		await expectStep('payment');
	});

	it('belongs to the company, survives the reset of the next start, and Start again restarts one', async () => {
		await startExercise({ id: 'bill-to-blocked', language: 'en' });
		await block('C00090', 'Ship');
		await expectStep('bill-to');
		await startExercise({ id: 'privacy', language: 'nl' });
		const progress = await readProgress();
		expect(progress.active).toBe('privacy');
		expect(progress.exercises['bill-to-blocked']?.done.map((entry) => entry.step)).toEqual([
			'block'
		]);
		// The start reset the company, in the language asked for.
		expect((await db.customers.get('C00090'))?.blocked).toBe('');
		expect((await db.items.get('I1050'))?.description).toBe('Stadsfiets');

		await startExercise({ id: 'bill-to-blocked', language: 'en' });
		expect((await readProgress()).exercises['bill-to-blocked']?.done).toEqual([]);
	});

	it('the trainer summary and the file handed in', async () => {
		await startExercise({ id: 'ship-invoice-shipment', language: 'en' });
		await SOLUTIONS['ship-invoice-shipment']!();
		await state();
		await startExercise({ id: 'privacy', language: 'en' });
		await block('C00140', 'All');
		const rows = summaryOf(EXERCISES, await readProgress());
		const byId = Object.fromEntries(rows.map((row) => [row.id, row]));
		expect(byId['ship-invoice-shipment']).toMatchObject({ status: 'completed', stepsDone: 2 });
		expect(byId['privacy']).toMatchObject({ status: 'inProgress', stepsDone: 0, steps: 2 });
		expect(byId['dunning-run']).toMatchObject({ status: 'notStarted', stepsDone: 0 });

		const file = JSON.parse(
			progressFile({
				rows,
				companyName: 'Holdfast Demo BV',
				userName: 'Trainee',
				exportedAt: '2026-03-15T12:00:00.000Z',
				language: 'nl'
			})
		);
		expect(file).toMatchObject({ format: 'holdfast-training-progress', completed: 1 });
		expect(file.exercises[4]).toMatchObject({ id: 'privacy', title: 'Privacy geblokkeerd' });
	});
});
