import { validateCircleDraft } from '../../core/circles/circle';
import { isTeamsJoinLink } from '../../core/circles/meeting-links';

describe('Teams meeting join links', () => {
  it.each([
    'https://teams.microsoft.com/meet/2345678901234?p=AbCdEf1234567890',
    'https://teams.microsoft.com/meet/2345678901234/?p=xYz12',
    'https://teams.cloud.microsoft/meet/2345678901234?p=AbCdEf12',
    'https://teams.microsoft.com/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0?context=%7b%22Tid%22%3a%22t%22%7d',
    'https://teams.cloud.microsoft/l/meetup-join/19%3ameeting_NjQ%40thread.v2/0',
  ])('accepts %s', (link) => {
    expect(isTeamsJoinLink(link)).toBe(true);
  });

  it.each([
    ['another host', 'https://example.org/meet/2345678901234?p=abc'],
    ['a look-alike host', 'https://teams.microsoft.com.example.org/meet/1?p=abc'],
    ['plain http', 'http://teams.microsoft.com/meet/2345678901234?p=abc'],
    ['a user name in the address', 'https://someone@teams.microsoft.com/meet/2345678901234?p=abc'],
    ['a port', 'https://teams.microsoft.com:8443/meet/2345678901234?p=abc'],
    ['a /meet/ link without its passcode', 'https://teams.microsoft.com/meet/2345678901234'],
    ['a /meet/ link with an empty passcode', 'https://teams.microsoft.com/meet/2345678901234?p='],
    ['a /meet/ link with a nested path', 'https://teams.microsoft.com/meet/123/456?p=abc'],
    ['a meetup-join link with nothing after it', 'https://teams.microsoft.com/l/meetup-join/'],
    ['another Teams page', 'https://teams.microsoft.com/l/channel/19%3aabc/General'],
    ['spaces', 'https://teams.microsoft.com/meet/2345678901234?p=abc def'],
    ['not a URL', 'teams meeting tomorrow'],
  ])('refuses %s', (_why, link) => {
    expect(isTeamsJoinLink(link)).toBe(false);
  });

  it('lets a circle be created with a 2026-style /meet/ link and names every accepted shape when refusing', () => {
    const now = new Date('2026-12-03T09:00:00.000Z');
    const draft = {
      themeId: 'routines',
      title: 'Routines',
      startsAt: '2026-12-10T13:00:00.000Z',
    };
    expect(
      validateCircleDraft(
        { ...draft, meetingUrl: 'https://teams.microsoft.com/meet/2345678901234?p=AbCd' },
        now,
      ).ok,
    ).toBe(true);
    const refused = validateCircleDraft({ ...draft, meetingUrl: 'https://example.org/x' }, now);
    expect(refused).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    expect(refused.ok ? '' : refused.message).toMatch(
      /\/meet\/<id>\?p=<passcode>.*meetup-join.*teams\.cloud\.microsoft/,
    );
  });
});
