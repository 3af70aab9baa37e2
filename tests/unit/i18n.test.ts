import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { getLocale, m, setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { ACTIONS, decide } from '$lib/domain/policy';
import { refusalText } from '$lib/ui/messages';
import { generated } from '../../scripts/i18n.mjs';
import { blockOf, LEVELS } from '../factories';

type Message = string | [{ declarations?: string[]; match: Record<string, string> }];

const LOCALES = ['en', 'nl'];
const catalogs = Object.fromEntries(
	LOCALES.map((locale) => [
		locale,
		JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, Message>
	])
);
const english = catalogs['en']!;

/** The names a message takes: its declared inputs and the {placeholders} it shows. */
function inputs(message: Message): string[] {
	const patterns = typeof message === 'string' ? [message] : Object.values(message[0].match);
	const declared = typeof message === 'string' ? [] : (message[0].declarations ?? []);
	const locals = declared.filter((d) => d.startsWith('local ')).map((d) => d.split(' ')[1]!);
	const names = new Set(
		declared.filter((d) => d.startsWith('input ')).map((d) => d.slice('input '.length))
	);
	for (const pattern of patterns)
		for (const match of pattern.replace(/\\[{}\\]/g, '').matchAll(/\{(\w+)\}/g))
			if (!locals.includes(match[1]!)) names.add(match[1]!);
	return [...names].sort();
}

function texts(message: Message): string[] {
	return typeof message === 'string' ? [message] : Object.values(message[0].match);
}

describe('message catalogs', () => {
	it.each(LOCALES.slice(1))('have the same keys in English and %s', (locale) => {
		expect(Object.keys(catalogs[locale]!).sort()).toEqual(Object.keys(english).sort());
	});

	it.each(Object.keys(english))('%s uses the same placeholders in every language', (key) => {
		for (const locale of LOCALES) {
			const message = catalogs[locale]![key]!;
			expect(inputs(message), locale).toEqual(inputs(english[key]!));
			for (const text of texts(message)) expect(text.trim(), locale).not.toBe('');
		}
	});

	it('use the Dutch captions of Business Central for Blocked', () => {
		expect(
			['customer.blocked', 'blocked.Ship', 'blocked.Invoice', 'blocked.All'].map(
				(key) => catalogs['nl']![key]
			)
		).toEqual(['Geblokkeerd', 'Verzending', 'Factureren', 'Alle']);
	});

	it('can look up every key the code builds or passes at run time (else: npm run i18n)', () => {
		const files = generated();
		for (const [file, text] of files) expect(readFileSync(file, 'utf8'), file).toBe(text);
		const keys = 'src/lib/i18n/keys';
		const modules = existsSync(keys) ? readdirSync(keys).map((name) => `${keys}/${name}`) : [];
		expect(modules.filter((file) => !files.has(file))).toEqual([]);
	});

	it('format plurals and numbers per language', async () => {
		await setupI18n('en');
		expect(m['home.customers']({ count: 0 })).toBe('No customers yet');
		expect(m['home.customers']({ count: 1 })).toBe('1 customer');
		expect(m['home.customers']({ count: 12345 })).toBe('12,345 customers');
		await setupI18n('nl');
		expect(m['home.customers']({ count: 12345 })).toBe('12.345 klanten');
		await setupI18n('en');
	});
});

describe('refusal messages', () => {
	const refusals = ACTIONS.flatMap((action) =>
		LEVELS.map((level) => decide({ no: 'C00040', ...blockOf(level) }, action))
	).filter((decision) => !decision.allowed);

	it('in English equal the policy message word for word', async () => {
		await setupI18n('en');
		for (const decision of refusals) {
			if (!decision.allowed) expect(refusalText(decision, translate)).toBe(decision.message);
		}
	});

	it('in Dutch name the Dutch block level', async () => {
		await setupI18n('nl');
		expect(getLocale()).toBe('nl');
		const decision = decide(
			{ no: 'C00040', blocked: 'Ship', privacyBlocked: false },
			'order.create'
		);
		if (decision.allowed) throw new Error('expected a refusal');
		expect(refusalText(decision, translate)).toBe(
			'U kunt dit type document niet maken wanneer klant C00040 is geblokkeerd met type Verzending.'
		);
		await setupI18n('en');
	});
});
