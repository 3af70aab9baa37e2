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

/** The next entry No. of a ledger (1, 2, 3…); inside a transaction over `numberSeries`. */
export async function nextEntryNo(code: string): Promise<number> {
	const series = await db.numberSeries.get(code);
	const value = (series?.lastNo ?? 0) + 1;
	await db.numberSeries.put({ code, prefix: '', lastNo: value, increment: 1, width: 0 });
	return value;
}

export function formatNo(series: NumberSeries, value: number): string {
	return series.prefix + String(value).padStart(series.width, '0');
}

/**
 * Draws the next number of a series. Call inside a read-write transaction that includes
 * `numberSeries`; numbers already taken (`isTaken`) are skipped, e.g. after an import.
 */
export async function nextNo(
	code: string,
	isTaken: (no: string) => Promise<boolean>
): Promise<string> {
	const series = (await db.numberSeries.get(code)) ??
		DEFAULT_SERIES.find((candidate) => candidate.code === code) ?? {
			code,
			prefix: `${code}-`,
			lastNo: 0,
			increment: 1,
			width: 4
		};
	let value = series.lastNo;
	let no: string;
	do {
		value += series.increment;
		no = formatNo(series, value);
	} while (await isTaken(no));
	await db.numberSeries.put({ ...series, lastNo: value });
	return no;
}
