import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ARTIFACTS_DIR, launchChromium } from '../support/browser';
import { startPlayground, type RunningPlayground } from '../support/playground';
import { sampleCircle } from '../support/sample-circle';
import { createCircle, localToken, postJson, startTestService, type TestService } from '../support/service';

jest.setTimeout(120_000);

describe('the bot in the real Microsoft 365 Agents Playground', () => {
  let service: TestService;
  let playground: RunningPlayground;
  let browser: Browser;

  beforeAll(async () => {
    service = await startTestService();
    playground = await startPlayground(`${service.url}/api/messages`, 56151);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
    await service?.stop();
  });

  it('answers "help" in personal chat with the help card', async () => {
    const page = await browser.newPage();
    await page.goto(playground.url);
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    const compose = page.locator('div[role="textbox"]');
    await compose.click();
    await compose.fill('help');
    await compose.press('Enter');
    const helpCard = page.locator('.ac-adaptiveCard', { hasText: 'What I can help with' });
    await helpCard.first().waitFor({ timeout: 30_000 });
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-help.png') });
    expect(await helpCard.first().innerText()).toContain('plan');
    await page.close();
  });

  it('turns nudges on in personal chat; the week’s nudge arrives there when a lead sends this week’s nudges', async () => {
    const page = await browser.newPage();
    await page.goto(playground.url);
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    const compose = page.locator('div[role="textbox"]');
    await compose.click();
    await compose.fill('nudges on');
    await compose.press('Enter');
    await page.locator('.ac-adaptiveCard', { hasText: 'Nudges are on' }).first().waitFor({ timeout: 30_000 });
    // The due time, forced honestly: a programme lead sends this week's nudges now (the admin route), so the
    // person who just turned nudges on gets this week's guide at once instead of on Monday at 09:00.
    const lead = await localToken(service, 'Lena Lead', 'admin');
    const run = await postJson(
      `${service.url}/api/admin/nudges/run`,
      {},
      { authorization: `Bearer ${lead}` },
    );
    expect(run).toEqual({ status: 200, body: { queued: 1, unreachable: 0 } });
    const nudge = page.locator('.ac-adaptiveCard', { hasText: 'Your three-minute guide this week' }).last();
    await nudge.waitFor({ timeout: 30_000 });
    fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-nudge.png') });
    expect(await nudge.innerText()).toContain('Was this helpful?');
    await nudge
      .locator('.ac-actionSet button[aria-label="Stop nudges"], button[aria-label="Stop nudges"]')
      .first()
      .click();
    await page
      .locator('.ac-adaptiveCard', { hasText: 'Nudges are off' })
      .first()
      .waitFor({ timeout: 30_000 });
    const rows = await service.stores.outbox.list({ kind: 'nudge' }, 10);
    expect(rows.map((row) => row.status)).toEqual(['sent']);
    await page.close();
  });

  it('answers a question with a guide card, and updates the card when the manager says it helped', async () => {
    const page = await browser.newPage();
    await page.goto(playground.url);
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    const compose = page.locator('div[role="textbox"]');
    await compose.click();
    await compose.fill('our huddles have turned into a moan, how do I run a better one?');
    await compose.press('Enter');
    const guideCard = page.locator('.ac-adaptiveCard', { hasText: 'Huddles that help' }).last();
    await guideCard.waitFor({ timeout: 30_000 });
    expect(await guideCard.innerText()).toContain('Was this helpful?');
    await guideCard.locator('.ac-actionSet button[aria-label="Yes"]').click();
    const updated = page.locator('.ac-adaptiveCard', { hasText: 'You told us this guide was helpful' });
    await updated.first().waitFor({ timeout: 30_000 });
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-guide-feedback.png') });
    expect(
      await page.locator('.ac-adaptiveCard', { hasText: 'Huddles that help' }).last().innerText(),
    ).not.toContain('Was this helpful?');
    expect(await service.stores.feedback.guideFeedback()).toEqual([
      { guideId: 'huddles-that-help', helpful: 1, notHelpful: 0 },
    ]);
    await page.close();
  });

  it('signs up from the circle list in personal chat and keeps the list, with the booking shown inline', async () => {
    const facilitator = await localToken(service, 'Fiona Facilitator', 'facilitator');
    const [first, second] = ['Leading a ward through winter pressures', 'When the team is grieving'];
    const firstId = await createCircle(service, facilitator, {
      themeId: 'routines',
      title: first,
      startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/e2e-list',
    });
    await createCircle(service, facilitator, {
      themeId: 'loss-and-grief',
      title: second,
      startsAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      meetingUrl: 'https://teams.microsoft.com/l/meetup-join/e2e-list-2',
    });

    const page = await browser.newPage();
    await page.goto(playground.url);
    await page.locator('[role="treeitem"][aria-label="Personal Chat"]').click();
    const compose = page.locator('div[role="textbox"]');
    await compose.click();
    await compose.fill('circles');
    await compose.press('Enter');
    const list = page.locator('.ac-adaptiveCard', { hasText: 'Upcoming Leadership Support Circles' }).last();
    await list.waitFor({ timeout: 30_000 });
    await list
      .locator('.ac-container', { hasText: first })
      .last()
      .locator('button[aria-label="Sign up"]')
      .click();
    const updated = page.locator('.ac-adaptiveCard', { hasText: "You're booked" });
    await updated.first().waitFor({ timeout: 30_000 });
    const updatedText = await updated.first().innerText();
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-circle-list-booked.png') });
    expect(updatedText).toContain('Upcoming Leadership Support Circles');
    expect(updatedText).toContain(second);
    const bookings = await service.stores.circles.bookings(firstId);
    expect(bookings.map((booking) => booking.status)).toEqual(['confirmed']);
    await page.close();
  });

  it('lets a facilitator post a circle in a team channel, and a click on Sign up books a place', async () => {
    // The Playground's user is a facilitator posting their own circle (role and ownership are both checked).
    const playgroundUser = '00000000-0000-0000-0000-0000000000c0';
    await service.stores.roles.grant(playgroundUser, 'facilitator', new Date());
    await service.stores.facilitators.upsert(
      {
        userId: playgroundUser,
        name: 'Playground Facilitator',
        organisationName: 'Playground NHS Trust',
        odsCode: undefined,
        region: 'London',
      },
      new Date(),
    );
    const circleId = randomUUID();
    await service.stores.circles.create(
      sampleCircle({
        id: circleId,
        themeId: 'stay-connected',
        title: 'Keeping a scattered team together',
        startsAt: new Date(Date.now() + 4 * 86_400_000).toISOString(),
        capacity: 10,
        facilitatorId: playgroundUser,
        organisationId: 'Playground NHS Trust',
        meetingUrl: 'https://teams.microsoft.com/l/meetup-join/e2e',
      }),
      new Date(),
    );

    const page = await browser.newPage();
    await page.goto(playground.url);
    await page.locator('[role="treeitem"][aria-label="My Team - General"]').click();
    // A channel has a "start a new post" box and a reply box under each post: use the new-post one.
    const compose = page.locator('div[role="textbox"]').first();
    await compose.click();
    await compose.pressSequentially('@Leading');
    await page.locator('[role="menuitem"]').first().click();
    await compose.pressSequentially(` post circle ${circleId.slice(0, 8)}`);
    await compose.press('Enter');
    const invite = page.locator('.ac-adaptiveCard', { hasText: 'Keeping a scattered team together' }).last();
    await invite.waitFor({ timeout: 30_000 });
    // The booked card can be on screen only briefly: the posted invite refreshes its seat count moments later and
    // re-renders (sooner on a busy machine). So the page watches every change from before the click and keeps the
    // first booked card it shows, rather than polling for one that may already be gone.
    await page.evaluate(() => {
      const seen = window as unknown as { bookedText?: string };
      const look = () => {
        seen.bookedText ??= Array.from(document.querySelectorAll<HTMLElement>('.ac-adaptiveCard')).find(
          (card) => card.innerText.includes("You're booked"),
        )?.innerText;
      };
      new MutationObserver(look).observe(document.body, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await invite
      .locator('.ac-actionSet button[aria-label="Sign up"], button[aria-label="Sign up"]')
      .first()
      .click();
    const bookedText = await page
      .waitForFunction(() => (window as unknown as { bookedText?: string }).bookedText, undefined, {
        timeout: 30_000,
      })
      .then((handle) => handle.jsonValue());
    await page.screenshot({ path: path.join(ARTIFACTS_DIR, 'playground-circle-booked.png') });
    const bookings = await service.stores.circles.bookings(circleId);
    expect(bookings.map((booking) => `${booking.userId}:${booking.status}`)).toEqual([
      `${playgroundUser}:confirmed`,
    ]);
    expect(bookedText).not.toContain('meetup-join');
    await page.close();
  });
});
