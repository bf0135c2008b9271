/// <reference lib="dom" />
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ContentRegistry } from '../../core/content/registry';
import { demoFacilitatorIds, seedImpactHistory, seedLocalDemo } from '../../scripts/seed-local';
import { botAddedActivity } from '../support/activities';
import { launchChromium } from '../support/browser';
import { FakeConnector } from '../support/fake-connector';
import { waitUntil } from '../support/wait';
import {
  bookCircle,
  createCircle,
  getJson,
  localToken,
  postJson,
  startTestService,
  type TestService,
} from '../support/service';
import {
  axeViolations,
  openTab,
  screenshot,
  tabTo,
  THEMES,
  type AxeViolation,
  type Persona,
} from '../support/tab-page';

/** Read by the real safety and off-topic checks as a check-in (about the writer or a colleague) or off-topic. */
const CHECK_IN_SELF = 'since the Quillfeather audit I feel like a burden to everyone';
const CHECK_IN_COLLEAGUE = 'my deputy keeps saying the Marrowby team would cope fine without her';
const OFF_TOPIC = 'how do I reset my Wexcombe payroll password';

let service: TestService;
let browser: Browser;
const pages: Page[] = [];

async function open(
  ...args: Parameters<typeof openTab> extends [unknown, unknown, ...infer Rest] ? Rest : never
) {
  const page = await openTab(browser, service.url, ...args);
  pages.push(page);
  return page;
}

beforeAll(async () => {
  service = await startTestService({}, undefined, {});
  await seedLocalDemo(service.url, new Date());
  await seedImpactHistory(service.stores, demoFacilitatorIds(), new Date());
  browser = await launchChromium();
}, 60_000);

afterEach(async () => {
  await Promise.all(pages.splice(0).map((page) => page.context().close()));
});

afterAll(async () => {
  await browser?.close();
  await service?.stop();
});

