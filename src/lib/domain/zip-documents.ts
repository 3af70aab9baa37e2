import { strToU8, zipSync, type Zippable } from 'fflate';

/**
 * Several exported documents (e-invoices of a period) as one zip file, built by `fflate`.
 * `modified` is the date the entries carry: passed in, so the same documents give the same
 * bytes. Names must be unique — documents are named after their unique Nos.
 */
export interface ZipEntry {
	name: string;
	content: string | Uint8Array;
}

export function zipDocuments(files: readonly ZipEntry[], modified: Date): Uint8Array {
	const entries: Zippable = {};
	for (const file of files) {
		if (file.name in entries) throw new Error(`Two documents are named ${file.name}.`);
		const data = typeof file.content === 'string' ? strToU8(file.content) : file.content;
		entries[file.name] = [data, { mtime: modified }];
	}
	return zipSync(entries, { level: 6 });
}
