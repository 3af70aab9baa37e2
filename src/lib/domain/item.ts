export interface Item {
	no: string;
	description: string;
	baseUnitOfMeasure: string;
	unitPriceCents: number;
	vatPct: number;
	/** Lower-case prefixes index: the No. and every word of the Description. */
	searchTerms: string[];
}
