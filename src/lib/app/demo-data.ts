import {
	emptyCustomer,
	searchTermsOf,
	type Customer,
	type DocumentLanguage,
	type PaymentTerms
} from '$lib/domain/customer';
import type { Item } from '$lib/domain/item';
import type { Blocked } from '$lib/domain/policy';
import type { FinanceChargeTerms, ReminderTerms } from '$lib/domain/receivables';

/** The language the demo company is written in: its item descriptions and block notes. */
export type DemoLanguage = DocumentLanguage;

export const DEMO_PAYMENT_TERMS: PaymentTerms[] = [
	{
		code: 'COD',
		description: 'Cash on delivery',
		translations: { nl: 'Contant bij levering' },
		dueDays: 0
	},
	{
		code: '14 DAYS',
		description: 'Net 14 days',
		translations: { nl: 'Netto 14 dagen' },
		dueDays: 14
	},
	{
		code: '30 DAYS',
		description: 'Net 30 days',
		translations: { nl: 'Netto 30 dagen' },
		dueDays: 30
	}
];

export const DEMO_REMINDER_TERMS: ReminderTerms[] = [
	{
		code: 'DOMESTIC',
		description: 'Reminders for domestic customers',
		translations: { nl: 'Aanmaningen voor binnenlandse klanten' },
		levels: [
			{
				level: 1,
				gracePeriodDays: 5,
				dueDays: 7,
				feeCents: 0,
				texts: {
					en: {
						beginning: 'A friendly reminder: the invoices below are overdue.',
						ending:
							'Please pay {total} {currency} by {dueDate}. If you have paid already, thank you.'
					},
					nl: {
						beginning: 'Een vriendelijke herinnering: de onderstaande facturen zijn vervallen.',
						ending:
							'Gelieve {total} {currency} te betalen vóór {dueDate}. Hebt u al betaald, dan danken wij u.'
					}
				}
			},
			{
				level: 2,
				gracePeriodDays: 7,
				dueDays: 7,
				feeCents: 1000,
				texts: {
					en: {
						beginning: 'Second reminder: please pay the invoices below now.',
						ending: 'We add a fee of {fee} {currency}. Please pay {total} {currency} by {dueDate}.'
					},
					nl: {
						beginning: 'Tweede aanmaning: gelieve de onderstaande facturen nu te betalen.',
						ending:
							'Wij rekenen {fee} {currency} kosten aan. Gelieve {total} {currency} te betalen vóór {dueDate}.'
					}
				}
			},
			{
				level: 3,
				gracePeriodDays: 7,
				dueDays: 5,
				feeCents: 2500,
				texts: {
					en: {
						beginning: 'Final reminder before we hand this over for collection.',
						ending:
							'Unless {total} {currency} is paid by {dueDate}, a collection agency will claim it.'
					},
					nl: {
						beginning: 'Laatste aanmaning voor wij dit uit handen geven.',
						ending:
							'Is {total} {currency} niet betaald vóór {dueDate}, dan vordert een incassobureau het.'
					}
				}
			}
		]
	}
];

export const DEMO_FINANCE_CHARGE_TERMS: FinanceChargeTerms[] = [
	{
		code: 'STANDARD',
		description: '8 % a year on overdue invoices',
		translations: { nl: '8 % per jaar op vervallen facturen' },
		interestRatePct: 8,
		interestPeriodDays: 365,
		gracePeriodDays: 10,
		minimumAmountCents: 100,
		additionalFeeCents: 500
	}
];

const DEMO_BLOCK_REASON: Record<Blocked | 'privacy', string> = {
	'': '',
	Ship: 'OVERDUE',
	Invoice: 'DISPUTE',
	All: 'INSOLVENCY',
	privacy: 'OTHER'
};

