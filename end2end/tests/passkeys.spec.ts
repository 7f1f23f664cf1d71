import { expect, test } from '@playwright/test';
import { addAuthenticator, enrolmentPath, hydrated } from './helpers/people';

test('enrol a passkey through a link, sign out, sign in without a user name', async ({ page }) => {
  // A platform authenticator with user verification, as on a tablet.
  const { cdp, authenticatorId } = await addAuthenticator(page);

  const link = enrolmentPath('Ngô Thanh Tùng');
  // A chat app's link preview fetches the page: that must not use the link up.
  expect((await page.request.get(link)).status()).toBe(200);

  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Đăng ký khóa truy cập' })).toBeVisible();
  await expect(page.getByText('Ngô Thanh Tùng')).toBeVisible();
  await hydrated(page);
  await page.getByLabel('Tên thiết bị').fill('Máy tính bảng thử nghiệm');
  await page.getByRole('button', { name: 'Tạo khóa truy cập' }).click();

  // The page says the passkey exists (first week, item 9) before going on.
  await expect(page.getByRole('status')).toHaveText(
    'Đã tạo khóa truy cập trên thiết bị này. Từ nay đồng chí đăng nhập bằng vân tay, khuôn mặt hoặc mã PIN của thiết bị.',
  );
  await page.getByRole('link', { name: 'Vào e-Cabinet' }).click();
  await expect(page.getByRole('heading', { name: 'Các cuộc họp' })).toBeVisible();
  await expect(page.locator('.current-user')).toContainText('Ngô Thanh Tùng');
  // The passkey is discoverable (resident) and bound to this site.
  const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
  expect(credentials).toHaveLength(1);
  expect(credentials[0].isResidentCredential).toBe(true);
  expect(credentials[0].rpId).toBe('localhost');

  // The link is used up now.
  expect((await page.request.get(link)).status()).toBe(400);

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await expect(page.getByRole('heading', { name: 'Đăng nhập', exact: true })).toBeVisible();
  await expect(page.locator('.current-user')).toHaveCount(0);

  await hydrated(page);
  await page.getByRole('button', { name: 'Đăng nhập bằng khóa truy cập' }).click();
  await expect(page.getByRole('heading', { name: 'Các cuộc họp' })).toBeVisible();
  await expect(page.locator('.current-user')).toContainText('Ngô Thanh Tùng');
});
