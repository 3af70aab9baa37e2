import { create } from 'xmlbuilder2';

/**
 * The XML side of a Peppol BIS Billing 3.0 document: a small element tree in which empty
 * optional elements fold away (PEPPOL-EN16931-R008), amounts and decimals as UBL writes them,
 * and the serialisation with xmlbuilder2 (which escapes every value).
 */

export const CURRENCY = 'EUR';

export const NS = {
	Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
	cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2'
};

export interface Element {
	name: string;
	attributes?: Record<string, string>;
	text?: string;
	children?: Element[];
}

type Content = string | number | undefined | null | readonly (Element | null)[];

export function el(
	name: string,
	content: Content,
	attributes?: Record<string, string>
): Element | null {
	if (content === undefined || content === null || content === '') return null;
	if (typeof content === 'string' || typeof content === 'number')
		return { name, attributes, text: String(content) };
	const children = content.filter((child): child is Element => child !== null);
	return children.length === 0 ? null : { name, attributes, children };
}

export function amount(name: string, cents: number): Element {
	const sign = cents < 0 ? '-' : '';
	const abs = Math.abs(cents);
	const text = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
	return { name, attributes: { currencyID: CURRENCY }, text };
}

/** Quantities and percentages without trailing zeros: 2.5, 21, 0.12345. */
export function decimal(value: number, decimals: number): string {
	return value.toFixed(decimals).replace(/\.?0+$/, '');
}

export function serialize(root: Element, rootNs: string): string {
	const doc = create({ version: '1.0', encoding: 'UTF-8' });
	const append = (parent: ReturnType<typeof doc.ele>, element: Element) => {
		const prefix = element.name.split(':')[0] ?? '';
		const ns = prefix === 'cac' ? NS.cac : prefix === 'cbc' ? NS.cbc : rootNs;
		const node = parent.ele(ns, element.name, element.attributes);
		if (element.text !== undefined) node.txt(element.text);
		for (const child of element.children ?? []) append(node, child);
	};
	const top = doc.ele(rootNs, root.name, {
		'xmlns:cac': NS.cac,
		'xmlns:cbc': NS.cbc
	});
	for (const child of root.children ?? []) append(top, child);
	return doc.end({ prettyPrint: true });
}