/** Why each demo block was set, as the credit controller wrote it. */
const DEMO_BLOCK_NOTE: Record<Blocked | 'privacy', Record<DemoLanguage, string>> = {
	'': { en: '', nl: '' },
	Ship: {
		en: 'Two invoices past due; no new deliveries until they are paid.',
		nl: 'Twee facturen vervallen; geen nieuwe leveringen tot ze betaald zijn.'
	},
	Invoice: {
		en: 'Disputes the last delivery; invoice nothing until it is settled.',
		nl: 'Betwist de laatste levering; niets factureren tot dat geregeld is.'
	},
	All: {
		en: 'Declared bankrupt; the curator handles every payment.',
		nl: 'Failliet verklaard; de curator regelt alle betalingen.'
	},
	privacy: {
		en: 'Asked to be forgotten (GDPR); keep the records, do no business.',
		nl: 'Vroeg om vergeten te worden (AVG); gegevens bewaren, geen zaken doen.'
	}
};

/** The demo company's Company Information (fictitious numbers with valid check digits). */
export const DEMO_COMPANY = {
	name: 'Holdfast Demo BV',
	address: 'Veldstraat 1',
	postCode: '9000',
	city: 'Gent',
	countryRegion: 'BE',
	vatRegistrationNo: 'BE0123456749',
	enterpriseNo: '0123456749',
	iban: 'BE71096123456769',
	swiftCode: 'GKCCBEBB',
	phoneNo: '+32 9 123 45 67',
	email: 'facturen@holdfast-demo.example',
	homePage: 'holdfast-demo.example'
} as const;

type DemoCustomer = [
	no: string,
	name: string,
	address: string,
	postCode: string,
	city: string,
	country: string,
	terms: string,
	creditLimitEuro: number,
	blocked: Blocked,
	extra?: Partial<Customer>
];

const DEMO_CUSTOMERS: DemoCustomer[] = [
	[
		'C00010',
		'Gent Trading NV',
		'Korenmarkt 12',
		'9000',
		'Gent',
		'BE',
		'30 DAYS',
		25000,
		'',
		{ vatRegistrationNo: 'BE0812345603', enterpriseNo: '0812345603' }
	],
	[
		'C00020',
		'Brugse Bakkerij BV',
		'Steenstraat 4',
		'8000',
		'Brugge',
		'BE',
		'14 DAYS',
		5000,
		'',
		{ vatRegistrationNo: 'BE0456789133', enterpriseNo: '0456789133', languageCode: 'nl' }
	],
	['C00030', 'Antwerp Office Supplies', 'Meir 88', '2000', 'Antwerpen', 'BE', '30 DAYS', 40000, ''],
	[
		'C00040',
		'Leuven Koffiebranderij',
		'Bondgenotenlaan 20',
		'3000',
		'Leuven',
		'BE',
		'14 DAYS',
		8000,
		'Ship'
	],
	[
		'C00050',
		'Mechelen Meubelen BV',
		'IJzerenleen 7',
		'2800',
		'Mechelen',
		'BE',
		'30 DAYS',
		15000,
		'Invoice'
	],
	['C00060', 'Namur Électricité SA', 'Rue de Fer 31', '5000', 'Namur', 'BE', 'COD', 0, 'All'],
	[
		'C00070',
		'Jan Peeters',
		'Lange Nieuwstraat 3',
		'2000',
		'Antwerpen',
		'BE',
		'COD',
		0,
		'All',
		{ privacyBlocked: true }
	],
	[
		'C00080',
		'Utrecht Groothandel BV',
		'Oudegracht 150',
		'3511 AZ',
		'Utrecht',
		'NL',
		'30 DAYS',
		30000,
		''
	],
	[
		'C00090',
		'Rotterdam Havenlogistiek',
		'Wilhelminakade 9',
		'3072 AP',
		'Rotterdam',
		'NL',
		'30 DAYS',
		50000,
		''
	],
	[
		'C00100',
		'Hasselt Fietsen',
		'Grote Markt 1',
		'3500',
		'Hasselt',
		'BE',
		'14 DAYS',
		6000,
		'',
		{ billToCustomerNo: 'C00090' }
	],
	[
		'C00110',
		'Maastricht Boekhandel',
		'Vrijthof 22',
		'6211 LE',
		'Maastricht',
		'NL',
		'14 DAYS',
		7000,
		''
	],
	[
		'C00120',
		'Kortrijk Textiel NV',
		'Doorniksestraat 45',
		'8500',
		'Kortrijk',
		'BE',
		'30 DAYS',
		20000,
		'',
		{ vatRegistrationNo: 'BE0765432146', enterpriseNo: '0765432146', languageCode: 'nl' }
	],
	[
		'C00130',
		'Eindhoven Design Studio',
		'Stratumseind 10',
		'5611 ET',
		'Eindhoven',
		'NL',
		'30 DAYS',
		12000,
		''
	],
	['C00140', 'Oostende Visserij', 'Visserskaai 2', '8400', 'Oostende', 'BE', 'COD', 3000, ''],
	[
		'C00150',
		'Liège Imprimerie',
		'Place Saint-Lambert 5',
		'4000',
		'Liège',
		'BE',
		'14 DAYS',
		9000,
		''
	]
];

