import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUser, enrolOnNewTablet, hydrated, memberWithPasskey } from './helpers/people';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

async function accountsPage(browser: Browser, name: string): Promise<Page> {
  const page = await demoUser(browser, name, pageErrors);
  await page.goto('/admin');
  await hydrated(page);
  return page;
}

test('an administrator alone cannot take over a member: no link reaches their screen', async ({ browser }) => {
  // A minister has a passkey on his tablet.
  await memberWithPasskey(browser, 'Lò Văn Tiến', pageErrors);
  const admin = await accountsPage(browser, 'Lưu Quang Minh');
  const row = admin.getByRole('row', { name: /Lò Văn Tiến/ });

  // A new device without a reset: refused, he adds it with his own passkey.
  await row.getByRole('button', { name: /Đề nghị cấp liên kết mới/ }).click();
  await expect(admin.getByRole('alert').filter({ hasText: 'Tài khoản đã có khóa truy cập' })).toBeVisible();
  // A reset: only asked for; a second person must approve it.
  await row.getByRole('checkbox').check();
  await row.getByRole('button', { name: /Đề nghị cấp liên kết mới/ }).click();
  await expect(admin.getByRole('heading', { name: 'Đã gửi đề nghị cấp liên kết đăng ký' })).toBeVisible();
  const pending = admin.locator('.pending-links li', { hasText: 'Lò Văn Tiến' });
  await expect(pending).toContainText('Đặt lại');
  await expect(pending.getByRole('button', { name: /Phê duyệt/ })).toHaveCount(0);
  await expect(pending.getByRole('button', { name: /Rút lại đề nghị/ })).toBeVisible();
  // Nowhere on the page, nor in what it was sent, is there a link.
  expect(await admin.content()).not.toContain('/enrol/');
  await admin.reload();
  await hydrated(admin);
  expect(await admin.content()).not.toContain('/enrol/');
  expect(pageErrors).toEqual([]);
});

test('one clerk asks, another approves and hands the link over; the minister enrols', async ({ browser }) => {
  const clerk = await accountsPage(browser, 'Trương Thị Hạnh');
  const form = clerk.locator('form', { has: clerk.getByRole('heading', { name: 'Tạo tài khoản' }) });
  await form.getByLabel('Họ và tên').fill('Hà Minh Tâm');
  await form.getByLabel('Chức vụ').fill('Bộ trưởng Bộ Tài chính');
  await form.getByLabel('Mã bộ, cơ quan (ví dụ BTC)').fill('BTC');
  await form.getByLabel('Thư điện tử').fill('hm.tam@mof.example.vn');
  await form.getByRole('button', { name: 'Tạo tài khoản và đề nghị cấp liên kết' }).click();
  await expect(clerk.getByRole('heading', { name: 'Đã gửi đề nghị cấp liên kết đăng ký' })).toBeVisible();
  expect(await clerk.content()).not.toContain('/enrol/');

  // The second pair of eyes.
  const approver = await accountsPage(browser, 'Phó Đức Long');
  await approver
    .locator('.pending-links li', { hasText: 'Hà Minh Tâm' })
    .getByRole('button', { name: /Phê duyệt và hiển thị liên kết/ })
    .click();
  const issued = approver.locator('.issued-links code.link');
  await expect(issued).toContainText('/enrol/');
  const path = new URL((await issued.textContent())!.trim()).pathname;

  // The new minister's tablet, with its own authenticator.
  await enrolOnNewTablet(browser, 'Hà Minh Tâm', path, pageErrors);
  expect(pageErrors).toEqual([]);
});
