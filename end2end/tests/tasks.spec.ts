import { expect, test, type Page } from '@playwright/test';
import { expectNoViolations } from './helpers/axe';
import { call, demoUser, hydrated } from './helpers/people';
import { pdf } from './helpers/pdf';

// Follow-up: the secretariat assigns two tasks from a meeting's conclusion; Finance's officer
// reports progress and completion with a PDF as evidence; the Office returns it once, then
// accepts; the Prime Minister's dashboard counts it. The concluded meeting is made here (the demo has none).

const SECRETARY = 'Trương Thị Hạnh';
const OFFICER = 'Quách Văn Nam'; // Finance's officer
const PRIME_MINISTER = 'Vũ Đình Khiêm';
const MEETING = 'Phiên họp kiểm thử theo dõi nhiệm vụ';
const ITEM = 'Đề án phát triển thị trường trái phiếu';
const TASK_A = 'Hoàn thiện Đề án trái phiếu, trình Thủ tướng';
const TASK_B = 'Tổng hợp ý kiến các bộ về Đề án trái phiếu';

const pageErrors: string[] = [];

test.describe.configure({ timeout: 240_000 });

test.beforeAll(async ({ browser }) => {
  const office = await demoUser(browser, SECRETARY, pageErrors);
  const meetings = (await call(office, 'meetings', '')) as { title: string }[];
  if (!meetings.some((m) => m.title === MEETING)) {
    const meeting = (await call(office, 'meeting_create', {
      form: {
        kind: 'thematic',
        title: MEETING,
        starts_local: '2026-11-20T08:00',
        place: 'Phòng họp Chính phủ',
        online: false,
        planned_minutes: 60,
        chair_id: '',
      },
    })) as string;
    const item = (await call(office, 'item_add', {
      meeting_id: meeting,
      form: { title: ITEM, presenter: 'BTC', planned_minutes: 30 },
    })) as string;
    await call(office, 'meeting_state', { id: meeting, action: 'Publish' });
    await call(office, 'room_act', { meeting_id: meeting, act: 'Open' });
    await call(office, 'room_act', {
      meeting_id: meeting,
      act: { Conclude: { item, text: 'Thống nhất; giao Bộ Tài chính hoàn thiện Đề án.' } },
    });
    await call(office, 'room_act', { meeting_id: meeting, act: 'Close' });
  }
  await office.context().close();
});

test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

async function assign(office: Page, text: string, coordinators: string) {
  await office.getByLabel('Nội dung nhiệm vụ').fill(text);
  await office.getByRole('combobox', { name: 'Nguồn giao' }).selectOption({ label: 'Kết luận phiên họp' });
  await office
    .getByLabel('Nội dung phiên họp đã có kết luận')
    .selectOption({ label: `${MEETING} — ${ITEM}` });
  await office.getByLabel('Cơ quan chủ trì (mã, ví dụ BTC)').fill('BTC');
  await office.getByLabel('Cơ quan phối hợp (mã, cách nhau bằng dấu phẩy)').fill(coordinators);
  await office.getByLabel('Thời hạn', { exact: true }).fill('2030-12-31');
  await office.getByRole('button', { name: 'Giao nhiệm vụ' }).click();
  await expect(office.getByRole('heading', { name: text })).toBeVisible();
}

