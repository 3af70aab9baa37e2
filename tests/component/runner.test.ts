import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { db } from '$lib/db/db';
import { ValidationError } from '$lib/app/errors';
import { DEFAULT_BLOCK_REASONS } from '$lib/domain/customer';
import BatchCreate from '$lib/ui/BatchCreate.svelte';
import BlockDialog from '$lib/ui/BlockDialog.svelte';
import PostActions from '$lib/ui/PostActions.svelte';
import SalesLines from '$lib/ui/SalesLines.svelte';
import { CommandRunner } from '$lib/ui/command-runner.svelte';
import { DocumentSession } from '$lib/ui/document-session';
import { postingNotices } from '$lib/ui/document/posting-outcome.svelte';
import { givenCustomer, givenDocument } from '../factories';

const navigation = vi.hoisted(() => ({ preloadCode: vi.fn(async () => {}), goto: vi.fn() }));
vi.mock('$app/navigation', () => navigation);

beforeAll(() => {
	// jsdom has <dialog> but not its modal methods.
	HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
		this.open = true;
	};
	HTMLDialogElement.prototype.close ??= function (this: HTMLDialogElement) {
		this.open = false;
	};
});

function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((ok, fail) => {
		resolve = ok;
		reject = fail;
	});
	return { promise, resolve, reject };
}

/** Two clicks in one go, before the page could render the first one's busy state. */
async function doubleClick(button: HTMLElement) {
	void fireEvent.click(button);
	await fireEvent.click(button);
}

async function orderOf(lines: Array<[number, number]>) {
	const customer = await givenCustomer();
	const no = await givenDocument('Order', customer.no, lines);
	const header = (await db.salesHeaders.get(no))!;
	const rows = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
	return { customer, no, header, rows };
}

describe('CommandRunner: actions are refused while busy, saves wait their turn', () => {
	it('a field save asked for while an action runs is not dropped: it runs after the action', async () => {
		const runner = new CommandRunner();
		const action = deferred();
		const order: string[] = [];
		const running = runner.run(async () => {
			await action.promise;
			order.push('action');
		});

		const saved = runner.queue(async () => {
			order.push('save');
		});
		expect(await runner.run(async () => order.push('second action'))).toBe(false);
		await Promise.resolve();
		expect(order).toEqual([]);

		action.resolve();
		expect(await running).toBe(true);
		expect(await saved).toBe('');
		expect(order).toEqual(['action', 'save']);
	});

	it('an action waits for the save asked for before it, and a refused save says why', async () => {
		const runner = new CommandRunner();
		const save = deferred();
		const order: string[] = [];
		const saved = runner.queue(async () => {
			await save.promise;
			order.push('save');
			throw new ValidationError('error.emailInvalid', 'Enter an e-mail address.');
		});
		const action = runner.run(async () => {
			order.push('action');
		});
		expect(runner.busy).toBe(true);
		save.resolve();
		expect(await saved).toBe('Enter an e-mail address such as name@example.com.');
		expect(await action).toBe(true);
		expect(order).toEqual(['save', 'action']);
		expect(runner.error).toBe('');
	});

	it('the parts of a runner take turns but each keeps its own error', async () => {
		const page = new CommandRunner();
		const lines = page.part();
		const posting = page.part();
		const add = deferred();
		const adding = lines.run(() => add.promise);
		expect(posting.busy).toBe(true);
		expect(
			await posting.run(async () => {
				throw new Error('not started');
			})
		).toBe(false);
		add.reject(new ValidationError('error.emailInvalid', 'Enter an e-mail address.'));
		expect(await adding).toBe(false);
		expect(lines.error).toBe('Enter an e-mail address such as name@example.com.');
		expect(posting.error).toBe('');
		expect(page.busy).toBe(false);
	});
});

describe('a double click runs a command once', () => {
	it('Add line in the lines adds one line', async () => {
		const { header, rows, no } = await orderOf([[1, 1000]]);
		const session = new DocumentSession(no);
		render(SalesLines, { header, lines: rows, session });

		await doubleClick(screen.getByRole('button', { name: 'Add line' }));

		// The session runs the document's commands in turn: once this one ran, all asked did.
		await session.run(async () => {});
		expect(await db.salesLines.where('documentNo').equals(no).count()).toBe(2);
	});

	it('Ship in the posting actions ships once', async () => {
		const { customer, header, rows, no } = await orderOf([[10, 1000]]);
		await db.salesLines.update(rows[0]!.id, { qtyToShip: 4 });
		const lines = await db.salesLines.where('documentNo').equals(no).sortBy('lineNo');
		render(PostActions, { header, lines, sellTo: customer, onremoved: vi.fn() });

		await doubleClick(screen.getByRole('button', { name: 'Ship' }));
		await doubleClick(within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Yes' }));

		await waitFor(() => expect(postingNotices.current?.documents).toHaveLength(1));
		expect(await db.shipments.count()).toBe(1);
		expect((await db.salesLines.get(rows[0]!.id))?.quantityShipped).toBe(4);
	});

	it('Create of a batch runs once', async () => {
		const batch = deferred<{ created: string[]; skipped: [] }>();
		const run = vi.fn(() => batch.promise);
		render(BatchCreate, {
			title: 'Create Reminders',
			workDate: '2026-03-01',
			createdKey: 'reminders.created',
			run
		});
		const button = screen.getByRole('button', { name: 'Create' });

		await doubleClick(button);

		expect(run).toHaveBeenCalledOnce();
		expect(button).toBeDisabled();
		batch.resolve({ created: ['R-1'], skipped: [] });
		await waitFor(() => expect(button).toBeEnabled());
	});

	it("Confirm of the block dialog saves the block once, and shows the save's error once", async () => {
		const customer = await givenCustomer();
		const save = deferred();
		const onconfirm = vi.fn(() => save.promise);
		render(BlockDialog, {
			customer,
			level: 'Ship',
			reasons: DEFAULT_BLOCK_REASONS,
			onconfirm,
			oncancel: vi.fn()
		});
		const dialog = screen.getByRole('dialog');
		await fireEvent.change(within(dialog).getByLabelText('Block Reason'), {
			target: { value: 'DISPUTE' }
		});
		const confirm = within(dialog).getByRole('button', { name: 'Confirm' });

		await doubleClick(confirm);

		expect(onconfirm).toHaveBeenCalledOnce();
		expect(confirm).toBeDisabled();
		save.reject(new ValidationError('error.reasonUnknown', 'Unknown.', { code: 'DISPUTE' }));
		await waitFor(() => expect(within(dialog).getAllByRole('alert')).toHaveLength(1));
		expect(confirm).toBeEnabled();
	});
});
