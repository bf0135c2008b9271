import { calendarLinkExpiry, CalendarLinks } from '../../bot/calendar';
import { decideCancellation, decideCapacityChange, type Booking } from '../../core/circles/bookings';
import { decideCircleCancellation } from '../../core/circles/circle';
import { decideInvitePost } from '../../core/circles/posting';
import { isGrantableUserId, mayChooseCoFacilitators, mayManageCircle } from '../../core/identity';
import { sampleCircle } from '../support/sample-circle';

const booking = (userId: string, sequence: number, status: Booking['status']): Booking => ({
  circleId: 'circle-1',
  userId,
  status,
  sequence,
  displayName: undefined,
});

describe('who may manage a circle (role and ownership, both, every time)', () => {
  const circle = sampleCircle({ facilitatorId: 'fac-1' });

  it('lets its facilitator while they hold the role, and any admin', () => {
    expect(mayManageCircle(circle, 'fac-1', ['manager', 'facilitator'])).toBe(true);
    expect(mayManageCircle(circle, 'someone', ['manager', 'admin'])).toBe(true);
  });

  it('refuses its creator once the facilitator role is revoked, and other facilitators', () => {
    expect(mayManageCircle(circle, 'fac-1', ['manager'])).toBe(false);
    expect(mayManageCircle(circle, 'fac-2', ['manager', 'facilitator'])).toBe(false);
  });

  it('lets a co-facilitator manage while they hold the facilitator role, but not choose co-facilitators', () => {
    const shared = { ...circle, coFacilitatorIds: ['fac-2'] };
    expect(mayManageCircle(shared, 'fac-2', ['manager', 'facilitator'])).toBe(true);
    expect(mayManageCircle(shared, 'fac-2', ['manager'])).toBe(false);
    expect(mayManageCircle(shared, 'fac-3', ['manager', 'facilitator'])).toBe(false);
    expect(mayChooseCoFacilitators(shared, 'fac-2', ['manager', 'facilitator'])).toBe(false);
    expect(mayChooseCoFacilitators(shared, 'fac-1', ['manager', 'facilitator'])).toBe(true);
    expect(mayChooseCoFacilitators(shared, 'fac-1', ['manager'])).toBe(false);
    expect(mayChooseCoFacilitators(shared, 'someone', ['manager', 'admin'])).toBe(true);
  });

  it('refuses a revoked facilitator posting their circle’s invite', () => {
    const decision = decideInvitePost({
      circle,
      posterId: 'fac-1',
      posterRoles: ['manager'],
      conversationId: '19:c',
      conversation: { scope: 'channel' },
      posts: [],
      now: new Date('2026-12-01T00:00:00Z'),
    });
    expect(decision).toMatchObject({ ok: false, code: 'FORBIDDEN' });
  });

  it('lets a co-facilitator holding the role post the invite, and refuses them once it is revoked', () => {
    const request = {
      circle: { ...circle, coFacilitatorIds: ['fac-2'] },
      posterId: 'fac-2',
      conversationId: '19:c',
      conversation: { scope: 'channel' as const },
      posts: [],
      now: new Date('2026-12-01T00:00:00Z'),
    };
    expect(decideInvitePost({ ...request, posterRoles: ['manager', 'facilitator'] })).toMatchObject({
      ok: true,
    });
    expect(decideInvitePost({ ...request, posterRoles: ['manager'] })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
    });
  });
});

describe('ids a role grant may name', () => {
  it('accepts Entra object ids (GUIDs) and refuses anything else', () => {
    expect(isGrantableUserId('8f1c2b3a-0d4e-4f5a-9b6c-7d8e9f0a1b2c', false)).toBe(true);
    expect(isGrantableUserId('8F1C2B3A-0D4E-4F5A-9B6C-7D8E9F0A1B2C', false)).toBe(true);
    for (const bad of [
      'not-a-guid',
      '',
      '8f1c2b3a0d4e4f5a9b6c7d8e9f0a1b2c',
      '{8f1c2b3a-0d4e-4f5a-9b6c-7d8e9f0a1b2c}',
    ]) {
      expect(isGrantableUserId(bad, true)).toBe(false);
    }
  });

  it('accepts local users’ ids only where local identities are in use', () => {
    const local = 'local-8f1c2b3a-0d4e-4f5a-9b6c-7d8e9f0a1b2c';
    expect(isGrantableUserId(local, true)).toBe(true);
    expect(isGrantableUserId(local, false)).toBe(false);
  });
});

