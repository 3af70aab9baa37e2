import type { Hint } from './model';

/** The Dutch captions of the levels, as the seed names them. */
const DUTCH = { Ship: 'Verzending', Invoice: 'Factureren', All: 'Alle' } as const;

/** What a level that is too strong stops beyond the one a step asks for. */
const TOO_MUCH: Record<string, { en: string; nl: string }> = {
	'All>Ship': {
		en: 'All also refuses payments; Ship only stops new orders and shipments.',
		nl: 'Alle weigert ook betalingen; Verzending houdt alleen nieuwe orders en verzendingen tegen.'
	},
	'Invoice>Ship': {
		en: 'Invoice also stops new invoices and invoicing what was shipped; Ship only stops new orders and shipments.',
		nl: 'Factureren houdt ook nieuwe facturen en het factureren van verzendingen tegen; Verzending houdt alleen nieuwe orders en verzendingen tegen.'
	},
	'All>Invoice': {
		en: 'All also refuses payments and credit memos; Invoice still allows them.',
		nl: "Alle weigert ook betalingen en creditnota's; Factureren laat die nog toe."
	},
	'Ship>Invoice': {
		en: 'Ship still lets you invoice what was shipped; Invoice does not.',
		nl: 'Verzending laat het factureren van verzendingen nog toe; Factureren niet.'
	}
};

/** The hints for a step that asks to block `customer` with `wanted`: the typical wrong levels. */
export function wrongLevel(customer: string, wanted: 'Ship' | 'Invoice'): Hint[] {
	return (['All', 'Invoice', 'Ship'] as const)
		.filter((level) => TOO_MUCH[`${level}>${wanted}`])
		.map((level) => {
			const why = TOO_MUCH[`${level}>${wanted}`]!;
			return {
				when: { kind: 'blocked', customer, level },
				text: {
					en: `${why.en} Set Blocked of ${customer} to ${wanted}.`,
					nl: `${why.nl} Zet Geblokkeerd van ${customer} op ${DUTCH[wanted]}.`
				}
			};
		});
}
