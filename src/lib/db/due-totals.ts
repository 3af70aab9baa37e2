import type {
	DBCore,
	DBCoreKeyRange,
	DBCoreMutateRequest,
	DBCoreMutateResponse,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import type { CustLedgerEntry } from '$lib/domain/posted';

/**
 * Kept totals of the open customer ledger entries, for the Role Center's overdue cues at any
 * scale: what is overdue depends on the work date, so the cues cannot be one kept number, but
 * they can be read from totals per due date and one row per customer instead of the entries.
 *
 * - `dueDateTotals`: per due date, the remaining amount and the number of the open entries due
 *   then. Overdue Amount and the aged receivables sum the rows before the work date (a few
 *   hundred rows, not the entries).
 * - `customerDue`: per customer with open entries, the first due date among them, and whether
 *   one of them is a credit (a payment or credit memo not applied). A customer without a credit
 *   has a Balance Due above zero exactly when its first due date is before the work date. The
 *   few with a credit (the `[credit+firstDue]` index finds them) are worked out from their
 *   entries, since a credit can net their Balance Due to zero.
 * - `firstDueCounts`: per first due date, how many customers without a credit have it: Overdue
 *   Customers sums the dates before the work date (an index count over the customers would walk
 *   every one of them: a second at 100,000).
 *
 * Both are derived, never written by a command: a middleware keeps them on every write of
 * `custLedgerEntries` through Dexie (add, put, update, modify, delete, clear, bulk writes, a
 * restored backup), in the same transaction, which it widens to hold them. A backup leaves them
 * out; the schema upgrade builds them from the entries.
 */

export interface DueDateTotal {
	dueDate: string;
	remainingCents: number;
	entries: number;
}

export interface CustomerDue {
	customerNo: string;
	/** The first due date of the customer's open entries. */
	firstDue: string;
	/** 1 when one of its open entries has a remaining amount not above zero (a credit). */
	credit: 0 | 1;
}

/** How many customers without a credit have their first open entry due on a date. */
export interface FirstDueCount {
	firstDue: string;
	customers: number;
}

/** The derived tables: kept by the middleware, left out of backups and comparisons. */
export const DUE_TABLES = ['dueDateTotals', 'customerDue', 'firstDueCounts'] as const;

type Entry = Pick<
	CustLedgerEntry,
	'entryNo' | 'customerNo' | 'dueDate' | 'open' | 'remainingAmountCents'
>;

/** An open entry with a due date (entries written before due dates existed have none). */
const isOpen = (entry: Entry | undefined): entry is Entry =>
	entry?.open === 1 && typeof entry.dueDate === 'string';

/** The due rows of one customer's open entries (undefined: it has none). */
export function customerDueOf(customerNo: string, open: readonly Entry[]): CustomerDue | undefined {
	if (open.length === 0) return undefined;
	let firstDue = open[0]!.dueDate;
	let credit: 0 | 1 = 0;
	for (const entry of open) {
		if (entry.dueDate < firstDue) firstDue = entry.dueDate;
		// Zero counts too (none is stored open): the cue then reads that customer's entries.
		if (entry.remainingAmountCents <= 0) credit = 1;
	}
	return { customerNo, firstDue, credit };
}

/** Both derived tables computed from every open entry: the upgrade and the tests' reference. */
export function dueTotalsOf(open: readonly Entry[]): {
	dueDateTotals: DueDateTotal[];
	customerDue: CustomerDue[];
	firstDueCounts: FirstDueCount[];
} {
	const byDate = new Map<string, DueDateTotal>();
	const byCustomer = new Map<string, Entry[]>();
	for (const entry of open) {
		if (!isOpen(entry)) continue;
		const total = byDate.get(entry.dueDate) ?? {
			dueDate: entry.dueDate,
			remainingCents: 0,
			entries: 0
		};
		total.remainingCents += entry.remainingAmountCents;
		total.entries += 1;
		byDate.set(entry.dueDate, total);
		const own = byCustomer.get(entry.customerNo);
		if (own) own.push(entry);
		else byCustomer.set(entry.customerNo, [entry]);
	}
	const customerDue = [...byCustomer].map(([no, own]) => customerDueOf(no, own)!);
	const counts = new Map<string, number>();
	for (const row of customerDue) {
		if (row.credit === 0) counts.set(row.firstDue, (counts.get(row.firstDue) ?? 0) + 1);
	}
	return {
		dueDateTotals: [...byDate.values()],
		customerDue,
		firstDueCounts: [...counts].map(([firstDue, customers]) => ({ firstDue, customers }))
	};
}

const ALL: DBCoreKeyRange = {
	type: 3 /* DBCoreRangeType.Any */,
	lower: undefined,
	upper: undefined
};

function equal(key: unknown): DBCoreKeyRange {
	return { type: 1 /* DBCoreRangeType.Equal */, lower: key, upper: key };
}

/** Keeps the derived tables of one write of `custLedgerEntries`, inside its transaction. */
class Keeper {
	constructor(
		private readonly entries: DBCoreTable,
		private readonly dates: DBCoreTable,
		private readonly customers: DBCoreTable,
		private readonly counts: DBCoreTable,
		private readonly trans: DBCoreTransaction
	) {}

	/** The open entries of one customer, as stored now (on the `[customerNo+open]` index). */
	private async openOf(customerNo: string): Promise<Entry[]> {
		const index = this.entries.schema.getIndexByKeyPath(['customerNo', 'open']);
		const { result } = await this.entries.query({
			trans: this.trans,
			values: true,
			query: { index: index!, range: equal([customerNo, 1]) }
		});
		return result as Entry[];
	}

	/** Rebuilds both tables from every open entry (a clear, or a write it cannot follow). */
	async rebuild(): Promise<void> {
		const index = this.entries.schema.getIndexByKeyPath('open');
		const { result } = await this.entries.query({
			trans: this.trans,
			values: true,
			query: { index: index!, range: equal(1) }
		});
		const built = dueTotalsOf(result as Entry[]);
		const tables: Array<[DBCoreTable, unknown[]]> = [
			[this.dates, built.dueDateTotals],
			[this.customers, built.customerDue],
			[this.counts, built.firstDueCounts]
		];
		await Promise.all(
			tables.map(([table]) => table.mutate({ trans: this.trans, type: 'deleteRange', range: ALL }))
		);
		await Promise.all(
			tables.map(
				([table, values]) =>
					values.length && table.mutate({ trans: this.trans, type: 'add', values })
			)
		);
	}

	/** Applies the change of each entry from `before` to `after` (undefined: none). */
	async apply(
		changes: Array<[before: Entry | undefined, after: Entry | undefined]>
	): Promise<void> {
		const dates = new Map<string, { cents: number; count: number }>();
		const shift = (entry: Entry, sign: 1 | -1) => {
			const delta = dates.get(entry.dueDate) ?? { cents: 0, count: 0 };
			delta.cents += sign * entry.remainingAmountCents;
			delta.count += sign;
			dates.set(entry.dueDate, delta);
		};
		/** Customers to read again (an open entry of theirs changed or went), else the entries added. */
		const reread = new Set<string>();
		const added = new Map<string, Entry[]>();
		for (const [before, after] of changes) {
			if (isOpen(before)) {
				shift(before, -1);
				reread.add(before.customerNo);
			}
			if (isOpen(after)) {
				shift(after, 1);
				const own = added.get(after.customerNo);
				if (own) own.push(after);
				else added.set(after.customerNo, [after]);
			}
		}
		for (const no of reread) added.delete(no);
		await Promise.all([this.keepDates(dates), this.keepCustomers(reread, added)]);
	}

	/** Puts `put` and deletes the rows keyed `gone` of one derived table. */
	private write(table: DBCoreTable, put: unknown[], gone: string[]): Promise<unknown> {
		return Promise.all([
			put.length && table.mutate({ trans: this.trans, type: 'put', values: put }),
			gone.length && table.mutate({ trans: this.trans, type: 'delete', keys: gone })
		]);
	}

	private async keepDates(deltas: Map<string, { cents: number; count: number }>): Promise<void> {
		const keys = [...deltas.keys()];
		if (keys.length === 0) return;
		const stored = (await this.dates.getMany({ trans: this.trans, keys })) as Array<
			DueDateTotal | undefined
		>;
		const put: DueDateTotal[] = [];
		const gone: string[] = [];
		keys.forEach((dueDate, index) => {
			const was = stored[index] ?? { dueDate, remainingCents: 0, entries: 0 };
			const delta = deltas.get(dueDate)!;
			const now = {
				dueDate,
				remainingCents: was.remainingCents + delta.cents,
				entries: was.entries + delta.count
			};
			if (now.entries > 0) put.push(now);
			else gone.push(dueDate);
		});
		await this.write(this.dates, put, gone);
	}

	private async keepCustomers(reread: Set<string>, added: Map<string, Entry[]>): Promise<void> {
		const nos = [...new Set([...added.keys(), ...reread])];
		if (nos.length === 0) return;
		const [stored, open] = await Promise.all([
			this.customers.getMany({ trans: this.trans, keys: nos }) as Promise<
				Array<CustomerDue | undefined>
			>,
			Promise.all([...reread].map(async (no) => [no, await this.openOf(no)] as const))
		]);
		const openOf = new Map(open);
		const put: CustomerDue[] = [];
		const gone: string[] = [];
		const counts = new Map<string, number>();
		const count = (row: CustomerDue | undefined, sign: 1 | -1) => {
			if (row && row.credit === 0) counts.set(row.firstDue, (counts.get(row.firstDue) ?? 0) + sign);
		};
		nos.forEach((no, index) => {
			const was = stored[index];
			let now: CustomerDue | undefined;
			if (openOf.has(no)) now = customerDueOf(no, openOf.get(no)!);
			else {
				const more = customerDueOf(no, added.get(no)!)!;
				now = was
					? {
							customerNo: no,
							firstDue: was.firstDue < more.firstDue ? was.firstDue : more.firstDue,
							credit: was.credit || more.credit ? 1 : 0
						}
					: more;
			}
			count(was, -1);
			count(now, 1);
			if (now) put.push(now);
			else if (was) gone.push(no);
		});
		await Promise.all([this.write(this.customers, put, gone), this.keepCounts(counts)]);
	}

	private async keepCounts(deltas: Map<string, number>): Promise<void> {
		const keys = [...deltas].filter(([, delta]) => delta !== 0).map(([firstDue]) => firstDue);
		if (keys.length === 0) return;
		const stored = (await this.counts.getMany({ trans: this.trans, keys })) as Array<
			FirstDueCount | undefined
		>;
		const put: FirstDueCount[] = [];
		const gone: string[] = [];
		keys.forEach((firstDue, index) => {
			const customers = (stored[index]?.customers ?? 0) + deltas.get(firstDue)!;
			if (customers > 0) put.push({ firstDue, customers });
			else gone.push(firstDue);
		});
		await this.write(this.counts, put, gone);
	}
}

/** Whether the transaction holds the derived tables (an upgrade to an older version does not). */
function holdsDueTables(trans: DBCoreTransaction): boolean {
	const names = (trans as unknown as Partial<IDBTransaction>).objectStoreNames;
	// Dexie's transactions are IndexedDB's own; anything else is trusted to hold them.
	return !names || DUE_TABLES.every((name) => names.contains(name));
}

/** The entries' rows a request writes, by position (undefined for a delete). */
function valuesOf(request: Exclude<DBCoreMutateRequest, { type: 'deleteRange' }>): unknown[] {
	return request.type === 'delete' ? request.keys.map(() => undefined) : [...request.values];
}

async function keep(
	down: DBCore,
	table: DBCoreTable,
	request: DBCoreMutateRequest
): Promise<DBCoreMutateResponse> {
	const { trans } = request;
	if (!holdsDueTables(trans)) return table.mutate(request);
	const keeper = new Keeper(
		table,
		down.table('dueDateTotals'),
		down.table('customerDue'),
		down.table('firstDueCounts'),
		trans
	);
	if (request.type === 'deleteRange') {
		const response = await table.mutate(request);
		await keeper.rebuild();
		return response;
	}
	const values = valuesOf(request);
	const keys =
		request.type === 'delete'
			? request.keys
			: (request.keys ?? values.map((value) => (value as Entry | undefined)?.entryNo));
	if (keys.some((key) => key === undefined) || keys.length !== values.length) {
		// A write whose rows are not all in the request (none here today): read everything again.
		const response = await table.mutate(request);
		await keeper.rebuild();
		return response;
	}
	const stored =
		request.type === 'add'
			? keys.map(() => undefined)
			: ((await table.getMany({ trans, keys })) as Array<Entry | undefined>);
	const response = await table.mutate(request);
	const failed = response.failures ?? {};
	// In request order: a key written twice in one request changes from its first value.
	const now = new Map<unknown, Entry | undefined>();
	const changes: Array<[Entry | undefined, Entry | undefined]> = [];
	keys.forEach((key, index) => {
		if (index in failed) return;
		const id = JSON.stringify(key);
		const before = now.has(id) ? now.get(id) : stored[index];
		const after = values[index] as Entry | undefined;
		changes.push([before, after]);
		now.set(id, after);
	});
	await keeper.apply(changes);
	return response;
}

/** Keeps `dueDateTotals` and `customerDue` on every write of the entries: `db.use()`. */
export const dueTotalsMiddleware: Middleware<DBCore> = {
	stack: 'dbcore',
	name: 'dueTotals',
	create: (down) => ({
		...down,
		// A read-write transaction over the entries holds the derived tables too.
		transaction: (stores, mode, options) =>
			down.transaction(
				mode === 'readwrite' && stores.includes('custLedgerEntries')
					? [...new Set([...stores, ...DUE_TABLES])]
					: stores,
				mode,
				options
			),
		table: (name) => {
			const table = down.table(name);
			if (name !== 'custLedgerEntries') return table;
			return { ...table, mutate: (request: DBCoreMutateRequest) => keep(down, table, request) };
		}
	})
};
