import { companyTables, db } from '$lib/db/db';

/**
 * What the company holds at one moment, compact enough to keep while an outcome offers Undo:
 * per table the number of rows and a hash of them, and per row a hash of its content (for
 * tables up to ROWS_KEPT rows; a larger table is compared as a whole).
 */
export interface CompanyFingerprint {
	tables: Record<string, TableFingerprint>;
}

interface TableFingerprint {
	count: number;
	hash: number;
	/** Row key (as JSON) → hash of the row. */
	rows?: Map<string, number>;
}

/** Tables larger than this (a scale test) keep no per-row hashes: memory stays small. */
const ROWS_KEPT = 100_000;

/** FNV-1a over the text: enough to tell a changed row from an unchanged one. */
function hashText(text: string, seed = 0x811c9dc5): number {
	let hash = seed;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

/**
 * Reads every table of the company (in one read transaction, or inside the caller's) and
 * fingerprints it: a write by any command, in any tab, changes the fingerprint.
 */
export async function companyFingerprint(): Promise<CompanyFingerprint> {
	const tables: Record<string, TableFingerprint> = {};
	await db.transaction('r', companyTables(), async () => {
		for (const table of companyTables()) {
			const [keys, rows] = await Promise.all([table.toCollection().primaryKeys(), table.toArray()]);
			const kept = rows.length <= ROWS_KEPT ? new Map<string, number>() : undefined;
			let hash = hashText(String(rows.length));
			rows.forEach((row, index) => {
				const key = JSON.stringify(keys[index]);
				const rowHash = hashText(JSON.stringify(row), hashText(key));
				kept?.set(key, rowHash);
				hash = hashText(String(rowHash), hash);
			});
			tables[table.name] = { count: rows.length, hash, rows: kept };
		}
	});
	return { tables };
}

/**
 * About how many records were added, changed or deleted between two fingerprints: exact for
 * tables whose rows were hashed, otherwise the difference in count (at least 1 when changed).
 */
export function changedRecords(before: CompanyFingerprint, after: CompanyFingerprint): number {
	let changed = 0;
	const names = new Set([...Object.keys(before.tables), ...Object.keys(after.tables)]);
	for (const name of names) {
		const was = before.tables[name] ?? { count: 0, hash: 0, rows: new Map() };
		const now = after.tables[name] ?? { count: 0, hash: 0, rows: new Map() };
		if (was.count === now.count && was.hash === now.hash) continue;
		if (was.rows && now.rows) {
			for (const [key, hash] of now.rows) if (was.rows.get(key) !== hash) changed++;
			for (const key of was.rows.keys()) if (!now.rows.has(key)) changed++;
		} else {
			changed += Math.max(Math.abs(now.count - was.count), 1);
		}
	}
	return changed;
}
