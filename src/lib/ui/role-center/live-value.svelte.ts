import { createSubscriber } from 'svelte/reactivity';

/** What a live query from src/lib/app is, as far as a component needs to know. */
export interface Subscribable<T> {
	subscribe(
		next?: ((value: T) => void) | null,
		error?: ((error: unknown) => void) | null
	): { unsubscribe(): void };
}

/**
 * A live query's latest value and its error, as state: a cue whose read fails says so in its
 * own place while the others keep their figures. It subscribes while something reads it in an
 * effect or the markup, and stops when nothing does.
 */
export class LiveValue<T> {
	#value = $state<T | undefined>(undefined);
	#error = $state<unknown>(undefined);
	#subscribe: () => void;

	constructor(query: Subscribable<T>) {
		this.#subscribe = createSubscriber(() => {
			const subscription = query.subscribe(
				(value) => {
					this.#value = value;
					this.#error = undefined;
				},
				(error) => (this.#error = error)
			);
			return () => subscription.unsubscribe();
		});
	}

	/** The latest value; undefined until the first one is read. */
	get value(): T | undefined {
		this.#subscribe();
		return this.#value;
	}

	/** True once the first read has ended, with a value or an error. */
	get settled(): boolean {
		return this.value !== undefined || this.error !== undefined;
	}

	/** Why the last read failed; undefined while all is well. */
	get error(): unknown {
		this.#subscribe();
		return this.#error;
	}
}