describe('capacity changes', () => {
  const bookings = [
    booking('a', 1, 'confirmed'),
    booking('b', 2, 'confirmed'),
    booking('d', 4, 'waitlisted'),
    booking('c', 3, 'waitlisted'),
    booking('e', 5, 'waitlisted'),
  ];

  it('promotes the waiting list in arrival order into every freed seat', () => {
    expect(decideCapacityChange(bookings, 4)).toEqual({
      ok: true,
      value: { promoted: [booking('c', 3, 'waitlisted'), booking('d', 4, 'waitlisted')] },
    });
    expect(decideCapacityChange(bookings, 10)).toMatchObject({ ok: true, value: { promoted: [{}, {}, {}] } });
  });

  it('promotes nobody when no seat is freed, and refuses going below the people confirmed', () => {
    expect(decideCapacityChange(bookings, 2)).toEqual({ ok: true, value: { promoted: [] } });
    expect(decideCapacityChange(bookings, 1)).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
  });
});

describe('a circle that has started', () => {
  const now = new Date('2026-12-03T13:30:00Z');
  const started = sampleCircle({ startsAt: '2026-12-03T13:00:00.000Z' });

  it('cannot be cancelled; a future one can, and cancelling twice is harmless', () => {
    expect(decideCircleCancellation(started, now)).toMatchObject({ ok: false, code: 'CIRCLE_STARTED' });
    expect(
      decideCircleCancellation(
        sampleCircle({ status: 'completed', startsAt: '2026-12-09T13:00:00.000Z' }),
        now,
      ),
    ).toMatchObject({ ok: false, code: 'CIRCLE_STARTED' });
    expect(decideCircleCancellation(sampleCircle({ startsAt: '2026-12-09T13:00:00.000Z' }), now)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(
      decideCircleCancellation(
        sampleCircle({ status: 'cancelled', startsAt: '2026-12-09T13:00:00.000Z' }),
        now,
      ),
    ).toEqual({ ok: true, value: undefined });
  });

  it('keeps every place, even when the circle was cancelled after it ran', () => {
    const places = [booking('a', 1, 'confirmed')];
    expect(decideCancellation(started, places, 'a', now)).toMatchObject({
      ok: false,
      code: 'CIRCLE_STARTED',
    });
    expect(decideCancellation({ ...started, status: 'cancelled' }, places, 'a', now)).toMatchObject({
      ok: false,
      code: 'CIRCLE_STARTED',
    });
  });
});

describe('calendar links', () => {
  it('expire a day after the circle ends', () => {
    const circle = sampleCircle({ startsAt: '2026-12-03T13:00:00.000Z', durationMinutes: 90 });
    expect(new Date(calendarLinkExpiry(circle)).toISOString()).toBe('2026-12-04T14:30:00.000Z');
  });

  it('name a booking, not a person, and refuse a changed booking id', () => {
    const links = CalendarLinks.withSecret(Buffer.alloc(32, 3));
    const grant = { circleId: 'c1', bookingId: 'b1', expiresAt: Date.parse('2026-12-10T00:00:00Z') };
    const token = links.token(grant);
    expect(links.verify(token, new Date('2026-12-01T00:00:00Z'))).toEqual(grant);
    expect(links.verify(token, new Date('2026-12-10T00:00:00Z'))).toBeUndefined();
    const [payload, signature] = token.split('.');
    const forged = Buffer.from(JSON.stringify(['c1', 'b2', grant.expiresAt])).toString('base64url');
    expect(payload).not.toBe(forged);
    expect(links.verify(`${forged}.${signature ?? ''}`, new Date('2026-12-01T00:00:00Z'))).toBeUndefined();
  });
});
