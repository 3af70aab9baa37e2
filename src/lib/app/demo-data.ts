import {
	emptyCustomer,
	searchTermsOf,
	type Customer,
	type PaymentTerms
} from '$lib/domain/customer';
import type { Item } from '$lib/domain/item';
import type { Blocked } from '$lib/domain/policy';
import type { FinanceChargeTerms, ReminderTerms } from '$lib/domain/receivables';

export const DEMO_PAYMENT_TERMS: PaymentTerms[] = [
	{ code: 'COD', description: 'Cash on delivery', dueDays: 0 },
	{ code: '14 DAYS', description: 'Net 14 days', dueDays: 14 },
	{ code: '30 DAYS', description: 'Net 30 days', dueDays: 30 }
];

export const DEMO_REMINDER_TERMS: ReminderTerms[] = [
	{
		code: 'DOMESTIC',
		description: 'Reminders for domestic customers',
		levels: [
			{
				level: 1,
				gracePeriodDays: 5,
				dueDays: 7,
				feeCents: 0,
				text: 'A friendly reminder: the invoices below are overdue.'
			},
			{
				level: 2,
				gracePeriodDays: 7,
				dueDays: 7,
				feeCents: 1000,
				text: 'Second reminder: please pay the invoices below now.'
			},
			{
				level: 3,
				gracePeriodDays: 7,
				dueDays: 5,
				feeCents: 2500,
				text: 'Final reminder before we hand this over for collection.'
			}
		]
	}
];

export const DEMO_FINANCE_CHARGE_TERMS: FinanceChargeTerms[] = [
	{
		code: 'STANDARD',
		description: '8 % a year on overdue invoices',
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

export function demoCustomers(): Customer[] {
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
			blockedBy: blocked ? 'demo' : '',
			...extra
		})
	);
}

export const DEMO_ITEMS: Item[] = [
	['I1010', 'Office chair, ergonomic', 'PCS', 18900, 21],
	['I1020', 'Desk, oak 160 cm', 'PCS', 42900, 21],
	['I1030', 'Coffee beans, 1 kg', 'KG', 1850, 6],
	['I1040', 'Printer paper A4, box', 'BOX', 2995, 21],
	['I1050', 'Bicycle, city', 'PCS', 64900, 21],
	['I1060', 'LED lamp, 9 W', 'PCS', 695, 21],
	['I1070', 'Bread flour, 25 kg', 'BAG', 2450, 6],
	['I1080', 'Consulting hour', 'HOUR', 9500, 21],
	['I1090', 'Delivery', 'PCS', 2500, 21],
	['I1100', 'Notebook, A5', 'PCS', 395, 21]
].map(([no, description, baseUnitOfMeasure, unitPriceCents, vatPct]) => ({
	no: String(no),
	description: String(description),
	baseUnitOfMeasure: String(baseUnitOfMeasure),
	unitPriceCents: Number(unitPriceCents),
	vatPct: Number(vatPct),
	searchTerms: searchTermsOf(String(no), String(description))
}));
