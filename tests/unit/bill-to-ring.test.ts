import { describe, expect, it } from 'vitest';
import { db } from '$lib/db/db';
import { checkBackup, exportBackup } from '$lib/app/backup';
import { updateCustomerField } from '$lib/app/customer-card';
import { SETTING } from '$lib/app/settings';
import { billToRing } from '$lib/domain/customer';
import { m, setupI18n } from '$lib/i18n';
import { givenCustomer, snapshotDatabase } from '../factories';

describe('billToRing (pure)', () => {
	/** Bill-to customers as a table: customer → its Bill-to Customer No. */
	const billTo = (pairs: Record<string, string>) => (no: string) => pairs[no];

	interface Case {
		name: string;
		no: string;
		to: string;
		pairs: Record<string, string>;
		ring: string[] | null;
	}

	it.each<Case>([
		{ name: 'no bill-to', no: 'A', to: '', pairs: {}, ring: null },
		{ name: 'a bill-to that pays its own', no: 'A', to: 'B', pairs: { B: '' }, ring: null },
		{ name: 'a chain', no: 'A', to: 'B', pairs: { B: 'C', C: '' }, ring: null },
		{ name: 'a missing bill-to', no: 'A', to: 'B', pairs: {}, ring: null },
		{ name: 'itself', no: 'A', to: 'A', pairs: {}, ring: ['A', 'A'] },
		{
			name: 'two that bill to each other',
			no: 'A',
			to: 'B',
			pairs: { B: 'A' },
			ring: ['A', 'B', 'A']
		},
		{
			name: 'a ring of four',
			no: 'A',
			to: 'B',
			pairs: { B: 'C', C: 'D', D: 'A' },
			ring: ['A', 'B', 'C', 'D', 'A']
		},
		{
			name: 'a ring that A only leads into',
			no: 'A',
			to: 'B',
			pairs: { B: 'C', C: 'B' },
			ring: null
		}
	])('$name: $ring', ({ no, to, pairs, ring }) => {
		expect(billToRing(no, to, billTo(pairs))).toEqual(ring);
	});
});

describe('a bill-to ring on the customer card', () => {
	it('refuses B billing to A when A bills to B, says so in both languages, and changes nothing', async () => {
		const a = await givenCustomer({ no: 'C00010' });
		const b = await givenCustomer({ no: 'C00020' });
		await updateCustomerField({ no: a.no, field: 'billToCustomerNo', value: b.no });
		const before = await snapshotDatabase();

		const error = await updateCustomerField({
			no: b.no,
			field: 'billToCustomerNo',
			value: a.no
		}).catch((caught: unknown) => caught);

		expect(error).toMatchObject({
			key: 'error.billToRing',
			field: 'billToCustomerNo',
			values: { no: 'C00020', billTo: 'C00010', ring: 'C00020 → C00010 → C00020' }
		});
		expect(await snapshotDatabase()).toEqual(before);
		const { values } = error as { values: { no: string; billTo: string; ring: string } };
		await setupI18n('en');
		expect(m['error.billToRing'](values)).toBe(
			'Customer C00020 cannot bill to C00010: the bill-to customers of C00010 lead back to C00020 (C00020 → C00010 → C00020).'
		);
		await setupI18n('nl');
		expect(m['error.billToRing'](values)).toMatch(/C00020.*C00010.*factuurklant/);
		await setupI18n('en');
	});

	it('refuses the customer that closes a longer ring', async () => {
		for (const no of ['C00010', 'C00020', 'C00030']) await givenCustomer({ no });
		await updateCustomerField({ no: 'C00010', field: 'billToCustomerNo', value: 'C00020' });
		await updateCustomerField({ no: 'C00020', field: 'billToCustomerNo', value: 'C00030' });

		await expect(
			updateCustomerField({ no: 'C00030', field: 'billToCustomerNo', value: 'C00010' })
		).rejects.toMatchObject({
			key: 'error.billToRing',
			values: { ring: 'C00030 → C00010 → C00020 → C00030' }
		});
		expect((await db.customers.get('C00030'))?.billToCustomerNo).toBe('');
	});

	it('allows a chain (a document bills to the sell-to’s own bill-to only), and the backup keeps it', async () => {
		for (const no of ['C00010', 'C00020', 'C00030']) await givenCustomer({ no });
		await updateCustomerField({ no: 'C00010', field: 'billToCustomerNo', value: 'C00020' });
		await updateCustomerField({ no: 'C00020', field: 'billToCustomerNo', value: 'C00030' });

		expect((await db.customers.get('C00020'))?.billToCustomerNo).toBe('C00030');
		await db.settings.put({ key: SETTING.initialized, value: 'true' });
		expect(checkBackup(await exportBackup()).ok).toBe(true);
	});
});
