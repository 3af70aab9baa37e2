import {
	BlockedError,
	DocumentChangedError,
	NotFoundError,
	ValidationError
} from '$lib/app/errors';
import type { BackupProblem } from '$lib/app/backup-checks';
import type { RefusedAttempt } from '$lib/app/refused-attempt-queries';
import { BUILT_IN_BLOCK_REASONS, type BlockReason } from '$lib/domain/customer';
import type { RefusalFacts } from '$lib/domain/policy';
import { generatedDescription, type CustLedgerEntry } from '$lib/domain/posted';
import { userMarkerOf } from '$lib/domain/users';
import { m, getLocale } from '$lib/i18n';
import { formatDate, formatMoney } from './format';

export type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The policy's message in the UI language (in English it equals `decision.message`). */
export function refusalText(decision: RefusalFacts, t: Translate): string {
	return t(`policy.${decision.code}.${decision.verb}`, {
		no: decision.customerNo,
		blocked: t(`blocked.${decision.blocked}`)
	});
}

/** Why an attempt was refused: from its facts, or the sentence an older record holds. */
export function refusedAttemptText(attempt: RefusedAttempt, t: Translate): string {
	const { code, verb, blocked = '' } = attempt;
	return code && verb
		? refusalText({ code, verb, blocked, customerNo: attempt.customerNo }, t)
		: attempt.message;
}

function isQuotaError(error: unknown): boolean {
	const names = [
		(error as { name?: string })?.name,
		(error as { inner?: { name?: string } })?.inner?.name
	];
	return names.includes('QuotaExceededError');
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A command's message values as the UI language writes them: a value named `date` (or
 * `…Date`) that holds an ISO date is shown as a date ("1 Jan 2100"), not as stored.
 */
/** Values of messages that are amounts in euros: shown with two decimals in the language. */
const MONEY_VALUES = new Set(['free', 'amount']);

function readableValues(
	values: Record<string, string | number> | undefined
): Record<string, string | number> | undefined {
	if (!values) return values;
	const language = getLocale();
	return Object.fromEntries(
		Object.entries(values).map(([name, value]) => [
			name,
			/(^d|D)ate$/.test(name) && typeof value === 'string' && ISO_DATE.test(value)
				? formatDate(value, language)
				: MONEY_VALUES.has(name) && typeof value === 'number'
					? formatMoney(Math.round(value * 100), language)
					: value
		])
	);
}

/** A message a clerk understands for anything a command throws; never a stack trace. */
export function errorText(error: unknown, t: Translate): string {
	if (error instanceof BlockedError) {
		const text = refusalText(error.decision, t);
		return error.lineNo ? m['error.onLine']({ line: error.lineNo, message: text }) : text;
	}
	if (error instanceof DocumentChangedError) {
		const type = t(`docType.${error.documentType}`);
		return t(error.key, { ...error.values, type });
	}
	if (error instanceof ValidationError || error instanceof NotFoundError) {
		return t(error.key, readableValues(error.values));
	}
	if (isQuotaError(error)) return m['error.quota']();
	// The connection was closed: another tab upgraded the database or reset the company (the
	// app's notice asks for a reload), or this tab's reset reopens it. Nothing to add here.
	if (error instanceof Error && error.name === 'DatabaseClosedError') return '';
	const message = error instanceof Error ? error.message : String(error);
	return m['error.unexpected']({ message });
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

/** Who made a change: a user's own name as typed, Holdfast or an unnamed user in the UI language. */
export function userLabel(user: string, t: Translate): string {
	const marker = userMarkerOf(user);
	return marker ? t(`user.${marker}`) : user;
}

/**
 * A ledger entry's description: the generated one ("Invoice PSI-1001") with the Document Type
 * in the UI language, a description typed on a journal line as typed.
 */
export function ledgerDescription(
	entry: Pick<CustLedgerEntry, 'documentType' | 'documentNo' | 'description'>,
	t: Translate
): string {
	return entry.description === generatedDescription(entry)
		? `${t(`ledger.type.${entry.documentType}`)} ${entry.documentNo}`
		: entry.description;
}

/** What is wrong in a backup, without where (the UI shows the path beside it). */
export function backupProblemText(problem: BackupProblem, t: Translate): string {
	return t(problem.key, problem.values);
}
