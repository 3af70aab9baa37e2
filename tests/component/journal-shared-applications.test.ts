import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { ValidationError } from '$lib/app/errors';
import type { CustLedgerEntry } from '$lib/domain/posted';
import { translate } from '$lib/i18n/lookup';
import ApplyEntries from '$lib/ui/ApplyEntries.svelte';
import { errorText } from '$lib/ui/messages';

beforeAll(() => {
	// jsdom has <dialog> but not its modal methods.
	HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
		this.open = false;
	};
});

const invoice: CustLedgerEntry = {
	entryNo: 7,
	customerNo: 'C00010',
	postingDate: '2026-01-01',
	documentType: 'Invoice',
	documentNo: 'PSI-1001',
	description: '',
	amountCents: 519_090,
	remainingAmountCents: 519_090,
	dueDate: '2026-01-31',
	open: 1,
	onHold: '',
	noOfReminders: 0,
	closedByEntryNo: 0,
	closedAtDate: ''
};

function renderDialog(appliedElsewhere: Map<number, number>) {
	const onapply = vi.fn(async () => {});
	// Given as `props`: `intro` is also a mount option.
	render(ApplyEntries, {
		props: {
			title: 'Apply Entries',
			intro: 'The line has no Amount yet.',
			entries: [invoice],
			availableCents: null,
			appliedElsewhere,
			onapply,
			oncancel: () => {}
		}
	});
	return { onapply, dialog: screen.getByRole('dialog') };
}

describe('Apply Entries on a journal line counts what the other lines apply', () => {
	it('shows what is still free and fills Amount to Apply with it', async () => {
		const { dialog } = renderDialog(new Map([[7, 300_000]]));
		expect(within(dialog).getByRole('columnheader', { name: 'Free to Apply' })).toBeVisible();
		expect(within(dialog).getByRole('row', { name: /PSI-1001/ })).toHaveTextContent('2,190.90');

		await fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Apply PSI-1001' }));
		expect(
			within(dialog).getByRole('textbox', { name: 'Amount to Apply for PSI-1001' })
		).toHaveValue('2,190.90');
	});

	it('refuses to apply more than is free, saying how much is', async () => {
		const { dialog, onapply } = renderDialog(new Map([[7, 300_000]]));
		await fireEvent.input(
			within(dialog).getByRole('textbox', { name: 'Amount to Apply for PSI-1001' }),
			{
				target: { value: '5190.90' }
			}
		);
		await fireEvent.click(within(dialog).getByRole('button', { name: 'Apply' }));
		expect(await within(dialog).findByRole('alert')).toHaveTextContent(
			'You cannot apply more than 2,190.90 to PSI-1001: other lines of the journal apply the rest.'
		);
		expect(onapply).not.toHaveBeenCalled();
	});

	it('cannot tick an entry the other lines apply in full', () => {
		const { dialog } = renderDialog(new Map([[7, 519_090]]));
		expect(within(dialog).getByRole('checkbox', { name: 'Apply PSI-1001' })).toBeDisabled();
	});

	it('without other lines it shows no extra column', () => {
		const { dialog } = renderDialog(new Map());
		expect(within(dialog).queryByRole('columnheader', { name: 'Free to Apply' })).toBeNull();
	});

	it('the posting’s refusal names the line and the entry, amounts with two decimals', () => {
		const error = new ValidationError('error.applicationShort', '', {
			line: 2,
			no: 'PSI-1001',
			free: 0,
			amount: 5190.9
		});
		expect(errorText(error, translate)).toBe(
			'Line 2: PSI-1001 has 0.00 left to apply, not 5,190.90. Another line or posting applied the rest. Choose Apply Entries again.'
		);
	});
});
