import { expect, test, type Browser, type Page } from '@playwright/test';

async function hydrated(page: Page) {
  await expect(page.locator('body[data-hydrated="true"]')).toHaveCount(1);
}

async function signedIn(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByRole('button', { name: `Đăng nhập với tư cách ${name}` }).click();
  await expect(page.locator('.current-user')).toContainText(name);
  return page;
}

/** A one-page PDF with `text` (Latin-1 only), built here. */
function pdf(text: string): Buffer {
  const content = `BT /F1 24 Tf 72 700 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

test('the secretariat creates a meeting, builds and reorders its agenda, uploads PDFs with progress and invites members', async ({ browser }) => {
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
  await secretary.getByRole('button', { name: 'Lưu thành phần mời' }).click();
  await expect(secretary.locator('.people-picker input:checked')).toHaveCount(3);
  // Publishing, the member's live update and search are covered over HTTP in
  // server/tests/preparation.rs and documents.rs; in the browser the "Phát hành" button does
  // not take effect yet (see the issue note).
});
