import { baseLocale } from './paraglide/runtime.js';
import type { Language } from './locale.svelte';

export type Values = Record<string, string | number>;
type Message = (inputs: Values, options?: { locale?: Language }) => string;
type Lookup = (key: string, values?: Values, locale?: Language) => string;

/**
 * A lookup over a table of message functions: the message with this key in the current
 * language (or `locale`), or the key itself when the table has none (as svelte-i18n did).
 */
export function keyed(table: Record<string, unknown>): Lookup {
	return (key, values = {}, locale) => {
		if (!Object.hasOwn(table, key)) return key;
		const message = table[key] as Message;
		return message(values, locale ? { locale } : undefined);
	};
}

/** The message's text with each placeholder left as `{name}` (numbers in it show as NaN). */
export function patternOf(lookup: Lookup): (key: string, locale?: Language) => string {
	return (key, locale = baseLocale) => {
		const echo = new Proxy({}, { get: (_target, name) => `{${String(name)}}` });
		return lookup(key, echo as Values, locale);
	};
}
