import { wrongLevel } from './hints';
import type { Exercise } from './model';

/**
 * The exercises on what Ship and Invoice still allow (spec/blocking-policy.md), on the card and
 * on orders shipped and not invoiced. The records they
 * name are the demo company's (src/lib/app/demo-history.ts); tests/unit/exercises.test.ts checks
 * that each one exists as the text says.
 */

const TODAY = { workDateOffsetDays: 0 };

export const BLOCKING_EXERCISES: Exercise[] = [
	{
		id: 'ship-allowed',
		version: 1,
		title: {
			en: 'Block Ship and see what is still allowed',
			nl: 'Verzending blokkeren: wat mag nog?'
		},
		goal: {
			en: 'Ship stops new orders and shipments, nothing else: the customer can still be invoiced and can still pay.',
			nl: 'Verzending houdt nieuwe orders en verzendingen tegen, verder niets: de klant kan nog gefactureerd worden en nog betalen.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Open customer C00030 and set Blocked to Ship, with a reason.',
					nl: 'Open klant C00030 en zet Geblokkeerd op Verzending, met een reden.'
				},
				check: { kind: 'blocked', customer: 'C00030', level: 'Ship' },
				hints: wrongLevel('C00030', 'Ship'),
				href: '/customers/C00030',
				target: { path: '/customers/C00030', selector: '#blocked' }
			},
			{
				id: 'invoice',
				text: {
					en: 'New Sales Order is greyed out now, New Sales Invoice is not: create a New Sales Invoice for C00030 from its card.',
					nl: 'Nieuwe verkooporder is nu grijs, Nieuwe verkoopfactuur niet: maak vanaf de kaart een nieuwe verkoopfactuur voor C00030.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'documentCreated', type: 'Invoice', customer: 'C00030' },
						{ kind: 'level', customer: 'C00030', level: 'Ship' }
					]
				},
				hints: [
					{
						when: { kind: 'not', check: { kind: 'level', customer: 'C00030', level: 'Ship' } },
						text: {
							en: 'C00030 is no longer blocked with Ship: set Blocked back to Ship first.',
							nl: 'C00030 is niet meer geblokkeerd met Verzending: zet Geblokkeerd eerst terug op Verzending.'
						}
					}
				],
				href: '/customers/C00030',
				target: { path: '/customers/C00030', caption: 'action.invoice.create' }
			},
			{
				id: 'payment',
				text: {
					en: 'C00030 pays its open invoice PSI-1015. In the Cash Receipt Journal, add a line for C00030 with Applies-to Doc. No. PSI-1015 and the amount, and post it.',
					nl: 'C00030 betaalt zijn openstaande factuur PSI-1015. Voeg in het kasontvangstenjournaal een regel toe voor C00030 met vereffeningsdocumentnr. PSI-1015 en het bedrag, en boek die.'
				},
				check: { kind: 'payment', customer: 'C00030', appliedTo: 'PSI-1015' },
				hints: [
					{
						when: { kind: 'payment', customer: 'C00030' },
						text: {
							en: 'The payment was posted but not applied to PSI-1015: fill in Applies-to Doc. No. PSI-1015 on the line.',
							nl: 'De betaling is geboekt maar niet vereffend met PSI-1015: vul vereffeningsdocumentnr. PSI-1015 in op de regel.'
						}
					}
				],
				href: '/cash-receipt-journal',
				target: { path: '/cash-receipt-journal', caption: 'journal.newLine' }
			}
		]
	},
	{
		id: 'ship-invoice-shipment',
		version: 1,
		title: {
			en: 'Invoice the shipment of a Ship-blocked customer',
			nl: 'De verzending van een klant met blokkering Verzending factureren'
		},
		goal: {
			en: 'Ship stops new shipments, but what was shipped before the block can still be invoiced.',
			nl: 'Verzending houdt nieuwe verzendingen tegen, maar wat vóór de blokkering verzonden is, kan nog gefactureerd worden.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Customer C00130 has order SO-1001, shipped and not invoiced. Set Blocked of C00130 to Ship.',
					nl: 'Klant C00130 heeft order SO-1001, verzonden en niet gefactureerd. Zet Geblokkeerd van C00130 op Verzending.'
				},
				check: { kind: 'blocked', customer: 'C00130', level: 'Ship' },
				hints: wrongLevel('C00130', 'Ship'),
				href: '/customers/C00130',
				target: { path: '/customers/C00130', selector: '#blocked' }
			},
			{
				id: 'invoice',
				text: {
					en: 'Open order SO-1001: Ship is greyed out, Invoice is not. Post Invoice.',
					nl: 'Open order SO-1001: Verzenden is grijs, Factureren niet. Boek Factureren.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'shipmentInvoiced', order: 'SO-1001' },
						{ kind: 'level', customer: 'C00130', level: 'Ship' }
					]
				},
				hints: [
					{
						when: { kind: 'not', check: { kind: 'level', customer: 'C00130', level: 'Ship' } },
						text: {
							en: 'C00130 is no longer blocked with Ship: the point is to invoice while the block stands. Set Blocked back to Ship.',
							nl: 'C00130 is niet meer geblokkeerd met Verzending: het gaat erom te factureren terwijl de blokkering blijft. Zet Geblokkeerd terug op Verzending.'
						}
					}
				],
				href: '/documents/SO-1001',
				target: { path: '/documents/SO-1001', caption: 'post.invoice' }
			}
		]
	},
	{
		id: 'invoice-shipped-lines',
		version: 1,
		title: {
			en: 'Invoice and lines shipped but not invoiced',
			nl: 'Factureren en verzonden, niet-gefactureerde regels'
		},
		goal: {
			en: 'Invoice also refuses to invoice what was shipped; a credit memo is still allowed. Lift the block to invoice the shipment.',
			nl: 'Factureren weigert ook het factureren van wat verzonden is; een creditnota mag nog. Hef de blokkering op om de verzending te factureren.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Customer C00150 has order SO-1002, shipped and not invoiced. Set Blocked of C00150 to Invoice.',
					nl: 'Klant C00150 heeft order SO-1002, verzonden en niet gefactureerd. Zet Geblokkeerd van C00150 op Factureren.'
				},
				check: { kind: 'blocked', customer: 'C00150', level: 'Invoice' },
				hints: wrongLevel('C00150', 'Invoice'),
				href: '/customers/C00150',
				target: { path: '/customers/C00150', selector: '#blocked' }
			},
			{
				id: 'credit-memo',
				text: {
					en: 'New Sales Invoice is greyed out on the card of C00150, New Sales Credit Memo is not: create a New Sales Credit Memo for C00150.',
					nl: 'Nieuwe verkoopfactuur is grijs op de kaart van C00150, Nieuwe verkoopcreditnota niet: maak een nieuwe verkoopcreditnota voor C00150.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'documentCreated', type: 'CreditMemo', customer: 'C00150' },
						{ kind: 'level', customer: 'C00150', level: 'Invoice' }
					]
				},
				href: '/customers/C00150',
				target: { path: '/customers/C00150', caption: 'action.creditMemo.create' }
			},
			{
				id: 'lift-and-invoice',
				text: {
					en: 'Order SO-1002 cannot be invoiced while C00150 is blocked with Invoice. Set Blocked of C00150 to blank, then post Invoice on order SO-1002.',
					nl: 'Order SO-1002 kan niet gefactureerd worden zolang C00150 geblokkeerd is met Factureren. Maak Geblokkeerd van C00150 leeg en boek dan Factureren op order SO-1002.'
				},
				check: { kind: 'shipmentInvoiced', order: 'SO-1002' },
				hints: [
					{
						when: { kind: 'level', customer: 'C00150', level: 'Invoice' },
						text: {
							en: 'Invoice refuses to invoice what was shipped: set Blocked of C00150 to blank first.',
							nl: 'Factureren weigert het factureren van wat verzonden is: maak Geblokkeerd van C00150 eerst leeg.'
						}
					}
				],
				href: '/documents/SO-1002',
				target: { path: '/documents/SO-1002', caption: 'post.invoice' }
			}
		]
	}
];
