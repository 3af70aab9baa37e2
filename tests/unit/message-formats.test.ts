import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '$lib/app/errors';
import { m, setupI18n } from '$lib/i18n';
import { translate } from '$lib/i18n/lookup';
import { errorText } from '$lib/ui/messages';

afterAll(() => setupI18n('en'));

describe('dates and numbers in messages follow the UI language', () => {
	const lifts = new ValidationError('error.workDateLifts', 'Moving the work date lifts 2 blocks.', {
		count: 2,
		date: '2100-01-01'
	});

	it.each([
		['en', '1 Jan 2100'],
		['nl', '1 jan 2100']
	] as const)('the work date of a refused move is a date (%s)', async (language, date) => {
		await setupI18n(language);
		const text = errorText(lifts, translate);
		expect(text).toContain(date);
		expect(text).not.toContain('2100-01-01');
	});

	it.each([
		['en', '100,000 customers'],
		['nl', '100.000 klanten']
	] as const)('the generator question groups its numbers (%s)', async (language, customers) => {
		await setupI18n(language);
		const question = m['scale.confirm']({
			customers: 100000,
			documents: 20000,
			entries: 300000,
			company: 'X'
		});
		expect(question).toContain(customers);
	});
});

describe('an error the user did not cause', () => {
	it('a closed database (another tab reset the company) adds nothing to the notice that asks for a reload', async () => {
		await setupI18n('en');
		const closed = Object.assign(new Error('Database has been closed'), {
			name: 'DatabaseClosedError'
		});
		expect(errorText(closed, translate)).toBe('');
		expect(errorText(new Error('boom'), translate)).toContain('boom');
	});
});
