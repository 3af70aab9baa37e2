import { db, type NumberSeries } from '$lib/db/db';

/** The series a new company starts with; Business Central-like numbers (C00010, SO-1001). */
export const DEFAULT_SERIES: readonly NumberSeries[] = [
	{ code: 'CUST', prefix: 'C', lastNo: 0, increment: 10, width: 5 },
	{ code: 'ITEM', prefix: 'I', lastNo: 1000, increment: 10, width: 4 },
	{ code: 'S-QUO', prefix: 'SQ-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-ORD', prefix: 'SO-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-INV', prefix: 'SI-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-CR', prefix: 'SCM-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-BLK', prefix: 'SBO-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-RET', prefix: 'SRO-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-SHPT', prefix: 'PSS-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-PINV', prefix: 'PSI-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-PCR', prefix: 'PSCM-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'S-RCPT', prefix: 'PRR-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'CASHRCPT', prefix: 'PMT-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'REMINDER', prefix: 'R-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'ISSREM', prefix: 'IR-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'FINCHRG', prefix: 'FC-', lastNo: 1000, increment: 1, width: 4 },
	{ code: 'ISSFINCHRG', prefix: 'IFC-', lastNo: 1000, increment: 1, width: 4 }
];

/**
 * A number read from a series but not yet taken: a command's read step reads it, and its write
 * step stores `series` (the series with this number as its last) when the plan uses it.
 */
export interface NextNo {
	no: string;
	series: NumberSeries;
}

/** The next entry No. of a ledger (1, 2, 3…), read inside a transaction over `numberSeries`. */
export async function readNextEntryNo(
	code: string
): Promise<{ entryNo: number; series: NumberSeries }> {
	const series = await db.numberSeries.get(code);
	const entryNo = (series?.lastNo ?? 0) + 1;
	return { entryNo, series: { code, prefix: '', lastNo: entryNo, increment: 1, width: 0 } };
}

/** Draws the next entry No. of a ledger; inside a transaction over `numberSeries`. */
export async function nextEntryNo(code: string): Promise<number> {
	const { entryNo, series } = await readNextEntryNo(code);
	await db.numberSeries.put(series);
	return entryNo;
}

export function formatNo(series: NumberSeries, value: number): string {
	return series.prefix + String(value).padStart(series.width, '0');
}

/** A series as stored, or its default when it was never stored. */
function seriesOrDefault(stored: NumberSeries | undefined, code: string): NumberSeries {
	return (
		stored ??
		DEFAULT_SERIES.find((candidate) => candidate.code === code) ?? {
			code,
			prefix: `${code}-`,
			lastNo: 0,
			increment: 1,
			width: 4
		}
	);
}

/**
 * Reads the next number of a series without taking it, inside a transaction that includes
 * `numberSeries`; numbers already taken (`isTaken`) are skipped, e.g. after an import.
 */
export async function readNextNo(
	code: string,
	isTaken: (no: string) => Promise<boolean>
): Promise<NextNo> {
	const series = seriesOrDefault(await db.numberSeries.get(code), code);
	let value = series.lastNo;
	let no: string;
	do {
		value += series.increment;
		no = formatNo(series, value);
	} while (await isTaken(no));
	return { no, series: { ...series, lastNo: value } };
}

/**
 * Draws the next number of a series. Call inside a read-write transaction that includes
 * `numberSeries`; numbers already taken (`isTaken`) are skipped, e.g. after an import.
 * The loop is not shared with readNextNo on purpose: one more awaited hop between the last
 * read and the write lets IndexedDB commit the caller's transaction early.
 */
export async function nextNo(
	code: string,
	isTaken: (no: string) => Promise<boolean>
): Promise<string> {
	const series = seriesOrDefault(await db.numberSeries.get(code), code);
	let value = series.lastNo;
	let no: string;
	do {
		value += series.increment;
		no = formatNo(series, value);
	} while (await isTaken(no));
	await db.numberSeries.put({ ...series, lastNo: value });
	return no;
}
