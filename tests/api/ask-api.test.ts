import { RecordingTelemetry } from '../support/recording-telemetry';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('POST /api/ask and the unanswered questions list', () => {
  let service: TestService;
  let manager: string;
  let admin: string;

  beforeAll(async () => {
    service = await startTestService();
    manager = await localToken(service, 'Mo Manager', 'manager');
    admin = await localToken(service, 'Ade Admin', 'admin');
  });
  afterAll(async () => {
    await service.stop();
  });

  const ask = (question: unknown, token = manager) =>
    postJson(`${service.url}/api/ask`, { question }, bearer(token));

  it('needs a token', async () => {
    const response = await postJson(`${service.url}/api/ask`, { question: 'rota help' });
    expect(response.status).toBe(401);
  });

  it('answers a guide question with ranked guides and scores', async () => {
    const response = await ask('half my team is shielding, how do I keep us together?');
    expect(response.status).toBe(200);
    expect(response.body.intent).toBe('guide');
    const answers = response.body.answers as {
      guideId: string;
      themeId: string;
      title: string;
      score: number;
    }[];
    expect(answers.length).toBeGreaterThan(0);
    expect(answers[0]).toEqual({
      guideId: 'remote-and-shielding',
      themeId: 'stay-connected',
      title: expect.any(String),
      score: expect.any(Number),
    });
    const scores = answers.map((answer) => answer.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('puts immediate urgent support first, with no guides, and carries the signposting to show', async () => {
    const response = await ask('my colleague told me she wants to end her life');
    expect(response.body).toMatchObject({
      intent: 'urgent',
      urgency: 'immediate',
      about: 'colleague',
      answers: [],
    });
    const support = response.body.urgentSupport as { title: string; contacts: { phone?: string }[] };
    expect(support.title).toBe('Get support now');
    expect(support.contacts.map((contact) => contact.phone)).toEqual(
      expect.arrayContaining(['999', '111', '116 123']),
    );
  });

  it.each([
    ['help', 'help'],
    ['ten point plan pls', 'plan'],
    ['any support circles coming up?', 'circles'],
    ['stop sending me nudges', 'nudges'],
  ])('reads "%s" as the %s intent, with no guides', async (question, intent) => {
    const response = await ask(question);
    expect(response.body).toEqual({ intent, answers: [] });
  });

  it('gives no guides, rather than a guess, for a question no guide fits', async () => {
    const response = await ask('the blue folder thing from last tuesday');
    expect(response.body).toEqual({ intent: 'guide', answers: [] });
  });

  it.each([
    [{}, 'missing question'],
    [{ question: '' }, 'empty question'],
    [{ question: 'x'.repeat(501) }, 'over-long question'],
    [{ question: 42 }, 'number'],
    [{ question: 'rota', extra: true }, 'unknown field'],
  ])('refuses %j (%s) with 400 VALIDATION_FAILED', async (body, _what) => {
    const response = await postJson(`${service.url}/api/ask`, body, bearer(manager));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('lets only admins list unanswered questions', async () => {
    const refused = await getJson(`${service.url}/api/admin/unanswered`, bearer(manager));
    expect(refused.status).toBe(403);
    const allowed = await getJson(`${service.url}/api/admin/unanswered?limit=5`, bearer(admin));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ questions: expect.any(Array) });
    const bad = await getJson(`${service.url}/api/admin/unanswered?limit=0`, bearer(admin));
    expect(bad.status).toBe(400);
  });
});

/** Read by the real safety and off-topic checks as a check-in or off-topic. */
const CHECK_IN = 'since the Quillfeather audit I feel like a burden to everyone';
const OFF_TOPIC = 'how do I reset my Wexcombe payroll password';

describe('POST /api/ask for check-ins, off-topic questions and their telemetry', () => {
  let service: TestService;
  let manager: string;
  const telemetry = new RecordingTelemetry();

  beforeAll(async () => {
    service = await startTestService({}, undefined, {
      telemetry,
    });
    manager = await localToken(service, 'Mo Manager', 'manager');
  });
  afterAll(async () => {
    await service.stop();
  });

  const ask = (question: string) => postJson(`${service.url}/api/ask`, { question }, bearer(manager));

  it('answers a check-in with its level, whom it is about, the signposting and the guides to offer after "safe for now"', async () => {
    const response = await ask(CHECK_IN);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ intent: 'urgent', urgency: 'check-in', about: 'self' });
    expect((response.body.answers as { guideId: string }[]).map((answer) => answer.guideId)).toEqual([
      'who-looks-after-the-manager',
    ]);
    expect(response.body.urgentSupport).toMatchObject({ title: 'Get support now' });
  });

  it('answers an off-topic question as offTopic, with no guides', async () => {
    const response = await ask(OFF_TOPIC);
    expect(response.body).toEqual({ intent: 'offTopic', answers: [] });
  });

  it('sends telemetry for an urgent question only as an "urgent" event with its level, never the question', async () => {
    const before = telemetry.events.length;
    await ask(CHECK_IN);
    await ask('I want to end my life');
    expect(telemetry.events.slice(before)).toEqual([
      { name: 'urgent', properties: { level: 'check-in', scope: 'tab' } },
      { name: 'urgent', properties: { level: 'immediate', scope: 'tab' } },
    ]);
  });
});
