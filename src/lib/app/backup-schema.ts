import * as v from 'valibot';
import { CHANGE_LOG_FIELDS, CHANGE_LOG_TABLES } from '$lib/domain/change-log';
import {
	CUSTOMER_NO_MAX,
	customerNoError,
	DOCUMENT_LANGUAGES,
	TEXT_FIELD_MAX
} from '$lib/domain/customer';
import { isIsoDate } from '$lib/domain/dates';
import { BLOCKED_LEVELS, REFUSAL_CODES, VERBS } from '$lib/domain/policy';
import { LEDGER_DOCUMENT_TYPES, ON_HOLD_MAX } from '$lib/domain/posted';
import { JOURNAL_DOCUMENT_TYPES, MEMO_STATUSES } from '$lib/domain/receivables';
import { DOCUMENT_STATUSES, LINE_TYPES, SALES_DOCUMENT_TYPES } from '$lib/domain/sales-document';

/**
 * The shape of a backup file: the envelope and every table at the current schema version, as
 * valibot schemas. The choices (Blocked, document types, statuses…) are the domain's own lists,
 * so a new option is accepted by backups the day the domain has it.
 */

export const BACKUP_FORMAT = 'holdfast-backup';

const text = v.string();
const int = v.pipe(v.number(), v.integer());
const amount = v.pipe(v.number(), v.safeInteger());
const quantity = v.pipe(v.number(), v.finite());
/** Posted quantities: what was shipped or invoiced is never below zero. */
const postedQuantity = v.pipe(v.number(), v.finite(), v.minValue(0));
/** A text field of the customer card, within the card's limit. */
const cardText = v.pipe(v.string(), v.maxLength(TEXT_FIELD_MAX));
/** Terms' descriptions in other languages; absent on terms stored before them. */
const translations = v.optional(v.object({ en: v.optional(text), nl: v.optional(text) }));
const documentLanguage = v.picklist(DOCUMENT_LANGUAGES);
const reminderText = v.object({ beginning: text, ending: text });

/** The English texts of the schema's own checks, by the key the UI says them with. */
export const CHECK_MESSAGES = {
	'backup.problem.date': 'a date YYYY-MM-DD',
	'backup.problem.customerNo': `a customer No. of at most ${CUSTOMER_NO_MAX} capital letters, digits, - _ and .`
} as const;

const date = v.pipe(
	v.string(),
	v.check((value) => value === '' || isIsoDate(value), CHECK_MESSAGES['backup.problem.date'])
);
const blocked = v.picklist(BLOCKED_LEVELS);
const lineType = v.picklist(LINE_TYPES);
const ledgerType = v.picklist(LEDGER_DOCUMENT_TYPES);
const memoStatus = v.picklist(MEMO_STATUSES);
/** The No. is the path of the customer's card, so a backup holds only Nos. the card accepts. */
const customerNo = v.pipe(
	text,
	v.check((no) => customerNoError(no) === null, CHECK_MESSAGES['backup.problem.customerNo'])
);

const postedLine = v.object({
	id: text,
	documentNo: text,
	lineNo: int,
	type: lineType,
	no: text,
	description: text,
	unitOfMeasure: text,
	quantity: postedQuantity,
	unitPriceCents: amount,
	lineDiscountPct: quantity,
	vatPct: quantity,
	amountCents: amount,
	vatCents: amount
});
const postedHeader = {
	no: text,
	sellToCustomerNo: text,
	sellToName: text,
	billToCustomerNo: text,
	billToName: text,
	postingDate: date,
	documentDate: date,
	dueDate: date,
	externalDocumentNo: text,
	sourceNo: text,
	amountCents: amount,
	vatCents: amount,
	amountInclVatCents: amount,
	// The bill-to as it was posted; absent on documents posted before the copy.
	billToDetails: v.optional(
		v.object({
			address: text,
			postCode: text,
			city: text,
			countryRegion: text,
			vatRegistrationNo: text,
			enterpriseNo: text,
			languageCode: documentLanguage
		})
	)
};
const shipment = v.object({
	no: text,
	orderNo: text,
	sellToCustomerNo: text,
	sellToName: text,
	billToCustomerNo: text,
	billToName: text,
	postingDate: date
});
const shipmentLine = v.object({
	id: text,
	shipmentNo: text,
	lineNo: int,
	orderNo: text,
	orderLineId: text,
	billToCustomerNo: text,
	no: text,
	description: text,
	unitOfMeasure: text,
	quantity: postedQuantity,
	quantityInvoiced: postedQuantity,
	unitPriceCents: amount,
	lineDiscountPct: quantity,
	vatPct: quantity
});

