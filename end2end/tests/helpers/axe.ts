import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';
import { hydrated } from './people';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA: what the Government's sites must meet. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** How many elements of each violation the report names. */
const NODES_SHOWN = 3;

export type Lang = 'vi' | 'en';

/** Click `link` and wait for the address it opens (a client-side or a full navigation). */
export async function follow(link: Locator, path: RegExp): Promise<string> {
  await link.click();
  await link.page().waitForURL(path);
  return link.page().url();
}

/** Wait until the page is as a user sees it: hydrated, nothing loading, the reader's page
 * drawn; and check it is the page asked for, not an error. */
async function settled(page: Page) {
  await hydrated(page);
  await expect(page.locator('.loading')).toHaveCount(0);
  await expect(page.locator('.error-panel'), `${page.url()} shows an error`).toHaveCount(0);
  if ((await page.locator('#reader').count()) > 0) {
    await expect(page.locator('#reader')).toHaveAttribute('data-state', 'shown');
  }
}

/** Every WCAG A/AA violation axe finds on the page shown, one line each. */
async function violations(page: Page, lang: Lang): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  const where = new URL(page.url());
  return violations.map((v) => {
    const targets = v.nodes.slice(0, NODES_SHOWN).map((n) => n.target.join(' '));
    const more = v.nodes.length > NODES_SHOWN ? ` (+${v.nodes.length - NODES_SHOWN} more)` : '';
    return `${where.pathname}${where.search} [${lang}] ${v.id} (${v.impact}): ${v.help}: ${targets.join(' | ')}${more}`;
  });
}

/** Load each of `paths` afresh in `lang` (the language the browser context has chosen) and
 * run axe on it; what it found. */
export async function sweep(page: Page, paths: string[], lang: Lang): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), `${path} loaded`).toBe(200);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await settled(page);
    found.push(...(await violations(page, lang)));
  }
  return found;
}

/** Switch to English with the header's button; the choice (a cookie) holds for the pages
 * loaded next. */
export async function switchToEnglish(page: Page) {
  await hydrated(page);
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** Sweep `paths` in Vietnamese, then in English: every violation found, as a test failure
 * naming each (page, language, rule, elements). */
export async function expectNoViolations(page: Page, paths: string[]) {
  const found = await sweep(page, paths, 'vi');
  await switchToEnglish(page);
  found.push(...(await sweep(page, paths, 'en')));
  expect(found, `axe found ${found.length} violation(s):\n  ${found.join('\n  ')}\n`).toEqual([]);
}
