import { addMessages, init, locale } from 'svelte-i18n';
import { en } from './en';
import { nl } from './nl';

export { _, locale } from 'svelte-i18n';
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

/** Registers the catalogs and picks the remembered language (English by default). */
export function setupI18n(initial: Language = storedLanguage()): void {
	if (!initialized) {
		addMessages('en', en);
		addMessages('nl', nl);
		initialized = true;
	}
	init({ fallbackLocale: 'en', initialLocale: initial });
	setDocumentLanguage(initial);
}

function setDocumentLanguage(language: Language): void {
	if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(language: Language): void {
	locale.set(language);
	setDocumentLanguage(language);
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, language);
	} catch {
		// Private browsing may refuse storage; the switch still applies to this tab.
	}
}