/** The shape of every table at the current schema version. */
export const TABLES = {
	customers: v.object({
		no: customerNo,
		name: cardText,
		address: cardText,
		postCode: cardText,
		city: cardText,
		countryRegion: cardText,
		phoneNo: cardText,
		email: cardText,
		billToCustomerNo: text,
		paymentTermsCode: text,
		reminderTermsCode: text,
		financeChargeTermsCode: text,
		creditLimitCents: amount,
		blocked,
		privacyBlocked: v.boolean(),
		searchTerms: v.array(text),
		blockReason: text,
		blockNote: cardText,
		blockedBy: text,
		blockedSince: text,
		blockedUntil: date,
		// Document details; absent on customers stored before them (read with documentDetailsOf).
		vatRegistrationNo: v.optional(cardText),
		enterpriseNo: v.optional(cardText),
		languageCode: v.optional(documentLanguage),
		documentEmail: v.optional(cardText)
	}),
	items: v.object({
		no: text,
		description: cardText,
		baseUnitOfMeasure: text,
		unitPriceCents: amount,
		vatPct: quantity,
		searchTerms: v.array(text)
	}),
	paymentTerms: v.object({ code: text, description: text, translations, dueDays: int }),
	blockReasons: v.object({ code: text, description: text }),
	customerTotals: v.object({
		customerNo: text,
		balanceCents: amount,
		openEntries: int,
		entries: int
	}),
	salesHeaders: v.object({
		no: text,
		documentType: v.picklist(SALES_DOCUMENT_TYPES),
		sellToCustomerNo: text,
		sellToName: text,
		billToCustomerNo: text,
		billToName: text,
		documentDate: date,
		postingDate: date,
		dueDate: date,
		externalDocumentNo: text,
		status: v.picklist(DOCUMENT_STATUSES),
		createdAt: text,
		amountCents: amount,
		amountInclVatCents: amount,
		version: v.optional(int)
	}),
	salesLines: v.object({
		id: text,
		documentNo: text,
		lineNo: int,
		type: lineType,
		no: text,
		description: text,
		quantity,
		unitPriceCents: amount,
		lineDiscountPct: quantity,
		vatPct: quantity,
		unitOfMeasure: text,
		quantityOrdered: quantity,
		blanketOrderNo: text,
		blanketOrderLineId: text,
		qtyToShip: quantity,
		quantityShipped: quantity,
		qtyToInvoice: quantity,
		quantityInvoiced: quantity,
		shipmentNo: text,
		shipmentLineId: text
	}),
	numberSeries: v.object({ code: text, prefix: text, lastNo: int, increment: int, width: int }),
	settings: v.object({ key: text, value: text }),
	changeLog: v.object({
		id: text,
		at: text,
		tableName: v.picklist(CHANGE_LOG_TABLES),
		key: text,
		field: v.picklist(CHANGE_LOG_FIELDS),
		oldValue: text,
		newValue: text,
		reason: v.optional(text),
		user: v.optional(text),
		automatic: v.optional(v.boolean()),
		batchId: v.optional(text)
	}),
	shipments: shipment,
	shipmentLines: shipmentLine,
	returnReceipts: shipment,
	returnReceiptLines: shipmentLine,
	postedInvoices: v.object({ ...postedHeader, cancelledBy: text }),
	postedInvoiceLines: postedLine,
	postedCreditMemos: v.object({ ...postedHeader, cancels: text }),
	postedCreditMemoLines: postedLine,
	custLedgerEntries: v.object({
		entryNo: int,
		customerNo: text,
		postingDate: date,
		documentType: ledgerType,
		documentNo: text,
		description: text,
		amountCents: amount,
		remainingAmountCents: amount,
		dueDate: date,
		open: v.picklist([0, 1]),
		onHold: v.pipe(text, v.maxLength(ON_HOLD_MAX)),
		noOfReminders: int,
		closedByEntryNo: int,
		closedAtDate: date
	}),
	applications: v.object({
		id: text,
		entryNo: int,
		appliedByEntryNo: int,
		amountCents: amount,
		postingDate: date,
		// Written by Apply / Unapply Entries; absent on older records.
		transactionNo: v.optional(int),
		unapplied: v.optional(v.boolean()),
		reversesId: v.optional(text)
	}),
	journalLines: v.object({
		id: text,
		lineNo: int,
		postingDate: date,
		documentType: v.picklist(JOURNAL_DOCUMENT_TYPES),
		documentNo: text,
		customerNo: text,
		description: text,
		amountCents: amount,
		appliesToDocNo: text,
		appliesToEntries: v.array(v.object({ entryNo: int, amountToApplyCents: amount }))
	}),
	reminderTerms: v.object({
		code: text,
		description: text,
		translations,
		levels: v.array(
			v.object({
				level: int,
				gracePeriodDays: int,
				dueDays: int,
				feeCents: amount,
				// Levels stored before texts per language have their one text; newer ones `texts`.
				text: v.optional(text),
				texts: v.optional(v.object({ en: reminderText, nl: reminderText }))
			})
		)
	}),
	financeChargeTerms: v.object({
		code: text,
		description: text,
		translations,
		interestRatePct: quantity,
		interestPeriodDays: int,
		gracePeriodDays: int,
		minimumAmountCents: amount,
		additionalFeeCents: amount
	}),
	reminders: v.object({
		no: text,
		customerNo: text,
		customerName: text,
		documentDate: date,
		dueDate: date,
		reminderTermsCode: text,
		level: int,
		feeCents: amount,
		text,
		endingText: v.optional(text),
		languageCode: v.optional(documentLanguage),
		status: memoStatus,
		issuedNo: text,
		lines: v.array(
			v.object({
				entryNo: int,
				documentType: ledgerType,
				documentNo: text,
				dueDate: date,
				originalAmountCents: amount,
				remainingAmountCents: amount,
				level: int,
				onHold: v.boolean()
			})
		)
	}),
	refusedAttempts: v.object({
		id: text,
		at: text,
		action: text,
		customerNo: text,
		documentNo: text,
		// The refusal's facts; absent on attempts recorded before them (their message says it).
		code: v.optional(v.picklist(REFUSAL_CODES)),
		blocked: v.optional(blocked),
		verb: v.optional(v.picklist(VERBS)),
		message: text
	}),
	financeChargeMemos: v.object({
		no: text,
		customerNo: text,
		customerName: text,
		documentDate: date,
		dueDate: date,
		financeChargeTermsCode: text,
		feeCents: amount,
		interestCents: amount,
		status: memoStatus,
		issuedNo: text,
		lines: v.array(
			v.object({
				entryNo: int,
				documentNo: text,
				dueDate: date,
				remainingAmountCents: amount,
				daysOverdue: int,
				interestFromDate: v.optional(date),
				interestToDate: v.optional(date),
				interestCents: amount
			})
		)
	})
} as const;

export type TableName = keyof typeof TABLES;
export type Row = Record<string, unknown>;
/** A backup's tables by name, as plain rows. */
export type Rows = Record<string, Row[]>;

export const ENVELOPE = v.object({
	format: v.literal(BACKUP_FORMAT),
	schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
	exportedAt: text,
	appVersion: text,
	tables: v.record(v.string(), v.array(v.record(v.string(), v.unknown())))
});
