import { ConfigurationBotFrameworkAuthentication, type Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication } from '../../bot/bot-clients';

/** Authentication as a local run has it: no app id, so requests are not signed. */
function localAuthentication(): ReusingBotFrameworkAuthentication {
  return new ReusingBotFrameworkAuthentication(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
    }),
  );
}

const activity = (serviceUrl: string) =>
  ({ type: 'message', channelId: 'msteams', serviceUrl, text: 'hi' }) as Activity;

describe('Bot Framework clients across turns', () => {
  it('reuses one Bot Connector client per service URL and audience, turn after turn', async () => {
    const auth = localAuthentication();
    const clientFor = async (serviceUrl: string) => {
      const turn = await auth.authenticateRequest(activity(serviceUrl), '');
      return turn.connectorFactory?.create(serviceUrl, turn.audience);
    };
    const first = await clientFor('https://smba.example.test/emea/');
    expect(first).toBeDefined();
    expect(await clientFor('https://smba.example.test/emea/')).toBe(first);
    expect(await clientFor('https://smba.example.test/amer/')).not.toBe(first);
  });

  it('gives proactive messages a client of their own each time, and makes one user token client per app id', async () => {
    const auth = localAuthentication();
    const serviceUrl = 'https://smba.example.test/emea/';
    const turn = await auth.authenticateRequest(activity(serviceUrl), '');
    const inTurn = await turn.connectorFactory?.create(serviceUrl, turn.audience);
    // The outbox takes the retry policy out of the client it sends with: that must not reach replies in turns.
    const proactive = await auth
      .createConnectorFactory(turn.claimsIdentity)
      .create(serviceUrl, turn.audience);
    expect(proactive).not.toBe(inTurn);
    expect(await auth.createConnectorFactory(turn.claimsIdentity).create(serviceUrl, turn.audience)).not.toBe(
      proactive,
    );
    const tokens = await auth.createUserTokenClient(turn.claimsIdentity);
    expect(await auth.createUserTokenClient(turn.claimsIdentity)).toBe(tokens);
  });
});
