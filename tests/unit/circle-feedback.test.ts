import { mayGiveFeedback } from '../../core/feedback/circle-feedback';
import type { Booking } from '../../core/circles/bookings';
import { giverHash, openAnswerRef, sealAnswerRef } from '../../storage/feedback-sealing';
import { sampleCircle } from '../support/sample-circle';

const booking = (userId: string, status: Booking['status']): Booking => ({
  circleId: 'circle-1',
  userId,
  status,
  sequence: 1,
  displayName: undefined,
});
const STARTED = new Date('2026-12-03T13:30:00.000Z');
const BEFORE = new Date('2026-12-03T12:59:00.000Z');

describe('who may give feedback on a circle', () => {
  const bookings = [booking('asha', 'confirmed'), booking('ben', 'waitlisted')];

  it('lets a confirmed participant answer once the circle has started, or once it is completed', () => {
    expect(mayGiveFeedback(sampleCircle(), bookings, 'asha', STARTED)).toEqual({
      ok: true,
      value: undefined,
    });
    expect(mayGiveFeedback(sampleCircle({ status: 'completed' }), bookings, 'asha', BEFORE).ok).toBe(true);
  });

  it('refuses before the start, the waitlisted, strangers and cancelled circles, each with its own code', () => {
    expect(mayGiveFeedback(sampleCircle(), bookings, 'asha', BEFORE)).toMatchObject({
      code: 'CIRCLE_NOT_STARTED',
    });
    expect(mayGiveFeedback(sampleCircle(), bookings, 'ben', STARTED)).toMatchObject({ code: 'NOT_BOOKED' });
    expect(mayGiveFeedback(sampleCircle(), bookings, 'cara', STARTED)).toMatchObject({ code: 'NOT_BOOKED' });
    expect(mayGiveFeedback(sampleCircle({ status: 'cancelled' }), bookings, 'asha', STARTED)).toMatchObject({
      code: 'CIRCLE_CANCELLED',
    });
  });
});

describe('sealing the link from a giver to their answer', () => {
  it('opens a sealed answer id only with the same person key', () => {
    const sealed = sealAnswerRef('key-a', 'answer-123');
    expect(openAnswerRef('key-a', sealed)).toBe('answer-123');
    expect(openAnswerRef('key-b', sealed)).toBeUndefined();
    expect(openAnswerRef('key-a', 'short')).toBeUndefined();
  });

  it('stores neither the key nor the answer id in the clear, and seals differently each time', () => {
    const hash = giverHash('key-a');
    const sealed = sealAnswerRef('key-a', 'answer-123');
    expect(hash).not.toContain('key-a');
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toContain('answer-123');
    expect(sealAnswerRef('key-a', 'answer-123')).not.toBe(sealed);
    expect(giverHash('key-a')).toBe(hash);
  });
});
