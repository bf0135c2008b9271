import {
  AppInsightsTelemetry,
  createTelemetry,
  NoopTelemetry,
  sanitiseProperties,
} from '../../bot/telemetry';

describe('telemetry', () => {
  it('is a no-op without a connection string, and never throws', async () => {
    const telemetry = createTelemetry(undefined);
    expect(telemetry).toBeInstanceOf(NoopTelemetry);
    expect(() => telemetry.event('bot.message', { command: 'help' })).not.toThrow();
    await expect(telemetry.flush()).resolves.toBeUndefined();
  });

  it('lets ids, codes, counts and flags through', () => {
    expect(
      sanitiseProperties({ command: 'help', scope: 'personal', count: 3, ok: true, code: 'NOT_FOUND' }),
    ).toEqual({
      command: 'help',
      scope: 'personal',
      count: '3',
      ok: 'true',
      code: 'NOT_FOUND',
    });
  });

  it("lets an urgent event's level and scope through unchanged", () => {
    expect(sanitiseProperties({ level: 'check-in', scope: 'tab' })).toEqual({
      level: 'check-in',
      scope: 'tab',
    });
    expect(sanitiseProperties({ level: 'immediate', scope: 'groupChat' })).toEqual({
      level: 'immediate',
      scope: 'groupChat',
    });
  });

  it('redacts names, emails and free text', () => {
    const safe = sanitiseProperties({
      name: 'Asha Patel',
      email: 'asha@nhs.net',
      text: 'my team is exhausted',
    });
    expect(Object.values(safe)).toEqual(['[redacted]', '[redacted]', '[redacted]']);
  });

  it('sends sanitised events to Application Insights when configured', () => {
    const sent: unknown[] = [];
    const telemetry = new AppInsightsTelemetry({
      trackEvent: (event) => sent.push(event),
      trackException: (exception) => sent.push(exception),
      flush: () => undefined,
    });
    telemetry.event('bot.message', { command: 'help', who: 'Jo Bloggs' });
    expect(sent).toEqual([{ name: 'bot.message', properties: { command: 'help', who: '[redacted]' } }]);
  });
});
