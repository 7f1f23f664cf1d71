import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectNoViolations, follow } from './helpers/axe';
import { call, demoUser, enrolmentPath, watch } from './helpers/people';

// Each role, signed in through the demo shortcut, on every page it reaches, in Vietnamese
// and then in English: axe must find no WCAG 2.2 A/AA violation. Pages are reached by
// following links, as a user would; each is then loaded afresh and checked.

const MEMBER = 'Châu Minh Triết'; // a minister no other test signs in as
const GUEST = 'Diệp Thanh Bình';
const SECRETARY = 'Phó Đức Long';
const ADMIN = 'Lưu Quang Minh';
const NOT_ENROLLED = 'Ông Văn Thịnh'; // whose enrolment link no test uses
const REGULAR = 'Phiên họp Chính phủ thường kỳ tháng 11 năm 2026';
const DEMO_BALLOT = /quản lý thuế đối với hoạt động kinh doanh thương mại điện tử/;
// The demo has no closed meeting nor closed ballot: made here, with the member as chair and
// the only one asked, so no other test sees them.
const CLOSED_MEETING = 'Phiên họp kiểm thử khả năng tiếp cận';
const CLOSED_BALLOT = 'Phiếu kiểm thử khả năng tiếp cận';

const MEETING = /\/meetings\/[0-9a-f-]{36}$/;
const BALLOT = /\/ballots\/[0-9a-f-]{36}$/;

/** Errors any page logged (a panic in the WASM, a CSP violation): the test fails on them. */
const pageErrors: string[] = [];

test.describe.configure({ timeout: 300_000 });

interface Account { id: string; full_name: string }

test.beforeAll(async ({ browser }) => {
  const office = await demoUser(browser, SECRETARY, pageErrors);
  // Once per server: after a failed test, Playwright starts a new worker, which runs this again.
  const meetings = (await call(office, 'meetings', '')) as { title: string }[];
  if (meetings.some((m) => m.title === CLOSED_MEETING)) {
    await office.context().close();
    return;
  }
  const accounts = (await call(office, 'accounts', '')) as Account[];
  const member = accounts.find((a) => a.full_name === MEMBER)!.id;
  const meeting = (await call(office, 'meeting_create', {
    form: {
      kind: 'thematic',
      title: CLOSED_MEETING,
      starts_local: '2026-12-01T08:00',
      place: 'Phòng họp Chính phủ',
      online: false,
      planned_minutes: 60,
      chair_id: member,
    },
  })) as string;
  const item = (await call(office, 'item_add', {
    meeting_id: meeting,
    form: { title: 'Báo cáo kết quả kiểm thử', presenter: 'VPCP', planned_minutes: 30 },
  })) as string;
  await call(office, 'invitees_set', { meeting_id: meeting, all: false, members: [member] });
  await call(office, 'meeting_state', { id: meeting, action: 'Publish' });
  await call(office, 'room_act', { meeting_id: meeting, act: 'Open' });
  await call(office, 'room_act', {
    meeting_id: meeting,
    act: { Conclude: { item, text: 'Thống nhất với báo cáo; giao Văn phòng Chính phủ theo dõi.' } },
  });
  await call(office, 'room_act', { meeting_id: meeting, act: 'Close' });

  const ballot = (await call(office, 'ballot_create', {
    draft: {
      title: CLOSED_BALLOT,
      question: 'Đồng chí có đồng ý với kết quả kiểm thử không?',
      deadline: '2030-12-31T17:00',
      eligible: [member],
      reminder_hours: [],
      results_to_members: true,
    },
  })) as string;
  await call(office, 'ballot_send', `id=${ballot}`);
  await call(office, 'ballot_close', `id=${ballot}`);
  await office.context().close();
});

/** The meetings list, a meeting (by its title), its first document and its room. */
async function meetingPages(page: Page, title: string): Promise<string[]> {
  await page.goto('/');
  const list = page.url();
  const meeting = await follow(page.locator('a.meeting-card', { hasText: title }), MEETING);
  const reader = await follow(page.locator('a.doc-title').first(), /\/documents\/[0-9a-f-]{36}\/read/);
  await page.goto(meeting);
  const room = await follow(page.locator('a[href$="/room"]'), /\/room$/);
  return [list, meeting, reader, room];
}

