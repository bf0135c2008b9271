import { FakeConnector } from '../support/fake-connector';
import { messageActivity } from '../support/activities';
import { cardProblems } from '../support/card-checks';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';
import { waitUntil } from '../support/wait';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const GUIDE = 'huddles-that-help';

describe('broadcasts: POST /api/admin/broadcasts, its report, and resending to failed recipients only', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let lead: string;
  let manager: string;
  const people = ['oid-b1', 'oid-b2', 'oid-b3', 'oid-blocked', 'oid-broken'];

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({ SEND_MAX_ATTEMPTS: '2' }, undefined, {
      outboxWorker: { pollMs: 50, baseBackoffMs: 10, maxBackoffMs: 20 },
    });
    lead = await localToken(service, 'Lena Lead', 'admin');
    manager = await localToken(service, 'Manny Manager');
    for (const userId of [...people, 'oid-nudges-off']) {
      const text = userId === 'oid-nudges-off' ? 'help' : 'nudges on';
      await postJson(
        `${service.url}/api/messages`,
        messageActivity({ serviceUrl, text, aadObjectId: userId, conversationId: `a:${userId}` }),
      );
    }
    await connector.waitForCalls(people.length + 1);
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const report = async (id: string) =>
    (await getJson(`${service.url}/api/admin/broadcasts/${id}`, bearer(lead))).body;

  it('sends the guide 1:1 to everyone with nudges on, reports delivery, and resends to the failed only', async () => {
    connector.failConversation('a:oid-blocked', 403);
    connector.failConversation('a:oid-broken', 503);
    const since = connector.calls.length;
    const sent = await postJson(`${service.url}/api/admin/broadcasts`, { guideId: GUIDE }, bearer(lead));
    expect(sent.status).toBe(202);
    const id = String(sent.body.id);
    const done = await waitUntil('the broadcast to settle', async () => {
      const body = await report(id);
      return body.pending === 0 ? body : undefined;
    });
    expect(done).toEqual({ id, total: 5, sent: 3, failed: 1, retired: 1, pending: 0 });
    const delivered = connector.calls.slice(since);
    expect(delivered.map((call) => call.conversationId).sort()).toEqual(['a:oid-b1', 'a:oid-b2', 'a:oid-b3']);
    for (const call of delivered) {
      const card = FakeConnector.cardOf(call);
      expect(cardProblems(card)).toEqual([]);
      expect(JSON.stringify(card)).toContain('"title":"Stop nudges"');
    }

    connector.heal('a:oid-broken');
    const resent = await postJson(`${service.url}/api/admin/broadcasts/${id}/resend`, {}, bearer(lead));
    expect(resent).toEqual({ status: 202, body: { id, requeued: 1 } });
    await waitUntil('the resend to settle', async () => ((await report(id)).sent === 4 ? true : undefined));
    expect(await report(id)).toEqual({ id, total: 5, sent: 4, failed: 0, retired: 1, pending: 0 });
    // Nobody who already had it got it twice.
    const after = connector.calls
      .slice(since)
      .map((call) => call.conversationId)
      .sort();
    expect(after).toEqual(['a:oid-b1', 'a:oid-b2', 'a:oid-b3', 'a:oid-broken']);
  }, 60_000);

  it('is for programme leads only, and refuses unknown guides, bad bodies and unknown broadcasts', async () => {
    expect(
      (await postJson(`${service.url}/api/admin/broadcasts`, { guideId: GUIDE }, bearer(manager))).status,
    ).toBe(403);
    expect((await postJson(`${service.url}/api/admin/broadcasts`, { guideId: GUIDE })).status).toBe(401);
    const unknown = await postJson(
      `${service.url}/api/admin/broadcasts`,
      { guideId: 'no-such-guide' },
      bearer(lead),
    );
    expect([unknown.status, (unknown.body.error as { code: string }).code]).toEqual([404, 'NOT_FOUND']);
    const extra = await postJson(
      `${service.url}/api/admin/broadcasts`,
      { guideId: GUIDE, to: 'all' },
      bearer(lead),
    );
    expect(extra.status).toBe(400);
    const missing = await getJson(
      `${service.url}/api/admin/broadcasts/3f2a1b4c-0000-4000-8000-00000000ffff`,
      bearer(lead),
    );
    expect(missing.status).toBe(404);
    expect((await getJson(`${service.url}/api/admin/broadcasts/not-an-id`, bearer(lead))).status).toBe(400);
    expect(
      (
        await getJson(
          `${service.url}/api/admin/broadcasts/3f2a1b4c-0000-4000-8000-00000000ffff`,
          bearer(manager),
        )
      ).status,
    ).toBe(403);
  });

  it("sends this week's nudge now to people who have not had it, once, when a lead asks", async () => {
    const since = connector.calls.length;
    const run = await postJson(`${service.url}/api/admin/nudges/run`, {}, bearer(lead));
    // The blocked conversation was retired (forgotten) by the broadcast: four people can be reached.
    expect(run).toEqual({ status: 200, body: { queued: 4, unreachable: 1 } });
    await waitUntil('the nudges to arrive', () => (connector.calls.length >= since + 4 ? true : undefined));
    const again = await postJson(`${service.url}/api/admin/nudges/run`, {}, bearer(lead));
    expect(again.body).toEqual({ queued: 0, unreachable: 1 });
    expect((await postJson(`${service.url}/api/admin/nudges/run`, {}, bearer(manager))).status).toBe(403);
  });
});
