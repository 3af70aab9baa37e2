// Makes sure the end-to-end tests have their browsers: Chromium (CHROME_PATH, or Debian's
// package), and for tests/e2e-engines Firefox ESR, WebKitGTK's MiniBrowser with WebKitWebDriver,
// and Xvfb to give WebKit a display. Missing Debian packages are installed through the system's
// packages when this runs as root. Never downloads a browser.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export function chromiumPath() {
	return process.env.CHROME_PATH || '/usr/bin/chromium';
}

export function firefoxPath() {
	return process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
}

export function webkitDriverPath() {
	return process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
}

/**
 * WebKitGTK's MiniBrowser, in the webkit2gtk-4.1 folder of the system's library directory
 * (e.g. /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser), or WEBKIT_MINIBROWSER_PATH.
 * @returns {string | null}
 */
export function miniBrowserPath() {
	if (process.env.WEBKIT_MINIBROWSER_PATH) return process.env.WEBKIT_MINIBROWSER_PATH;
	for (const lib of ['/usr/lib', '/usr/lib64']) {
		if (!existsSync(lib)) continue;
		const folders = ['', ...readdirSync(lib).filter((name) => name.includes('-linux-'))];
		for (const folder of folders) {
			const candidate = join(lib, folder, 'webkit2gtk-4.1', 'MiniBrowser');
			if (existsSync(candidate)) return candidate;
		}
	}
	return null;
}

const XVFB_RUN = '/usr/bin/xvfb-run';

function canInstall() {
	const root = typeof process.getuid === 'function' && process.getuid() === 0;
	return root && existsSync('/usr/bin/apt-get');
}

/** @param {string[]} packages */
function aptInstall(packages) {
	console.log(`Installing ${packages.join(', ')} for the end-to-end tests (apt-get install)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

export function ensureChromium() {
	if (existsSync(chromiumPath())) return;
	if (!process.env.CHROME_PATH && canInstall()) {
		aptInstall(['chromium']);
		if (existsSync(chromiumPath())) return;
	}
	console.error(
		`No Chromium at ${chromiumPath()}: install it with "sudo apt-get install chromium", or set CHROME_PATH to a Chromium or Chrome.`
	);
	process.exit(1);
}

/** The Debian packages the Firefox and WebKit tests lack, each with what it gives. */
function missingForEngines() {
	/** @type {Array<[boolean, string]>} */
	const needs = [
		[existsSync(firefoxPath()), 'firefox-esr'],
		[existsSync(webkitDriverPath()) && miniBrowserPath() !== null, 'webkit2gtk-driver'],
		[existsSync(XVFB_RUN) && existsSync('/usr/bin/xauth'), 'xvfb xauth']
	];
	return needs.filter(([present]) => !present).flatMap(([, names]) => names.split(' '));
}

/** Firefox ESR, WebKitWebDriver with MiniBrowser, and xvfb-run for tests/e2e-engines. */
export function ensureEngines() {
	let missing = missingForEngines();
	if (missing.length === 0) return;
	if (canInstall()) {
		aptInstall(missing);
		missing = missingForEngines();
		if (missing.length === 0) return;
	}
	console.error(
		`The Firefox and WebKit tests need ${missing.join(', ')}: install them with "sudo apt-get install ${missing.join(' ')}" (or set FIREFOX_PATH, WEBKIT_DRIVER_PATH, WEBKIT_MINIBROWSER_PATH), or run only Chromium with "npm test -- --project unit --project unit-isolated --project component --project component-isolated --project e2e".`
	);
	process.exit(1);
}

/** xmllint (Debian's libxml2-utils), with which the unit tests validate the Peppol export. */
export function ensureXmllint() {
	const present = () => existsSync('/usr/bin/xmllint');
	if (present()) return;
	if (canInstall()) {
		aptInstall(['libxml2-utils']);
		if (present()) return;
	}
	console.error(
		'The Peppol export tests need xmllint: install it with "sudo apt-get install libxml2-utils".'
	);
	process.exit(1);
}