test('a task goes from a conclusion to done, returned once, and the dashboard counts it', async ({ browser }) => {
  // The Prime Minister's dashboard is open throughout: it follows live.
  const pm = await demoUser(browser, PRIME_MINISTER, pageErrors);
  await pm.getByRole('link', { name: 'Nhiệm vụ' }).click();
  await expect(pm.getByTestId('task-figures')).toBeVisible();
  await hydrated(pm);
  await expect(pm.locator('body[data-live="ready"]')).toHaveCount(1);
  const office = await demoUser(browser, SECRETARY, pageErrors);
  for (const [text, coordinators] of [[TASK_A, 'BKHCN'], [TASK_B, 'BTP, BNV']]) {
    await office.goto('/tasks');
    await hydrated(office);
    await assign(office, text, coordinators);
  }
  // Coordinators in the Government's order, whatever order they were typed in.
  await expect(office.getByText('Bộ Nội vụ, Bộ Tư pháp')).toBeVisible();

  // Finance's officer sees both, and nothing of meetings.
  const officer = await demoUser(browser, OFFICER, pageErrors);
  await expect(officer.getByRole('link', { name: 'Cuộc họp' })).toHaveCount(0);
  await officer.getByRole('link', { name: 'Nhiệm vụ' }).click();
  await expect(officer.getByRole('link', { name: TASK_B })).toBeVisible();
  await officer.getByRole('link', { name: TASK_A }).click();
  await expect(officer.getByRole('heading', { name: TASK_A })).toBeVisible();
  await hydrated(officer);
  await officer.getByLabel('Tiến độ (%)').fill('60');
  await officer.getByLabel('Nội dung báo cáo').fill('Đã lấy ý kiến các bộ, ngành.');
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.locator('.task-history > li')).toHaveCount(2);
  // Completion without evidence is refused, in words.
  await officer.getByLabel('Loại báo cáo').selectOption('completion');
  await officer.getByLabel('Nội dung báo cáo').fill('Đã trình Thủ tướng Đề án.');
  await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  await expect(officer.getByRole('alert').filter({ hasText: 'ít nhất một tệp PDF' })).toHaveCount(1);
  const report = async (text: string, file: string) => {
    await officer.getByLabel('Loại báo cáo').selectOption('completion');
    await officer.getByLabel('Nội dung báo cáo').fill(text);
    await officer.locator('fieldset.evidence input[type="file"]').setInputFiles([
      { name: file, mimeType: 'application/pdf', buffer: pdf(`Bao cao ${file}`) },
    ]);
    await expect(officer.locator('fieldset.evidence .uploads .ok')).toHaveCount(1);
    await officer.getByRole('button', { name: 'Gửi báo cáo' }).click();
  };
  await report('Đã trình Thủ tướng Đề án.', 'To_trinh_De_an.pdf');
  await expect(officer.getByTestId('task-status')).toHaveText('Đang thực hiện');
  await expect(officer.locator('.task-history > li').last()).toContainText('Báo cáo hoàn thành');
  await expect(officer.locator('.task-history > li').last().getByRole('link')).toHaveText('To_trinh_De_an.pdf');

  // The Office returns it with a reason; the officer completes it again; the Office accepts.
  const taskUrl = officer.url();
  await office.goto(taskUrl);
  await hydrated(office);
  await office.getByLabel('Lý do').fill('Thiếu phụ lục tài chính.');
  await office.getByRole('button', { name: 'Trả lại' }).click();
  await expect(office.locator('.task-history > li').last()).toContainText('Thiếu phụ lục tài chính.');
  await officer.reload();
  await hydrated(officer);
  await report('Đã bổ sung phụ lục tài chính.', 'Phu_luc_tai_chinh.pdf');
  await expect(officer.locator('.task-history > li')).toHaveCount(5);
  await office.reload();
  await hydrated(office);
  // The Office reads the evidence in the reader, then accepts.
  await office.locator('.task-history > li').last().getByRole('link', { name: 'Phu_luc_tai_chinh.pdf' }).click();
  await expect(office.getByRole('link', { name: TASK_A, exact: true })).toBeVisible();
  await office.goBack();
  await hydrated(office);
  await office.getByRole('button', { name: 'Xác nhận hoàn thành' }).click();
  await expect(office.getByTestId('task-status')).toHaveText('Hoàn thành đúng hạn');

  // The Prime Minister sees every task: these two among them, one done on time, without
  // reloading.
  const figures = pm.getByTestId('task-figures');
  const onTime = figures
    .locator('.stat')
    .filter({ has: pm.locator('.stat-label', { hasText: /^Hoàn thành đúng hạn$/ }) })
    .locator('strong');
  await expect(onTime).not.toHaveText('0');
  await expect(pm.getByRole('link', { name: TASK_A })).toBeVisible();
  await expect(pm.getByRole('link', { name: TASK_B })).toBeVisible();
  // Charts: by lead agency, the on-time share by month, a resolution's burn-down.
  await expect(figures.locator('svg')).toHaveCount(3);
  await expectNoViolations(pm, ['/tasks', new URL(taskUrl).pathname]);
  await expectNoViolations(officer, ['/tasks']);
});
