/** The browser's storage for this app: ask to keep it, and report how much is used. */

export interface StorageReport {
	usageBytes: number | null;
	quotaBytes: number | null;
	persisted: boolean | null;
}

/** Asks the browser once to keep this origin's data under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
	const storage = globalThis.navigator?.storage;
	if (!storage?.persisted || !storage.persist) return false;
	if (await storage.persisted()) return true;
	return storage.persist();
}

export async function storageReport(): Promise<StorageReport> {
	const storage = globalThis.navigator?.storage;
	const estimate = storage?.estimate ? await storage.estimate() : undefined;
	return {
		usageBytes: estimate?.usage ?? null,
		quotaBytes: estimate?.quota ?? null,
		persisted: storage?.persisted ? await storage.persisted() : null
	};
}
