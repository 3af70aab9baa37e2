import type { Text } from './model';

/**
 * The teaching tips, as Business Central's: one short "About this page" per main page, in
 * both languages. `route` is the page's route id as SvelteKit names it; the tip is keyed by it
 * (a dismissal holds for every customer card, not for one).
 */
export const TIPS: Readonly<Record<string, Text>> = {
	'/': {
		en: 'Your Role Center: what needs attention today, counted from the books at the work date. Choose a figure to open its list.',
		nl: 'Uw rolcentrum: wat vandaag aandacht vraagt, geteld uit de boeken op de werkdatum. Kies een cijfer om de lijst te openen.'
	},
	'/customers': {
		en: 'Everyone you sell to. The Blocked column shows who is blocked and how; search by No. or name, or block several customers at once.',
		nl: 'Iedereen aan wie u verkoopt. De kolom Geblokkeerd toont wie geblokkeerd is en hoe; zoek op nr. of naam, of blokkeer meerdere klanten tegelijk.'
	},
	'/customers/[no]': {
		en: 'One customer. Choosing a level in Blocked asks for a reason first; the actions it stops turn grey and say why, and the history below keeps every change.',
		nl: 'Eén klant. Een niveau kiezen in Geblokkeerd vraagt eerst een reden; de acties die het tegenhoudt worden grijs en zeggen waarom, en de geschiedenis onderaan bewaart elke wijziging.'
	},
	'/items': {
		en: 'What you sell, with its unit of measure, unit price and VAT percentage. Sales lines copy these when you choose an item.',
		nl: 'Wat u verkoopt, met eenheid, eenheidsprijs en btw-percentage. Verkoopregels nemen die over wanneer u een artikel kiest.'
	},
	'/sales/[type]': {
		en: 'Open sales documents of one type. Creating one for a blocked customer is refused when its block stops that type.',
		nl: 'Openstaande verkoopdocumenten van één soort. Er een maken voor een geblokkeerde klant wordt geweigerd wanneer de blokkering die soort tegenhoudt.'
	},
	'/documents/[no]': {
		en: 'A sales document: its header, its lines and the posting actions. A block of the sell-to or the bill-to customer greys out what it stops.',
		nl: 'Een verkoopdocument: de kop, de regels en de boekacties. Een blokkering van de orderklant of de factuurklant maakt grijs wat ze tegenhoudt.'
	},
	'/posted/shipments': {
		en: 'Shipments posted from orders and invoices. Lines shipped and not yet invoiced can be invoiced from the order or with Get Shipment Lines.',
		nl: 'Verzendingen geboekt vanuit orders en facturen. Regels die verzonden en nog niet gefactureerd zijn, kunnen vanuit de order of met Verzendregels ophalen gefactureerd worden.'
	},
	'/posted/invoices': {
		en: 'Invoices as they were posted; they never change. Cancel or Correct posts a credit memo for one.',
		nl: 'Facturen zoals ze geboekt zijn; ze veranderen nooit. Annuleren of Corrigeren boekt er een creditnota voor.'
	},
	'/posted/credit-memos': {
		en: 'Credit memos as they were posted, each with the invoice it cancels, if any.',
		nl: 'Creditnota’s zoals ze geboekt zijn, elk met de factuur die ze annuleert, als die er is.'
	},
	'/ledger': {
		en: 'Every amount a customer owes or paid, one line per posting. Put a disputed entry on hold: reminders and interest leave it out.',
		nl: 'Elk bedrag dat een klant verschuldigd is of betaalde, één regel per boeking. Zet een betwiste post op afwachten: aanmaningen en rente laten hem weg.'
	},
	'/cash-receipt-journal': {
		en: 'Enter the payments you received, apply each to what it pays, then post them all at once. A customer blocked with All cannot pay.',
		nl: 'Voer de ontvangen betalingen in, vereffen elke betaling met wat ze betaalt en boek ze dan allemaal tegelijk. Een klant met blokkering Alle kan niet betalen.'
	},
	'/reminders': {
		en: 'Create reminders for overdue invoices, check them, then issue them. The run skips customers blocked with All and says why.',
		nl: 'Maak aanmaningen voor vervallen facturen, controleer ze en verstuur ze. De run slaat klanten met blokkering Alle over en zegt waarom.'
	},
	'/finance-charge-memos': {
		en: 'Charge interest on invoices paid late. Like reminders, the run skips customers blocked with All and entries on hold.',
		nl: 'Reken rente aan op laat betaalde facturen. Zoals bij aanmaningen slaat de run klanten met blokkering Alle en posten op afwachten over.'
	},
	'/aged-receivables': {
		en: 'What customers owe, split by how long it is overdue at the work date.',
		nl: 'Wat klanten verschuldigd zijn, verdeeld naar hoe lang het vervallen is op de werkdatum.'
	},
	'/terms': {
		en: 'The terms customers are given: when invoices fall due, when reminders go out, and what interest is charged.',
		nl: 'De voorwaarden die klanten krijgen: wanneer facturen vervallen, wanneer aanmaningen vertrekken en welke rente wordt aangerekend.'
	},
	'/policy': {
		en: 'What each block level allows, action by action: the same rules the buttons and the posting follow.',
		nl: 'Wat elk blokkeringsniveau toelaat, actie per actie: dezelfde regels die de knoppen en het boeken volgen.'
	},
	'/refusals': {
		en: 'Every attempt a block refused, with who tried what and when.',
		nl: 'Elke poging die een blokkering weigerde, met wie wat probeerde en wanneer.'
	},
	'/company': {
		en: 'Your company’s name, address, VAT and bank details, printed on every document you send.',
		nl: 'De naam, het adres, het btw-nummer en de bankgegevens van uw bedrijf, afgedrukt op elk document dat u verstuurt.'
	},
	'/settings': {
		en: 'The work date, your user name and language, block reasons and suggestions, backups and the training sandbox.',
		nl: 'De werkdatum, uw gebruikersnaam en taal, blokkeringsredenen en -voorstellen, back-ups en de oefenomgeving.'
	},
	'/exercises': {
		en: 'Guided exercises that check your work in the database. The panel of a running exercise shows its steps and hints on every page.',
		nl: 'Begeleide oefeningen die uw werk in de database controleren. Het paneel van een lopende oefening toont de stappen en tips op elke pagina.'
	}
};
