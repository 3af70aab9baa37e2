// WebKit, as an installed PWA on an iPhone runs it: the blocking journey and one posting.
import { describe, it } from 'vitest';
import { blockingAcrossTwoTabs, postShipAndInvoice } from './journeys';
import { useWebKit } from './webkit';

const engine = useWebKit();

describe('WebKit', () => {
	it('a Ship block in one tab disables New Sales Order in the other, and the order cannot ship', async () => {
		await blockingAcrossTwoTabs(engine);
	});

	it('ships part of an order, then ships and invoices the rest; the posted invoice shows it', async () => {
		await postShipAndInvoice(engine);
	});
});
