// Makes sure the end-to-end tests have a Chromium: CHROME_PATH, or Debian's package, which
// is installed through the system's packages when this runs as root. Never downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function chromiumPath() {
	return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function ensureChromium() {
	if (existsSync(chromiumPath())) return;
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	if (!process.env.CHROME_PATH && root && existsSync('/usr/bin/apt-get')) {
		console.log('Installing Chromium for the end-to-end tests (apt-get install chromium)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		if (existsSync(chromiumPath())) return;
	}
	console.error(
		`No Chromium at ${chromiumPath()}: install it with "sudo apt-get install chromium", or set CHROME_PATH to a Chromium or Chrome.`
	);
	process.exit(1);
}
