export interface Item {
	no: string;
	description: string;
	baseUnitOfMeasure: string;
	unitPriceCents: number;
	vatPct: number;
}
