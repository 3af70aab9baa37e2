/**
 * What every pure plan in the domain returns: what to write, or why not. The command in
 * src/lib/app reads the records, asks the plan and writes it, or throws the refusal as the
 * ValidationError a clerk reads (refusalError in app/errors.ts).
 */

export interface PlanRefusal {
	/** The message in the catalog; `message` is its English text. */
	key: string;
	message: string;
	values: Record<string, string | number>;
}

export type PlanResult<T> = { ok: true; plan: T } | { ok: false; refusal: PlanRefusal };

/** A refusal as a plan's result. */
export function refused<T>(
	key: string,
	message: string,
	values: Record<string, string | number> = {}
): PlanResult<T> {
	return { ok: false, refusal: { key, message, values } };
}
