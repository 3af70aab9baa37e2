import { wrongLevel } from './hints';
import type { Exercise } from './model';

/**
 * The exercises on the customer's block beyond its level: Privacy Blocked, a blocked bill-to
 * customer, and Blocked Until with the work date. The records they name are the demo
 * company's (src/lib/app/demo-history.ts).
 */

const TODAY = { workDateOffsetDays: 0 };

export const CUSTOMER_EXERCISES: Exercise[] = [
	{
		id: 'privacy',
		version: 1,
		title: { en: 'Privacy Blocked', nl: 'Privacy geblokkeerd' },
		goal: {
			en: 'Privacy Blocked blocks like All with its own message; changing Blocked clears it, after a question.',
			nl: 'Privacy geblokkeerd blokkeert zoals Alle, met een eigen melding; Geblokkeerd wijzigen wist het, na een vraag.'
		},
		start: TODAY,
		steps: [
			{
				id: 'privacy',
				text: {
					en: 'Customer C00140 asks to be forgotten. Select Privacy Blocked on its card: Blocked turns to All by itself.',
					nl: 'Klant C00140 vraagt om vergeten te worden. Vink Privacy geblokkeerd aan op de kaart: Geblokkeerd wordt vanzelf Alle.'
				},
				check: { kind: 'privacyBlocked', customer: 'C00140', value: true },
				hints: [
					{
						when: { kind: 'blocked', customer: 'C00140', level: 'All' },
						text: {
							en: 'Blocked All is not Privacy Blocked: select the Privacy Blocked check box of C00140.',
							nl: 'Geblokkeerd Alle is niet Privacy geblokkeerd: vink het vak Privacy geblokkeerd van C00140 aan.'
						}
					}
				],
				href: '/customers/C00140',
				target: { path: '/customers/C00140', selector: '#privacyBlocked' }
			},
			{
				id: 'clear',
				text: {
					en: 'Customer C00070 is privacy-blocked and may now buy again, with Ship blocked. Set its Blocked to Ship and answer Yes: Privacy Blocked is cleared.',
					nl: 'Klant C00070 is privacy geblokkeerd en mag weer kopen, met Verzending geblokkeerd. Zet Geblokkeerd op Verzending en antwoord Ja: Privacy geblokkeerd wordt gewist.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'privacyBlocked', customer: 'C00070', value: false },
						{ kind: 'level', customer: 'C00070', level: 'Ship' }
					]
				},
				hints: [
					{
						when: { kind: 'privacyBlocked', customer: 'C00070', value: false },
						text: {
							en: 'Clearing Privacy Blocked set Blocked to blank; this step asks for Ship. Set Blocked of C00070 to Ship.',
							nl: 'Privacy geblokkeerd wissen zette Geblokkeerd op leeg; deze stap vraagt Verzending. Zet Geblokkeerd van C00070 op Verzending.'
						}
					}
				],
				href: '/customers/C00070',
				target: { path: '/customers/C00070', selector: '#blocked' }
			}
		]
	},
	{
		id: 'bill-to-blocked',
		version: 1,
		title: { en: 'A blocked bill-to customer', nl: 'Een geblokkeerde factuurklant' },
		goal: {
			en: "A block on the bill-to customer stops the sell-to customer's documents too: both are checked, sell-to first.",
			nl: 'Een blokkering van de factuurklant houdt ook de documenten van de orderklant tegen: beide worden gecontroleerd, de orderklant eerst.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Customer C00100 is billed to C00090. Set Blocked of the bill-to customer C00090 to Ship.',
					nl: 'Klant C00100 wordt gefactureerd aan C00090. Zet Geblokkeerd van de factuurklant C00090 op Verzending.'
				},
				check: { kind: 'blocked', customer: 'C00090', level: 'Ship' },
				hints: wrongLevel('C00090', 'Ship'),
				href: '/customers/C00090',
				target: { path: '/customers/C00090', selector: '#blocked' }
			},
			{
				id: 'bill-to',
				text: {
					en: 'Open order SO-1003 of C00100: Ship is greyed out because of C00090. Let C00100 pay for this order itself: set Bill-to Customer to C00100.',
					nl: 'Open order SO-1003 van C00100: Verzenden is grijs door C00090. Laat C00100 deze order zelf betalen: zet Factuurklant op C00100.'
				},
				check: { kind: 'billTo', document: 'SO-1003', customer: 'C00100' },
				href: '/documents/SO-1003',
				target: { path: '/documents/SO-1003', label: 'document.billTo' }
			},
			{
				id: 'ship',
				text: {
					en: 'Now post Ship on order SO-1003.',
					nl: 'Boek nu Verzenden op order SO-1003.'
				},
				check: { kind: 'shipped', order: 'SO-1003', billTo: 'C00100' },
				hints: [
					{
						when: { kind: 'billTo', document: 'SO-1003', customer: 'C00090' },
						text: {
							en: 'The bill-to customer of SO-1003 is C00090 again, which is blocked with Ship: set Bill-to Customer to C00100.',
							nl: 'De factuurklant van SO-1003 is weer C00090, die geblokkeerd is met Verzending: zet Factuurklant op C00100.'
						}
					}
				],
				href: '/documents/SO-1003',
				target: { path: '/documents/SO-1003', caption: 'post.ship' }
			}
		]
	},
	{
		id: 'blocked-until',
		version: 1,
		title: { en: 'Blocked Until and the work date', nl: 'Geblokkeerd tot en de werkdatum' },
		goal: {
			en: 'A block with Blocked Until lifts by itself once the work date reaches that date.',
			nl: 'Een blokkering met Geblokkeerd tot wordt vanzelf opgeheven zodra de werkdatum die datum bereikt.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Set Blocked of C00020 to Invoice with reason CREDIT REVIEW, and in the same dialog a Blocked Until date one week after the work date.',
					nl: 'Zet Geblokkeerd van C00020 op Factureren met reden CREDIT REVIEW en in hetzelfde venster een datum Geblokkeerd tot een week na de werkdatum.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'blocked', customer: 'C00020', level: 'Invoice' },
						{ kind: 'blockedUntilSet', customer: 'C00020' }
					]
				},
				hints: [
					{
						when: { kind: 'blocked', customer: 'C00020', level: 'Invoice' },
						text: {
							en: 'C00020 is blocked with Invoice but without a Blocked Until date after the work date: set Blocked Until on its card.',
							nl: 'C00020 is geblokkeerd met Factureren maar zonder datum Geblokkeerd tot na de werkdatum: vul Geblokkeerd tot in op de kaart.'
						}
					},
					...wrongLevel('C00020', 'Invoice')
				],
				href: '/customers/C00020',
				target: { path: '/customers/C00020', selector: '#blocked' }
			},
			{
				id: 'work-date',
				text: {
					en: 'In Settings, move the Work Date to the Blocked Until date of C00020 or later, and confirm: the block lifts by itself.',
					nl: 'Zet in Instellingen de werkdatum op de datum Geblokkeerd tot van C00020 of later, en bevestig: de blokkering wordt vanzelf opgeheven.'
				},
				check: { kind: 'released', customer: 'C00020' },
				hints: [
					{
						when: {
							kind: 'all',
							checks: [
								{ kind: 'workDateMoved' },
								{ kind: 'not', check: { kind: 'workDateReached', customer: 'C00020' } }
							]
						},
						text: {
							en: 'The work date is still before Blocked Until of C00020: the block stays. Move it further.',
							nl: 'De werkdatum ligt nog vóór Geblokkeerd tot van C00020: de blokkering blijft. Zet ze verder.'
						}
					}
				],
				href: '/settings',
				target: { path: '/settings', selector: '#workDate' }
			}
		]
	}
];
