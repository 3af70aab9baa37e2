import { lineAmountCents } from '$lib/domain/amounts';
import type { PeppolParty, PeppolSeller } from '$lib/domain/peppol-parties';
import {
	newPostedHeader,
	newPostedLine,
	type PostedHeader,
	type PostedLine,
	type PostedLineSource
} from '$lib/domain/posted';

/**
 * Posted invoices and credit memos built as posting builds them (newPostedLine computes each
 * line's VAT, newPostedHeader sums the lines), and the company and customers they go between.
 */

export type LineSpec = Partial<PostedLineSource> & { quantity: number };

export function aPostedDocument(
	no: string,
	specs: readonly LineSpec[],
	header: Partial<PostedHeader> = {}
): { header: PostedHeader; lines: PostedLine[] } {
	const lines = specs.map((spec, index) => {
		const source: PostedLineSource = {
			type: 'Item',
			no: `I${1010 + index * 10}`,
			description: `Item ${index + 1}`,
			unitOfMeasure: 'PCS',
			unitPriceCents: 1000,
			lineDiscountPct: 0,
			vatPct: 21,
			...spec
		};
		return newPostedLine(source, {
			id: `${no}-${index + 1}`,
			documentNo: no,
			lineNo: (index + 1) * 10000,
			quantity: spec.quantity,
			amountCents:
				source.type === 'Comment' ? 0 : lineAmountCents({ ...source, quantity: spec.quantity })
		});
	});
	const posted = newPostedHeader(
		{
			sellToCustomerNo: 'C10000',
			sellToName: 'Brasserie De Kroon BV',
			billToCustomerNo: 'C10000',
			billToName: 'Brasserie De Kroon BV',
			postingDate: '2026-03-02',
			documentDate: '2026-03-02',
			dueDate: '2026-04-01',
			externalDocumentNo: 'PO-7781'
		},
		no,
		'SI-1001',
		lines
	);
	return { header: { ...posted, ...header }, lines };
}

export function aCompany(overrides: Partial<PeppolSeller> = {}): PeppolSeller {
	return {
		name: 'Holdfast Demo NV',
		address: 'Kerkstraat 12',
		address2: '',
		postCode: '9000',
		city: 'Gent',
		countryCode: 'BE',
		vatRegistrationNo: 'BE0202239951',
		enterpriseNo: '0202239951',
		email: 'invoices@holdfast.example',
		phone: '+32 9 123 45 67',
		iban: 'BE68539007547034',
		bic: 'GKCCBEBB',
		...overrides
	};
}

export function aBelgianCustomer(overrides: Partial<PeppolParty> = {}): PeppolParty {
	return {
		name: 'Brasserie De Kroon BV',
		address: 'Grote Markt 1',
		postCode: '2000',
		city: 'Antwerpen',
		countryCode: 'BE',
		vatRegistrationNo: 'BE0400.378.485',
		enterpriseNo: '',
		email: 'boekhouding@dekroon.example',
		phone: '',
		...overrides
	};
}
