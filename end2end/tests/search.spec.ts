import { expect, test, type Page } from '@playwright/test';
import { pages } from './helpers/pdf';
import { demoUser } from './helpers/people';

// A search whose words stand on 80 pages of three documents: three groups with the right
// counts, the words marked in the snippets, and every page one tap from the reader.
const REGULAR = 'Phiên họp Chính phủ thường kỳ tháng 11 năm 2026';
const PHRASE = 'Zephyr Orchid';
// (file, pages, pages holding the phrase: every page but each fifth).
const FILES: [string, number][] = [
  ['Phu-luc-A.pdf', 50],
  ['Phu-luc-B.pdf', 31],
  ['Phu-luc-C.pdf', 18],
];
const holds = (n: number) => n % 5 !== 0;

async function upload(page: Page, item: string, name: string, bytes: Buffer) {
  const status = await page.evaluate(
    async ({ item, name, data }) => {
      const response = await fetch(`/documents/upload?item=${item}&name=${name}`, {
        method: 'POST',
        body: new Uint8Array(data),
      });
      return response.status;
    },
    { item, name, data: [...bytes] },
  );
  expect(status).toBe(200);
}

test('a search on 80 pages of three documents shows three groups, every page reachable', async ({ browser }) => {
  test.setTimeout(120_000);
  const errors: string[] = [];
  const office = await demoUser(browser, 'Trương Thị Hạnh', errors);
  await office.getByRole('link', { name: new RegExp(REGULAR) }).first().click();
  const item = (await office.locator('li.agenda-item').first().getAttribute('id'))!.replace('item-', '');
  // Page n of a file holds the phrase unless n is a multiple of 5: 40 + 25 + 15 = 80 pages.
  const expected: Record<string, number[]> = {};
  for (const [name, count] of FILES) {
    const texts = Array.from({ length: count }, (_, i) =>
      holds(i + 1) ? `Trang ${i + 1}: ke hoach ${PHRASE} cho vung ven bien` : `Trang ${i + 1}: phu luc so lieu`,
    );
    await upload(office, item, name, pages(texts));
    expected[name.replace('.pdf', '')] = Array.from({ length: count }, (_, i) => i + 1).filter(holds);
  }

  const member = await demoUser(browser, 'Bạch Quang Nhật', errors);
  const groups = member.locator('.search-group');
  await expect(async () => {
    await member.goto('/search?q=' + encodeURIComponent('zephyr orchid'));
    await expect(groups).toHaveCount(3, { timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(member.locator('.search-total')).toHaveText('80 kết quả');
  await expect(member.locator('#found-documents .count')).toHaveText('80 trang trong 3 tài liệu');

  for (const [file, want] of Object.entries(expected)) {
    const group = groups.filter({ has: member.getByRole('heading', { name: file }) });
    await expect(group).toHaveCount(1);
    await expect(group.locator('.group-facts .count')).toHaveText(new RegExp(`· ${want.length} trang$`));
    // The first three pages with their snippet, the words marked; the rest as numbers.
    const marks = group.locator('.snippet mark');
    await expect(marks).toHaveCount(3);
    for (const mark of await marks.all()) await expect(mark).toHaveText(PHRASE);
    const links = group.locator('.page-hits a, .other-pages a');
    const reached = (await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))).map((href) =>
      Number(new URL(href!, 'http://x').searchParams.get('page')),
    );
    expect(reached).toEqual(want);
  }

  // A page from the numbers opens in the reader at that page.
  const last = groups.filter({ has: member.getByRole('heading', { name: 'Phu-luc-A' }) }).locator('.other-pages a').last();
  await expect(last).toHaveText('49');
  await last.click();
  await expect(member.locator('#reader')).toHaveAttribute('data-state', 'shown');
  await expect(member.locator('#reader')).toHaveAttribute('data-page', '49');
  expect(errors).toEqual([]);
});