describe('the tab in a browser', () => {
  test('walks from the plan to a theme to a guide and answers "was this helpful" with the keyboard alone', async () => {
    const helpfulVotes = async () =>
      (await service.stores.feedback.guideFeedback()).reduce((sum, vote) => sum + vote.helpful, 0);
    // The seeded impact history holds guide votes of its own: count this vote as the change.
    const before = await helpfulVotes();
    const page = await open({ path: '/plan' });
    expect(await page.locator('h1').innerText()).toBe('The ten-point plan');
    await tabTo(page, /^1\. Look after yourself$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /Look after yourself/ }).waitFor();
    const guideLink = page.locator('a[href^="#/guides/"]').first();
    const guideTitle = (await guideLink.innerText()).trim();
    await tabTo(page, new RegExp(`^${guideTitle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: guideTitle }).waitFor();
    await page.getByText(/About \d minutes to read/).waitFor();
    await tabTo(page, /^Yes, it helped$/);
    await page.keyboard.press('Enter');
    await page.getByText('Thank you. Glad it helped.').waitFor();
    expect((await helpfulVotes()) - before).toBe(1);
  });

  test('signs up to a circle with the keyboard alone, with focus visible on the way', async () => {
    const page = await open({ persona: 'Jordan Lee', path: '/plan' });
    await tabTo(page, /^Circles$/);
    const ring = await page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
    expect(ring).toBe('solid');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Leadership Support Circles' }).waitFor();
    await tabTo(page, /^Sign up: /);
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'My bookings' }).getByText('You have a place').waitFor();
    const manager = await localToken(service, 'Jordan Lee');
    const bookings = await getJson(`${service.url}/api/me/bookings`, bearer(manager));
    expect((bookings.body.bookings as unknown[]).length).toBe(1);
    await page
      .getByRole('region', { name: 'My bookings' })
      .getByRole('button', { name: /^Cancel my place/ })
      .click();
    await page.getByText('You have no circle places yet.').waitFor();
  });
});

describe('asking and browsing', () => {
  test('the Ask box answers with guides, and with urgent support first for suicide language', async () => {
    const page = await open({ path: '/ask' });
    await page.getByLabel('Your question').fill('half my team is shielding, how do I keep us together?');
    await page.getByRole('button', { name: 'Ask' }).click();
    const answers = page.getByRole('region', { name: 'Guides that may help' });
    await answers.waitFor();
    expect(await answers.locator('a[href^="#/guides/"]').count()).toBeGreaterThan(0);

    await page.getByLabel('Your question').fill('one of my nurses said she wants to end her life');
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByRole('heading', { name: 'Get support now' }).waitFor();
    await page.getByRole('link', { name: '999' }).waitFor();
    expect(await page.getByRole('region', { name: 'Guides that may help' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Are you safe right now?' }).count()).toBe(0);
  });

  test('Ask: a check-in asks first and alone, and "I\'m safe for now" shows the guides with help folded to one line, by keyboard', async () => {
    const page = await open({ path: '/ask' });
    await page.getByLabel('Your question').fill(CHECK_IN_SELF);
    await page.keyboard.press('Enter');
    const checkIn = page.getByRole('region', { name: 'Are you safe right now?' });
    await checkIn.waitFor();
    await checkIn.getByRole('link', { name: '116 123' }).waitFor();
    expect(await page.getByRole('region', { name: 'Guides that may help' }).count()).toBe(0);

    await tabTo(page, /^I'm safe for now$/);
    await page.keyboard.press('Enter');
    const guides = page.getByRole('region', { name: 'Guides that may help' });
    await guides.getByRole('link', { name: guideTitle('who-looks-after-the-manager') }).waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Guides that may help');
    expect(await guides.locator('a[href^="#/guides/"]').count()).toBe(1);
    expect(await checkIn.count()).toBe(0);

    const folded = page.locator('details');
    expect(await folded.evaluate((details: HTMLDetailsElement) => details.open)).toBe(false);
    expect(await folded.locator('summary').innerText()).toContain('Samaritans 116 123');
    await folded.locator('summary').focus();
    await page.keyboard.press('Enter');
    await folded.getByRole('link', { name: '999' }).waitFor();
  });

  test('Ask: "Not sure" on a check-in about a colleague shows the full urgent support, with focus on its heading', async () => {
    const page = await open({ path: '/ask' });
    await page.getByLabel('Your question').fill(CHECK_IN_COLLEAGUE);
    await page.getByRole('button', { name: 'Ask' }).click();
    const checkIn = page.getByRole('region', { name: 'Is your colleague safe right now?' });
    await checkIn.getByRole('button', { name: "They're safe for now" }).waitFor();
    await tabTo(page, /^Not sure$/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Get support now' }).waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'urgent-heading');
    await page.getByRole('link', { name: '999' }).waitFor();
    expect(await checkIn.count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Guides that may help' }).count()).toBe(0);
  });

  test('Ask: an off-topic question gets an honest note and links to the plan and circles', async () => {
    const page = await open({ path: '/ask' });
    await page.getByLabel('Your question').fill(OFF_TOPIC);
    await page.getByRole('button', { name: 'Ask' }).click();
    const note = page.getByRole('status').filter({ hasText: "That isn't something this app can help with" });
    await note.waitFor();
    await note.getByRole('link', { name: 'ten-point plan' }).waitFor();
    await note.getByRole('link', { name: 'Leadership Support Circles' }).waitFor();
  });

  test('filters resources by type and finds them by words', async () => {
    const page = await open({ path: '/resources' });
    const status = page.getByRole('status').filter({ hasText: /Showing/ });
    await status.waitFor();
    const all = Number(/of (\d+)/.exec(await status.innerText())?.[1]);
    await page.getByLabel('Type').selectOption('podcast');
    await page.waitForFunction((total) => !document.body.innerText.includes(`Showing ${total} of`), all);
    const shown = Number(/Showing (\d+)/.exec(await status.innerText())?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(all);
    await page.getByLabel('Type').selectOption('');
    await page.getByLabel('Search').fill('Samaritans');
    await page
      .getByRole('link', { name: /^Samaritans/ })
      .first()
      .waitFor();
  });
});

describe('circles', () => {
  test('filters upcoming circles by time and by theme', async () => {
    const page = await open({ path: '/circles' });
    const upcoming = page.getByRole('region', { name: 'Upcoming circles' });
    const cards = upcoming.locator('li h3');
    await cards.first().waitFor();
    const all = await cards.count();
    await upcoming.getByLabel('When', { exact: true }).selectOption('week');
    await page.waitForFunction(
      (total) => document.querySelectorAll('section[aria-label="Upcoming circles"] li h3').length < total,
      all,
    );
    const thisWeek = await cards.count();
    expect(thisWeek).toBeGreaterThan(0);
    await upcoming.getByLabel('When', { exact: true }).selectOption('any');
    await upcoming.getByLabel('Theme', { exact: true }).selectOption('loss-and-grief');
    await upcoming.getByText('Leading a team through loss').waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll('section[aria-label="Upcoming circles"] li h3').length === 1,
    );
  });

  test('a manager signs up, sees the booking with its calendar link, and cancels it', async () => {
    const page = await open({ path: '/circles' });
    const upcoming = page.getByRole('region', { name: 'Upcoming circles' });
    const card = upcoming
      .getByRole('group')
      .filter({ has: page.getByRole('button', { name: /^Sign up:/ }) })
      .first();
    const title = (await card.locator('h3').innerText()).trim();
    await card.getByRole('button', { name: /^Sign up:/ }).click();
    const bookings = page.getByRole('region', { name: 'My bookings' });
    const booked = bookings.getByRole('group', { name: title, exact: true });
    await booked.getByText('You have a place').waitFor();
    await booked.getByRole('link', { name: 'Add to calendar' }).waitFor();
    await booked.getByRole('link', { name: 'Join the circle in Teams' }).waitFor();
    await booked.getByRole('button', { name: `Cancel my place: ${title}` }).click();
    await page.getByText('You have no circle places yet.').waitFor();
  });

  test('a facilitator creates a circle, then sees who signed up on its roster', async () => {
    const page = await open({ persona: 'Asha Patel', path: '/facilitate' });
    const guides = page.getByRole('region', { name: 'Guides for facilitators' });
    await guides.getByRole('link', { name: 'Difficult dynamics in a circle' }).waitFor();
    const form = page.getByRole('region', { name: 'Create a circle' });
    await form.getByLabel('Topic').selectOption('routines');
    await form.getByLabel('Title').fill('Browser test circle on routines');
    // Sixty days ahead, as the form's local date-time field writes it (starts are refused beyond two years).
    const start = new Date(Date.now() + 60 * 24 * 3600_000);
    const local = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}T13:00`;
    await form.getByLabel('Starts (your local time)').fill(local);
    await form
      .getByLabel('Teams meeting link')
      .fill('https://teams.microsoft.com/l/meetup-join/19%3ameeting_browser%40thread.v2/0');
    await form.getByRole('button', { name: 'Create circle' }).click();
    await form.getByText(/is open for sign-up/).waitFor();

    const mine = page.getByRole('region', { name: 'My circles' });
    const created = mine.getByRole('group', { name: 'Browser test circle on routines', exact: true });
    await created.waitFor();
    const circleId = await circleIdByTitle('Browser test circle on routines');
    const manager = await localToken(service, 'Jordan Lee');
    expect(await bookCircle(service, circleId, manager)).toBe(201);

    await created.getByRole('button', { name: 'Roster' }).click();
    const roster = created.getByRole('table');
    await roster.getByRole('cell', { name: 'Jordan Lee' }).waitFor();
    expect(await roster.getByRole('cell', { name: 'Confirmed' }).count()).toBe(1);
  });

  test('a full circle offers its waiting list and shows the place in it', async () => {
    const grace = await localToken(service, 'Grace Owusu', 'facilitator');
    const circleId = await createCircle(service, grace, {
      themeId: 'safe-spaces',
      title: 'Small circle that fills fast',
      startsAt: new Date(Date.now() + 9 * 86_400_000).toISOString(),
      capacity: 4,
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_small%40thread.v2/0',
    });
    for (const name of ['Ann One', 'Ben Two', 'Cat Three', 'Dev Four']) {
      const token = await localToken(service, name);
      expect(await bookCircle(service, circleId, token)).toBe(201);
    }
    const page = await open({ path: '/circles' });
    const card = page
      .getByRole('region', { name: 'Upcoming circles' })
      .getByRole('group', { name: 'Small circle that fills fast', exact: true });
    await card.getByText('Full · waiting list open').waitFor();
    await card.getByRole('button', { name: 'Join the waiting list: Small circle that fills fast' }).click();
    await card.getByText('Waiting list: number 1').waitFor();
    expect(await card.getByRole('link', { name: 'Join the circle in Teams' }).count()).toBe(0);
    await card.getByRole('button', { name: /^Cancel my place/ }).click();
    await card.getByRole('button', { name: /^Join the waiting list/ }).waitFor();
  });

  test('a facilitator posts an invite to a channel, edits the circle and cancels it', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.start();
    try {
      await postJson(`${service.url}/api/messages`, {
        ...botAddedActivity({
          serviceUrl,
          conversationType: 'channel',
          conversationId: '19:ward-team@thread.tacv2',
        }),
        channelData: {
          tenant: { id: 'tenant-1' },
          team: { id: '19:ward-team@thread.tacv2', name: 'Ward 7 team' },
        },
      });
      await connector.waitForCalls(1);
      const page = await open({ persona: 'Asha Patel', path: '/facilitate' });
      const circle = page
        .getByRole('region', { name: 'My circles' })
        .getByRole('group', { name: 'Looking after yourself while leading others', exact: true });

      await circle.getByRole('button', { name: 'Post to a channel' }).click();
      // The select, not the spinner labelled "Loading channels" that stands in its place until the list arrives.
      await circle
        .getByRole('combobox', { name: 'Channel' })
        .selectOption({ label: 'Ward 7 team › General' });
      const before = connector.calls.length;
      await circle.getByRole('button', { name: 'Post invite' }).click();
      await circle.getByText('Invite posted.', { exact: false }).waitFor();
      const calls = await connector.waitForCalls(before + 1);
      expect(JSON.stringify(FakeConnector.cardOf(calls[before]))).toContain(
        'Looking after yourself while leading others',
      );

      await circle.getByRole('button', { name: 'Edit' }).click();
      await circle.getByLabel('Title').fill('Looking after yourself: a lunchtime circle');
      await circle.getByRole('button', { name: 'Save changes' }).click();
      const renamed = page
        .getByRole('region', { name: 'My circles' })
        .getByRole('group', { name: 'Looking after yourself: a lunchtime circle', exact: true });
      await renamed.waitFor();

      await renamed.getByRole('button', { name: 'Cancel circle' }).click();
      await renamed.getByRole('button', { name: 'Yes, cancel the circle' }).click();
      await renamed.getByText('Cancelled', { exact: true }).waitFor();
      const circles = await service.stores.circles.list({ from: new Date(0).toISOString() });
      expect(
        circles.find((item) => item.title === 'Looking after yourself: a lunchtime circle')?.status,
      ).toBe('cancelled');
    } finally {
      await connector.stop();
    }
  });

  test('a facilitator marks attendance on the roster once the circle has started', async () => {
    const asha = await localToken(service, 'Asha Patel', 'facilitator');
    const circleId = await createCircle(service, asha, {
      themeId: 'recovery',
      title: 'Circle starting now',
      startsAt: new Date(Date.now() + 3000).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_now%40thread.v2/0',
    });
    const manager = await localToken(service, 'Jordan Lee');
    expect(await bookCircle(service, circleId, manager)).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 3500));

    const page = await open({ persona: 'Asha Patel', path: '/facilitate' });
    const circle = page
      .getByRole('region', { name: 'My circles' })
      .getByRole('group', { name: 'Circle starting now', exact: true });
    await circle.getByRole('button', { name: 'Roster' }).click();
    await circle.getByRole('checkbox', { name: 'Jordan Lee attended' }).check();
    await circle.getByRole('checkbox', { name: 'Jordan Lee attended', checked: true }).waitFor();
    const roster = await getJson(`${service.url}/api/circles/${circleId}/roster`, bearer(asha));
    expect(roster.body.participants).toEqual([
      expect.objectContaining({ name: 'Jordan Lee', attended: true }),
    ]);
  });

  test('a participant answers "How was it?" once a booked circle has started, axe clean in every theme', async () => {
    const asha = await localToken(service, 'Asha Patel', 'facilitator');
    const startsAt = Date.now() + 2000;
    const circleId = await createCircle(service, asha, {
      themeId: 'safe-spaces',
      title: 'Circle to give feedback on',
      startsAt: new Date(startsAt).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_feedback%40thread.v2/0',
    });
    const jordan = await localToken(service, 'Jordan Lee');
    expect(await bookCircle(service, circleId, jordan)).toBe(201);
    await waitUntil('the circle to start', () => Date.now() > startsAt + 100);

    const failures: string[] = [];
    for (const theme of THEMES) {
      const page = await open({ persona: 'Jordan Lee', theme, path: '/circles' });
      const booked = page
        .getByRole('region', { name: 'My bookings' })
        .getByRole('group', { name: 'Circle to give feedback on', exact: true });
      const form = booked.getByRole('form', { name: 'How was it?' });
      await form.waitFor();
      for (const violation of await axeViolations(page)) failures.push(`${theme}: ${summarise(violation)}`);
      await page.context().close();
    }
    expect(failures).toEqual([]);

    const page = await open({ persona: 'Jordan Lee', path: '/circles' });
    const form = page
      .getByRole('region', { name: 'My bookings' })
      .getByRole('group', { name: 'Circle to give feedback on', exact: true })
      .getByRole('form', { name: 'How was it?' });
    await form.getByRole('radio', { name: '4' }).check();
    await form.getByRole('radio', { name: 'Yes' }).check();
    await form.getByLabel('What would you change? (optional)').fill('A little more time at the end');
    await form.getByRole('button', { name: 'Send feedback' }).click();
    await form.getByText('Thank you. Your answer is kept without your name.').waitFor();
    expect(await service.stores.circleFeedback.answersFor([circleId])).toEqual([
      expect.objectContaining({ helpful: 4, recommend: true, change: 'A little more time at the end' }),
    ]);
  }, 60_000);

  test('a programme lead reads the seeded Impact page: totals, charts with tables, suppression, a date range and CSV', async () => {
    const page = await open({ persona: 'Demo Programme Lead', path: '/impact' });
    await page.getByRole('heading', { level: 1, name: 'Impact' }).waitFor();
    const totals = page.getByRole('region', { name: 'Totals' });
    await totals.getByText('Circles run').waitFor();
    const byTheme = page.getByRole('region', { name: 'By theme' });
    await byTheme.locator('svg').first().waitFor();
    const themeTable = byTheme.getByRole('table', { name: 'Impact by theme' });
    await themeTable.getByRole('rowheader', { name: 'Look after yourself' }).waitFor();
    // The one small grief circle: its counts are "<5" and its averages are left out.
    const grief = themeTable.getByRole('row', { name: /Lead through loss and grief/ });
    expect(await grief.innerText()).toContain('<5');
    await page.getByRole('region', { name: 'By region' }).getByRole('table').waitFor();
    await page
      .getByRole('region', { name: 'By organisation' })
      .getByText(/Barts Health NHS Trust/)
      .waitFor();
    await page.getByRole('region', { name: 'Guides: was this helpful?' }).getByText('pause-spaces').waitFor();
    await page.getByText('rota: 5 questions').waitFor();
    await screenshot(page, 'impact-walk');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download CSV' }).click();
    const csv = await download;
    expect(csv.suggestedFilename()).toMatch(/^impact-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);

    const today = new Date();
    const lastWeek = new Date(today.getTime() - 7 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('From').fill(lastWeek);
    await page.getByRole('button', { name: 'Show' }).click();
    await page.getByText(`Circles that ran from ${lastWeek}`).waitFor();
  });

  test('a programme lead opens any facilitator’s circle on Facilitate and reads its roster', async () => {
    const page = await open({ persona: 'Demo Programme Lead', path: '/facilitate' });
    const all = page.getByRole('region', { name: 'All circles' });
    const circle = all.getByRole('group', { name: 'Leading a team through loss', exact: true });
    await circle.getByRole('button', { name: 'Roster' }).click();
    await circle.getByText('Nobody has signed up yet.').waitFor();
    await circle.getByRole('button', { name: 'Edit' }).waitFor();
    await circle.getByRole('button', { name: 'Cancel circle' }).waitFor();
    expect(await page.getByRole('region', { name: 'Create a circle' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Impact' }).count()).toBe(1);
  });

  test('a facilitator chooses a co-facilitator from the network, axe clean in every theme, and the co-facilitator can read the roster', async () => {
    const asha = await localToken(service, 'Asha Patel', 'facilitator');
    const circleId = await createCircle(service, asha, {
      themeId: 'safe-spaces',
      title: 'A circle run by two',
      startsAt: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_cofac%40thread.v2/0',
    });
    const circleOn = (page: Page) =>
      page
        .getByRole('region', { name: 'My circles' })
        .getByRole('group', { name: 'A circle run by two', exact: true });

    const failures: string[] = [];
    for (const theme of THEMES) {
      const page = await open({ persona: 'Asha Patel', theme, path: '/facilitate' });
      await circleOn(page).getByRole('button', { name: 'Co-facilitators' }).click();
      await circleOn(page).getByLabel('Find a facilitator').fill('Penrose');
      await circleOn(page)
        .getByRole('checkbox', { name: /^Tom Penrose/ })
        .waitFor();
      for (const violation of await axeViolations(page)) failures.push(`${theme}: ${summarise(violation)}`);
      await page.context().close();
    }
    expect(failures).toEqual([]);

    const page = await open({ persona: 'Asha Patel', path: '/facilitate' });
    const circle = circleOn(page);
    await circle.getByRole('button', { name: 'Co-facilitators' }).click();
    await circle.getByLabel('Find a facilitator').fill('Penrose');
    await circle.getByRole('checkbox', { name: /^Tom Penrose/ }).check();
    await circle.getByRole('button', { name: 'Save co-facilitators' }).click();
    await circle.getByText('Saved. Tom Penrose can now manage this circle.').waitFor();
    const tom = await localToken(service, 'Tom Penrose', 'facilitator');
    expect(await service.stores.circles.coFacilitators(circleId)).toHaveLength(1);
    expect((await getJson(`${service.url}/api/circles/${circleId}/roster`, bearer(tom))).status).toBe(200);
  }, 60_000);

  test('a manager is offered neither Facilitate nor Impact', async () => {
    const page = await open({ persona: 'Jordan Lee', path: '/plan' });
    await page.getByRole('link', { name: 'Circles' }).waitFor();
    expect(await page.getByRole('link', { name: 'Facilitate' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Impact' }).count()).toBe(0);
  });

  test('an admin grants the facilitator role and reads the unanswered questions', async () => {
    await service.stores.unanswered.record('whats the door code for the staff room', '2026-12-01');
    const page = await open({ persona: 'Demo Programme Lead', path: '/admin' });
    await page.getByText('“whats the door code for the staff room”', { exact: false }).waitFor();
    const form = page.getByRole('region', { name: 'Grant the facilitator role' });
    await form.getByLabel('Microsoft Entra object id').fill('7c9e6679-7425-40de-944b-e07fc1f90ae7');
    await form.getByLabel('Name').fill('Casey Newman');
    await form.getByLabel('Organisation').fill('Leeds Teaching Hospitals NHS Trust');
    await form.getByLabel('ODS code').fill('rr8');
    await form.getByLabel('Region').fill('North East and Yorkshire');
    await form.getByRole('button', { name: 'Grant facilitator role' }).click();
    await form.getByText('Casey Newman can now create and run circles.').waitFor();
    await page.getByRole('cell', { name: 'Leeds Teaching Hospitals NHS Trust (RR8)' }).waitFor();
    expect(await service.stores.roles.rolesOf('7c9e6679-7425-40de-944b-e07fc1f90ae7')).toEqual([
      'facilitator',
    ]);
  });

  test('an admin revokes the facilitator role only after confirming in a dialog, and reads it in the audit log', async () => {
    const oid = '5d0c8a4e-3b2f-4c1d-9e8f-7a6b5c4d3e2f';
    const admin = await localToken(service, 'Demo Programme Lead', 'admin');
    const granted = await postJson(
      `${service.url}/api/admin/facilitators`,
      { userId: oid, name: 'Rowan Revoked', organisationName: 'Revocation Trust', region: 'London' },
      bearer(admin),
    );
    expect(granted.status).toBe(201);
    const page = await open({ persona: 'Demo Programme Lead', path: '/admin' });
    const revoke = page.getByRole('button', { name: 'Revoke facilitator role: Rowan Revoked' });
    await revoke.click();
    const dialog = page.getByRole('alertdialog', { name: "Revoke Rowan Revoked's facilitator role?" });
    await dialog.waitFor();
    expect((await axeViolations(page)).map(summarise)).toEqual([]);
    await dialog.getByRole('button', { name: 'Keep the role' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await service.stores.roles.rolesOf(oid)).toEqual(['facilitator']);

    await revoke.click();
    await dialog.getByRole('button', { name: 'Yes, revoke the role' }).click();
    await revoke.waitFor({ state: 'detached' });
    expect(await service.stores.roles.rolesOf(oid)).toEqual([]);
    const log = page.getByRole('region', { name: 'Audit log' });
    await log
      .getByRole('row')
      .filter({ hasText: 'Facilitator role revoked' })
      .filter({ hasText: oid })
      .waitFor();
    expect(await log.getByText('Rowan Revoked').count()).toBe(0);
  });

  test('a manager sees no facilitator actions and the API refuses them too', async () => {
    const page = await open({ path: '/facilitate' });
    expect(await page.getByRole('link', { name: 'Facilitate' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Admin' }).count()).toBe(0);
    await page
      .getByText('This page is for trained Leadership Support Circle facilitators.', { exact: false })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Create circle' }).count()).toBe(0);
    expect(await page.locator('form').count()).toBe(0);

    const manager = await localToken(service, 'Jordan Lee');
    const attempt = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'routines',
        title: 'Not allowed',
        startsAt: new Date(Date.now() + 60 * 24 * 3600_000).toISOString(),
        meetingUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      },
      bearer(manager),
    );
    expect(attempt.status).toBe(403);
    const anyCircle = await circleIdByTitle('Routines that hold a team together');
    expect((await getJson(`${service.url}/api/circles/${anyCircle}/roster`, bearer(manager))).status).toBe(
      403,
    );
  });
});

describe('broadcasts', () => {
  test('a programme lead sends a guide to everyone with nudges on and watches it arrive', async () => {
    const connector = new FakeConnector();
    const serviceUrl = await connector.start();
    try {
      for (const userId of ['oid-browser-1', 'oid-browser-2']) {
        await service.stores.conversations.save({
          conversationId: `a:${userId}`,
          scope: 'personal',
          channelId: 'msteams',
          serviceUrl,
          tenantId: 'tenant-1',
          botId: '28:bot',
          userId: `29:${userId}`,
          userAadObjectId: userId,
          teamId: undefined,
          updatedAt: new Date().toISOString(),
        });
        await service.stores.nudges.save(
          userId,
          { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
          new Date(),
        );
      }
      const page = await open({ persona: 'Demo Programme Lead', path: '/admin' });
      const panel = page.getByRole('region', { name: 'Broadcast a guide' });
      await panel.getByRole('combobox', { name: 'Guide' }).selectOption('huddles-that-help');
      await panel.getByRole('button', { name: 'Send to everyone with nudges on' }).click();
      await panel.getByText('2 of 2 done: 2 sent, 0 failed, 0 no longer reachable, 0 waiting.').waitFor();
      expect(connector.calls.map((call) => call.conversationId).sort()).toEqual([
        'a:oid-browser-1',
        'a:oid-browser-2',
      ]);
      expect(await axeViolations(page)).toEqual([]);
    } finally {
      await service.stores.nudges.forget('oid-browser-1');
      await service.stores.nudges.forget('oid-browser-2');
      await connector.stop();
    }
  });
});

describe('nudge settings', () => {
  test('turns the weekly guide on for a chosen day, time and zone, saved for the signed-in person', async () => {
    const token = await localToken(service, 'Jordan Lee');
    const userId = String((await getJson(`${service.url}/api/me`, bearer(token))).body.id);
    const page = await open({ path: '/settings', persona: 'Jordan Lee' });
    const nudges = page.getByRole('region', { name: 'Nudges' });
    await nudges.getByRole('checkbox', { name: 'Send me one three-minute guide a week' }).check();
    await nudges.getByRole('combobox', { name: 'Day' }).selectOption('friday');
    await nudges.getByLabel('Time', { exact: true }).fill('07:30');
    await nudges.getByRole('combobox', { name: 'Time zone' }).selectOption('Europe/Paris');
    await nudges.getByRole('button', { name: 'Save nudge settings' }).click();
    await page.getByText('Your weekly guide comes on Friday at 07:30 (Europe/Paris).').waitFor();
    expect(await service.stores.nudges.get(userId)).toEqual({
      enabled: true,
      day: 'friday',
      time: '07:30',
      timeZone: 'Europe/Paris',
    });
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe('your data (UK GDPR rights)', () => {
  test('downloads the data as JSON, then deletes it after an accessible confirmation, by keyboard', async () => {
    const jordanId = String(
      (await getJson(`${service.url}/api/me`, bearer(await localToken(service, 'Jordan Lee')))).body.id,
    );
    const circleId = await circleIdByTitle('Routines that hold a team together');
    await bookCircle(service, circleId, await localToken(service, 'Jordan Lee'));
    expect((await service.stores.circles.bookingsOf(jordanId)).length).toBeGreaterThan(0);

    const page = await open({ path: '/settings' });
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download my data' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toBe('leading-compassionately-my-data.json');
    const exported = JSON.parse(fs.readFileSync(await file.path(), 'utf8')) as {
      userId: string;
      bookings: unknown[];
    };
    expect(exported.userId).toBe(jordanId);
    expect(exported.bookings.length).toBeGreaterThan(0);
    await page.getByText('Your data was downloaded', { exact: false }).waitFor();

    // Escape in the confirmation keeps everything.
    await tabTo(page, /^Delete my data$/);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('alertdialog', { name: 'Delete your data?' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.closest('[role="alertdialog"]') !== null)).toBe(
      true,
    );
    // The dialog fades in: measure contrast once its animations have finished.
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect((await service.stores.circles.bookingsOf(jordanId)).length).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Delete my data' }).click();
    await dialog.getByRole('button', { name: 'Yes, delete my data' }).click();
    await page.getByText('Your data has been deleted.', { exact: false }).waitFor();
    await page.waitForFunction(() =>
      document.getAnimations().every((animation) => animation.playState !== 'running'),
    );
    expect(await service.stores.circles.bookingsOf(jordanId)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
  });
});

const library = ContentRegistry.open(path.join(__dirname, '../../content'), () => new Date()).current();
function guideTitle(id: string): string {
  const guide = library.guides.find((candidate) => candidate.id === id);
  if (!guide) throw new Error(`no guide ${id}`);
  return guide.title;
}

function bearer(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

async function circleIdByTitle(title: string): Promise<string> {
  const circles = await service.stores.circles.list({ from: new Date(0).toISOString() });
  const circle = circles.find((candidate) => candidate.title === title);
  if (!circle) throw new Error(`No circle titled ${title}`);
  return circle.id;
}

const PAGES: { name: string; path: string; persona: Persona }[] = [
  { name: 'plan', path: '/plan', persona: 'Jordan Lee' },
  { name: 'theme', path: '/themes/inclusive-leadership', persona: 'Jordan Lee' },
  { name: 'guide', path: '/guides/bereaved-colleague', persona: 'Jordan Lee' },
  { name: 'resources', path: '/resources', persona: 'Jordan Lee' },
  { name: 'ask', path: '/ask', persona: 'Jordan Lee' },
  { name: 'circles', path: '/circles', persona: 'Jordan Lee' },
  { name: 'facilitate', path: '/facilitate', persona: 'Asha Patel' },
  { name: 'admin', path: '/admin', persona: 'Demo Programme Lead' },
  { name: 'impact', path: '/impact', persona: 'Demo Programme Lead' },
  { name: 'impact-facilitator', path: '/impact', persona: 'Asha Patel' },
  { name: 'facilitate-admin', path: '/facilitate', persona: 'Demo Programme Lead' },
  { name: 'settings', path: '/settings', persona: 'Jordan Lee' },
  { name: 'configure', path: '/configure', persona: 'Jordan Lee' },
  { name: 'team-circles', path: '/team-circles/routines', persona: 'Jordan Lee' },
];

describe('accessibility (axe-core, WCAG 2.2 A and AA)', () => {
  for (const theme of THEMES) {
    test(`every page has no violations in the ${theme} theme`, async () => {
      const failures: string[] = [];
      for (const { name, path, persona } of PAGES) {
        const page = await open({ persona, theme, path });
        await page.waitForLoadState('networkidle');
        await page
          .locator('[role="progressbar"], .fui-Spinner')
          .first()
          .waitFor({ state: 'detached', timeout: 5000 })
          .catch(() => undefined);
        await screenshot(page, `${name}-${theme}`);
        for (const violation of await axeViolations(page)) {
          failures.push(
            `${name}: ${violation.id} (${violation.impact}) ${violation.help} → ${violation.targets.slice(0, 3).join(', ')}`,
          );
        }
        await page.context().close();
      }
      expect(failures).toEqual([]);
    }, 90_000);

    test(`Ask: the check-in, and the guides after "safe for now", have no violations in the ${theme} theme`, async () => {
      const page = await open({ theme, path: '/ask' });
      await page.getByLabel('Your question').fill(CHECK_IN_SELF);
      await page.getByRole('button', { name: 'Ask' }).click();
      await page.getByRole('region', { name: 'Are you safe right now?' }).waitFor();
      await screenshot(page, `ask-check-in-${theme}`);
      const failures = (await axeViolations(page)).map((violation) => `check-in: ${summarise(violation)}`);
      await page.getByRole('button', { name: "I'm safe for now" }).click();
      await page.getByRole('region', { name: 'Guides that may help' }).waitFor();
      await screenshot(page, `ask-check-in-safe-${theme}`);
      for (const violation of await axeViolations(page))
        failures.push(`safe for now: ${summarise(violation)}`);
      expect(failures).toEqual([]);
    });
  }
});

function summarise(violation: AxeViolation): string {
  return `${violation.id} (${violation.impact}) ${violation.help} → ${violation.targets.slice(0, 3).join(', ')}`;
}
