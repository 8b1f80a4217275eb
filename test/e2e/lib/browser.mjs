// Debian's Chromium driven by playwright-core (no browser download: the npm package ships none).
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.TOKENOMICS_E2E_CHROMIUM || '/usr/bin/chromium';

/** Flags that keep Chromium from calling home and working in a headless container as root. */
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-domain-reliability',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-quic',
  '--metrics-recording-only',
];

export async function launchBrowser() {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: process.env.TOKENOMICS_E2E_HEADED ? false : true,
    args: CHROMIUM_ARGS,
  });
  // Clipboard access lets a test read what "copy" buttons put there.
  const context = await browser.newContext({
    viewport: { width: 1600, height: 1000 },
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  return { browser, context };
}
