import { create, toString } from 'qrcode';

/**
 * A QR code as an SVG string, drawn by the `qrcode` package (also in node, for tests). Error
 * correction level M, as EPC069-12 asks of a payment QR code; `margin` is the quiet zone in
 * modules (the code needs 4 around it to scan reliably).
 */
export function qrSvg(payload: string, margin = 4): Promise<string> {
	return toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin });
}

/** A QR code as drawing data: the square's side in modules and one path of its dark modules. */
export interface QrDrawing {
	size: number;
	path: string;
}

/**
 * The same QR code as data to draw with plain SVG elements, so a page shows it without
 * inserting markup: each dark module is a 1 × 1 square, `margin` modules from the edge.
 */
export function qrDrawing(payload: string, margin = 4): QrDrawing {
	const { modules } = create(payload, { errorCorrectionLevel: 'M' });
	const squares: string[] = [];
	for (let row = 0; row < modules.size; row++) {
		for (let column = 0; column < modules.size; column++) {
			if (modules.get(row, column)) squares.push(`M${column + margin} ${row + margin}h1v1h-1z`);
		}
	}
	return { size: modules.size + 2 * margin, path: squares.join('') };
}
