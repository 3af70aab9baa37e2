/**
 * Which columns the line grid shows. By default the ones a clerk edits on every line (No.,
 * Description, Quantity, Qty. to Ship, Qty. to Invoice, Unit Price, Line Amount), so that they
 * fit a laptop's width; "Show more columns" adds Type, Unit of Measure, Line Discount %, VAT %
 * and the quantities posted so far. The choice holds for every document until the app closes.
 */
class LineColumns {
	more = $state(false);
}

export const lineColumns = new LineColumns();
