import { toString } from 'qrcode';

/**
 * A QR code as an SVG string, drawn by the `qrcode` package (also in node, for tests). Error
 * correction level M, as EPC069-12 asks of a payment QR code; `margin` is the quiet zone in
 * modules (the code needs 4 around it to scan reliably).
 */
export function qrSvg(payload: string, margin = 4): Promise<string> {
	return toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin });
}