/** The closed meeting, its room, its minutes and its conclusions (the chair, the secretariat). */
async function closedMeetingPages(page: Page): Promise<string[]> {
  await page.goto('/');
  const meeting = await follow(page.locator('a.meeting-card', { hasText: CLOSED_MEETING }), MEETING);
  const room = await follow(page.locator('a[href$="/room"]'), /\/room$/);
  const minutes = await follow(page.locator('a[href$="/minutes"]'), /\/minutes$/);
  const conclusions = await follow(page.locator('a[href$="/conclusions"]'), /\/conclusions$/);
  return [meeting, room, minutes, conclusions];
}

/** Search (with a query that finds something), through the navigation's link. */
async function searchPage(page: Page): Promise<string> {
  await follow(page.locator('nav a[href="/search"]'), /\/search$/);
  await page.locator('input[name="q"]').fill('đầu tư công');
  await page.locator('form.search-form button[type="submit"]').click();
  await page.waitForURL(/\/search\?q=/);
  return page.url();
}

/** The ballots list, the demo's open ballot and the closed one. */
async function ballotPages(page: Page): Promise<string[]> {
  const list = await follow(page.locator('nav a[href="/ballots"]'), /\/ballots$/);
  const open = await follow(page.locator('a.ballot-title').filter({ hasText: DEMO_BALLOT }), BALLOT);
  await page.goto(list);
  const closed = await follow(page.locator('a.ballot-title', { hasText: CLOSED_BALLOT }), BALLOT);
  return [list, open, closed];
}

/** The signed-in user's own account page, through their name in the header. */
function accountPage(page: Page): Promise<string> {
  return follow(page.locator('a.current-user'), /\/account$/);
}

async function signedIn(browser: Browser, name: string): Promise<Page> {
  return demoUser(browser, name, pageErrors);
}

test('signed out: the sign-in page and an enrolment link', async ({ browser }) => {
  const page = await (await browser.newContext()).newPage();
  watch(page, 'signed out', pageErrors);
  await expectNoViolations(page, ['/sign-in', enrolmentPath(NOT_ENROLLED)]);
  await page.context().close();
  expect(pageErrors).toEqual([]);
});

test('a minister (member), chair of a closed meeting', async ({ browser }) => {
  const page = await signedIn(browser, MEMBER);
  const pages = [
    ...(await meetingPages(page, REGULAR)),
    ...(await closedMeetingPages(page)),
    await searchPage(page),
    ...(await ballotPages(page)),
    await accountPage(page),
  ];
  await expectNoViolations(page, pages);
  await page.context().close();
  expect(pageErrors).toEqual([]);
});

test('a guest, invited to one item', async ({ browser }) => {
  const page = await signedIn(browser, GUEST);
  const pages = [...(await meetingPages(page, REGULAR)), await searchPage(page), await accountPage(page)];
  await expectNoViolations(page, pages);
  await page.context().close();
  expect(pageErrors).toEqual([]);
});

test('the secretariat', async ({ browser }) => {
  const page = await signedIn(browser, SECRETARY);
  const [list, meeting, reader, room] = await meetingPages(page, REGULAR);
  await page.goto(meeting);
  const edit = await follow(page.locator('a[href$="/edit"]'), /\/edit$/);
  await page.goto(meeting);
  const readiness = await follow(page.locator('a[href$="/readiness"]'), /\/readiness$/);
  await page.goto(list);
  const create = await follow(page.locator('a[href="/meetings/new"]'), /\/meetings\/new$/);
  const [ballots, open, closed] = await ballotPages(page);
  const summary = await follow(page.locator('a[href$="/summary"]'), /\/summary$/);
  const pages = [
    list, create, meeting, edit, readiness, reader, room,
    ...(await closedMeetingPages(page)),
    await searchPage(page),
    ballots, open, closed, summary,
    await follow(page.locator('nav a[href="/analytics"]'), /\/analytics$/),
    await follow(page.locator('nav a[href="/admin"]'), /\/admin$/),
    await follow(page.locator('nav a[href="/audit"]'), /\/audit$/),
    await accountPage(page),
  ];
  await expectNoViolations(page, pages);
  await page.context().close();
  expect(pageErrors).toEqual([]);
});

test('an administrator', async ({ browser }) => {
  const page = await signedIn(browser, ADMIN);
  // Where signing in lands: the meetings list, empty for an administrator.
  const pages = [
    page.url(),
    await follow(page.locator('nav a[href="/admin"]'), /\/admin$/),
    await follow(page.locator('nav a[href="/audit"]'), /\/audit$/),
    await accountPage(page),
  ];
  await expectNoViolations(page, pages);
  await page.context().close();
  expect(pageErrors).toEqual([]);
});
