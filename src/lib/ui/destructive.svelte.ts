import { get } from 'svelte/store';
import {
	discardSnapshot,
	restoreSnapshot,
	takeSnapshot,
	type SnapshotReason,
	type SnapshotTaken
} from '$lib/app/snapshots';
import { _, locale } from '$lib/i18n';
import { formatDateTime } from './format';
import { errorText } from './messages';

interface Pending {
	question: string;
	taken: SnapshotTaken;
	action: () => Promise<string>;
}

/**
 * Runs an action that replaces or fills the company (reset, start empty, import, scale test,
 * restore): a snapshot is kept first, the confirmation says whether the action can be undone
 * (its default button is Cancel), and the outcome offers Undo, which restores the snapshot.
 */
export class DestructiveAction {
	pending = $state.raw<Pending | null>(null);
	busy = $state(false);
	error = $state('');
	done = $state('');
	/** The snapshot Undo restores, while the outcome is shown. */
	undoId = $state<number | null>(null);

	/** Keeps a snapshot, then asks `question`; `action` returns the outcome to show. */
	async ask(
		reason: SnapshotReason,
		question: string,
		action: () => Promise<string>,
		options: { keep?: number } = {}
	): Promise<void> {
		if (this.busy || this.pending) return;
		this.clear();
		this.busy = true;
		try {
			this.pending = { question, action, taken: await takeSnapshot(reason, options) };
		} catch (caught) {
			this.error = errorText(caught, get(_));
		} finally {
			this.busy = false;
		}
	}

	/** The sentence under the question: whether the action can be undone. */
	get note(): string {
		const taken = this.pending?.taken;
		const t = get(_);
		if (!taken) return '';
		if (taken.id !== null) return t('snapshot.kept');
		return taken.why === 'tooLarge'
			? t('snapshot.tooLarge', { values: { records: taken.records } })
			: t('snapshot.unrestorable', { values: { problem: taken.problem } });
	}

	async answer(yes: boolean): Promise<void> {
		const pending = this.pending;
		this.pending = null;
		if (!pending) return;
		const { id } = pending.taken;
		if (!yes) {
			if (id !== null) await discardSnapshot({ id }).catch(() => {});
			return;
		}
		this.busy = true;
		try {
			this.done = await pending.action();
			this.undoId = id;
		} catch (caught) {
			// The snapshot stays in the list: whatever the action left can still be undone there.
			this.error = errorText(caught, get(_));
		} finally {
			this.busy = false;
		}
	}

	/** Restores the snapshot kept before the action, through the checked restore. */
	async undo(): Promise<void> {
		const id = this.undoId;
		if (id === null || this.busy) return;
		this.clear();
		this.busy = true;
		try {
			const { records, snapshot } = await restoreSnapshot({ id });
			const at = formatDateTime(snapshot.at, get(locale));
			this.done = get(_)('snapshot.undone', { values: { at, records } });
		} catch (caught) {
			this.error = errorText(caught, get(_));
		} finally {
			this.busy = false;
		}
	}

	private clear(): void {
		this.error = '';
		this.done = '';
		this.undoId = null;
	}
}
