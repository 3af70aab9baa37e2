import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { checkBackup, exportBackup } from '$lib/app/backup';
import { releaseExpiredBlocks, setCustomerBlocked } from '$lib/app/customer-blocking';
import { refusalsRecorded } from '$lib/app/refusals';
import { createSalesDocument } from '$lib/app/sales-headers';
import { SETTING, setWorkDate } from '$lib/app/settings';
import { db } from '$lib/db/db';
import { newLedgerEntry } from '$lib/domain/posted';
import { setupI18n } from '$lib/i18n';
import BackupPanel from '$lib/ui/BackupPanel.svelte';
import BlockHistory from '$lib/ui/customer-card/BlockHistory.svelte';
import RefusedAttempts from '$lib/ui/RefusedAttempts.svelte';
import LedgerPage from '../../src/routes/ledger/+page.svelte';
import { givenCustomer } from '../factories';

const state = vi.hoisted(() => ({ page: { params: {}, url: new URL('http://localhost/ledger') } }));
vi.mock('$app/state', () => state);
vi.mock('$app/navigation', () => ({
	afterNavigate: vi.fn(),
	goto: vi.fn(async () => {}),
	preloadCode: vi.fn()
}));

// What the app stores are facts; the words are the UI language's, here Dutch.
beforeAll(() => setupI18n('nl'));
afterAll(() => setupI18n('en'));

describe('stored facts in the Dutch UI', () => {
	it('a refused attempt reads in Dutch; a row stored before (only its sentence) shows that sentence', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });
		await expect(
			createSalesDocument({ documentType: 'Quote', sellToCustomerNo: customer.no })
		).rejects.toThrow();
		await refusalsRecorded();
		await db.refusedAttempts.add({
			id: 'old',
			at: '2020-01-01T10:00:00.000Z',
			action: 'order.create',
			customerNo: customer.no,
			documentNo: '',
			message: 'An old sentence.'
		});

		render(RefusedAttempts);

		const rows = await screen.findAllByRole('row');
		expect(rows).toHaveLength(3);
		expect(rows[1]).toHaveTextContent(
			`U kunt dit type document niet maken wanneer klant ${customer.no} is geblokkeerd met type Verzending.`
		);
		expect(rows[1]).not.toHaveTextContent('You cannot');
		expect(rows[2]).toHaveTextContent('An old sentence.');
	});

	it('the block history shows the Blocked captions, the reason and who changed it in Dutch', async () => {
		const customer = await givenCustomer();
		await setCustomerBlocked({ no: customer.no, blocked: 'Invoice', reason: 'OVERDUE' });
		await setCustomerBlocked({ no: customer.no, blocked: 'Ship', reason: 'OVERDUE' });
		await setCustomerBlocked({
			no: customer.no,
			blocked: 'All',
			reason: 'OVERDUE',
			until: '2030-01-01'
		});
		await setWorkDate({ workDate: '2030-01-02' });
		await releaseExpiredBlocks();

		render(BlockHistory, { customerNo: customer.no, reasons: await db.blockReasons.toArray() });

		const items = await screen.findAllByRole('listitem');
		const texts = items.map((item) => item.textContent ?? '');
		// Newest first: the automatic release, then All, Ship and Invoice.
		expect(texts.find((text) => text.includes('Alle → (leeg)'))).toMatch(
			/Holdfast \(automatisch\)/
		);
		expect(texts.some((text) => text.includes('Factureren → Verzending'))).toBe(true);
		const first = texts.find((text) => text.includes('(leeg) → Factureren'));
		expect(first).toMatch(/door medewerker/);
		expect(first).toMatch(/reden Vervallen/);
		expect(texts.join(' ')).not.toMatch(/\b(Ship|Invoice|All|clerk)\b/);
		expect(texts.some((text) => text.includes('Geblokkeerd tot: — → 2030-01-01'))).toBe(true);
	});

	it('a generated ledger entry description names the document type in Dutch; a typed one stays', async () => {
		const customer = await givenCustomer();
		await db.custLedgerEntries.bulkAdd([
			newLedgerEntry({
				entryNo: 1,
				customerNo: customer.no,
				postingDate: '2026-01-01',
				documentType: 'Invoice',
				documentNo: 'PSI-1001',
				amountCents: 1000,
				dueDate: '2026-01-31'
			}),
			newLedgerEntry({
				entryNo: 2,
				customerNo: customer.no,
				postingDate: '2026-01-02',
				documentType: 'Payment',
				documentNo: 'PAY-1',
				description: 'Bank transfer 17',
				amountCents: -1000,
				dueDate: '2026-01-02'
			})
		]);

		render(LedgerPage);

		const invoice = (await screen.findByRole('link', { name: 'PSI-1001' })).closest('tr')!;
		expect(within(invoice).getByRole('cell', { name: 'Factuur PSI-1001' })).toBeInTheDocument();
		const payment = screen.getByText('PAY-1').closest('tr')!;
		expect(within(payment).getByRole('cell', { name: 'Bank transfer 17' })).toBeInTheDocument();
	});

	it('a backup problem reads in Dutch', async () => {
		const customer = await givenCustomer();
		await db.settings.put({ key: SETTING.initialized, value: 'true' });
		const backup = JSON.parse(await exportBackup()) as {
			tables: Record<string, Record<string, unknown>[]>;
		};
		backup.tables.customers = backup.tables.customers!.map((row) =>
			row.no === customer.no ? { ...row, paymentTermsCode: 'NOPE' } : row
		);
		const text = JSON.stringify(backup);
		expect(checkBackup(text).ok).toBe(false);

		render(BackupPanel);
		const input = screen.getByLabelText('Back-upbestand importeren');
		await fireEvent.change(input, {
			// jsdom's File cannot be read: what the panel reads of a file, its size and text.
			target: { files: [{ name: 'backup.json', size: text.length, text: async () => text }] }
		});

		const alert = await screen.findByRole('alert');
		await waitFor(() => expect(within(alert).getAllByRole('listitem')).toHaveLength(1));
		expect(within(alert).getByRole('listitem')).toHaveTextContent(
			'tables.customers[0].paymentTermsCode: NOPE staat niet in paymentTerms'
		);
	});
});
