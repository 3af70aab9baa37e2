import { BLOCKING_EXERCISES } from './exercises-blocking';
import { CUSTOMER_EXERCISES } from './exercises-customers';
import { RECEIVABLES_EXERCISES } from './exercises-receivables';
import type { Exercise } from './model';

const byId = new Map(
	[...BLOCKING_EXERCISES, ...CUSTOMER_EXERCISES, ...RECEIVABLES_EXERCISES].map((exercise) => [
		exercise.id,
		exercise
	])
);

/** Every exercise, in the order the Exercises page lists them: from the seed's table onwards. */
export const EXERCISES: readonly Exercise[] = [
	'ship-allowed',
	'ship-invoice-shipment',
	'invoice-shipped-lines',
	'all-payment',
	'privacy',
	'on-hold-reminders',
	'bill-to-blocked',
	'blocked-until',
	'bulk-block',
	'dunning-run'
].map((id) => byId.get(id)!);

export function exerciseById(id: string): Exercise | undefined {
	return byId.get(id);
}
