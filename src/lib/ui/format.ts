import { formatAmount } from '$lib/domain/money';
import { FORMAT_LOCALE, type Language } from '$lib/i18n';

function formatLocale(language: string | null | undefined): string {
	return FORMAT_LOCALE[(language ?? 'en') as Language] ?? 'en-GB';
}

/** A date as the reader's language writes it (23/11/2026 or 23/11/2026 in nl-BE). */
export function formatDate(isoDate: string, language: string | null | undefined): string {
	if (!isoDate) return '';
	const date = new Date(`${isoDate}T00:00:00Z`);
	return new Intl.DateTimeFormat(formatLocale(language), {
		dateStyle: 'medium',
		timeZone: 'UTC'
	}).format(date);
}

export function formatMoney(cents: number, language: string | null | undefined): string {
	return formatAmount(cents, formatLocale(language));
}

export function formatDateTime(iso: string, language: string | null | undefined): string {
	return new Intl.DateTimeFormat(formatLocale(language), {
		dateStyle: 'medium',
		timeStyle: 'short'
	}).format(new Date(iso));
}

/** A quantity or percentage for an input: no grouping, the language's decimal separator. */
export function formatDecimal(value: number, language: string | null | undefined): string {
	return new Intl.NumberFormat(formatLocale(language), {
		maximumFractionDigits: 5,
		useGrouping: false
	}).format(value);
}
