import { DocumentChangedError } from '$lib/app/errors';

/**
 * What one page has seen of one document, for optimistic concurrency. The page passes the
 * version it read to every command; the version moves on only with what the clerk has seen:
 * the page's own saves, and a refusal once it has been shown. The live query is not enough —
 * it follows other windows too, so the page would always hold the newest version and a post
 * would still ship the quantity another window had just reset under the clerk's eyes.
 *
 * Commands run one after the other: a second edit typed while the first is being saved waits
 * for it and then counts it as its own, so quick edits in one window never refuse each other.
 */
export class DocumentSession {
	readonly no: string;
	#seen: number | undefined;
	#queue: Promise<unknown> = Promise.resolve();
	/** How many commands were asked for, and from which one on a refusal's version counts. */
	#asked = 0;
	#refreshed: { version: number; from: number } | undefined;

	constructor(no: string) {
		this.no = no;
	}

	/** The version of the document as the page first showed it; later calls change nothing. */
	read(version: number): void {
		this.#seen ??= version;
	}

	/**
	 * Runs a command with the version the page has seen (undefined before the page has read
	 * the document: nothing is checked then). Pass `changes: false` for a command that leaves
	 * this document as it is (Copy Document).
	 */
	run<T>(
		command: (expectedVersion: number | undefined) => Promise<T>,
		{ changes = true }: { changes?: boolean } = {}
	): Promise<T> {
		const ticket = ++this.#asked;
		const result = this.#queue.then(async () => {
			// A refusal shown to the clerk counts for what they ask after it, not for what they
			// had asked before it (a save and a post from one click are both refused).
			if (this.#refreshed && ticket > this.#refreshed.from) {
				this.#seen = this.#refreshed.version;
				this.#refreshed = undefined;
			}
			const expected = this.#seen;
			try {
				const value = await command(expected);
				if (changes && expected !== undefined) this.#seen = expected + 1;
				return value;
			} catch (caught) {
				if (caught instanceof DocumentChangedError) {
					this.#refreshed = { version: caught.currentVersion, from: this.#asked };
				}
				throw caught;
			}
		});
		this.#queue = result.catch(() => undefined);
		return result;
	}
}
