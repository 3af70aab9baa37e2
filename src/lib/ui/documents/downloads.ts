import type { TermsText } from '$lib/app/peppol-export';
import { m } from '$lib/i18n';

/** Saves a file the app made (an e-invoice, a zip) through the browser's download. */
export function downloadFile(fileName: string, type: string, content: string | Uint8Array): void {
	const blob = new Blob([content as BlobPart], { type });
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	document.body.append(link);
	link.click();
	link.remove();
	// Some browsers read the URL after the click returns: let it go a little later.
	setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** The payment terms' text an e-invoice carries, in its customer's language ("Netto 30 dagen"). */
export async function peppolTermsText(): Promise<TermsText> {
	return (days, language) => m['doc.paymentDays']({ days }, { locale: language });
}
