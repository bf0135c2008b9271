import {
  decideCancellation,
  decideSignUp,
  seatsLeft,
  waitlistPosition,
  type Booking,
} from '../../core/circles/bookings';
import { validateCircleDraft, type Circle } from '../../core/circles/circle';
import { circleListFilter } from '../../core/circles/listing';
import { decideInvitePost, type InvitePostRequest } from '../../core/circles/posting';
import { sampleCircle } from '../support/sample-circle';

const NOW = new Date('2026-11-27T12:00:00Z');
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0';

const circle = (overrides: Partial<Circle> = {}): Circle =>
  sampleCircle({ id: 'c1', description: '', meetingUrl: MEETING, ...overrides });

const booking = (userId: string, sequence: number, status: Booking['status'] = 'confirmed'): Booking => ({
  circleId: 'c1',
  userId,
  status,
  sequence,
  displayName: undefined,
});
const person = (userId: string, organisationId = 'RX1') => ({ userId, organisationId });

describe('creating a circle', () => {
  it('applies the defaults: 60 minutes, 10 places, open to all', () => {
    const result = validateCircleDraft(
      { themeId: 'routines', title: 'Routines', startsAt: '2026-12-03T13:00:00Z', meetingUrl: MEETING },
      NOW,
    );
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        durationMinutes: 60,
        capacity: 10,
        audience: { kind: 'open' },
        startsAt: '2026-12-03T13:00:00.000Z',
      }),
    });
  });

  it('accepts a named extra topic instead of a theme', () => {
    const result = validateCircleDraft(
      {
        extraTopic: 'Burnout and pandemic fatigue',
        title: 'Burnout',
        startsAt: '2026-12-03T13:00:00Z',
        meetingUrl: MEETING,
      },
      NOW,
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    [{ capacity: 3 }, /capacity/],
    [{ capacity: 26 }, /capacity/],
    [{ durationMinutes: 15 }, /durationMinutes/],
    [{ startsAt: '2026-11-27T11:00:00Z' }, /future/],
    [{ startsAt: '2026-12-03 13:00' }, /zone/],
    [{ meetingUrl: 'http://example.org/meet' }, /Teams meeting link/],
    [{ themeId: 'rotas' }, /theme ids/],
    [{ themeId: undefined }, /either a themeId or an extraTopic/],
    [{ title: ' ' }, /title/],
  ])('refuses %j', (change, message) => {
    const input = {
      themeId: 'routines',
      title: 'Routines',
      startsAt: '2026-12-03T13:00:00Z',
      meetingUrl: MEETING,
      ...change,
    };
    const result = validateCircleDraft(input, NOW);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.code).toBe('VALIDATION_FAILED');
      expect(result.message).toMatch(message);
    }
  });
});

describe('signing up', () => {
  it('confirms while seats are left', () => {
    expect(decideSignUp(circle(), [booking('a', 1)], person('b'), NOW)).toEqual({
      ok: true,
      value: { kind: 'confirmed' },
    });
  });

  it('puts people on the waitlist in arrival order when the circle is full', () => {
    const full = ['a', 'b', 'c', 'd'].map((id, i) => booking(id, i + 1));
    expect(decideSignUp(circle(), full, person('e'), NOW)).toEqual({
      ok: true,
      value: { kind: 'waitlisted', position: 1 },
    });
    const withWaiting = [...full, booking('e', 5, 'waitlisted')];
    expect(decideSignUp(circle(), withWaiting, person('f'), NOW)).toEqual({
      ok: true,
      value: { kind: 'waitlisted', position: 2 },
    });
  });

  it('treats a repeated click as the same booking (Teams may retry an action)', () => {
    expect(decideSignUp(circle(), [booking('a', 1)], person('a'), NOW)).toEqual({
      ok: true,
      value: { kind: 'alreadyConfirmed' },
    });
    const bookings = [
      ...['a', 'b', 'c', 'd'].map((id, i) => booking(id, i + 1)),
      booking('e', 5, 'waitlisted'),
    ];
    expect(decideSignUp(circle(), bookings, person('e'), NOW)).toEqual({
      ok: true,
      value: { kind: 'alreadyWaitlisted', position: 1 },
    });
  });

  it('refuses a booking once the circle has started', () => {
    const started = decideSignUp(circle({ startsAt: '2026-11-27T11:30:00.000Z' }), [], person('a'), NOW);
    expect(started).toMatchObject({ ok: false, code: 'CIRCLE_STARTED' });
  });

  it('refuses a booking on a cancelled circle', () => {
    expect(decideSignUp(circle({ status: 'cancelled' }), [], person('a'), NOW)).toMatchObject({
      ok: false,
      code: 'CIRCLE_CANCELLED',
    });
  });

  it('refuses people from other organisations when the circle is for one organisation only', () => {
    const local = circle({ audience: { kind: 'organisation', organisationId: 'RX1' } });
    expect(decideSignUp(local, [], person('a', 'RY2'), NOW)).toMatchObject({
      ok: false,
      code: 'NOT_IN_AUDIENCE',
    });
    expect(decideSignUp(local, [], person('a', 'RX1'), NOW).ok).toBe(true);
  });

  it('counts seats left and waitlist positions', () => {
    const bookings = [
      booking('a', 1),
      booking('b', 2),
      booking('x', 9, 'waitlisted'),
      booking('y', 4, 'waitlisted'),
    ];
    expect(seatsLeft(circle(), bookings)).toBe(2);
    expect(waitlistPosition(bookings, 'y')).toBe(1);
    expect(waitlistPosition(bookings, 'x')).toBe(2);
    expect(waitlistPosition(bookings, 'a')).toBeUndefined();
  });
});

