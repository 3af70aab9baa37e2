import { liveQuery, type Observable } from 'dexie';
import { db } from '$lib/db/db';
import type { PaymentTerms } from '$lib/domain/customer';

/** Payment terms, reminder terms and finance charge terms, in code order. */

export function paymentTermsQuery(): Observable<PaymentTerms[]> {
	return liveQuery(() => db.paymentTerms.orderBy('code').toArray());
}

export function termsQuery() {
	return liveQuery(async () => ({
		reminder: await db.reminderTerms.orderBy('code').toArray(),
		finance: await db.financeChargeTerms.orderBy('code').toArray()
	}));
}
