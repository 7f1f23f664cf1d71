import { expect, test, type Page } from '@playwright/test';
import { hydrated, memberWithPasskey, watch } from './helpers/people';
import { answer } from './helpers/ballots';
import { pdf } from './helpers/pdf';

const PRIME_MINISTER = 'Vũ Đình Khiêm';
const FINANCE = 'Bạch Quang Nhật';
const THIRD = 'Lò Văn Tiến';
const TITLE = 'Dự thảo Nghị định về hóa đơn điện tử (phiếu thử nghiệm)';
const OTHER_OPINION = 'Đề nghị lùi thời điểm áp dụng sang năm 2028';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

async function openBallot(page: Page) {
  await page.getByRole('link', { name: 'Phiếu lấy ý kiến' }).first().click();
  await page.getByRole('link', { name: TITLE }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();
  await hydrated(page);
  await expect(page.locator('body[data-live="ready"]')).toHaveCount(1);
}

test('the secretariat sends a ballot to three members; two answer with passkeys; it closes with the right result', async ({ browser }) => {
  const pm = await memberWithPasskey(browser, PRIME_MINISTER, pageErrors);
  const finance = await memberWithPasskey(browser, FINANCE, pageErrors);

  const office = await (await browser.newContext()).newPage();
  watch(office, 'secretariat', pageErrors);
  await office.goto('/sign-in');
  await office.getByRole('button', { name: 'Đăng nhập với tư cách Trương Thị Hạnh' }).click();
  // /ballots loaded afresh (not reached by a click inside the app): the draft form, rendered on
  // the server, must hydrate as rendered (it once did not, and its buttons stayed inert).
  await hydrated(office);
  await office.goto('/ballots');
  await expect(office.getByRole('heading', { name: 'Tạo phiếu lấy ý kiến' })).toBeVisible();
  await hydrated(office);
  await office.getByLabel('Tên phiếu').fill(TITLE);
  await office.getByLabel('Nội dung xin ý kiến').fill('Đề nghị các thành viên Chính phủ cho ý kiến về việc ban hành Nghị định.');
  await office.getByLabel('Thời hạn trả lời').fill('2030-12-31T17:00');
  for (const name of [PRIME_MINISTER, FINANCE, THIRD]) {
    await office.getByRole('checkbox', { name }).check();
  }
  await office.getByRole('button', { name: 'Tạo phiếu (bản nháp)' }).click();
  await expect(office.getByRole('heading', { name: TITLE })).toBeVisible();
  await expect(office.locator('body[data-live="ready"]')).toHaveCount(1);
  // The draft decree, uploaded with a progress bar.
  await office.locator('section.manage input[type="file"]').setInputFiles([
    { name: 'Du_thao_Nghi_dinh.pdf', mimeType: 'application/pdf', buffer: pdf('Du thao Nghi dinh ve hoa don dien tu') },
  ]);
  await expect(office.locator('.uploads .ok')).toHaveCount(1);
  await expect(office.locator('ul.documents li a')).toHaveText(['Du thao Nghi dinh']);
  await expect(office.locator('ul.documents li')).toContainText('1 trang');
  await office.getByRole('button', { name: 'Gửi phiếu' }).click();
  await expect(office.locator('.eligible-row')).toHaveCount(3);
  await expect(office.locator('.eligible-row.answered')).toHaveCount(0);

  // The Prime Minister agrees; the finance minister gives another opinion. Each answer is
  // signed by the virtual authenticator (user verification).
  await openBallot(pm);
  await expect(pm.getByRole('link', { name: 'Du thao Nghi dinh' })).toHaveAttribute('href', /\/documents\/.+\/read/);
  await answer(pm, 'Đồng ý');
  await openBallot(finance);
  await answer(finance, 'Ý kiến khác', OTHER_OPINION);

  // The secretariat's page shows who answered, live.
  await expect(office.locator('.eligible-row.answered')).toHaveCount(2);
  await expect(office.locator('.eligible-row', { hasText: THIRD })).toContainText('Chưa trả lời');

  // Closing early names the member it shuts out.
  await office.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
  const closing = office.getByRole('dialog', { name: 'Kết thúc lấy ý kiến bây giờ?' });
  await expect(closing.locator('li')).toHaveText([THIRD]);
  await closing.getByRole('button', { name: 'Kết thúc lấy ý kiến' }).click();
  // By hand: N = 3; agree 1, disagree 0, other 1, no answer 1. One is not more than 3/2, and
  // agree ≠ disagree: no decision.
  const result = office.locator('section.result');
  await expect(result.locator('.outcome')).toHaveText('Không đủ điều kiện quyết định');
  await expect(result.locator('.tally-row.agree .tally-count')).toHaveText('1');
  await expect(result.locator('.tally-row.disagree .tally-count')).toHaveText('0');
  await expect(result.locator('.tally-row.other .tally-count')).toHaveText('1');
  await expect(result.locator('.tally-row.none .tally-count')).toHaveText('1');
  await expect(result.locator('ul.others')).toHaveText(`${FINANCE}: ${OTHER_OPINION}`);
  await expect(result.locator('ul.not-answered')).toHaveText(THIRD);

  // The printable summary says the same.
  await result.getByRole('link', { name: 'Tổng hợp ý kiến (bản in)' }).click();
  await expect(office.getByRole('heading', { name: 'Tổng hợp ý kiến thành viên Chính phủ' })).toBeVisible();
  await expect(office.locator('ul.not-answered')).toHaveText(THIRD);

  // Members see the result once closed, live; the answer form is gone.
  await expect(finance.locator('section.result .outcome')).toHaveText('Không đủ điều kiện quyết định');
  await expect(finance.locator('section.answer form')).toHaveCount(0);
  // A late answer is refused by the server.
  const late = await finance.evaluate(async () => {
    const id = location.pathname.split('/')[2];
    const response = await fetch('/api/ballot_sign_start', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `id=${id}&choice=Agree&text=&comment=`,
    });
    return { status: response.status, body: await response.text() };
  });
  expect(late.status).toBe(400);
  expect(late.body).toContain('NotOpen');

  expect(pageErrors).toEqual([]);
});
