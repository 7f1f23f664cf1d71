import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUser, hydrated } from './helpers/people';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

function signedIn(browser: Browser, name: string): Promise<Page> {
  return demoUser(browser, name, pageErrors);
}

async function liveChannelOpen(page: Page) {
  await hydrated(page);
  await expect(page.locator('body[data-live="ready"]')).toHaveCount(1);
}

test('see the devices signed in and sign out the others', async ({ browser }) => {
  const tablet = await signedIn(browser, 'Kha Thị Bích Ngân');
  const phone = await signedIn(browser, 'Kha Thị Bích Ngân');
  await liveChannelOpen(phone);

  await tablet.goto('/account');
  await expect(tablet.getByRole('heading', { name: 'Tài khoản của tôi' })).toBeVisible();
  const devices = tablet.locator('.session-list > li');
  await expect(devices).toHaveCount(2);
  await expect(devices.filter({ hasText: 'Thiết bị này' })).toHaveCount(1);
  await hydrated(tablet);
  await tablet.getByRole('button', { name: 'Đăng xuất tất cả thiết bị khác' }).click();
  await expect(devices).toHaveCount(1);

  // The phone's page is told at once and drops what it showed.
  await expect(phone.getByRole('heading', { name: 'Phiên làm việc đã kết thúc' })).toBeVisible();
  await expect(phone.locator('#main')).toBeEmpty();
  expect(pageErrors).toEqual([]);
});

test('an administrator deactivates a member whose meeting page is open', async ({ browser }) => {
  const member = await signedIn(browser, 'Quách Thị Mai');
  await member.getByRole('link', { name: /Phiên họp Chính phủ thường kỳ tháng 11/ }).click();
  const agenda = member.getByRole('heading', { name: 'Chương trình họp' });
  await expect(agenda).toBeVisible();
  await liveChannelOpen(member);

  const admin = await signedIn(browser, 'Lưu Quang Minh');
  await admin.goto('/admin');
  await hydrated(admin);
  const row = admin.getByRole('row', { name: /Quách Thị Mai/ });
  await row.getByRole('button', { name: 'Vô hiệu hóa' }).click();
  await row.getByRole('button', { name: 'Xác nhận vô hiệu hóa' }).click();
  await expect(row.getByText('Đã vô hiệu hóa')).toBeVisible();

  // Remote wipe: the content is gone from the open page.
  await expect(member.getByRole('heading', { name: 'Phiên làm việc đã kết thúc' })).toBeVisible();
  await expect(agenda).toHaveCount(0);
  await expect(member.getByText('Tình hình kinh tế - xã hội tháng 11')).toHaveCount(0);
  // The next action is refused.
  await member.reload();
  await expect(member.getByRole('heading', { name: 'Đăng nhập' }).first()).toBeVisible();
  await expect(member.getByText('Tình hình kinh tế - xã hội tháng 11')).toHaveCount(0);
  const refused = await member.request.post('/api/meetings', {
    headers: { 'sec-fetch-site': 'same-origin' },
  });
  expect(refused.status()).toBe(401);
  expect(pageErrors).toEqual([]);
});
