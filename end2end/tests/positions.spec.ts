import { expect, test, type Browser, type Page } from '@playwright/test';
import { demoUser, hydrated } from './helpers/people';

const REGULAR = 'Phiên họp Chính phủ thường kỳ tháng 11 năm 2026';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

async function openMeeting(browser: Browser, name: string): Promise<Page> {
  // The refused objection below is a 400 on purpose: `watch` leaves failed loads out.
  const page = await demoUser(browser, name, pageErrors);
  await page.getByRole('link', { name: new RegExp(REGULAR) }).click();
  await expect(page.getByRole('heading', { name: REGULAR })).toBeVisible();
  await hydrated(page);
  await expect(page.locator('body[data-live="ready"]')).toHaveCount(1);
  return page;
}

test('a member asks to speak, objects and comments; the chair sees it live, with the consent block', async ({ browser }) => {
  const chair = await openMeeting(browser, 'Vũ Đình Khiêm');
  const member = await openMeeting(browser, 'Bạch Quang Nhật');
  const summary = chair.locator('section.positions');
  const firstRow = summary.locator('.position-item').first();
  await expect(firstRow.locator('.position-bar.speak')).toContainText('Xin phát biểu: 0');
  // Before anyone speaks up, every item is proposed for adoption without discussion.
  await expect(summary.locator('.consent-block li')).toHaveCount(8);

  const first = member.locator('ol.agenda > li').first().locator('form.position');
  await first.getByRole('radio', { name: 'Xin phát biểu' }).check();
  await first.getByLabel('Lý do hoặc nội dung phát biểu').fill('Bổ sung số liệu thu ngân sách');
  await first.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(first.getByRole('status')).toHaveText('Đã lưu');

  // The chair's page updates without reloading.
  await expect(firstRow.locator('.position-bar.speak')).toContainText('Xin phát biểu: 1');
  await expect(firstRow.locator('.holder.speak')).toHaveText('Bạch Quang Nhật — Bổ sung số liệu thu ngân sách');
  await expect(summary.locator('.consent-block li')).toHaveCount(7);

  // Objecting needs a reason, asked for in Vietnamese.
  const second = member.locator('ol.agenda > li').nth(1).locator('form.position');
  await second.getByRole('radio', { name: 'Không tán thành' }).check();
  await second.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(second.getByRole('alert')).toContainText('vui lòng nêu lý do');
  await second.getByLabel('Lý do hoặc nội dung phát biểu').fill('Chưa rõ nguồn vốn');
  await second.getByRole('button', { name: 'Lưu ý kiến' }).click();
  await expect(second.getByRole('status')).toHaveText('Đã lưu');
  await expect(summary.locator('.position-item').nth(1).locator('.holder.object')).toHaveText('Bạch Quang Nhật — Chưa rõ nguồn vốn');
  await expect(summary.locator('.consent-block li')).toHaveCount(6);

  // After a reload, the member's choices are still there.
  await member.reload();
  await expect(member.locator('ol.agenda > li').nth(1).getByRole('radio', { name: 'Không tán thành' })).toBeChecked();

  // A comment on the first item mentioning the chair; the chair's page shows it live.
  const discussion = member.locator('ol.agenda > li').first().locator('details.comments');
  await discussion.locator('summary').click();
  await expect(discussion.locator('form.comment-form[data-ready="true"]')).toHaveCount(1);
  await discussion.getByLabel(/Ý kiến của đồng chí/).fill('Đề nghị @Vũ Đình Khiêm cho ý kiến');
  await discussion.getByRole('button', { name: 'Gửi ý kiến' }).click();
  await expect(discussion.locator('.comment-body')).toHaveText(['Đề nghị @Vũ Đình Khiêm cho ý kiến']);
  const chairDiscussion = chair.locator('ol.agenda > li').first().locator('details.comments');
  await expect(chairDiscussion.locator('.comment-body')).toHaveText(['Đề nghị @Vũ Đình Khiêm cho ý kiến']);

  // The author corrects the comment; the earlier text is kept and anyone may see it.
  await discussion.getByRole('button', { name: 'Sửa', exact: true }).click();
  await discussion.locator('form.comment-edit textarea').fill('Đề nghị @Vũ Đình Khiêm cho ý kiến về số liệu thu');
  await discussion.getByRole('button', { name: 'Lưu thay đổi' }).click();
  await expect(discussion.locator('.comment-body')).toHaveText(['Đề nghị @Vũ Đình Khiêm cho ý kiến về số liệu thu']);
  await expect(chairDiscussion.locator('.comment-body')).toHaveText(['Đề nghị @Vũ Đình Khiêm cho ý kiến về số liệu thu']);
  await expect(chairDiscussion.locator('.comment-meta')).toContainText('(đã sửa)');
  await chairDiscussion.locator('summary').click();
  await chairDiscussion.getByRole('button', { name: 'Các bản trước' }).click();
  await expect(chairDiscussion.locator('.comment-history li')).toHaveText(['Đề nghị @Vũ Đình Khiêm cho ý kiến']);
  expect(pageErrors).toEqual([]);
});
