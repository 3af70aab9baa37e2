import {
	BlockedError,
	DocumentChangedError,
	NotFoundError,
	ValidationError
} from '$lib/app/errors';
import { BUILT_IN_BLOCK_REASONS, type BlockReason } from '$lib/domain/customer';
import type { Decision } from '$lib/domain/policy';

export type Translate = (
	key: string,
	options?: { values?: Record<string, string | number> }
) => string;

type Refusal = Extract<Decision, { allowed: false }>;

/** The policy's message in the UI language (in English it equals `decision.message`). */
export function refusalText(decision: Refusal, t: Translate): string {
	return t(`policy.${decision.code}.${decision.verb}`, {
		values: { no: decision.customerNo, blocked: t(`blocked.${decision.blocked}`) }
	});
}

function isQuotaError(error: unknown): boolean {
	const names = [
		(error as { name?: string })?.name,
		(error as { inner?: { name?: string } })?.inner?.name
	];
	return names.includes('QuotaExceededError');
}

/** A message a clerk understands for anything a command throws; never a stack trace. */
export function errorText(error: unknown, t: Translate): string {
	if (error instanceof BlockedError) {
		const text = refusalText(error.decision, t);
		return error.lineNo
			? t('error.onLine', { values: { line: error.lineNo, message: text } })
			: text;
	}
	if (error instanceof DocumentChangedError) {
		const type = t(`docType.${error.documentType}`);
		return t(error.key, { values: { ...error.values, type } });
	}
	if (error instanceof ValidationError || error instanceof NotFoundError) {
		return t(error.key, { values: error.values });
	}
	if (isQuotaError(error)) return t('error.quota');
	const message = error instanceof Error ? error.message : String(error);
	return t('error.unexpected', { values: { message } });
}

/** A block reason as the user reads it: its description, else the built-in caption, else the code. */
export function reasonLabel(
	code: string,
	reasons: readonly BlockReason[] | undefined,
	t: Translate
): string {
	const description = reasons?.find((reason) => reason.code === code)?.description;
	if (description) return description;
	return (BUILT_IN_BLOCK_REASONS as readonly string[]).includes(code) ? t(`reason.${code}`) : code;
}
