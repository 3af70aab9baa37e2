import { translate } from '$lib/i18n/lookup';
import { errorText } from './messages';

/** What the parts of one runner share: whether an action runs, and the line of commands. */
class Turns {
	busy = $state(false);
	/** Commands asked for and not yet settled; while there are none a new one starts at once. */
	waiting = 0;
	last: Promise<unknown> = Promise.resolve();
}

/**
 * Runs a page's commands one after the other, and says why one failed as a clerk reads it.
 *
 * - `run` is for an action (a button): while one runs every button of the runner is busy, and a
 *   second click (a double click, an impatient Enter, another button) starts nothing, so nothing
 *   is submitted twice.
 * - `queue` is for the save of a field that saves when it changes: it is never refused — what
 *   the clerk typed is not dropped because an action runs — it waits for the command before it
 *   and an action asked for after it waits for the save.
 *
 * The document page's saves go through its `DocumentSession`, which queues them with the
 * version the page has seen; its actions go through `run` and then through the session.
 */
export class CommandRunner {
	#turns = new Turns();
	/** The last action's error as a clerk reads it; '' while it runs and after it succeeded. */
	error = $state('');
	/** True while an action of this runner (this part) runs; `busy` covers every part. */
	running = $state(false);

	/** True while an action runs (or waits for the saves asked for before it). */
	get busy(): boolean {
		return this.#turns.busy;
	}

	/**
	 * A runner for one part of a page (the lines, the posting): it takes turns with this one —
	 * while either runs an action both are busy — and keeps its own error, shown by the part.
	 */
	part(): CommandRunner {
		const part = new CommandRunner();
		part.#turns = this.#turns;
		return part;
	}

	/** Runs an action; true when it succeeded, false after showing why it did not or when busy. */
	async run(command: () => Promise<unknown>): Promise<boolean> {
		if (this.busy) return false;
		this.#turns.busy = true;
		this.running = true;
		this.error = '';
		try {
			await this.#enqueue(command);
			return true;
		} catch (caught) {
			this.error = errorText(caught, translate);
			return false;
		} finally {
			this.#turns.busy = false;
			this.running = false;
		}
	}

	/**
	 * Queues the save of a field; resolves to '' when it was saved, else to the clerk's message,
	 * which the field shows beside the text it keeps.
	 */
	async queue(save: () => Promise<unknown>): Promise<string> {
		try {
			await this.#enqueue(save);
			return '';
		} catch (caught) {
			return errorText(caught, translate);
		}
	}

	#enqueue(command: () => Promise<unknown>): Promise<unknown> {
		const turns = this.#turns;
		const start = async () => command();
		// Nothing before it: start now, so a refusal shows before the next render.
		const result = turns.waiting === 0 ? start() : turns.last.then(start);
		turns.waiting++;
		const settled = () => {
			turns.waiting--;
		};
		turns.last = result.then(settled, settled);
		return result;
	}
}
