import { updateCustomerField } from '$lib/app/customer-card';
import { formatEnterpriseNo, formatVatRegistrationNo } from '$lib/domain/belgian-numbers';
import type { Customer, EditableCustomerField } from '$lib/domain/customer';
import { parseAmount } from '$lib/domain/number-text';
import { getLocale } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import type { CommandRunner } from '$lib/ui/command-runner.svelte';

/** A customer card field that shows its text as stored (Credit Limit is formatted money). */
export type TextCustomerField = Exclude<EditableCustomerField, 'creditLimitCents'>;

/**
 * The customer card's field saves, shared by the card and its block fields: a field is saved
 * when it changes, in the card's one line of commands; what could not be saved stays in the
 * field with the reason beside it, so nothing the clerk typed is lost.
 */
export class CustomerFieldEdits {
	/** Text the clerk typed that could not be saved yet, kept so nothing is lost. */
	drafts = $state<Partial<Record<EditableCustomerField, string>>>({});
	errors = $state<Partial<Record<EditableCustomerField, string>>>({});
	#no: () => string;
	#runner: CommandRunner;

	/** `no` gives the card's customer No. (it changes when the card shows another customer). */
	constructor(no: () => string, runner: CommandRunner) {
		this.#no = no;
		this.#runner = runner;
	}

	/** What a text field shows: the clerk's unsaved text, else the stored value (numbers grouped). */
	shown(field: TextCustomerField, customer: Customer): string {
		const draft = this.drafts[field];
		if (draft !== undefined) return draft;
		const value = customer[field] ?? '';
		if (field === 'vatRegistrationNo') return formatVatRegistrationNo(value);
		if (field === 'enterpriseNo') return formatEnterpriseNo(value);
		return value;
	}

	/** Saves a field after its turn in the card's line of commands (see CommandRunner.queue). */
	async save(field: EditableCustomerField, text: string): Promise<void> {
		let value: string | number = text;
		if (field === 'creditLimitCents') {
			const parsed = parseAmount(text, getLocale());
			if (!parsed.ok) {
				this.drafts[field] = text;
				this.errors[field] = translate(parsed.error);
				return;
			}
			value = parsed.cents;
		}
		const error = await this.#runner.queue(() =>
			updateCustomerField({ no: this.#no(), field, value })
		);
		if (error) {
			this.drafts[field] = text;
			this.errors[field] = error;
		} else {
			delete this.drafts[field];
			delete this.errors[field];
		}
	}
}
