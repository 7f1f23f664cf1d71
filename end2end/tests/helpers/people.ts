import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, type Browser, type CDPSession, type Page } from '@playwright/test';

/** What each watched page logged as an error, its uncaught exceptions included: shown when
 * the page fails to hydrate. */
const logged = new WeakMap<Page, string[]>();

/** Collect what a page logs as an error (a panic in the WASM, a CSP violation) into `sink`. */
export function watch(page: Page, name: string, sink: string[]) {
  const own: string[] = [];
  logged.set(page, own);
  page.on('console', (message) => {
    // Refusals tested on purpose are 4xx; Chromium logs them as failed loads.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      const text = message.text().split('\n')[0];
      sink.push(`${name}: ${text}`);
      own.push(text);
    }
  });
  page.on('pageerror', (error) => own.push(`uncaught: ${error.message.split('\n')[0]}`));
  // Each page the tab loads, with its status and policy: a page served without its nonce
  // policy cannot run its scripts.
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) {
      const policy = response.headers()['content-security-policy'] ?? 'none';
      own.push(`loaded ${response.url()}: ${response.status()}, policy ${policy.slice(0, 40)}…`);
    }
  });
}

/** Wait until the page's code has hydrated it; if it does not, say what the page logged. */
export async function hydrated(page: Page) {
  try {
    await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
  } catch (error) {
    const log = logged.get(page) ?? ['(page not watched)'];
    throw new Error(`${page.url()} did not hydrate; what the tab saw:\n  ${log.join('\n  ')}\n${error}`);
  }
}

/** The demo enrolment link of `name`, as the server wrote it at start. */
export function enrolmentPath(name: string): string {
  const links = readFileSync(join(process.env.E2E_DATA_DIR!, 'demo-enrolment-links.txt'), 'utf8');
  const line = links.split('\n').find((l) => l.startsWith(`${name}\t`));
  if (!line) throw new Error(`no enrolment link for ${name}`);
  return new URL(line.split('\t')[1]).pathname;
}

/** Give `page` a platform authenticator with user verification, as on a tablet: the DevTools
 * session it lives in, and its id. */
export async function addAuthenticator(page: Page): Promise<{ cdp: CDPSession; authenticatorId: string }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

/** `name` on a tablet of their own with a platform authenticator: opens the enrolment link
 * at `path` and creates a passkey (which signs them in). */
export async function enrolOnNewTablet(browser: Browser, name: string, path: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  watch(page, name, errors);
  await addAuthenticator(page);
  await page.goto(path);
  await hydrated(page);
  await page.getByLabel('Tên thiết bị').fill('Máy tính bảng');
  await page.getByRole('button', { name: 'Tạo khóa truy cập' }).click();
  // Enrolment ends by saying the passkey exists, then goes on.
  await expect(page.getByRole('status')).toContainText('Đã tạo khóa truy cập trên thiết bị này');
  await page.getByRole('link', { name: 'Vào e-Cabinet' }).click();
  await expect(page.locator('.current-user')).toContainText(name);
  return page;
}

/** A member on a tablet with a platform authenticator: enrols a passkey with their demo link
 * (which signs them in). */
export async function memberWithPasskey(browser: Browser, name: string, errors: string[]): Promise<Page> {
  return enrolOnNewTablet(browser, name, enrolmentPath(name), errors);
}

/** Someone signed in through the demo shortcut, in a browser context of their own. */
export async function demoUser(browser: Browser, name: string, errors: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  watch(page, name, errors);
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Đăng nhập với tư cách ${name}` }).click();
  await expect(page.locator('.current-user')).toContainText(name);
  return page;
}

/** Call a server function from `page` (its session, its origin); the JSON answer. */
export async function call(page: Page, endpoint: string, body: object | string): Promise<unknown> {
  const result = await page.evaluate(
    async ({ endpoint, body }) => {
      const form = typeof body === 'string';
      const response = await fetch(`/api/${endpoint}`, {
        method: 'POST',
        headers: { 'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json' },
        body: form ? body : JSON.stringify(body),
      });
      return { status: response.status, text: await response.text() };
    },
    { endpoint, body },
  );
  if (result.status !== 200) throw new Error(`${endpoint}: ${result.status} ${result.text}`);
  return result.text ? JSON.parse(result.text) : null;
}
