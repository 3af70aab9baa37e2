import { updateLine } from '$lib/app/sales-lines';
import { DocumentChangedError } from '$lib/app/errors';
import type { EditableLineField, SalesLine } from '$lib/domain/sales-document';
import type { NumberLanguage } from '$lib/domain/number-text';
import type { DocumentSession } from '../document-session';
import { errorText, type Translate } from '../messages';
import { lineFieldDiffers, lineFieldText, lineOutOfBounds, parseLineField } from './line-fields';

/**
 * Whether a line holds text that is not what is stored: none, a value refused or not saved,
 * or a value refused because another window changed the document.
 */
export type UnsavedLines = 'none' | 'refused' | 'changed';

/** What the drafts read from the lines component, each time (props and language change). */
export interface LineDraftsContext {
	lines: () => SalesLine[];
	language: () => NumberLanguage;
	t: () => Translate;
	session: () => DocumentSession;
	/** Told whenever a line starts or stops holding a value that is not saved. */
	onunsaved: () => ((unsaved: UnsavedLines) => void) | undefined;
}

/** The key of a line's field in the drafts. */
export const draftKey = (line: SalesLine, field: EditableLineField) => `${line.id}:${field}`;

/**
 * The sales lines' text as the clerk typed it: what could not be saved stays in its field with
 * the reason (nothing is lost), a draft follows the stored value when that moves, saves are
 * queued in the page's document session, and the page is told whether anything is unsaved.
 */
export class LineDrafts {
	/** What the clerk typed that could not be saved, per line and field: nothing is lost. */
	drafts = $state<Record<string, string>>({});
	errors = $state<Record<string, string>>({});
	/** The fields whose value was refused because another window changed the document. */
	#changedElsewhere = $state<Record<string, boolean>>({});
	/** The field the clerk is in: its text is theirs until they leave it. */
	#focused = $state<string | null>(null);
	/** Whether the clerk typed in the focused field since entering it (and no change saved it). */
	#typed = false;
	/** Saves asked for and not yet settled, per field: a posting asked for after waits for them. */
	#saving = $state<Record<string, number>>({});
	/** The stored value a draft was typed over: when it moves, the field follows it. */
	#bases = $state<Record<string, unknown>>({});
	#context: LineDraftsContext;

	constructor(context: LineDraftsContext) {
		this.#context = context;
	}

	/** The line and field of a draft's key; undefined once the line is gone. */
	#fieldOf(k: string): { line: SalesLine; field: EditableLineField } | undefined {
		const at = k.lastIndexOf(':');
		const line = this.#context.lines().find((candidate) => candidate.id === k.slice(0, at));
		return line && { line, field: k.slice(at + 1) as EditableLineField };
	}

	#differs(line: SalesLine, field: EditableLineField, text: string): boolean {
		return lineFieldDiffers(line, field, text, this.#context.language());
	}

	/**
	 * What the page is told: a line whose text differs from what is stored — refused, or typed
	 * and not saved. The field being typed in and a save under way do not count: leaving the
	 * field (by clicking Post, say) saves it first, and the posting waits for the save.
	 */
	unsavedNow(): UnsavedLines {
		const held = Object.entries(this.drafts).filter(([k, text]) => {
			const found = this.#fieldOf(k);
			if (!found) return false;
			if (this.errors[k]) return true;
			return (
				k !== this.#focused && !this.#saving[k] && this.#differs(found.line, found.field, text)
			);
		});
		if (held.length === 0) return 'none';
		return held.some(([k]) => this.#changedElsewhere[k]) ? 'changed' : 'refused';
	}

	/**
	 * A field the clerk is not typing in shows the stored value whenever its text says the same
	 * (a refusal included), and follows the stored value when that moves under a text that was
	 * not refused (another window, or the page's own posting resetting Qty. to Ship): what the
	 * page shows is what a posting posts. A refused text stays, with its message, until it is
	 * corrected or the stored value comes to say the same. Run in an effect.
	 */
	follow() {
		for (const [k, text] of Object.entries(this.drafts)) {
			const found = this.#fieldOf(k);
			if (!found || k === this.#focused || this.#saving[k]) continue;
			const { line, field } = found;
			const moved = k in this.#bases && this.#bases[k] !== line[field];
			if (!this.#differs(line, field, text) || (moved && !this.errors[k])) this.#accept(k);
		}
	}

	#tell() {
		this.#context.onunsaved()?.(this.unsavedNow());
	}

	#refuse(k: string, text: string, message: string, changed = false) {
		this.drafts[k] = text;
		this.errors[k] = message;
		this.#changedElsewhere[k] = changed;
		this.#tell();
	}

	#accept(k: string) {
		delete this.drafts[k];
		delete this.errors[k];
		delete this.#changedElsewhere[k];
		delete this.#bases[k];
		this.#tell();
	}

	/** What a field shows: the clerk's text while it is a draft, else the stored value. */
	shown(line: SalesLine, field: EditableLineField): string {
		const draft = this.drafts[draftKey(line, field)];
		if (draft !== undefined) return draft;
		return lineFieldText(line, field, this.#context.language());
	}

	/** Entering a field. */
	focus(line: SalesLine, field: EditableLineField) {
		this.#focused = draftKey(line, field);
		this.#typed = false;
	}

	/** Typing: keep what is typed even if the line changes underneath before it is saved. */
	input(line: SalesLine, field: EditableLineField, text: string) {
		const k = draftKey(line, field);
		if (!(k in this.#bases)) this.#bases[k] = line[field];
		this.drafts[k] = text;
		this.#typed = true;
	}

	/** The browser's change: the text is saved. */
	change(line: SalesLine, field: EditableLineField, text: string) {
		this.#typed = false;
		void this.save(line, field, text);
	}

	/**
	 * Leaving a field: a browser fires no change when the text is what it was on entering, yet
	 * the stored value may have moved meanwhile. Text typed since is saved when it says something
	 * else than what is stored, else dropped: no draft outlives the typing unless it was refused.
	 */
	leave(line: SalesLine, field: EditableLineField, text: string) {
		const k = draftKey(line, field);
		if (this.#focused === k) this.#focused = null;
		if (!this.#typed) return;
		this.#typed = false;
		if (this.#differs(line, field, text)) void this.save(line, field, text);
		else this.#accept(k);
	}

	async save(line: SalesLine, field: EditableLineField, text: string) {
		const k = draftKey(line, field);
		const t = this.#context.t();
		const parsed = parseLineField(field, text, this.#context.language());
		if (!parsed.ok) return this.#refuse(k, text, t(parsed.error));
		const refused = lineOutOfBounds(this.#context.lines(), line, field, parsed.value);
		if (refused) return this.#refuse(k, text, t(refused.key, refused.values));
		// The session queues the save (a running command never drops it) and the outcome is
		// noted in the save's own turn: a posting asked for after it sees the line as it is.
		this.#saving[k] = (this.#saving[k] ?? 0) + 1;
		await this.#context
			.session()
			.run(async (expectedVersion) => {
				try {
					await updateLine({ id: line.id, field, value: parsed.value, expectedVersion });
					this.#accept(k);
				} catch (caught) {
					this.#refuse(
						k,
						text,
						errorText(caught, this.#context.t()),
						caught instanceof DocumentChangedError
					);
					throw caught;
				}
			})
			.catch(() => undefined)
			.finally(() => {
				const left = (this.#saving[k] ?? 1) - 1;
				if (left > 0) this.#saving[k] = left;
				else delete this.#saving[k];
			});
	}
}
