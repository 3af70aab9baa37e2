import { describe, expect, it } from 'vitest';
import { get } from 'svelte/store';
import { en } from '$lib/i18n/en';
import { nl } from '$lib/i18n/nl';
import { _, setupI18n, locale } from '$lib/i18n';
import { ACTIONS, decide } from '$lib/domain/policy';
import { refusalText } from '$lib/ui/messages';
import { blockOf, LEVELS } from '../factories';

function placeholders(message: string): string[] {
	return [...message.matchAll(/\{(\w+)[,}]/g)].map((match) => match[1]!).sort();
}

describe('message catalogs', () => {
	it('have the same keys in English and Dutch', () => {
		expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
	});

	it.each(Object.keys(en))('%s uses the same placeholders in both languages', (key) => {
		const k = key as keyof typeof en;
		expect(placeholders(nl[k])).toEqual(placeholders(en[k]));
		expect(nl[k].trim()).not.toBe('');
	});

	it('use the Dutch captions of Business Central for Blocked', () => {
		expect([
			nl['customer.blocked'],
			nl['blocked.Ship'],
			nl['blocked.Invoice'],
			nl['blocked.All']
		]).toEqual(['Geblokkeerd', 'Verzending', 'Factureren', 'Alle']);
	});
});

describe('refusal messages', () => {
	const refusals = ACTIONS.flatMap((action) =>
		LEVELS.map((level) => decide({ no: 'C00040', ...blockOf(level) }, action))
	).filter((decision) => !decision.allowed);

	it('in English equal the policy message word for word', async () => {
		await setupI18n('en');
		const t = get(_);
		for (const decision of refusals) {
			if (!decision.allowed) expect(refusalText(decision, t)).toBe(decision.message);
		}
	});

	it('in Dutch name the Dutch block level', async () => {
		await setupI18n('nl');
		expect(get(locale)).toBe('nl');
		const decision = decide(
			{ no: 'C00040', blocked: 'Ship', privacyBlocked: false },
			'order.create'
		);
		if (decision.allowed) throw new Error('expected a refusal');
		expect(refusalText(decision, get(_))).toBe(
			'U kunt dit type document niet maken wanneer klant C00040 is geblokkeerd met type Verzending.'
		);
		await setupI18n('en');
	});
});
