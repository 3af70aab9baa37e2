import type { Exercise } from './model';

/**
 * The exercises on collecting money with blocked customers: All and a payment, an entry on hold
 * in Create Reminders, bulk-blocking the overdue customers and undoing the batch, and batch runs
 * of reminders and finance charge memos that skip blocked customers. The records they name are
 * the demo company's (src/lib/app/demo-history.ts).
 */

const TODAY = { workDateOffsetDays: 0 };

export const RECEIVABLES_EXERCISES: Exercise[] = [
	{
		id: 'all-payment',
		version: 1,
		title: { en: 'All and a payment', nl: 'Alle en een betaling' },
		goal: {
			en: 'All refuses every transaction, payments included; Invoice and Ship still let a payment in.',
			nl: 'Alle weigert elke transactie, ook betalingen; Factureren en Verzending laten een betaling nog toe.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block-all',
				text: {
					en: 'Customer C00080 is 40 days late with invoice PSI-1007. Set Blocked of C00080 to All, reason INSOLVENCY.',
					nl: 'Klant C00080 is 40 dagen te laat met factuur PSI-1007. Zet Geblokkeerd van C00080 op Alle, reden INSOLVENCY.'
				},
				check: { kind: 'blocked', customer: 'C00080', level: 'All' },
				hints: [
					{
						when: {
							kind: 'any',
							checks: [
								{ kind: 'blocked', customer: 'C00080', level: 'Ship' },
								{ kind: 'blocked', customer: 'C00080', level: 'Invoice' }
							]
						},
						text: {
							en: 'This step asks for All, the level that refuses every transaction. Set Blocked of C00080 to All.',
							nl: 'Deze stap vraagt Alle, het niveau dat elke transactie weigert. Zet Geblokkeerd van C00080 op Alle.'
						}
					}
				],
				href: '/customers/C00080',
				target: { path: '/customers/C00080', selector: '#blocked' }
			},
			{
				id: 'to-invoice',
				text: {
					en: 'The curator pays PSI-1007 after all, but All refuses payments. Change Blocked of C00080 to Invoice: no new invoices, yet the payment can be posted.',
					nl: 'De curator betaalt PSI-1007 toch, maar Alle weigert betalingen. Wijzig Geblokkeerd van C00080 in Factureren: geen nieuwe facturen, maar de betaling kan geboekt worden.'
				},
				check: { kind: 'blocked', customer: 'C00080', level: 'Invoice' },
				hints: [
					{
						when: { kind: 'blocked', customer: 'C00080', level: '' },
						text: {
							en: 'Blank lifts the block altogether; Invoice keeps new invoices out and still takes payments. Set Blocked of C00080 to Invoice.',
							nl: 'Leeg heft de blokkering helemaal op; Factureren houdt nieuwe facturen tegen en neemt nog betalingen aan. Zet Geblokkeerd van C00080 op Factureren.'
						}
					}
				],
				href: '/customers/C00080',
				target: { path: '/customers/C00080', selector: '#blocked' }
			},
			{
				id: 'payment',
				text: {
					en: 'In the Cash Receipt Journal, post a payment of C00080 with Applies-to Doc. No. PSI-1007 for its remaining amount.',
					nl: 'Boek in het kasontvangstenjournaal een betaling van C00080 met vereffeningsdocumentnr. PSI-1007 voor het resterende bedrag.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'payment', customer: 'C00080', appliedTo: 'PSI-1007' },
						{ kind: 'level', customer: 'C00080', level: 'Invoice' }
					]
				},
				hints: [
					{
						when: { kind: 'level', customer: 'C00080', level: 'All' },
						text: {
							en: 'All also refuses payments; Ship and Invoice let them in. Set Blocked of C00080 back to Invoice.',
							nl: 'Alle weigert ook betalingen; Verzending en Factureren laten ze toe. Zet Geblokkeerd van C00080 terug op Factureren.'
						}
					},
					{
						when: { kind: 'payment', customer: 'C00080' },
						text: {
							en: 'The payment was posted but not applied to PSI-1007: fill in Applies-to Doc. No. PSI-1007 on the line.',
							nl: 'De betaling is geboekt maar niet vereffend met PSI-1007: vul vereffeningsdocumentnr. PSI-1007 in op de regel.'
						}
					}
				],
				href: '/cash-receipt-journal',
				target: { path: '/cash-receipt-journal', caption: 'journal.newLine' }
			}
		]
	},
	{
		id: 'on-hold-reminders',
		version: 1,
		title: {
			en: 'An entry on hold and Create Reminders',
			nl: 'Een post op afwachten en Aanmaningen maken'
		},
		goal: {
			en: 'An entry on hold is never reminded nor charged interest; the rest of the customer is reminded as usual.',
			nl: 'Een post op afwachten wordt nooit aangemaand en krijgt geen rente; de rest van de klant wordt gewoon aangemaand.'
		},
		start: TODAY,
		steps: [
			{
				id: 'hold',
				text: {
					en: 'Customer C00120 disputes invoice PSI-1011. In Customer Ledger Entries, set On Hold of its entry to DSP.',
					nl: 'Klant C00120 betwist factuur PSI-1011. Zet in Klantenposten Op afwachten van die post op DSP.'
				},
				check: { kind: 'onHold', document: 'PSI-1011', value: true },
				href: '/ledger?customer=C00120',
				target: { path: '/ledger', selector: 'tr:has(a[href$="/PSI-1011"]) input.hold' }
			},
			{
				id: 'create',
				text: {
					en: 'In Reminders, create reminders for C00120 (Customer Nos. C00120). The reminder takes PSI-1004 and leaves PSI-1011 and PSI-1009 (on hold) out.',
					nl: 'Maak in Aanmaningen aanmaningen voor C00120 (klantnrs. C00120). De aanmaning neemt PSI-1004 en laat PSI-1011 en PSI-1009 (op afwachten) weg.'
				},
				check: {
					kind: 'reminder',
					customer: 'C00120',
					includes: ['PSI-1004'],
					excludes: ['PSI-1011', 'PSI-1009']
				},
				hints: [
					{
						when: { kind: 'reminder', customer: 'C00120', includes: ['PSI-1011'] },
						text: {
							en: 'The reminder lists PSI-1011: it was made with Include entries on hold, or before the entry was on hold. Delete it and create it again without that option.',
							nl: 'De aanmaning bevat PSI-1011: ze is gemaakt met Posten op afwachten meenemen, of voordat de post op afwachten stond. Verwijder ze en maak ze opnieuw zonder die optie.'
						}
					},
					{
						when: { kind: 'onHold', document: 'PSI-1011', value: false },
						text: {
							en: 'PSI-1011 is no longer on hold: set its On Hold back to DSP.',
							nl: 'PSI-1011 staat niet meer op afwachten: zet Op afwachten terug op DSP.'
						}
					}
				],
				href: '/reminders',
				target: { path: '/reminders', caption: 'reminders.run' }
			},
			{
				id: 'issue',
				text: {
					en: 'Open the new reminder of C00120 and Issue it: PSI-1004 goes to level 2.',
					nl: 'Open de nieuwe aanmaning van C00120 en verstuur ze: PSI-1004 gaat naar niveau 2.'
				},
				check: { kind: 'reminder', customer: 'C00120', issued: true, excludes: ['PSI-1011'] },
				href: '/reminders',
				target: { path: '/reminders/', caption: 'reminders.issue' }
			}
		]
	},
	{
		id: 'bulk-block',
		version: 1,
		title: {
			en: 'Bulk-block the overdue customers and undo the batch',
			nl: 'De klanten met vervallen posten in één keer blokkeren en de batch ongedaan maken'
		},
		goal: {
			en: 'Block suggestions find the customers past a rule; one batch blocks them all, and Undo batch gives each its block back.',
			nl: 'Blokkeringsvoorstellen vinden de klanten die een regel overschrijden; één batch blokkeert ze allemaal, en Batch ongedaan maken geeft elk zijn blokkering terug.'
		},
		start: TODAY,
		steps: [
			{
				id: 'apply',
				text: {
					en: 'In Settings, under Block suggestions, find the customers whose oldest overdue entry is 30 days or more (C00080 and C00120), and block them with Ship.',
					nl: 'Zoek in Instellingen, onder Blokkeringsvoorstellen, de klanten waarvan de oudste vervallen post minstens 30 dagen oud is (C00080 en C00120), en blokkeer ze met Verzending.'
				},
				check: {
					kind: 'batch',
					level: 'Ship',
					customers: ['C00080', 'C00120'],
					excludes: ['C00090', 'C00110']
				},
				hints: [
					{
						when: {
							kind: 'any',
							checks: [
								{ kind: 'batch', level: 'Ship', customers: ['C00110'] },
								{ kind: 'batch', level: 'Ship', customers: ['C00090'] }
							]
						},
						text: {
							en: 'The batch also blocked C00090 or C00110, which are less than 30 days overdue. Undo the batch and find the customers with Oldest overdue at least 30 days.',
							nl: 'De batch blokkeerde ook C00090 of C00110, die minder dan 30 dagen vervallen zijn. Maak de batch ongedaan en zoek de klanten met oudste vervallen post minstens 30 dagen.'
						}
					},
					{
						when: {
							kind: 'any',
							checks: [
								{ kind: 'batch', level: 'Invoice', customers: ['C00080'] },
								{ kind: 'batch', level: 'All', customers: ['C00080'] }
							]
						},
						text: {
							en: 'This step asks for Ship. Undo the batch and apply Ship.',
							nl: 'Deze stap vraagt Verzending. Maak de batch ongedaan en pas Verzending toe.'
						}
					}
				],
				href: '/settings',
				target: { path: '/settings', caption: 'suggest.run' }
			},
			{
				id: 'undo',
				text: {
					en: 'Choose Undo batch: C00080 and C00120 are unblocked again, and their history shows the batch and its undo.',
					nl: 'Kies Batch ongedaan maken: C00080 en C00120 zijn weer vrij, en hun geschiedenis toont de batch en het ongedaan maken.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'batch', level: '', from: 'Ship', customers: ['C00080', 'C00120'] },
						{ kind: 'level', customer: 'C00080', level: '' },
						{ kind: 'level', customer: 'C00120', level: '' }
					]
				},
				href: '/settings',
				target: { path: '/settings', caption: 'bulk.undo' }
			}
		]
	},
	{
		id: 'dunning-run',
		version: 1,
		title: {
			en: 'Reminders and finance charge memos with blocked customers in the run',
			nl: 'Aanmaningen en rentefacturen met geblokkeerde klanten in de run'
		},
		goal: {
			en: 'Create Reminders and Create Finance Charge Memos skip a customer blocked with All and say why; Invoice still lets reminders out.',
			nl: 'Aanmaningen maken en Rentefacturen maken slaan een klant met blokkering Alle over en zeggen waarom; Factureren laat aanmaningen nog door.'
		},
		start: TODAY,
		steps: [
			{
				id: 'block',
				text: {
					en: 'Set Blocked of C00080 to All, and Blocked of C00110 to Invoice.',
					nl: 'Zet Geblokkeerd van C00080 op Alle, en Geblokkeerd van C00110 op Factureren.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'blocked', customer: 'C00080', level: 'All' },
						{ kind: 'blocked', customer: 'C00110', level: 'Invoice' }
					]
				},
				href: '/customers/C00080',
				target: { path: '/customers/C00', selector: '#blocked' }
			},
			{
				id: 'reminders',
				text: {
					en: 'In Reminders, create reminders for all customers (Customer Nos. blank). C00080 is skipped with the reason; C00110 gets one.',
					nl: 'Maak in Aanmaningen aanmaningen voor alle klanten (klantnrs. leeg). C00080 wordt overgeslagen met de reden; C00110 krijgt er een.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'reminder', customer: 'C00110' },
						{ kind: 'not', check: { kind: 'reminder', customer: 'C00080' } }
					]
				},
				hints: [
					{
						when: { kind: 'reminder', customer: 'C00080' },
						text: {
							en: 'C00080 got a reminder: it was not blocked with All when the run was made. Delete that reminder and check Blocked of C00080.',
							nl: 'C00080 kreeg een aanmaning: het was niet geblokkeerd met Alle toen de run liep. Verwijder die aanmaning en controleer Geblokkeerd van C00080.'
						}
					}
				],
				href: '/reminders',
				target: { path: '/reminders', caption: 'reminders.run' }
			},
			{
				id: 'issue',
				text: {
					en: 'Open the reminder of C00110 and Issue it: Invoice still lets reminders go out.',
					nl: 'Open de aanmaning van C00110 en verstuur ze: Factureren laat aanmaningen nog door.'
				},
				check: { kind: 'reminder', customer: 'C00110', issued: true },
				href: '/reminders',
				target: { path: '/reminders/', caption: 'reminders.issue' }
			},
			{
				id: 'memos',
				text: {
					en: 'In Finance Charge Memos, create memos for all customers: C00080 is skipped again, the others overdue past the grace period get one.',
					nl: 'Maak in Rentefacturen rentefacturen voor alle klanten: C00080 wordt weer overgeslagen, de andere die langer dan de respijttermijn vervallen zijn krijgen er een.'
				},
				check: {
					kind: 'all',
					checks: [
						{ kind: 'financeChargeMemo' },
						{ kind: 'not', check: { kind: 'financeChargeMemo', customer: 'C00080' } }
					]
				},
				hints: [
					{
						when: { kind: 'financeChargeMemo', customer: 'C00080' },
						text: {
							en: 'C00080 got a finance charge memo: it was not blocked with All when the run was made. Delete the memo and set Blocked of C00080 to All.',
							nl: 'C00080 kreeg een rentefactuur: het was niet geblokkeerd met Alle toen de run liep. Verwijder de rentefactuur en zet Geblokkeerd van C00080 op Alle.'
						}
					}
				],
				href: '/finance-charge-memos',
				target: { path: '/finance-charge-memos', caption: 'reminders.run' }
			}
		]
	}
];
