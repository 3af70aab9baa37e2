import { afterEach, describe, expect, it, vi } from 'vitest';

/** A stand-in for the browser's service worker container, with one registration. */
function fakeContainer(options: { controlled: boolean; waiting: boolean }) {
	const container = new EventTarget() as EventTarget & {
		controller: object | null;
		register: ReturnType<typeof vi.fn>;
	};
	const waiting = options.waiting ? { postMessage: vi.fn() } : null;
	const registration = Object.assign(new EventTarget(), { waiting, installing: null });
	container.controller = options.controlled ? {} : null;
	container.register = vi.fn(async () => registration);
	return { container, registration, waiting };
}

async function freshModule() {
	vi.resetModules();
	return (await import('$lib/ui/shell/service-worker.svelte')).serviceWorker;
}

describe('the service worker registration', () => {
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('registers the generated worker and says so when a new version waits', async () => {
		const { container, waiting } = fakeContainer({ controlled: true, waiting: true });
		const reload = vi.fn();
		vi.stubGlobal('navigator', { serviceWorker: container });
		vi.stubGlobal('location', { reload });
		const serviceWorker = await freshModule();

		serviceWorker.register();
		await expect.poll(() => serviceWorker.updateReady).toBe(true);
		expect(container.register).toHaveBeenCalledWith('/sw.js', { scope: '/' });

		// Reload to update: the waiting version takes over, then the tab reloads on it.
		serviceWorker.update();
		expect(waiting!.postMessage).toHaveBeenCalledWith({ type: 'SKIP_WAITING' });
		expect(reload).not.toHaveBeenCalled();
		container.dispatchEvent(new Event('controllerchange'));
		expect(reload).toHaveBeenCalledOnce();
	});

	it('does not offer an update on the first install (nothing controls the page yet)', async () => {
		const { container } = fakeContainer({ controlled: false, waiting: true });
		vi.stubGlobal('navigator', { serviceWorker: container });
		const serviceWorker = await freshModule();

		serviceWorker.register();
		await expect.poll(() => container.register.mock.calls.length).toBe(1);
		await Promise.resolve();
		expect(serviceWorker.updateReady).toBe(false);
	});
});
