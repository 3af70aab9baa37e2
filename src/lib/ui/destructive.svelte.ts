import {
	changedRecords,
	companyFingerprint,
	type CompanyFingerprint
} from '$lib/app/company-changes';
import {
	CompanyChangedError,
	restoreSnapshot,
	snapshotOutlook,
	takeSnapshot,
	type SnapshotOutlook,
	type SnapshotReason
} from '$lib/app/snapshots';
import { m, getLocale } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { formatDateTime } from './format';
import { backupProblemText, errorText, type Translate } from './messages';

/** Why no snapshot could be kept: the first problem the backup check found, in the UI language. */
function unrestorableText(taken: SnapshotOutlook, t: Translate): string {
	if (taken.why !== 'unrestorable') return '';
	return taken.cause ? `${taken.cause.path}: ${backupProblemText(taken.cause, t)}` : taken.problem;
}

interface Pending {
	/** Worded when shown, so that it follows a switch of language. */
	question: () => string;
	/** What the confirmation promises: a snapshot taken on Yes, or why there will be none. */
	outlook: SnapshotOutlook;
	reason: SnapshotReason;
	/** A snapshot that must survive the snapshot taken for this action (the one restored). */
	keep?: number;
	/** Runs the action (told the snapshot taken before it, if any); returns the outcome. */
	action: (snapshotId: number | null) => Promise<string>;
}

interface Undoable {
	id: number;
	reason: SnapshotReason;
	/** The company right after the action: Undo will not silently lose what changed since. */
	after: CompanyFingerprint;
}

/** Undo found changes made after the action: it asks before losing them. */
interface UndoQuestion {
	changed: number;
	/** The company as the question describes it; a confirmed Undo loses exactly that. */
	current: CompanyFingerprint;
}

/**
 * Runs an action that replaces or fills the company (reset, start empty, import, scale test,
 * restore): the confirmation (Cancel by default) says whether the action can be undone, the
 * snapshot is taken when the user says Yes, right before the action (so whatever another tab
 * wrote while the question was open is in it, and a dismissed question leaves nothing), and
 * the outcome offers Undo, which restores the snapshot. Undo refuses while the company has
 * changed since the action, unless the user confirms losing those changes.
 */
export class DestructiveAction {
	pending = $state.raw<Pending | null>(null);
	busy = $state(false);
	error = $state('');
	done = $state('');
	/** The snapshot Undo restores, while the outcome is shown. */
	undoable = $state.raw<Undoable | null>(null);
	undoQuestion = $state.raw<UndoQuestion | null>(null);

	/** Asks `question` (a snapshot is taken only on Yes); `action` returns the outcome to show. */
	async ask(
		reason: SnapshotReason,
		question: () => string,
		action: (snapshotId: number | null) => Promise<string>,
		options: { keep?: number } = {}
	): Promise<void> {
		if (this.busy || this.pending || this.undoQuestion) return;
		this.clear();
		this.busy = true;
		try {
			const outlook = await snapshotOutlook();
			this.pending = { question, action, reason, keep: options.keep, outlook };
		} catch (caught) {
			this.error = errorText(caught, translate);
		} finally {
			this.busy = false;
		}
	}

	/** The sentence under the question: whether the action can be undone. */
	note(t: Translate): string {
		const outlook = this.pending?.outlook;
		if (!outlook) return '';
		if (outlook.why === 'kept') return m['snapshot.kept']();
		return outlook.why === 'tooLarge'
			? m['snapshot.tooLarge']({ records: outlook.records })
			: m['snapshot.unrestorable']({ problem: unrestorableText(outlook, t) });
	}

	async answer(yes: boolean): Promise<void> {
		const pending = this.pending;
		this.pending = null;
		// Nothing was taken yet: a dismissed question leaves nothing behind.
		if (!pending || !yes) return;
		this.busy = true;
		try {
			let id: number | null = null;
			if (pending.outlook.why === 'kept') {
				const taken = await takeSnapshot(pending.reason, { keep: pending.keep });
				if (taken.id === null) {
					// The company can no longer be kept: nothing ran; ask again, saying so.
					this.pending = { ...pending, outlook: taken };
					return;
				}
				id = taken.id;
			}
			this.done = await pending.action(id);
			if (id !== null) {
				this.undoable = { id, reason: pending.reason, after: await companyFingerprint() };
			}
		} catch (caught) {
			// The snapshot stays in the list: whatever the action left can still be undone there.
			this.error = errorText(caught, translate);
		} finally {
			this.busy = false;
		}
	}

	/** Restores the snapshot kept before the action, unless the company changed since. */
	async undo(): Promise<void> {
		const undoable = this.undoable;
		if (!undoable || this.busy || this.undoQuestion) return;
		await this.#restore(undoable, undoable.after);
	}

	/** The answer to "N records were changed since: undo anyway?"; Cancel keeps them. */
	async answerUndo(yes: boolean): Promise<void> {
		const question = this.undoQuestion;
		this.undoQuestion = null;
		const undoable = this.undoable;
		if (!question || !undoable) return;
		if (!yes) {
			this.done = m['snapshot.undoKept']({ count: question.changed });
			return;
		}
		await this.#restore(undoable, question.current);
	}

	async #restore(undoable: Undoable, expected: CompanyFingerprint): Promise<void> {
		this.error = '';
		this.done = '';
		this.busy = true;
		try {
			const { records, snapshot } = await restoreSnapshot({
				id: undoable.id,
				unchangedSince: expected
			});
			this.undoable = null;
			const at = formatDateTime(snapshot.at, getLocale());
			this.done = m['snapshot.undone']({ at, records });
		} catch (caught) {
			if (caught instanceof CompanyChangedError) {
				const changed = changedRecords(undoable.after, caught.current);
				this.undoQuestion = { changed, current: caught.current };
			} else {
				this.error = errorText(caught, translate);
			}
		} finally {
			this.busy = false;
		}
	}

	private clear(): void {
		this.error = '';
		this.done = '';
		this.undoable = null;
	}
}
