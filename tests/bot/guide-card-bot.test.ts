import { fitsInChat } from '../../bot/cards/measure';
import type { AdaptiveCard } from '../../bot/cards/types';
import { cardProblems } from '../support/card-checks';
import { FakeConnector } from '../support/fake-connector';
import { cardActionActivity, messageActivity } from '../support/activities';
import { postJson, startTestService, type TestService } from '../support/service';

describe('a guide answer in chat, over HTTP', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService({ PUBLIC_URL: 'https://lc.example.org' });
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  const send = (activity: Record<string, unknown>) => postJson(`${service.url}/api/messages`, activity);

  it('is the short version that Teams shows whole, with Read in full opening the guide in the tab', async () => {
    const before = connector.calls.length;
    await send(
      messageActivity({
        serviceUrl,
        text: 'our huddles have turned into a moan, how do I run a better one?',
      }),
    );
    const calls = await connector.waitForCalls(before + 1);
    const card = FakeConnector.cardOf(calls[before]) as unknown as AdaptiveCard;
    expect(JSON.stringify(card)).toContain('Huddles that help');
    expect(fitsInChat(card)).toBe(true);
    expect(cardProblems(card)).toEqual([]);
    expect(card.actions).toContainEqual({
      type: 'Action.OpenUrl',
      title: 'Read in full',
      url: 'https://lc.example.org/tab/#/guides/huddles-that-help',
    });
  });

  it('keeps to the budget once someone says it did not help', async () => {
    const response = await send(
      cardActionActivity({ serviceUrl }, 'guideFeedback', { guideId: 'huddles-that-help', helpful: false }),
    );
    const card = response.body.value as AdaptiveCard;
    expect(JSON.stringify(card)).toContain("You told us this guide didn't help");
    expect(fitsInChat(card)).toBe(true);
  });
});
