import { addMessages, init, locale, register, waitLocale } from 'svelte-i18n';
import { en } from './en';

export { _, isLoading, locale } from 'svelte-i18n';
export type { MessageKey } from './en';

export const LANGUAGES = ['en', 'nl'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Formatting locale per UI language (amounts and dates as a Belgian reader expects). */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-BE' };

const STORAGE_KEY = 'holdfast.language';

function isLanguage(value: unknown): value is Language {
	return LANGUAGES.includes(value as Language);
}

function storedLanguage(): Language {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		return isLanguage(stored) ? stored : 'en';
	} catch {
		return 'en';
	}
}

let initialized = false;

/**
 * Registers the catalogs and picks the remembered language (English by default). English is
 * in the first bundle; Dutch is loaded when it is chosen. Resolves once the catalog is in.
 */
export function setupI18n(initial: Language = storedLanguage()): Promise<void> {
	if (!initialized) {
		addMessages('en', en);
		register('nl', () => import('./nl').then((module) => module.nl));
		initialized = true;
	}
	// init returns a promise only while the catalog still loads; it settles once the language is set.
	const setting = init({ fallbackLocale: 'en', initialLocale: initial });
	setDocumentLanguage(initial);
	return setting ?? waitLocale(initial);
}

function setDocumentLanguage(language: Language): void {
	if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Loads a language's catalog without switching the UI to it: a document printed in its
 * customer's language formats its texts with `$_(key, { locale: language })` whatever the UI
 * language is (until the catalog is in, svelte-i18n falls back to English).
 */
export function loadLanguage(language: Language): Promise<void> {
	return waitLocale(language);
}

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(language: Language): void {
	// Fire and forget: the UI switches once the chosen catalog is in (Dutch loads on first use).
	void locale.set(language);
	setDocumentLanguage(language);
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, language);
	} catch {
		// Private browsing may refuse storage; the switch still applies to this tab.
	}
}
