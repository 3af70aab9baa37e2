import type { PlanRefusal } from './plan';

/**
 * What a check of a typed value returns: the normalised value to store, or the refusal a clerk
 * reads (its key is in the message catalogs, `message` is its English text).
 */
export type Checked<T = string> = { ok: true; value: T } | { ok: false; refusal: PlanRefusal };

export function accepted<T>(value: T): Checked<T> {
	return { ok: true, value };
}

/** A refusal whose English text has its {placeholders} filled in from `values`. */
export function rejected<T = string>(
	key: string,
	message: string,
	values: Record<string, string | number> = {}
): Checked<T> {
	const text = message.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in values ? String(values[name]) : whole
	);
	return { ok: false, refusal: { key, message: text, values } };
}
