import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefusedAttempt } from '$lib/db/db';
import { USER_MARKERS } from '$lib/domain/users';
import { setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { ledgerDescription, refusedAttemptText, userLabel } from '$lib/ui/messages';

// What is stored are facts and markers; the UI says them in its language, here Dutch.
beforeAll(() => setupI18n('nl'));
afterAll(() => setupI18n('en'));

describe('stored facts worded in Dutch', () => {
	it.each([
		[USER_MARKERS.holdfast, 'Holdfast (automatisch)'],
		[USER_MARKERS.unnamed, 'medewerker'],
		// Stored in English before the markers.
		['Holdfast', 'Holdfast (automatisch)'],
		['clerk', 'medewerker'],
		['An Peeters', 'An Peeters'],
		['constructor', 'constructor']
	])('user %j reads %j', (stored, dutch) => {
		expect(userLabel(stored, translate)).toBe(dutch);
	});

	it.each([
		[
			{ documentType: 'Invoice', documentNo: 'PSI-1', description: 'Invoice PSI-1' },
			'Factuur PSI-1'
		],
		[
			{ documentType: 'Credit Memo', documentNo: 'PSCM-2', description: 'Credit Memo PSCM-2' },
			'Creditnota PSCM-2'
		],
		[
			{
				documentType: 'Finance Charge Memo',
				documentNo: 'FIN-3',
				description: 'Finance Charge Memo FIN-3'
			},
			'Rentefactuur FIN-3'
		],
		[
			{ documentType: 'Payment', documentNo: 'PAY-4', description: 'Payment PAY-4' },
			'Betaling PAY-4'
		],
		[
			{ documentType: 'Payment', documentNo: 'PAY-5', description: 'Bank transfer' },
			'Bank transfer'
		],
		[
			{ documentType: 'Payment', documentNo: 'PAY-6', description: 'Payment PAY-5' },
			'Payment PAY-5'
		]
	] as const)('ledger entry %j reads %j', (entry, dutch) => {
		expect(ledgerDescription(entry, translate)).toBe(dutch);
	});

	const attempt: RefusedAttempt = {
		id: 'a',
		at: '2026-01-01T10:00:00.000Z',
		action: 'payment.post',
		customerNo: 'C00010',
		documentNo: '',
		message: 'The English sentence.'
	};
	it.each([
		[
			{ code: 'blocked', blocked: 'All', verb: 'post' },
			'U kunt dit type document niet boeken wanneer klant C00010 is geblokkeerd met type Alle.'
		],
		[
			{ code: 'privacyBlocked', blocked: 'All', verb: 'create' },
			'U kunt dit type document niet maken wanneer klant C00010 is geblokkeerd vanwege privacy.'
		],
		[{}, 'The English sentence.']
	] as const)('a refused attempt with facts %j reads %j', (facts, dutch) => {
		expect(refusedAttemptText({ ...attempt, ...facts }, translate)).toBe(dutch);
	});
});
