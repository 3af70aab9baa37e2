import { setCustomerBlocked, setCustomerPrivacyBlocked } from '$lib/app/customer-blocking';
import { needsPrivacyConfirmation, type Customer } from '$lib/domain/customer';
import type { Blocked } from '$lib/domain/policy';
import type { BlockDetails } from '$lib/ui/BlockDialog.svelte';
import type { CommandRunner } from '$lib/ui/command-runner.svelte';

/**
 * A change of a customer's Blocked or Privacy Blocked on the card, as Business Central asks
 * for it: lifting a block saves at once; a new level first asks for a reason in the block
 * dialog; a level that would clear Privacy Blocked asks before anything changes. The fields
 * (BlockFields) start it and the dialogs (BlockChangeDialogs, outside the card's form) end it.
 */
export class BlockChangeFlow {
	/** A level waiting for the answer to "clear Privacy Blocked?". */
	pendingBlocked = $state<Blocked | null>(null);
	/** A new block level waiting in the dialog for its reason and the user's confirmation. */
	blocking = $state<{ level: Exclude<Blocked, ''>; confirmPrivacyChange: boolean } | null>(null);
	/** Why the last change of Blocked or Privacy Blocked was not saved; '' when it was. */
	error = $state('');
	#no: () => string;
	#runner: CommandRunner;

	/** `no` gives the card's customer No.; saves take their turn in the card's `runner`. */
	constructor(no: () => string, runner: CommandRunner) {
		this.#no = no;
		this.#runner = runner;
	}

	/** The Blocked field changed: the select shows the stored level until the change is saved. */
	async choose(select: HTMLSelectElement, current: Customer): Promise<void> {
		const blocked = select.value as Blocked;
		if (needsPrivacyConfirmation(current, blocked)) {
			// Business Central asks before it clears Privacy Blocked; until then nothing changes.
			select.value = current.blocked;
			this.pendingBlocked = blocked;
			return;
		}
		if (blocked !== '') select.value = current.blocked;
		await this.#start(blocked, false);
	}

	async answerPrivacy(yes: boolean): Promise<void> {
		const blocked = this.pendingBlocked;
		this.pendingBlocked = null;
		if (yes && blocked !== null) await this.#start(blocked, true);
	}

	/** Saves the level the dialog asked for; a thrown error keeps the dialog open. */
	async confirm(details: BlockDetails): Promise<void> {
		if (!this.blocking) return;
		await setCustomerBlocked({
			no: this.#no(),
			blocked: this.blocking.level,
			confirmPrivacyChange: this.blocking.confirmPrivacyChange,
			...details
		});
		this.blocking = null;
	}

	cancel(): void {
		this.blocking = null;
	}

	setPrivacyBlocked(privacyBlocked: boolean): Promise<void> {
		return this.#save(() => setCustomerPrivacyBlocked({ no: this.#no(), privacyBlocked }));
	}

	/** Lifting a block saves at once; a new level first asks for a reason and shows its impact. */
	async #start(blocked: Blocked, confirmPrivacyChange: boolean): Promise<void> {
		if (blocked === '') {
			await this.#save(() => setCustomerBlocked({ no: this.#no(), blocked, confirmPrivacyChange }));
		} else {
			this.error = '';
			this.blocking = { level: blocked, confirmPrivacyChange };
		}
	}

	async #save(change: () => Promise<void>): Promise<void> {
		this.error = await this.#runner.queue(change);
	}
}
