import { get } from 'svelte/store';
import { _ } from '$lib/i18n';
import { errorText } from './messages';

/**
 * Runs a page's commands: busy while one runs, the clerk's message when one throws. One
 * command at a time: a second click while the first runs (a double click, an impatient
 * Enter) starts nothing, so nothing is submitted twice.
 */
export class CommandRunner {
	busy = $state(false);
	error = $state('');

	/** Runs the command; true when it succeeded, false after showing why it did not or when busy. */
	async run(command: () => Promise<unknown>): Promise<boolean> {
		if (this.busy) return false;
		this.busy = true;
		this.error = '';
		try {
			await command();
			return true;
		} catch (caught) {
			this.error = errorText(caught, get(_));
			return false;
		} finally {
			this.busy = false;
		}
	}
}
