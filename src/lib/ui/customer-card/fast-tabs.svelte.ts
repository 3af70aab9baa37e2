/** The customer card's groups, in the order they stand, as Business Central's FastTabs. */
export const CARD_TABS = [
	'general',
	'addressContact',
	'invoicing',
	'statistics',
	'documents',
	'history'
] as const;
export type CardTab = (typeof CARD_TABS)[number];

/** A phone's width (the app's narrow layout): only the first group starts open. */
const NARROW = '(max-width: 40rem)';

/**
 * Which of the card's FastTabs are open. Kept while the app runs, so the next card opens as the
 * last one was left (Business Central remembers them too). On a wide screen every group starts
 * open; on a phone only General, so the card's first screen shows its first fields.
 */
export class CardTabs {
	open: Record<CardTab, boolean>;

	constructor(narrow: boolean) {
		this.open = $state(
			Object.fromEntries(CARD_TABS.map((tab) => [tab, !narrow || tab === 'general'])) as Record<
				CardTab,
				boolean
			>
		);
	}
}

let shared: CardTabs | undefined;

/** The card's FastTabs, one set for the app. */
export function cardTabs(): CardTabs {
	shared ??= new CardTabs(typeof matchMedia === 'function' && matchMedia(NARROW).matches);
	return shared;
}
