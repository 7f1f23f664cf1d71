import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { answer } from './helpers/ballots';
import { call, demoUser, hydrated, memberWithPasskey } from './helpers/people';

// People no other test signs in with a passkey (enrolment links work once).
const CHAIR = 'Trịnh Minh Quân';
const VOTER = 'Hoàng Thị Lan Anh';
const SPEAKER = 'Lâm Quốc Bảo';
const SECRETARY = 'Trương Thị Hạnh';
const MEETING = 'Phiên họp Chính phủ bất thường về ứng phó bão số 15';
const ITEMS = [
  'Báo cáo tình hình bão số 15 và công tác ứng phó',
  'Phương án hỗ trợ khẩn cấp các tỉnh bị ảnh hưởng',
  'Điều chỉnh kế hoạch vốn năm 2026 cho khắc phục hậu quả',
];
const CONCLUSION = 'Chính phủ thống nhất phương án ứng phó; các bộ triển khai ngay các biện pháp hỗ trợ.';
const QUESTION = 'Thông qua phương án ứng phó bão số 15?';

const pageErrors: string[] = [];

interface Account { id: string; full_name: string; role: string; active: boolean }
interface Room { items: { id: string }[] }

async function enterRoom(page: Page, meeting: string) {
  await page.goto(`/meetings/${meeting}/room`);
  await hydrated(page);
  await expect(page.locator('body[data-live="ready"]')).toHaveCount(1);
}