export function demoCustomers(language: DemoLanguage = 'en'): Customer[] {
	return DEMO_CUSTOMERS.map(
		([
			no,
			name,
			address,
			postCode,
			city,
			countryRegion,
			paymentTermsCode,
			limit,
			blocked,
			extra
		]) => ({
			...emptyCustomer(no, name),
			address,
			postCode,
			city,
			countryRegion,
			email: `info@${name.toLowerCase().replace(/[^a-z]+/g, '')}.example`,
			paymentTermsCode,
			reminderTermsCode: DEMO_REMINDER_TERMS[0]!.code,
			financeChargeTermsCode: DEMO_FINANCE_CHARGE_TERMS[0]!.code,
			creditLimitCents: limit * 100,
			blocked,
			blockReason: DEMO_BLOCK_REASON[extra?.privacyBlocked ? 'privacy' : blocked],
			blockNote: DEMO_BLOCK_NOTE[extra?.privacyBlocked ? 'privacy' : blocked][language],
			blockedBy: blocked ? 'demo' : '',
			...extra
		})
	);
}

const DEMO_ITEMS: Array<
	[no: string, en: string, nl: string, unit: string, cents: number, vat: number]
> = [
	['I1010', 'Office chair, ergonomic', 'Bureaustoel, ergonomisch', 'PCS', 18900, 21],
	['I1020', 'Desk, oak 160 cm', 'Bureau, eik 160 cm', 'PCS', 42900, 21],
	['I1030', 'Coffee beans, 1 kg', 'Koffiebonen, 1 kg', 'KG', 1850, 6],
	['I1040', 'Printer paper A4, box', 'Printerpapier A4, doos', 'BOX', 2995, 21],
	['I1050', 'Bicycle, city', 'Stadsfiets', 'PCS', 64900, 21],
	['I1060', 'LED lamp, 9 W', 'Ledlamp, 9 W', 'PCS', 695, 21],
	['I1070', 'Bread flour, 25 kg', 'Broodmeel, 25 kg', 'BAG', 2450, 6],
	['I1080', 'Consulting hour', 'Adviesuur', 'HOUR', 9500, 21],
	['I1090', 'Delivery', 'Levering', 'PCS', 2500, 21],
	['I1100', 'Notebook, A5', 'Notitieboek, A5', 'PCS', 395, 21]
];

/** The demo items, described in `language`. */
export function demoItems(language: DemoLanguage = 'en'): Item[] {
	return DEMO_ITEMS.map(([no, en, nl, baseUnitOfMeasure, unitPriceCents, vatPct]) => {
		const description = language === 'nl' ? nl : en;
		return {
			no,
			description,
			baseUnitOfMeasure,
			unitPriceCents,
			vatPct,
			searchTerms: searchTermsOf(no, description)
		};
	});
}
