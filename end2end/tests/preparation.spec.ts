import { expect, test, type Browser, type Page } from '@playwright/test';
import { pdf } from './helpers/pdf';
import { demoUser, hydrated } from './helpers/people';

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

function signedIn(browser: Browser, name: string): Promise<Page> {
  return demoUser(browser, name, pageErrors);
}

test('the secretariat prepares and publishes a meeting; a member finds, reads and annotates a document; the guest sees only their item; readiness shows it', async ({ browser }) => {
  const secretary = await signedIn(browser, 'Trương Thị Hạnh');
  await hydrated(secretary);
  await secretary.getByRole('link', { name: 'Tạo cuộc họp mới' }).click();
  await expect(secretary.getByRole('heading', { name: 'Tạo cuộc họp mới' })).toBeVisible();
  await hydrated(secretary);
  await secretary.getByLabel('Tên cuộc họp').fill('Phiên họp chuyên đề về kinh tế số');
  await secretary.getByLabel('Thời gian').fill('2027-03-04T08:00');
  await secretary.getByLabel('Thời lượng dự kiến').fill('90');
  await secretary.getByRole('button', { name: 'Lưu' }).click();
  await expect(secretary.getByRole('heading', { name: 'Phiên họp chuyên đề về kinh tế số' })).toBeVisible();
  await hydrated(secretary);

  // Three items; the running total follows.
  const add = secretary.locator('form.add-item');
  const added = [['Báo cáo kinh tế số', '30'], ['Đề án thanh toán không dùng tiền mặt', '40'], ['Các vấn đề khác', '10']];
  for (const [index, [title, minutes]] of added.entries()) {
    await add.getByLabel('Nội dung').fill(title);
    await add.getByLabel('Số phút').fill(minutes);
    await add.getByRole('button', { name: 'Thêm nội dung' }).click();
    await expect(secretary.locator('.builder-item')).toHaveCount(index + 1);
    await expect(secretary.locator('.builder-item').nth(index).locator('input[type="text"]').first()).toHaveValue(title);
  }
  await expect(secretary.locator('.agenda-total')).toContainText('1 giờ 20 phút / 1 giờ 30 phút');

  // Reorder with the buttons: the second item moves up.
  await secretary.getByRole('button', { name: 'Chuyển lên nội dung 2' }).click();
  await expect(secretary.locator('.builder-item').first().locator('input[type="text"]').first())
    .toHaveValue('Đề án thanh toán không dùng tiền mặt');

  // Two PDFs on the first item, with progress shown.
  const first = secretary.locator('.builder-item').first();
  await first.locator('input[type="file"]').setInputFiles([
    { name: 'De_an_thanh_toan.pdf', mimeType: 'application/pdf', buffer: pdf('Thanh toan khong dung tien mat tai Da Nang') },
    { name: 'Phu_luc.pdf', mimeType: 'application/pdf', buffer: pdf('Phu luc so lieu') },
  ]);
  await expect(first.locator('.uploads progress')).toHaveCount(2);
  await expect(first.locator('.uploads .ok')).toHaveCount(2);
  await expect(first.locator('.documents .document')).toHaveCount(2);

  // Invite three members.
  for (const name of ['Bạch Quang Nhật', 'Vũ Đình Khiêm', 'Giang Hữu Phúc']) {
    await secretary.getByRole('checkbox', { name: new RegExp(name) }).check();
  }
  // Saved, and the editor read again twice (after the save, and on the live channel's word
  // of the change) before the next form is touched: a box ticked while the editor re-renders
  // can be lost (seen in the request log; noted to fix in the editor itself).
  let rereads = 0;
  const counted = (r: { url(): string }) => {
    if (r.url().endsWith('/api/meeting_editor')) rereads += 1;
  };
  secretary.on('response', counted);
  await secretary.getByRole('button', { name: 'Lưu thành phần mời' }).click();
  await expect.poll(() => rereads).toBeGreaterThanOrEqual(2);
  secretary.off('response', counted);
  await expect(secretary.locator('.people-picker input:checked')).toHaveCount(3);
  // A guest for the last item only.
  const last = secretary.locator('.builder-item').nth(2);
  await last.getByRole('checkbox', { name: /Diệp Thanh Bình/ }).check();
  await last.getByRole('button', { name: 'Lưu khách mời' }).click();
  await expect(last.getByRole('checkbox', { name: /Diệp Thanh Bình/ })).toBeChecked();

  // A real Vietnamese report on the second item: the demo's flood report, downloaded by the
  // secretariat from the regular session (the same bytes, a document of this meeting).
  const editUrl = secretary.url();
  await secretary.goto('/');
  await secretary.getByRole('link', { name: /thường kỳ tháng 11/ }).click();
  const reportLink = secretary.getByRole('link', { name: /phòng, chống thiên tai/i }).first();
  const reportId = (await reportLink.getAttribute('href'))!.split('/')[2];
  const report = await secretary.request.get(`/documents/${reportId}/file?download=1`);
  expect(report.status()).toBe(200);
  await secretary.goto(editUrl);
  await hydrated(secretary);
  const second = secretary.locator('.builder-item').nth(1);
  await second.locator('input[type="file"]').setInputFiles([
    { name: 'Bao_cao_thien_tai.pdf', mimeType: 'application/pdf', buffer: await report.body() },
  ]);
  await expect(second.locator('.documents .document')).toHaveCount(1);

  // A member's open page hears of the publication without reloading.
  const member = await signedIn(browser, 'Bạch Quang Nhật');
  await hydrated(member);
  await expect(member.locator('body[data-live="ready"]')).toHaveCount(1);
  await expect(member.getByText('Phiên họp chuyên đề về kinh tế số')).toHaveCount(0);
  // Publishing asks first and names who will be told: the three members and the guest.
  await secretary.getByRole('button', { name: 'Phát hành' }).click();
  const publish = secretary.getByRole('dialog', { name: 'Phát hành cuộc họp?' });
  await expect(publish.locator('li')).toHaveCount(4);
  for (const name of ['Bạch Quang Nhật', 'Vũ Đình Khiêm', 'Giang Hữu Phúc', 'Diệp Thanh Bình']) {
    await expect(publish.locator('li', { hasText: name })).toHaveCount(1);
  }
  await publish.getByRole('button', { name: 'Phát hành' }).click();
  await expect(secretary.locator('.state-bar .badge')).toHaveText('Đã phát hành');
  await member.getByRole('link', { name: /Phiên họp chuyên đề về kinh tế số/ }).click();
  await expect(member.getByRole('heading', { name: 'Phiên họp chuyên đề về kinh tế số' })).toBeVisible();

  // An unaccented search finds the report (once its text is indexed) and opens the reader at
  // the page of the hit; the page shows with the member's name as a watermark.
  const hit = member.locator('.search-group', { hasText: 'Phiên họp chuyên đề về kinh tế số' });
  await expect(async () => {
    await member.goto('/search?q=' + encodeURIComponent('thu bon da nang'));
    await expect(hit).toHaveCount(1, { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(hit.locator('.snippet').first()).toContainText('Thu Bồn (Đà Nẵng)');
  await expect(hit.locator('.snippet mark').first()).toHaveText('Thu Bồn (Đà Nẵng');
  const pageLink = hit.locator('.page-hits a').first();
  const hitPage = Number((await pageLink.textContent())!.match(/Trang (\d+)/)![1]);
  await pageLink.click();
  const reader = member.locator('#reader');
  await expect(reader).toHaveAttribute('data-state', 'shown');
  await expect(reader).toHaveAttribute('data-page', String(hitPage));
  await expect(member.locator('.reader-watermark')).toContainText('Bạch Quang Nhật');

  // A private note on that page, in the notes drawer.
  await expect(member.locator('form.note-form[data-ready="true"]')).toHaveCount(1);
  await member.getByRole('button', { name: 'Ghi chú riêng' }).click();
  await member.getByLabel(`Ghi chú cho trang ${hitPage}`).fill('Đề nghị bổ sung số liệu thiệt hại tại Đà Nẵng');
  await member.getByRole('button', { name: 'Lưu ghi chú' }).click();
  await expect(member.locator('.note-list .note')).toHaveCount(1);
  await expect(member.locator('.note-list .note')).toContainText('Đề nghị bổ sung số liệu thiệt hại tại Đà Nẵng');

  // Opened by a full page load, the page shows (the reader draws it before the app has
  // hydrated, changing nothing hydration walks), and once hydrated the controls turn pages.
  // Nothing logs an error: a hydration mismatch would.
  await member.reload();
  await expect(reader).toHaveAttribute('data-state', 'shown');
  await expect(reader).toHaveAttribute('data-page', String(hitPage));
  await hydrated(member);
  const other = hitPage > 1 ? hitPage - 1 : hitPage + 1;
  await member.getByRole('button', { name: hitPage > 1 ? 'Trang trước' : 'Trang sau' }).click();
  await expect(reader).toHaveAttribute('data-page', String(other));
  await expect(member.locator('#reader-page')).toHaveValue(String(other));
  await expect(member.locator('.note-list .note')).toHaveCount(1);

  // Opened at its first page, the reader shows a picture of that page at once (made when the
  // file was read), until pdf.js has drawn the page over it.
  await member.goto(member.url().replace(/\?.*$/, '?page=1'));
  const picture = member.locator('#reader-picture');
  await expect(picture).toHaveJSProperty('naturalWidth', 1024);
  await expect(reader).toHaveAttribute('data-state', 'shown');
  await expect(picture).toBeHidden();
  await expect(reader).toHaveAttribute('data-page', '1');
  await hydrated(member);

  // The guest sees only their item.
  const guest = await signedIn(browser, 'Diệp Thanh Bình');
  await guest.getByRole('link', { name: /Phiên họp chuyên đề về kinh tế số/ }).click();
  await expect(guest.locator('.agenda-item')).toHaveCount(1);
  await expect(guest.locator('.agenda-item h3')).toHaveText('Các vấn đề khác');

  // The readiness view shows the member opened the report.
  await secretary.goto(editUrl.replace(/\/edit$/, '/readiness'));
  const row = secretary.locator('tr', { hasText: 'Bạch Quang Nhật' });
  await expect(row.locator('.readiness-cell.opened')).toHaveCount(1);
  await expect(secretary.locator('tr', { hasText: 'Vũ Đình Khiêm' }).locator('.readiness-cell.opened')).toHaveCount(0);

  expect(pageErrors).toEqual([]);
});