test('the chair runs the meeting; two members follow it live, ask to speak and vote', async ({ browser }) => {
  const chair = await memberWithPasskey(browser, CHAIR, pageErrors);
  const voter = await memberWithPasskey(browser, VOTER, pageErrors);
  const speaker = await demoUser(browser, SPEAKER, pageErrors);
  const office = await demoUser(browser, SECRETARY, pageErrors);

  // The secretariat prepares the meeting through its server functions (the editor has its
  // own test): three items, every Government member invited, chaired by a Deputy PM.
  const accounts = (await call(office, 'accounts', '')) as Account[];
  const idOf = (name: string) => accounts.find((a) => a.full_name === name)!.id;
  const meeting = (await call(office, 'meeting_create', {
    form: {
      kind: 'extraordinary',
      title: MEETING,
      starts_local: '2026-12-20T08:00',
      place: 'Phòng họp Chính phủ',
      online: false,
      planned_minutes: 90,
      chair_id: idOf(CHAIR),
    },
  })) as string;
  for (const [n, title] of ITEMS.entries()) {
    await call(office, 'item_add', { meeting_id: meeting, form: { title, presenter: '', planned_minutes: [20, 10, 10][n] } });
  }
  await call(office, 'invitees_set', { meeting_id: meeting, all: true, members: [] });
  await call(office, 'meeting_state', { id: meeting, action: 'Publish' });
  // Before the meeting a member asks to speak on item 1: items 2 and 3 form the consent block.
  const prepared = (await call(office, 'meeting_room', `meeting_id=${meeting}`)) as Room;
  await call(speaker, 'position_set', `item_id=${prepared.items[0].id}&stance=Speak&reason=`);

  for (const page of [chair, voter, speaker]) await enterRoom(page, meeting);
  await expect(voter.locator('.notice')).toHaveText('Phiên họp chưa bắt đầu.');

  // The chair opens the meeting and adopts the consent block in one act; the members'
  // tablets follow without reloading.
  await chair.getByRole('button', { name: 'Khai mạc' }).click();
  await expect(voter.locator('article.room')).toHaveAttribute('data-state', 'in_progress');
  await expect(speaker.locator('.notice')).toHaveCount(0);
  // One confirmation pattern (first week, item 4): an in-app dialog lists what the act
  // applies to, with "go back" focused first; Escape or "go back" changes nothing.
  await chair.getByRole('button', { name: 'Thông qua các nội dung không thảo luận' }).click();
  const consent = chair.getByRole('dialog', { name: 'Thông qua không thảo luận các nội dung sau?' });
  await expect(consent.locator('li')).toHaveText([`2. ${ITEMS[1]}`, `3. ${ITEMS[2]}`]);
  await expect(consent.getByRole('button', { name: 'Quay lại' })).toBeFocused();
  await chair.keyboard.press('Escape');
  await expect(consent).toBeHidden();
  await expect(voter.locator('.room-items li[data-stage="consent"]')).toHaveCount(0);
  await chair.getByRole('button', { name: 'Thông qua các nội dung không thảo luận' }).click();
  await consent.getByRole('button', { name: 'Thông qua các nội dung không thảo luận' }).click();
  await expect(voter.locator('.room-items li[data-stage="consent"]')).toHaveCount(2);
  // Once adopted, the block's button is gone.
  await expect(chair.getByRole('button', { name: 'Thông qua các nội dung không thảo luận' })).toHaveCount(0);
  await expect(speaker.locator('.room-items li[data-stage="consent"]')).toHaveCount(2);

  await chair.locator('.room-items li').first().getByRole('button', { name: 'Bắt đầu' }).click();
  await expect(voter.locator('.current-title')).toHaveText(`1. ${ITEMS[0]}`);
  await expect(speaker.locator('.current-title')).toHaveText(`1. ${ITEMS[0]}`);
  await expect(voter.locator('.room-items li.current')).toHaveCount(1);
  // The agenda is numbered once, by the items' own numbers (first week, item 8).
  await expect(voter.locator('.room-items li .item-title').first()).toHaveText(`1. ${ITEMS[0]}`);
  expect(await voter.locator('.room-items').evaluate((e) => getComputedStyle(e).listStyleType)).toBe('none');
  // The item's clock runs on the tablet against its 20 planned minutes.
  await expect(voter.getByTestId('item-clock')).not.toHaveText('0:00');
  // Counted on from when the room arrived, on the page's own clock: minutes, not decades.
  await expect(voter.getByTestId('item-clock')).toHaveText(/^\d{1,2}:\d\d$/);
  await expect(voter.locator('.item-clock')).toContainText('/ 20:00');
  // The meeting's 90 planned minutes pass the hour: both sides read h:mm:ss.
  await expect(voter.locator('.meeting-clock')).toContainText('/ 1:30:00');
  await expect(voter.getByTestId('meeting-clock')).toHaveText(/^0:\d\d:\d\d$/);

  // The member who asked before the meeting is in the queue; he withdraws and asks again.
  await expect(chair.getByTestId('queue')).toContainText(SPEAKER);
  await speaker.getByRole('button', { name: 'Rút đăng ký' }).click();
  await expect(chair.locator('section.floor')).toContainText('Chưa có ai đăng ký.');
  await speaker.getByRole('button', { name: 'Xin phát biểu' }).click();
  await expect(chair.getByTestId('queue')).toContainText(SPEAKER);
  await expect(voter.getByTestId('queue')).toContainText(SPEAKER);

  // The chair gives the floor; the speaking-time clock runs on every tablet.
  await chair.getByTestId('queue').getByRole('button', { name: 'Mời phát biểu' }).click();
  await expect(voter.getByTestId('speaker')).toHaveText(SPEAKER);
  await expect(speaker.getByTestId('speaker-clock')).not.toHaveText('0:00');
  await chair.getByRole('button', { name: 'Kết thúc phát biểu' }).click();
  await expect(voter.locator('ul.spoken')).toContainText(SPEAKER);

  // The conclusion, shown on the members' agenda.
  await chair.getByLabel('Kết luận').fill(CONCLUSION);
  await chair.getByRole('button', { name: 'Lưu kết luận' }).click();
  await expect(voter.locator('.room-items li').first().locator('.conclusion-text')).toHaveText(CONCLUSION);

  // A vote needs two thirds of the active Government members present (worked out here).
  const members = accounts.filter((a) => a.role === 'Member' && a.active);
  const needed = Math.ceil((2 * members.length) / 3);
  const others = members.filter((m) => ![CHAIR, VOTER].includes(m.full_name));
  const present = [idOf(CHAIR), idOf(VOTER), ...others.slice(0, needed - 3).map((m) => m.id)];
  for (const member of present) {
    await call(office, 'attendance_set', `meeting_id=${meeting}&user_id=${member}&presence=Present&reason=&deputy=`);
  }
  await expect(chair.getByTestId('quorum')).toContainText(`${needed - 1}/${members.length}`);
  await chair.locator('details.vote-form summary').click();
  await chair.getByLabel('Nội dung biểu quyết').fill(QUESTION);
  await chair.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();
  await expect(chair.locator('article.room > .form-error')).toHaveText(
    `Chưa đủ hai phần ba thành viên Chính phủ có mặt để biểu quyết: ${needed - 1}/${needed}.`,
  );
  // The chair records one more member present, on the tablet.
  const last = others[needed - 3];
  await chair.locator(`li.recorder[data-member="${last.id}"]`).getByRole('radio', { name: 'Có mặt' }).check();
  await expect(chair.getByTestId('quorum')).toContainText(`${needed}/${members.length}`);
  await chair.getByRole('button', { name: 'Bắt đầu biểu quyết' }).click();
  await expect(chair.locator('article.room > .form-error')).toHaveText('');
  await expect(voter.locator('.room-votes li')).toHaveCount(1);
  // An open vote comes first in the room, before the item under discussion.
  await expect(voter.locator('.room-grid > div').first().locator('section').first()).toHaveClass(/room-votes/);

  // Two members vote with signed answers on the ballot's page, then back to the room.
  for (const member of [voter, chair]) {
    await member.getByRole('link', { name: 'Biểu quyết ngay' }).click();
    await expect(member.getByRole('heading', { name: ITEMS[0] })).toBeVisible();
    // A vote in the meeting is called so, not a written-opinion ballot.
    await expect(member.locator('article.ballot > p.muted').first()).toHaveText('Biểu quyết tại phiên họp');
    await expect(member.getByRole('link', { name: 'Về phòng họp' })).toHaveAttribute('href', `/meetings/${meeting}/room`);
    await hydrated(member);
    await answer(member, 'Đồng ý');
    await enterRoom(member, meeting);
  }
  await expect(chair.locator('.room-votes li')).toContainText(`2/${needed}`);
  await chair.getByRole('button', { name: 'Kết thúc biểu quyết' }).click();
  // By hand: N = the members present; 2 agree, no other answer: not more than half → no decision.
  await expect(voter.locator('.room-votes .outcome')).toHaveText('Không đủ điều kiện quyết định');
  // The count is shown in the room too: 2 agree, none against, no other opinion.
  await expect(voter.getByTestId('vote-count')).toHaveText('Đồng ý2Không đồng ý0Ý kiến khác0');

  await chair.getByRole('button', { name: 'Kết thúc nội dung' }).click();
  await expect(voter.locator('.room-items li').first()).toHaveAttribute('data-stage', 'done');
  await chair.getByRole('button', { name: 'Bế mạc' }).click();
  await chair.getByRole('dialog', { name: 'Bế mạc phiên họp?' }).getByRole('button', { name: 'Bế mạc' }).click();
  await expect(voter.locator('.notice')).toHaveText('Phiên họp đã kết thúc.');
  await expect(speaker.locator('article.room')).toHaveAttribute('data-state', 'closed');

  // The minutes, drafted from what was recorded, for the chair to approve.
  await chair.goto(`/meetings/${meeting}/minutes`);
  await hydrated(chair);
  const draft = chair.locator('.minutes-text');
  await expect(draft).toContainText(`II. CÁC NỘI DUNG THÔNG QUA KHÔNG THẢO LUẬN2. ${ITEMS[1]}3. ${ITEMS[2]}`);
  await expect(draft).toContainText(`III. CÁC NỘI DUNG THẢO LUẬN1. ${ITEMS[0]}`);
  await expect(draft).toContainText('Ý kiến trước phiên họp: 1 thành viên xin phát biểu, 0 thành viên không tán thành.');
  await expect(draft).toContainText(`Phát biểu: ${SPEAKER} (`);
  await expect(draft).toContainText(
    `Biểu quyết \u201c${QUESTION}\u201d: đồng ý 2, không đồng ý 0, ý kiến khác 0, trên tổng số ${needed} thành viên được biểu quyết — Không đủ điều kiện quyết định.`,
  );
  await expect(draft).toContainText(`Kết luận: ${CONCLUSION}`);
  await expect(draft).toContainText(`Có mặt (${needed}):`);

  // Exported as PDF: poppler reads back every item title and the conclusion; the font is embedded.
  const pdf = await chair.request.get(`/meetings/${meeting}/minutes.pdf`);
  expect(pdf.status()).toBe(200);
  const file = join(mkdtempSync(join(tmpdir(), 'minutes-')), 'bien-ban.pdf');
  writeFileSync(file, await pdf.body());
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString().split(/\s+/).join(' ');
  for (const title of [...ITEMS, CONCLUSION]) expect(text).toContain(title);
  const fonts = execFileSync('pdffonts', [file]).toString().split('\n').slice(2).filter((l) => l.trim());
  expect(fonts.length).toBeGreaterThan(0);
  for (const row of fonts) expect(row.split(/\s+/).slice(-5)[0]).toBe('yes');

  // The chair approves; the secretariat finalises; members can read them then.
  await chair.getByRole('button', { name: 'Duyệt biên bản' }).click();
  await expect(chair.locator('.minutes .badge')).toHaveText('Chủ tọa đã duyệt');
  await office.goto(`/meetings/${meeting}/minutes`);
  await hydrated(office);
  await office.getByRole('button', { name: 'Hoàn tất biên bản' }).click();
  await office.getByRole('dialog', { name: 'Hoàn tất biên bản?' }).getByRole('button', { name: 'Hoàn tất biên bản' }).click();
  await expect(office.locator('.minutes .badge')).toHaveText('Đã hoàn tất');
  await expect(office.locator('.fingerprint code')).toHaveText(/^[0-9a-f]{64}$/);
  await voter.goto(`/meetings/${meeting}/conclusions`);
  await expect(voter.locator('article.conclusions')).toContainText(`1. ${ITEMS[0]}: ${CONCLUSION}`);
  await expect(voter.locator('article.conclusions')).toContainText(`2. ${ITEMS[1]}: Thông qua, không thảo luận.`);

  // The savings dashboard lists the meeting (an extraordinary session: no paper-era
  // baseline of that kind yet, so no reduction is claimed) and draws its charts.
  await office.getByRole('link', { name: 'Thống kê' }).click();
  await expect(office.getByRole('heading', { name: 'Hiệu quả của Chính phủ điện tử' })).toBeVisible();
  await hydrated(office);
  const row = office.locator('table.savings tr', { hasText: MEETING });
  await expect(row).toHaveCount(1);
  await expect(row.locator('td').nth(2)).toHaveText('3 (2)');
  // Closed after a few minutes of its 90: listed, not counted until the secretariat reviews
  // it (first week, item 6); excluded here with the reason recorded.
  await expect(row.locator('td.counts')).toContainText('Chờ xem xét: ngắn hơn một nửa thời gian dự kiến');
  await row.locator('details.review summary').click();
  await row.getByLabel('Lý do (được ghi vào nhật ký)').fill('Phiên họp kiểm thử tự động');
  await row.getByRole('button', { name: 'Loại trừ' }).click();
  await expect(row.locator('td.counts')).toContainText('Phiên họp kiểm thử tự động — Trương Thị Hạnh');
  await expect(row).toHaveClass(/excluded/);
  await expect(office.locator('.charts svg')).not.toHaveCount(0);
  await expect(office.getByTestId('online-count')).not.toHaveText('0');
  // Numbers as each language writes them (first week, item 11): "1.830.000 đ", "37,6 %"
  // in Vietnamese; "VND 1,830,000", "37.6%" in English (the values are worked out in
  // ui::format's unit tests).
  const stat = (name: string) => office.getByTestId('totals').locator(`.stat.${name} dd`);
  await expect(stat('cost')).toHaveText(/^\d{1,3}(\.\d{3})* đ$/);
  await expect(stat('reduction')).toHaveText(/^(—|\u2212?\d+,\d %)$/);
  await expect(stat('response')).toHaveText(/^(—|\d+,\d giờ)$/);
  await office.getByRole('button', { name: 'Switch to English' }).click();
  await expect(stat('cost')).toHaveText(/^VND \d{1,3}(,\d{3})*$/);
  await expect(stat('reduction')).toHaveText(/^(—|\u2212?\d+\.\d%)$/);
  await office.getByRole('button', { name: 'Chuyển sang tiếng Việt' }).click();

  expect(pageErrors).toEqual([]);
});
