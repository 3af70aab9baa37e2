import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { peppolDocument } from '$lib/domain/peppol-invoice';
import { zipDocuments } from '$lib/domain/zip-documents';
import { aBelgianCustomer, aCompany, aPostedDocument } from '../posted-document-factories';

const modified = new Date(2026, 2, 31, 12, 0, 0);

function anExport(no: string) {
	const { header, lines } = aPostedDocument(no, [{ quantity: 1, unitPriceCents: 18900 }]);
	const result = peppolDocument({
		documentType: 'Invoice',
		header,
		lines,
		seller: aCompany(),
		buyer: aBelgianCustomer(),
		paymentTerms: 'Net 30 days'
	});
	if (!result.ok) throw new Error(result.refusal.message);
	return { name: result.value.fileName, content: result.value.xml };
}

describe('zip of exported documents', () => {
	const files = [anExport('PSI-1001'), anExport('PSI-1002'), anExport('PSI-1003')];
	const zip = zipDocuments(files, modified);

	it('unzips back to the same files', () => {
		const unzipped = unzipSync(zip);
		expect(Object.keys(unzipped)).toEqual([
			'Invoice_PSI-1001.xml',
			'Invoice_PSI-1002.xml',
			'Invoice_PSI-1003.xml'
		]);
		for (const file of files) expect(strFromU8(unzipped[file.name]!)).toBe(file.content);
	});

	it('is a zip file, compressed', () => {
		expect([...zip.slice(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
		const size = files.reduce((sum, file) => sum + file.content.length, 0);
		expect(zip.length).toBeLessThan(size / 2);
	});

	it('gives the same bytes for the same documents', () => {
		expect(zipDocuments(files, modified)).toEqual(zip);
	});

	it('keeps binary content as it is', () => {
		const bytes = new Uint8Array([0, 255, 1, 254]);
		expect([
			...unzipSync(zipDocuments([{ name: 'a.bin', content: bytes }], modified))['a.bin']!
		]).toEqual([0, 255, 1, 254]);
	});

	it('refuses two documents of the same name', () => {
		expect(() => zipDocuments([files[0]!, files[0]!], modified)).toThrow(/Invoice_PSI-1001.xml/);
	});
});
