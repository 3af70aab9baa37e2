// Serves the built app (build/, or --dir) as a static site with the single-page fallback, the way a
// static host would: the service worker and manifest are served as they will be deployed.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import sirv from 'sirv';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: '4173' },
		host: { type: 'string', default: 'localhost' },
		dir: { type: 'string', default: 'build' }
	}
});

const assets = sirv(values.dir, {
	single: 'index.html',
	etag: true,
	setHeaders(response, pathname) {
		// Hashed files never change; everything else is checked on each visit.
		if (pathname.startsWith('/_app/immutable/')) {
			response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
		} else {
			response.setHeader('Cache-Control', 'no-cache');
		}
		if (pathname.endsWith('.webmanifest'))
			response.setHeader('Content-Type', 'application/manifest+json');
	}
});

const server = createServer((request, response) => assets(request, response));
server.listen(Number(values.port), values.host, () => {
	console.log(`Holdfast is served on http://${values.host}:${values.port} (Ctrl+C stops it)`);
});
