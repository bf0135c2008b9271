import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../storage/sqlite/database';
import { ContentCopy } from '../support/content-fixture';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('the content API', () => {
  let copy: ContentCopy;
  let service: TestService;
  let manager: string;
  let admin: string;

  beforeAll(async () => {
    copy = new ContentCopy();
    service = await startTestService({ CONTENT_DIR: copy.dir });
    manager = await localToken(service, 'Morgan Manager', 'manager');
    admin = await localToken(service, 'Ada Admin', 'admin');
  });
  afterAll(async () => {
    await service.stop();
    copy.dispose();
  });

  it.each(['/api/plan', '/api/guides/pause-spaces', '/api/resources'])(
    'refuses %s without a token',
    async (route) => {
      const response = await getJson(`${service.url}${route}`);
      expect(response.status).toBe(401);
    },
  );

  it("returns the ten-point plan with each theme's guides, resources and circle topic", async () => {
    const response = await getJson(`${service.url}/api/plan`, bearer(manager));
    expect(response.status).toBe(200);
    const themes = response.body.themes as Record<string, unknown>[];
    expect(themes).toHaveLength(10);
    expect(themes[0]).toMatchObject({ id: 'look-after-yourself', number: 1, title: 'Look after yourself' });
    expect(themes.map((theme) => theme.addedByProgrammeTeam)).toEqual([
      ...Array<boolean>(7).fill(false),
      true,
      true,
      true,
    ]);
    for (const theme of themes) {
      expect(theme).toEqual(
        expect.objectContaining({
          promise: expect.any(String),
          whyNow: expect.any(String),
          behaviours: expect.any(Array),
          inclusiveNote: expect.any(String),
          circleTopic: expect.any(String),
        }),
      );
      const guides = theme.guides as Record<string, unknown>[];
      expect(guides.length).toBeGreaterThanOrEqual(2);
      for (const guide of guides) {
        expect(Object.keys(guide).sort()).toEqual(['audiences', 'id', 'readingMinutes', 'summary', 'title']);
        expect(guide.audiences).toContain('manager');
      }
      for (const resource of theme.resources as Record<string, unknown>[]) {
        expect(resource).toEqual(
          expect.objectContaining({ publisher: expect.any(String), description: expect.any(String) }),
        );
        expect(resource.themes).toContain(theme.id);
      }
    }
  });

  it('returns a full guide with every part', async () => {
    const response = await getJson(`${service.url}/api/guides/compassionate-and-decisive`, bearer(manager));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: 'compassionate-and-decisive',
      theme: { id: 'make-the-right-call', number: 6 },
      readingMinutes: expect.any(Number),
      whyThisMatters: expect.any(String),
      inclusiveLens: expect.any(String),
      whereToGetHelp: expect.any(String),
    });
    expect((response.body.tryThisToday as string[]).length).toBeGreaterThanOrEqual(3);
    expect((response.body.questions as string[]).length).toBeGreaterThanOrEqual(3);
    for (const resource of response.body.resources as { url: string }[])
      expect(resource.url).toMatch(/^https:\/\//);
  });

  it('lists guides for one audience, or every guide when no audience is given', async () => {
    const all = await getJson(`${service.url}/api/guides`, bearer(manager));
    const forFacilitators = await getJson(`${service.url}/api/guides?audience=facilitator`, bearer(manager));
    const forManagers = await getJson(`${service.url}/api/guides?audience=manager`, bearer(manager));
    expect([all.status, forFacilitators.status, forManagers.status]).toEqual([200, 200, 200]);
    type Listed = { id: string; audiences: string[]; themeId: string };
    const ids = (body: Record<string, unknown>) => (body.guides as Listed[]).map((guide) => guide.id);
    const facilitatorGuides = forFacilitators.body.guides as Listed[];
    expect(facilitatorGuides.length).toBeGreaterThanOrEqual(5);
    expect(facilitatorGuides.every((guide) => guide.audiences.includes('facilitator'))).toBe(true);
    expect(ids(forFacilitators.body)).toContain('running-a-circle');
    expect(ids(forManagers.body)).not.toContain('running-a-circle');
    expect(ids(forManagers.body)).toContain('pause-spaces');
    expect(new Set(ids(all.body))).toEqual(new Set([...ids(forManagers.body), ...ids(forFacilitators.body)]));
    const plan = await getJson(`${service.url}/api/plan`, bearer(manager));
    const planIds = (plan.body.themes as { guides: { id: string }[] }[]).flatMap((theme) =>
      theme.guides.map((g) => g.id),
    );
    expect(planIds).not.toContain('running-a-circle');
  });

  it('refuses an unknown audience or query parameter', async () => {
    for (const query of ['audience=everyone', 'audience=manager&sort=title']) {
      const response = await getJson(`${service.url}/api/guides?${query}`, bearer(manager));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('answers 404 for an unknown guide and 400 for a malformed id', async () => {
    const missing = await getJson(`${service.url}/api/guides/no-such-guide`, bearer(manager));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const malformed = await getJson(`${service.url}/api/guides/Bad_Id!`, bearer(manager));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('records an anonymous helpful vote on a guide, and counts a retried vote once', async () => {
    const url = `${service.url}/api/guides/huddles-that-help/feedback`;
    const voteId = randomUUID();
    const first = await postJson(url, { helpful: true, voteId }, bearer(manager));
    expect(first).toEqual({ status: 200, body: { recorded: true } });
    const retried = await postJson(url, { helpful: true, voteId }, bearer(manager));
    expect(retried).toEqual({ status: 200, body: { recorded: false } });
    const notHelpful = await postJson(url, { helpful: false, voteId: randomUUID() }, bearer(admin));
    expect(notHelpful.body).toEqual({ recorded: true });
    expect(await service.stores.feedback.guideFeedback()).toContainEqual({
      guideId: 'huddles-that-help',
      helpful: 1,
      notHelpful: 1,
    });

    const me = (await getJson(`${service.url}/api/me`, bearer(manager))).body.id as string;
    const db = new Database(path.join(service.dataDir, DATABASE_FILE), { readonly: true });
    const rows = JSON.stringify(db.prepare('SELECT * FROM guide_feedback').all());
    db.close();
    expect(rows).toContain(`tab:${voteId}`);
    expect(rows).not.toContain(me);
    expect(rows).not.toContain('Morgan');
  });

  it('refuses a guide vote without a token, for an unknown guide, or with a malformed body', async () => {
    const vote = { helpful: true, voteId: randomUUID() };
    const url = (id: string) => `${service.url}/api/guides/${id}/feedback`;
    expect((await postJson(url('huddles-that-help'), vote)).status).toBe(401);
    const missing = await postJson(url('no-such-guide'), vote, bearer(manager));
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ error: { code: 'NOT_FOUND' } });
    const badId = await postJson(url('Bad_Id!'), vote, bearer(manager));
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    for (const bad of [
      { helpful: true },
      { helpful: 'yes', voteId: randomUUID() },
      { helpful: true, voteId: 'vote-1' },
      { helpful: true, voteId: randomUUID(), userId: 'someone-else' },
      [],
    ]) {
      const response = await postJson(url('huddles-that-help'), bad, bearer(manager));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
    const notJson = await postJson(url('huddles-that-help'), '{"helpful":', bearer(manager));
    expect(notJson.body).toMatchObject({ error: { code: 'BAD_JSON' } });
  });

  it('filters resources by theme and by type', async () => {
    const all = await getJson(`${service.url}/api/resources`, bearer(manager));
    const every = all.body.resources as { id: string; type: string; themes: string[] }[];
    expect(every.length).toBeGreaterThanOrEqual(14);
    const routines = await getJson(`${service.url}/api/resources?theme=routines`, bearer(manager));
    const forRoutines = routines.body.resources as { themes: string[] }[];
    expect(forRoutines.length).toBeGreaterThan(0);
    expect(forRoutines.every((resource) => resource.themes.includes('routines'))).toBe(true);
    const podcasts = await getJson(`${service.url}/api/resources?type=podcast`, bearer(manager));
    const onlyPodcasts = podcasts.body.resources as { type: string }[];
    expect(onlyPodcasts.length).toBeGreaterThan(0);
    expect(onlyPodcasts.every((resource) => resource.type === 'podcast')).toBe(true);
  });

  it.each(['theme=rotas', 'type=webinar', 'colour=blue'])(
    'refuses a bad resource filter (%s)',
    async (query) => {
      const response = await getJson(`${service.url}/api/resources?${query}`, bearer(manager));
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    },
  );

  it('lets only admins reload content', async () => {
    const response = await postJson(`${service.url}/api/admin/content/reload`, {}, bearer(manager));
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('puts a valid edit live on reload', async () => {
    copy.edit(
      'guides/pause-spaces.md',
      /^title: .*$/m,
      'title: The ten-minute pause, after the hardest shifts',
    );
    const response = await postJson(`${service.url}/api/admin/content/reload`, {}, bearer(admin));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ reloaded: true, counts: { themes: 10 } });
    const guide = await getJson(`${service.url}/api/guides/pause-spaces`, bearer(manager));
    expect(guide.body.title).toBe('The ten-minute pause, after the hardest shifts');
  });

  it('refuses an invalid edit with the errors and keeps the previous content live', async () => {
    copy.edit('guides/pause-spaces.md', /^title: .*$/m, 'title: A title that must never go live');
    copy.edit('guides/pause-spaces.md', 'theme: routines', 'theme: rotas');
    const response = await postJson(`${service.url}/api/admin/content/reload`, {}, bearer(admin));
    expect(response.status).toBe(422);
    expect(response.body).toMatchObject({ error: { code: 'CONTENT_INVALID' } });
    const details = (response.body.error as { details: { errors: { file: string; field: string }[] } })
      .details;
    expect(details.errors).toContainEqual(
      expect.objectContaining({ file: 'guides/pause-spaces.md', field: 'theme' }),
    );
    const guide = await getJson(`${service.url}/api/guides/pause-spaces`, bearer(manager));
    expect(guide.body.title).toBe('The ten-minute pause, after the hardest shifts');
  });
});

describe('content file watching in local mode', () => {
  it('picks up a valid edit without a restart, and ignores an invalid one', async () => {
    const copy = new ContentCopy();
    const service = await startTestService({ CONTENT_DIR: copy.dir, CONTENT_WATCH: 'true' });
    const token = await localToken(service, 'Wendy Watcher', 'manager');
    const titleOf = async () =>
      (await getJson(`${service.url}/api/guides/going-home-routine`, bearer(token))).body.title as string;
    const waitForTitle = async (expected: string) => {
      const deadline = Date.now() + 5000;
      while ((await titleOf()) !== expected && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return titleOf();
    };
    try {
      const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);
      copy.edit('guides/going-home-routine.md', /^title: .*$/m, 'title: Leaving work at work');
      expect(await waitForTitle('Leaving work at work')).toBe('Leaving work at work');
      copy.edit('guides/going-home-routine.md', /^title: .*$/m, 'title: Broken edit');
      copy.edit('guides/going-home-routine.md', '## The inclusive lens', '## Inclusion');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(await titleOf()).toBe('Leaving work at work');
      expect(log.mock.calls.flat().join('\n')).toMatch(/Content change refused/);
      log.mockRestore();
    } finally {
      await service.stop();
      copy.dispose();
    }
  });
});
