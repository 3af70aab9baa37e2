/** The worker `@vite-pwa/sveltekit` generates (vite.config.ts: base and scope '/'). */
const WORKER_URL = '/sw.js';

/**
 * The service worker, registered with the browser's own API (no workbox-window on the first
 * load). A new version installs in the background and waits; `updateReady` says so, and
 * `update()` lets it take over and reloads once it has.
 */
class ServiceWorkerUpdate {
	updateReady = $state(false);
	#registration: ServiceWorkerRegistration | undefined;

	register(): void {
		const container = globalThis.navigator?.serviceWorker;
		// Not under `vite dev` (no worker is generated there). Not `dev` from $app/environment:
		// a build made with NODE_ENV=test (the e2e set-up's) counts as dev, yet has its worker.
		if (import.meta.hot || !container) return;
		container
			.register(WORKER_URL, { scope: '/' })
			.then((registration) => {
				this.#registration = registration;
				// A worker that waits while another controls this page is a new version.
				const isUpdate = () => container.controller !== null;
				if (registration.waiting && isUpdate()) this.updateReady = true;
				const watch = (worker: ServiceWorker | null) =>
					worker?.addEventListener('statechange', () => {
						if (worker.state === 'installed' && isUpdate()) this.updateReady = true;
					});
				watch(registration.installing);
				registration.addEventListener('updatefound', () => watch(registration.installing));
			})
			// Without a worker the app still runs; it is just not available offline.
			.catch(() => undefined);
	}

	/** Lets the waiting version take over, then reloads this tab on it. */
	update(): void {
		const waiting = this.#registration?.waiting;
		const container = globalThis.navigator?.serviceWorker;
		if (!waiting || !container) {
			location.reload();
			return;
		}
		container.addEventListener('controllerchange', () => location.reload(), { once: true });
		waiting.postMessage({ type: 'SKIP_WAITING' });
	}
}

export const serviceWorker = new ServiceWorkerUpdate();
