import { documentVersion, type SalesHeader } from '$lib/domain/sales-document';
import type { Decision } from '$lib/domain/policy';
import { docTypeText } from '$lib/i18n/keys/docType';
import { errorDocumentChangedText } from '$lib/i18n/keys/error.documentChanged';

type Refusal = Extract<Decision, { allowed: false }>;

/** Thrown by a command before it writes anything, when the policy refuses the action. */
export class BlockedError extends Error {
	readonly decision: Refusal;
	/** The journal line that was refused, when a journal posting stopped on it. */
	lineNo?: number;

	constructor(decision: Refusal) {
		super(decision.message);
		this.name = 'BlockedError';
		this.decision = decision;
	}
}

/** Bad input a clerk can correct; `key` names the message in the catalog. */
export class ValidationError extends Error {
	readonly key: string;
	readonly values: Record<string, string | number>;
	readonly field?: string;

	constructor(
		key: string,
		message: string,
		values: Record<string, string | number> = {},
		field?: string
	) {
		super(message);
		this.name = 'ValidationError';
		this.key = key;
		this.values = values;
		this.field = field;
	}
}

/** A plan's refusal (a pure rule in src/lib/domain said no) as the error a clerk reads. */
export function refusalError(refusal: {
	key: string;
	message: string;
	values: Record<string, string | number>;
	field?: string;
}): ValidationError {
	return new ValidationError(refusal.key, refusal.message, refusal.values, refusal.field);
}

/** What the clerk was doing when the document turned out to be changed in another window. */
export type DocumentChangeVerb = 'post' | 'release' | 'reopen' | 'convert' | 'edit';

/**
 * Thrown before anything is written when a document is no longer the version the page read:
 * another window changed it since. The page shows the message and keeps its input.
 */
export class DocumentChangedError extends ValidationError {
	readonly documentType: SalesHeader['documentType'];
	/** The version stored now, which the page shows once it has said so. */
	readonly currentVersion: number;

	constructor(header: SalesHeader, verb: DocumentChangeVerb) {
		const key = `error.documentChanged.${verb}` as const;
		const type = docTypeText(`docType.${header.documentType}`, {}, 'en');
		super(key, errorDocumentChangedText(key, { type, no: header.no }, 'en'), {
			type,
			no: header.no
		});
		this.name = 'DocumentChangedError';
		this.documentType = header.documentType;
		this.currentVersion = documentVersion(header);
	}
}

/** Something the clerk asked for does not exist (any more), e.g. deleted in another tab. */
export class NotFoundError extends Error {
	readonly key = 'error.notFound';
	readonly values: Record<string, string>;

	constructor(what: string, no: string) {
		super(`${what} ${no} does not exist.`);
		this.name = 'NotFoundError';
		this.values = { what, no };
	}
}
