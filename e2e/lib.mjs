// Shared helpers for the browser tests: start the real binary, log in, run axe.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import * as OTPAuth from 'otpauth';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const root = join(here, '..');
export const screenshots = join(here, 'screenshots');
mkdirSync(screenshots, { recursive: true });

/** The pages the user guide shows (docs/guide.md, served at /help): each is photographed here,
 * at the window's size, whenever its test checks it with axe, so the guide shows the system as it
 * is. The server lists the same names (routes/help.rs). */
export const guideScreenshots = join(root, 'docs', 'screenshots');
const GUIDE = new Set([
  'dashboard-udi', 'centres', 'centre', 'centre-new-errors', 'agreement-new', 'claim',
  'dashboard-region.vest', 'log-timeline', 'dashboard-operator', 'staff-centre',
  'dashboard-imdi', 'placement-result', 'dashboard-kommune', 'folder-municipality',
]);

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts `mottak serve --demo` on a fresh SQLite file; resolves with its URL and demo logins. */
export async function startServer() {
  const binary = process.env.MOTTAK_BIN ?? join(root, 'target', 'debug', 'mottak');
  const directory = mkdtempSync(join(tmpdir(), 'mottak-e2e-'));
  const port = await freePort();
  const child = spawn(binary, ['serve', '--demo', '--bind', `127.0.0.1:${port}`,
    '--database-url', `sqlite:${join(directory, 'mottak.db')}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr.on('data', (chunk) => { if (process.env.E2E_VERBOSE) process.stderr.write(chunk); });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (output.includes('mottak serves at')) { clearTimeout(timer); resolve(); }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const secrets = {};
  for (const line of output.split('\n')) {
    const match = line.match(/^(\S+)\s+(\S+)\s+([A-Z2-7]{32})\s+\d{6}$/);
    if (match) secrets[match[1]] = match[3];
  }
  const password = output.match(/password for all: (\S+)\)/)[1];
  return { url: `http://127.0.0.1:${port}`, child, secrets, password };
}

export function totpCode(secret, offsetSteps = 0) {
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: Date.now() + offsetSteps * 30_000 });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
  });
}

/** Runs axe (WCAG 2.1 A and AA) on the page; throws listing the violations. */
export async function expectAccessible(page, name) {
  await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  if (GUIDE.has(name) && page.viewportSize()?.width >= 1280) {
    mkdirSync(guideScreenshots, { recursive: true });
    await page.screenshot({ path: join(guideScreenshots, `${name}.png`) });
  }
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  if (result.violations.length > 0) {
    const details = result.violations.map((violation) =>
      `${violation.id} (${violation.impact}): ${violation.help}\n` +
      violation.nodes.slice(0, 5).map((node) => `    ${node.target.join(' ')}: ${node.failureSummary}`).join('\n'));
    throw new Error(`axe found ${result.violations.length} violation(s) on ${name}:\n${details.join('\n')}`);
  }
}

// TOTP codes are single-use per 30-second step and user (the server refuses replays), so
// logins of the same user take successive steps, waiting when a step is not yet valid.
const lastStep = new Map();

export async function nextCode(username, secret) {
  const current = Math.floor(Date.now() / 30_000);
  const step = Math.max(current, (lastStep.get(username) ?? -1) + 1);
  if (step > current + 1) {
    await new Promise((resolve) => setTimeout(resolve, (step - 1) * 30_000 - Date.now() + 200));
  }
  lastStep.set(username, step);
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), digits: 6, period: 30 });
  return totp.generate({ timestamp: step * 30_000 + 1_000 });
}

export async function login(page, server, username) {
  await page.goto(`${server.url}/login`);
  await page.fill('#username', username);
  await page.fill('#password', server.password);
  await page.click('button[type=submit] >> text=Logg inn');
  await page.waitForURL(/\/login\/totp/);
  await page.fill('#code', await nextCode(username, server.secrets[username]));
  await page.click('button[type=submit] >> text=Bekreft');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}
