import type { Circle } from '../../core/circles/circle';

/** A scheduled, open circle for tests; override what a test cares about. */
export function sampleCircle(overrides: Partial<Circle> = {}): Circle {
  return {
    id: 'circle-1',
    themeId: 'routines',
    extraTopic: undefined,
    title: 'Routines that hold a team together',
    description: 'An hour with other managers.',
    startsAt: '2026-12-03T13:00:00.000Z',
    durationMinutes: 60,
    capacity: 4,
    audience: { kind: 'open' },
    facilitatorId: 'fac-1',
    organisationId: 'RX1',
    meetingUrl: 'https://teams.microsoft.com/l/meetup-join/abc',
    status: 'scheduled',
    ...overrides,
  };
}
