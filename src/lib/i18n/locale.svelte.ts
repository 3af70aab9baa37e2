import {
	baseLocale,
	locales,
	overwriteGetLocale,
	overwriteSetLocale,
	type Locale
} from './paraglide/runtime.js';

export { getLocale } from './paraglide/runtime.js';

export const LANGUAGES = locales;
export type Language = Locale;

/** Formatting locale per UI language (amounts and dates as a Belgian reader expects). */
export const FORMAT_LOCALE: Record<Language, string> = { en: 'en-GB', nl: 'nl-BE' };

const STORAGE_KEY = 'holdfast.language';

function isLanguage(value: unknown): value is Language {
	return LANGUAGES.includes(value as Language);
}

function storedLanguage(): Language {
	try {
		const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
		return isLanguage(stored) ? stored : baseLocale;
	} catch {
		return baseLocale;
	}
}

// The UI language as Svelte state: every message function reads it through getLocale(), so a
// template that shows a message re-renders when the language changes; no reload.
let current = $state<Language>(storedLanguage());
overwriteGetLocale(() => current);
overwriteSetLocale((language) => setLanguage(language));

function setDocumentLanguage(language: Language): void {
	if (typeof document !== 'undefined') document.documentElement.lang = language;
}

/**
 * Picks the remembered language (English by default). Every language is compiled into the
 * messages, so nothing is loaded: the promise is resolved (kept for the callers that await it).
 */
export function setupI18n(initial: Language = storedLanguage()): Promise<void> {
	current = initial;
	setDocumentLanguage(initial);
	return Promise.resolve();
}

/** Switches the UI language and remembers it in this browser. */
export function setLanguage(language: Language): void {
	current = language;
	setDocumentLanguage(language);
	try {
		globalThis.localStorage?.setItem(STORAGE_KEY, language);
	} catch {
		// Private browsing may refuse storage; the switch still applies to this tab.
	}
}
