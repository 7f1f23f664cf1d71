import { expect, test } from '@playwright/test';
import { expectNoViolations } from './helpers/axe';
import { demoUser, hydrated, memberWithPasskey } from './helpers/people';
import { pdf } from './helpers/pdf';

// The way in, as far as it goes today: Construction's officer starts a submission for a
// session, attaches its documents one checklist entry at a time, and sees the file become
// complete; the minister signs and sends it with their passkey; the Government Office finds
// it in its list. (The Office's return and acceptance come next.)

const OFFICER = 'Cù Thị Hằng'; // Construction's officer
const MINISTER = 'Âu Dương Tuấn'; // Construction's minister (no other test enrols him)
const SECRETARY = 'Trương Thị Hạnh';
const TITLE = 'Đề án phát triển thị trường trái phiếu xanh';

const pageErrors: string[] = [];

test.describe.configure({ timeout: 180_000 });

test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

test('an officer prepares a submission by its checklist; the minister signs and sends it', async ({ browser }) => {
  const officer = await demoUser(browser, OFFICER, pageErrors);
  await officer.getByRole('link', { name: 'Tờ trình' }).click();
  await expect(officer.getByRole('heading', { name: 'Tờ trình mới' })).toBeVisible();
  await hydrated(officer);
  await officer.getByLabel('Tên tờ trình').fill(TITLE);
  await officer.getByLabel('Tóm tắt nội dung').fill('Trình Chính phủ cho ý kiến về Đề án.');
  await officer.getByLabel('Phiên họp đề nghị (tháng)').fill('2099-01');
  await officer
    .getByLabel('Người trình bày (thành viên Chính phủ của bộ)')
    .selectOption({ label: MINISTER });
  await officer.getByRole('button', { name: 'Lưu' }).click();
  await expect(officer.getByRole('heading', { name: TITLE })).toBeVisible();
  await hydrated(officer);
  await expect(officer.getByTestId('submission-complete')).toHaveText('Hồ sơ chưa đủ: chưa thể gửi.');

  // One PDF for each required entry, each with its progress.
  const entries = officer.locator('ul.checklist > li');
  await expect(entries).toHaveCount(5);
  for (const [index, name] of ['To_trinh.pdf', 'Du_thao.pdf', 'Bao_cao_tham_dinh.pdf', 'Tong_hop_y_kien.pdf'].entries()) {
    await entries.nth(index).locator('input[type="file"]').setInputFiles([
      { name, mimeType: 'application/pdf', buffer: pdf(`Ho so ${name}`) },
    ]);
    await expect(entries.nth(index).getByRole('link', { name })).toBeVisible();
  }
  await expect(officer.getByTestId('submission-complete')).toHaveText('Hồ sơ đã đủ tài liệu bắt buộc.');
  const url = new URL(officer.url()).pathname;
  await expectNoViolations(officer, ['/submissions', url]);

  // The minister signs and sends it with the passkey of their tablet.
  const minister = await memberWithPasskey(browser, MINISTER, pageErrors);
  await minister.getByRole('link', { name: 'Tờ trình' }).click();
  await minister.getByRole('link', { name: TITLE }).click();
  await hydrated(minister);
  await minister.getByRole('button', { name: 'Ký và gửi Văn phòng Chính phủ' }).click();
  await expect(minister.getByTestId('submission-state')).toHaveText('Đã gửi, chờ Văn phòng Chính phủ');
  await expect(minister.getByRole('button', { name: 'Ký và gửi Văn phòng Chính phủ' })).toHaveCount(0);
  await expectNoViolations(minister, [url]);

  // The Office sees it in its list.
  const office = await demoUser(browser, SECRETARY, pageErrors);
  await office.getByRole('link', { name: 'Tờ trình' }).click();
  await expect(office.getByRole('link', { name: TITLE })).toBeVisible();
  await expectNoViolations(office, ['/submissions', url]);
});
