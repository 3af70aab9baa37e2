import { formatAmount } from '$lib/domain/number-text';
import { FORMAT_LOCALE, type Language } from '$lib/i18n';

function formatLocale(language: string | null | undefined): string {
	return FORMAT_LOCALE[(language ?? 'en') as Language] ?? 'en-GB';
}

/** One formatter per locale and kind, made on first use (making one costs far more than using it). */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<F extends Intl.DateTimeFormat | Intl.NumberFormat>(
	kind: string,
	language: string | null | undefined,
	make: (locale: string) => F
): F {
	const locale = formatLocale(language);
	const key = `${kind}|${locale}`;
	let format = formats.get(key) as F | undefined;
	if (!format) {
		format = make(locale);
		formats.set(key, format);
	}
	return format;
}

/** A date as the reader's language writes it: 23 Nov 2026 (en-GB), 23 nov 2026 (nl-BE). */
export function formatDate(isoDate: string, language: string | null | undefined): string {
	if (!isoDate) return '';
	const date = new Date(`${isoDate}T00:00:00Z`);
	return cached(
		'date',
		language,
		(locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
	).format(date);
}

export function formatMoney(cents: number, language: string | null | undefined): string {
	return formatAmount(cents, formatLocale(language));
}

export function formatDateTime(iso: string, language: string | null | undefined): string {
	return cached(
		'dateTime',
		language,
		(locale) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })
	).format(new Date(iso));
}

/** A quantity or percentage for an input: no grouping, the language's decimal separator. */
export function formatDecimal(value: number, language: string | null | undefined): string {
	return cached(
		'decimal',
		language,
		(locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 5, useGrouping: false })
	).format(value);
}
