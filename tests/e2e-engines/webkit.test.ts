// WebKit, as an installed PWA on an iPhone runs it: the blocking journey and one posting.
import { describe, it } from 'vitest';
import { blockingAcrossTwoTabs, postShipAndInvoice } from './journeys';
import { useWebKit } from './webkit';

const engine = useWebKit();

// Retried: in about one run of four here, a readwrite transaction of WebKitGTK's IndexedDB
// never completes after New Sales Order is clicked (the button stays disabled while its command
// waits; a fresh read of salesHeaders or settings does not answer either, one of items does). It
// happens with the service worker off too, and with the previous page kept out of the
// back-forward cache; the cause is not found. A new session (a fresh MiniBrowser) does not
// inherit it, so a journey that meets it runs again instead of failing the whole suite.
describe('WebKit', { retry: 2 }, () => {
	it('a Ship block in one tab disables New Sales Order in the other, and the order cannot ship', async () => {
		await blockingAcrossTwoTabs(engine);
	});

	it('ships part of an order, then ships and invoices the rest; the posted invoice shows it', async () => {
		await postShipAndInvoice(engine);
	});
});
