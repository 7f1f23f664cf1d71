import { expect, type Page } from '@playwright/test';

/** Answer the ballot open on `page`, signing with the passkey (the virtual authenticator). */
export async function answer(page: Page, choice: string, text?: string) {
  const form = page.locator('section.answer form');
  await form.getByRole('radio', { name: choice, exact: true }).check();
  if (text) await form.getByLabel('Nội dung ý kiến khác').fill(text);
  await form.getByRole('button', { name: 'Ký bằng khóa truy cập và gửi' }).click();
  // Once written, the ballot re-reads (live) and shows the answer as recorded.
  await expect(page.locator('section.answer .current-answer .choice')).toHaveText(choice);
  if (text) await expect(page.locator('section.answer .current-answer')).toContainText(text);
}
