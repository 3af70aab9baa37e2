import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { ValidationError } from '$lib/app/errors';
import CommandButton from '$lib/ui/CommandButton.svelte';
import { CommandRunner } from '$lib/ui/command-runner.svelte';

function deferred() {
	let resolve!: () => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<void>((ok, fail) => {
		resolve = ok;
		reject = fail;
	});
	return { promise, resolve, reject };
}

describe('CommandRunner', () => {
	it('refuses to start a command while one runs', async () => {
		const runner = new CommandRunner();
		const first = deferred();
		const second = vi.fn(async () => {});

		const running = runner.run(() => first.promise);
		expect(await runner.run(second)).toBe(false);
		expect(second).not.toHaveBeenCalled();
		first.resolve();
		expect(await running).toBe(true);

		expect(await runner.run(second)).toBe(true);
		expect(second).toHaveBeenCalledOnce();
	});
});

describe('CommandButton', () => {
	it('is busy while its command runs, and a double click runs it once', async () => {
		const run = deferred();
		const command = vi.fn(() => run.promise);
		render(CommandButton, { command, label: 'Import valid rows' });
		const button = screen.getByRole('button', { name: 'Import valid rows' });

		await userEvent.dblClick(button);

		expect(command).toHaveBeenCalledOnce();
		expect(button).toBeDisabled();
		expect(button).toHaveAttribute('aria-busy', 'true');
		run.resolve();
		await vi.waitFor(() => expect(button).toBeEnabled());
		expect(button).not.toHaveAttribute('aria-busy');
	});

	it("shows the command's error as a clerk reads it, and clears it on the next run", async () => {
		const command = vi
			.fn<() => Promise<void>>()
			.mockRejectedValueOnce(new ValidationError('csv.duplicate', 'exists', { no: 'C00010' }, 'no'))
			.mockResolvedValueOnce();
		render(CommandButton, { command, label: 'Import valid rows' });
		const button = screen.getByRole('button', { name: 'Import valid rows' });

		await userEvent.click(button);
		expect(await screen.findByRole('alert')).toHaveTextContent(
			'Customer No. C00010 exists already or appears twice.'
		);

		await userEvent.click(button);
		await vi.waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
	});

	it('shares a busy state with the other buttons of its runner', async () => {
		const runner = new CommandRunner();
		const run = deferred();
		render(CommandButton, { command: () => run.promise, label: 'Post', runner });
		const other = deferred();
		// Left running on purpose: the button must show the other action's busy state.
		void runner.run(() => other.promise);
		await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Post' })).toBeDisabled());
		other.resolve();
		await vi.waitFor(() => expect(screen.getByRole('button', { name: 'Post' })).toBeEnabled());
	});
});
