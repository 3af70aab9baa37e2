// Writes the app icons (PNG) into static/: drawn here, so nothing is fetched or designed elsewhere.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	return c >>> 0;
});

function crc32(bytes) {
	let c = 0xffffffff;
	for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([length, body, crc]);
}

/** A square icon: brand blue, a white "H" (two posts and a bar), `inset` of padding for maskable. */
function icon(size, inset) {
	const rows = [];
	const unit = (size * (1 - 2 * inset)) / 64;
	const origin = size * inset;
	const inBox = (x, y, x0, y0, x1, y1) =>
		x >= origin + x0 * unit &&
		x < origin + x1 * unit &&
		y >= origin + y0 * unit &&
		y < origin + y1 * unit;
	for (let y = 0; y < size; y++) {
		const row = Buffer.alloc(1 + size * 4);
		for (let x = 0; x < size; x++) {
			const white =
				inBox(x, y, 14, 12, 22, 52) || inBox(x, y, 42, 12, 50, 52) || inBox(x, y, 14, 28, 50, 36);
			const [r, g, b] = white ? [255, 255, 255] : [31, 78, 121];
			row.set([r, g, b, 255], 1 + x * 4);
		}
		rows.push(row);
	}
	const header = Buffer.alloc(13);
	header.writeUInt32BE(size, 0);
	header.writeUInt32BE(size, 4);
	header.set([8, 6, 0, 0, 0], 8);
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', header),
		chunk('IDAT', deflateSync(Buffer.concat(rows))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

writeFileSync('static/icon-192.png', icon(192, 0));
writeFileSync('static/icon-512.png', icon(512, 0));
writeFileSync('static/icon-maskable-512.png', icon(512, 0.1));
writeFileSync('static/apple-touch-icon.png', icon(180, 0));
