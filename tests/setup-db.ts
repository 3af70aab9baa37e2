import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { db } from '$lib/db/db';

// Every test starts from an empty database (the schema stays open).
beforeEach(async () => {
	if (!db.isOpen()) await db.open();
	await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
});
