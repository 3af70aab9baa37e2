import { db } from '$lib/db/db';
import { customerChange } from '$lib/domain/change-log';
import {
	billToRing,
	emptyCustomer,
	fieldError,
	searchTermsOf,
	storedFieldValue,
	type Customer,
	type EditableCustomerField
} from '$lib/domain/customer';
import { checkBound } from '$lib/domain/bounds';
import { assertBlockReason } from './block-reasons';
import { assertReasonGiven, releaseExpiredBlocks } from './customer-blocking';
import { refusalError, ValidationError } from './errors';
import { nextNo } from './numbering';
import { assertAllowed } from './refusals';
import { getCustomer } from './sales-document-access';
import { readUserName } from './settings';

/**
 * The customer card's commands: create a customer, save one field. Blocking the customer has
 * its own commands (customer-blocking.ts).
 */

/** Creates an empty customer with the next No. of the CUST series and returns that No. */
export async function createCustomer(input: { name?: string } = {}): Promise<string> {
	const name = (input.name ?? '').trim();
	const error = fieldError('name', name);
	if (error) throw new ValidationError(error, 'The name is not valid.', {}, 'name');
	return db.transaction('rw', [db.customers, db.numberSeries], async () => {
		const no = await nextNo(
			'CUST',
			async (candidate) => (await db.customers.get(candidate)) !== undefined
		);
		await db.customers.add(emptyCustomer(no, name));
		return no;
	});
}

/**
 * Saves one field of the card. An invalid value throws a ValidationError naming the field
 * and leaves the customer as it was.
 */
export async function updateCustomerField(input: {
	no: string;
	field: EditableCustomerField;
	value: string | number;
}): Promise<void> {
	const { no, field } = input;
	const value = typeof input.value === 'string' ? input.value.trim() : input.value;
	const error = fieldError(field, value);
	if (error)
		throw new ValidationError(error, `The value of ${field} is not valid.`, { max: 100 }, field);
	const refusal = field === 'creditLimitCents' ? checkBound('amount', Number(value)) : null;
	if (refusal) throw new ValidationError(refusal.key, refusal.message, refusal.values, field);
	await db.transaction(
		'rw',
		[
			db.customers,
			db.paymentTerms,
			db.reminderTerms,
			db.financeChargeTerms,
			db.changeLog,
			db.settings,
			db.blockReasons
		],
		async () => {
			const customer = await getCustomer(no);
			if (field === 'blockReason') {
				await assertBlockReason(String(value));
				if (!customer.privacyBlocked) assertReasonGiven(customer.blocked, String(value));
			}
			assertAllowed(customer, 'customer.edit');
			if (field === 'billToCustomerNo' && value !== '') {
				if (value === no) {
					throw new ValidationError(
						'error.billToSelf',
						'A customer cannot be its own bill-to customer.',
						{},
						field
					);
				}
				if (!(await db.customers.get(String(value)))) {
					throw new ValidationError(
						'error.billToMissing',
						`Customer ${value} does not exist.`,
						{ no: value },
						field
					);
				}
				await assertNoBillToRing(no, String(value));
			}
			if (
				field === 'paymentTermsCode' &&
				value !== '' &&
				!(await db.paymentTerms.get(String(value)))
			) {
				throw new ValidationError(
					'error.paymentTermsMissing',
					`Payment terms ${value} do not exist.`,
					{ code: value },
					field
				);
			}
			// VAT Registration No. and Enterprise No. are kept compact, checked with their digits.
			const stored = storedFieldValue(field, value, customer.countryRegion);
			if (!stored.ok) throw refusalError({ ...stored.refusal, field });
			const changes: Partial<Customer> = { [field]: stored.value };
			if (field === 'name') changes.searchTerms = searchTermsOf(no, String(value));
			await db.customers.update(no, changes);
			// The block's reason and end date belong to its history too.
			if ((field === 'blockReason' || field === 'blockedUntil') && customer[field] !== value) {
				await db.changeLog.add(
					customerChange(
						{
							id: crypto.randomUUID(),
							at: new Date().toISOString(),
							key: no,
							field,
							oldValue: customer[field],
							newValue: String(value)
						},
						{ user: await readUserName() }
					)
				);
			}
		}
	);
	// An end date already reached lifts the block at once, as at start.
	if (field === 'blockedUntil') await releaseExpiredBlocks({ causedByUser: true });
}

/**
 * Refuses a bill-to customer whose own bill-to customers lead back to `no`: the bills would go
 * round in a ring (and a backup of the company would be refused). Reads the chain inside the
 * caller's transaction.
 */
async function assertNoBillToRing(no: string, billTo: string): Promise<void> {
	const billToOf = new Map<string, string>();
	for (let next = billTo; next !== '' && next !== no && !billToOf.has(next);) {
		const customer = await db.customers.get(next);
		billToOf.set(next, customer?.billToCustomerNo ?? '');
		next = billToOf.get(next)!;
	}
	const ring = billToRing(no, billTo, (candidate) => billToOf.get(candidate));
	if (ring) {
		throw new ValidationError(
			'error.billToRing',
			`Customer ${no} cannot bill to ${billTo}: the bill-to customers of ${billTo} lead back to ${no} (${ring.join(' → ')}).`,
			{ no, billTo, ring: ring.join(' → ') },
			'billToCustomerNo'
		);
	}
}
