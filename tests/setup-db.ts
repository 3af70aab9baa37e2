import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { db } from '$lib/db/db';
import { TABLE_SEEDS } from '$lib/db/migrations';

// Every test starts from a database as new as a first start makes it (the schema stays open):
// empty, apart from the rows a new database is populated with.
beforeEach(async () => {
	if (!db.isOpen()) await db.open();
	await db.transaction('rw', db.tables, async () => {
		await Promise.all(db.tables.map((table) => table.clear()));
		for (const seeds of Object.values(TABLE_SEEDS)) {
			for (const [table, rows] of Object.entries(seeds)) await db.table(table).bulkPut(rows);
		}
	});
});
