import { FakeConnector } from '../support/fake-connector';
import { cardActionActivity, messageActivity, USER_AAD_ID } from '../support/activities';
import { postJson, startTestService, type TestService } from '../support/service';

describe('nudges on, nudges off and stop in chat, and "Stop nudges" on a card', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);
  const say = async (text: string, options: Partial<Parameters<typeof messageActivity>[0]> = {}) => {
    const before = connector.calls.length;
    await send(messageActivity({ serviceUrl, text, ...options }));
    const calls = await connector.waitForCalls(before + 1);
    return JSON.stringify(FakeConnector.cardOf(calls[before]).body);
  };
  const enabled = async (userId = USER_AAD_ID) => (await service.stores.nudges.get(userId))?.enabled;

  it('turns weekly nudges on in a 1:1 chat with the default day and time, and says when they come', async () => {
    const reply = await say('nudges on');
    expect(reply).toContain('Nudges are on');
    expect(reply).toContain('Monday at 09:00 (Europe/London)');
    expect(await service.stores.nudges.get(USER_AAD_ID)).toEqual({
      enabled: true,
      day: 'monday',
      time: '09:00',
      timeZone: 'Europe/London',
    });
  });

  it.each(['stop', 'STOP', 'Stop please', 'unsubscribe', 'nudges off'])(
    'turns nudges off on "%s", keeping the chosen day and time',
    async (text) => {
      await service.stores.nudges.save(
        USER_AAD_ID,
        { enabled: true, day: 'friday', time: '07:30', timeZone: 'Europe/Paris' },
        new Date(),
      );
      expect(await say(text)).toContain('Nudges are off');
      expect(await service.stores.nudges.get(USER_AAD_ID)).toEqual({
        enabled: false,
        day: 'friday',
        time: '07:30',
        timeZone: 'Europe/Paris',
      });
    },
  );

  it('changes nothing when asked in a channel, and says nudges are set in a 1:1 chat', async () => {
    const reply = await say('nudges on', {
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2',
      teamId: '19:team@thread.tacv2',
      aadObjectId: 'oid-in-channel',
    });
    expect(reply).toContain('Nudges are personal');
    expect(await enabled('oid-in-channel')).toBeUndefined();
  });

  it('turns nudges off for whoever presses "Stop nudges", whatever the card data says', async () => {
    await service.stores.nudges.save(
      'oid-presser',
      { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
      new Date(),
    );
    await service.stores.nudges.save(
      'oid-bystander',
      { enabled: true, day: 'monday', time: '09:00', timeZone: 'Europe/London' },
      new Date(),
    );
    const response = await send(
      cardActionActivity({ serviceUrl, aadObjectId: 'oid-presser' }, 'stopNudges', {
        userId: 'oid-bystander',
      }),
    );
    expect(response.body).toMatchObject({ statusCode: 200 });
    expect(JSON.stringify(response.body)).toContain('Nudges are off');
    expect(await enabled('oid-presser')).toBe(false);
    expect(await enabled('oid-bystander')).toBe(true);
  });
});