describe('cancelling a place', () => {
  const full = [
    ...['a', 'b', 'c', 'd'].map((id, i) => booking(id, i + 1)),
    booking('f', 7, 'waitlisted'),
    booking('e', 6, 'waitlisted'),
  ];

  it('promotes the first person on the waitlist when a confirmed place is freed', () => {
    const result = decideCancellation(circle(), full, 'b', NOW);
    expect(result).toEqual({
      ok: true,
      value: { cancelled: booking('b', 2), promoted: booking('e', 6, 'waitlisted') },
    });
  });

  it('promotes nobody when someone leaves the waitlist', () => {
    const result = decideCancellation(circle(), full, 'f', NOW);
    expect(result).toMatchObject({ ok: true, value: { promoted: undefined } });
  });

  it('refuses to cancel a place the person does not hold', () => {
    expect(decideCancellation(circle(), full, 'z', NOW)).toMatchObject({ ok: false, code: 'NOT_BOOKED' });
  });

  it('refuses to cancel after the circle has started', () => {
    const started = circle({ startsAt: '2026-11-27T11:30:00.000Z' });
    expect(decideCancellation(started, full, 'a', NOW)).toMatchObject({ ok: false, code: 'CIRCLE_STARTED' });
  });
});

describe('choosing which circles a list holds', () => {
  it('lists upcoming scheduled circles from now for everyone', () => {
    expect(circleListFilter({ mine: false }, 'fac-1', NOW)).toEqual({
      themeId: undefined,
      from: NOW.toISOString(),
      to: undefined,
      organisationId: undefined,
      status: 'scheduled',
    });
  });

  it('lists the circles a facilitator runs or co-facilitates in any status, from 14 days back so attendance can be marked', () => {
    expect(circleListFilter({ mine: true, themeId: 'routines' }, 'fac-1', NOW)).toEqual({
      themeId: 'routines',
      from: '2026-11-13T12:00:00.000Z',
      to: undefined,
      organisationId: undefined,
      managedBy: 'fac-1',
    });
  });

  it('uses the given from instead of the default', () => {
    expect(circleListFilter({ mine: true, from: '2026-12-01T00:00:00.000Z' }, 'fac-1', NOW).from).toBe(
      '2026-12-01T00:00:00.000Z',
    );
  });
});

describe('posting a circle invite in a channel', () => {
  const request = (overrides: Partial<InvitePostRequest> = {}): InvitePostRequest => ({
    circle: circle({ startsAt: '2026-12-03T13:00:00.000Z' }),
    posterId: 'fac-1',
    posterRoles: ['manager', 'facilitator'],
    conversationId: '19:rota@thread.tacv2',
    conversation: { scope: 'channel' },
    posts: [],
    now: NOW,
    ...overrides,
  });
  const codeOf = (overrides: Partial<InvitePostRequest>) => {
    const decision = decideInvitePost(request(overrides));
    return decision.ok ? 'ok' : decision.code;
  };

  it("lets the circle's facilitator or an admin post to a channel the app is in", () => {
    expect(codeOf({})).toBe('ok');
    expect(codeOf({ posterId: 'admin-1', posterRoles: ['manager', 'admin'] })).toBe('ok');
  });

  it('refuses other facilitators and managers before saying anything about the channel', () => {
    expect(codeOf({ posterId: 'fac-2' })).toBe('FORBIDDEN');
    expect(codeOf({ posterId: 'fac-2', conversation: undefined })).toBe('FORBIDDEN');
  });

  it('posts only in a stored channel, not in chats or unknown conversations', () => {
    expect(codeOf({ conversation: undefined })).toBe('NOT_FOUND');
    expect(codeOf({ conversation: { scope: 'groupChat' } })).toBe('NOT_FOUND');
    expect(codeOf({ conversation: { scope: 'personal' } })).toBe('NOT_FOUND');
  });

  it('refuses cancelled, completed and started circles, and a second post in the same channel', () => {
    expect(codeOf({ circle: circle({ status: 'cancelled' }) })).toBe('CIRCLE_CANCELLED');
    expect(codeOf({ circle: circle({ status: 'completed' }) })).toBe('CIRCLE_STARTED');
    expect(codeOf({ circle: circle({ startsAt: '2026-11-27T12:00:00.000Z' }) })).toBe('CIRCLE_STARTED');
    const posted = { circleId: 'c1', conversationId: '19:rota@thread.tacv2', activityId: 'a1' };
    expect(codeOf({ posts: [posted] })).toBe('ALREADY_POSTED');
    expect(codeOf({ posts: [{ ...posted, conversationId: '19:general@thread.tacv2' }] })).toBe('ok');
  });
});
