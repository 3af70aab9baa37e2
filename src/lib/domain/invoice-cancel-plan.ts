import { decideForDocument } from './policy';
import type { CustLedgerEntry, PostedInvoice, PostedLine } from './posted';
import {
	addPostedDocument,
	drawNo,
	emptyPlan,
	missing,
	planned,
	refused,
	type Planned,
	type PostingContext
} from './posting-plan';
import {
	DOCUMENT_SERIES,
	LINE_STEP,
	newSalesHeader,
	newSalesLine,
	type HeaderStart,
	type SalesLine
} from './sales-document';
import { planTotals } from './sales-line-rules';

export interface InvoiceCancelInput {
	/** The No. of the posted invoice to cancel. */
	no: string;
	invoice: PostedInvoice | undefined;
	/** Its lines in Line No. order. */
	lines: readonly PostedLine[];
	/** Its customer ledger entry. */
	entry: CustLedgerEntry | undefined;
}

/**
 * Cancel of a posted invoice: a credit memo for all of it, whose entry closes the invoice's
 * entry (an application of the whole amount). Refused when the invoice was cancelled before or
 * is paid in part or in full. Correct asks the policy for its own action.
 */
export function planInvoiceCancel(
	input: InvoiceCancelInput,
	context: PostingContext,
	action: 'postedInvoice.cancel' | 'postedInvoice.correct' = 'postedInvoice.cancel'
): Planned {
	const { no, invoice, entry } = input;
	if (!invoice) return missing('Posted invoice', no);
	const { sellTo, billTo } = context.parties;
	if (!sellTo || !billTo) return missing('Customer', invoice.billToCustomerNo);
	const decision = decideForDocument(sellTo, billTo, action);
	if (!decision.allowed) return { ok: false, blocked: { decision, action } };
	if (invoice.cancelledBy) {
		return refused('error.alreadyCancelled', `${no} was cancelled by ${invoice.cancelledBy}.`, {
			no,
			by: invoice.cancelledBy
		});
	}
	if (!entry || entry.remainingAmountCents !== entry.amountCents) {
		return refused(
			'error.invoicePaid',
			`${no} is paid in part or in full and cannot be cancelled.`,
			{ no }
		);
	}

	const plan = emptyPlan();
	const drafts = input.lines.map((line) => ({
		line,
		quantity: line.quantity,
		amountCents: line.amountCents
	}));
	const credit = addPostedDocument(plan, context, 'creditMemo', invoice, no, drafts, no);
	if ('ok' in credit) return credit;
	// The two entries close each other at once, on the invoice's posting date.
	const closedAtDate = invoice.postingDate;
	const creditEntry = plan.ledger.added[0]!;
	plan.ledger.added[0] = {
		...creditEntry,
		remainingAmountCents: 0,
		open: 0,
		closedByEntryNo: entry.entryNo,
		closedAtDate
	};
	plan.ledger.changed.push({
		entry,
		change: {
			entryNo: entry.entryNo,
			remainingAmountCents: 0,
			open: 0,
			closedByEntryNo: creditEntry.entryNo,
			closedAtDate
		}
	});
	plan.applications.push({
		id: context.newId(),
		entryNo: entry.entryNo,
		appliedByEntryNo: creditEntry.entryNo,
		amountCents: entry.amountCents,
		postingDate: closedAtDate
	});
	plan.cancelledInvoice = { no, cancelledBy: credit.header.no };
	return planned(plan, context);
}

export interface InvoiceCorrectionInput extends InvoiceCancelInput {
	/** What the new invoice's header starts with; its No. is drawn by the plan. */
	start: Omit<HeaderStart, 'no'>;
}

/**
 * Correct of a posted invoice: Cancel, and a new open invoice for the same customers with the
 * same lines, to change and post again.
 */
export function planInvoiceCorrection(
	input: InvoiceCorrectionInput,
	context: PostingContext
): Planned {
	const cancelled = planInvoiceCancel(input, context, 'postedInvoice.correct');
	if (!cancelled.ok) return cancelled;
	const { plan } = cancelled;
	const invoice = input.invoice!;
	const { sellTo, billTo } = context.parties;
	const no = drawNo(plan, context, DOCUMENT_SERIES.Invoice);
	const lines: SalesLine[] = input.lines.map((line, index) =>
		newSalesLine({
			id: context.newId(),
			documentNo: no,
			lineNo: (index + 1) * LINE_STEP,
			type: line.type,
			no: line.no,
			description: line.description,
			quantity: line.quantity,
			unitPriceCents: line.unitPriceCents,
			lineDiscountPct: line.lineDiscountPct,
			vatPct: line.vatPct,
			unitOfMeasure: line.unitOfMeasure,
			qtyToShip: line.quantity,
			qtyToInvoice: line.quantity
		})
	);
	const totals = planTotals(lines, 0);
	if (!totals.ok) return totals;
	const header = newSalesHeader({
		...input.start,
		no,
		documentType: 'Invoice',
		sellTo: sellTo!,
		billTo: billTo!,
		externalDocumentNo: invoice.externalDocumentNo
	});
	plan.newDocument = { header: { ...header, ...totals.plan }, lines };
	return planned(plan, context);
}
