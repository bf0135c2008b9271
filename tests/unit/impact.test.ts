import type { Booking } from '../../core/circles/bookings';
import type { Circle } from '../../core/circles/circle';
import type { FacilitatorProfile } from '../../core/circles/ports';
import type { StoredCircleFeedback } from '../../core/feedback/circle-feedback';
import {
  computeImpact,
  impactCsv,
  suppress,
  unansweredTopics,
  type ImpactRows,
} from '../../core/impact/impact';
import { sampleCircle } from '../support/sample-circle';

const NOW = new Date('2026-12-03T12:00:00.000Z');

const confirmed = (circleId: string, userId: string): Booking => ({
  circleId,
  userId,
  status: 'confirmed',
  sequence: 1,
  displayName: undefined,
});

const answer = (circleId: string, helpful: number, recommend: boolean): StoredCircleFeedback => ({
  circleId,
  helpful,
  recommend,
  change: 'free text never reported',
  givenOn: '2026-11-20',
});

const hosts = new Map<string, FacilitatorProfile>([
  ['fac-a', { userId: 'fac-a', name: 'A', organisationName: 'Trust A', odsCode: 'RAA', region: 'london' }],
  [
    'fac-b',
    { userId: 'fac-b', name: 'B', organisationName: 'Trust B', odsCode: undefined, region: 'South West' },
  ],
]);

/** Big: 2 routines circles by fac-a with 6 people each (3 return), 6 answers; small: 1 circle by fac-b, 2 people. */
function rows(): ImpactRows {
  const circles: Circle[] = [
    sampleCircle({
      id: 'c1',
      capacity: 10,
      startsAt: '2026-11-10T13:00:00.000Z',
      facilitatorId: 'fac-a',
      organisationId: 'RAA',
    }),
    sampleCircle({
      id: 'c2',
      capacity: 10,
      startsAt: '2026-11-17T13:00:00.000Z',
      facilitatorId: 'fac-a',
      organisationId: 'RAA',
    }),
    sampleCircle({
      id: 'c3',
      themeId: 'loss-and-grief',
      capacity: 8,
      startsAt: '2026-11-18T13:00:00.000Z',
      facilitatorId: 'fac-b',
      organisationId: 'Trust B',
    }),
    sampleCircle({ id: 'cancelled', status: 'cancelled', startsAt: '2026-11-11T13:00:00.000Z' }),
    sampleCircle({ id: 'upcoming', startsAt: '2026-12-20T13:00:00.000Z' }),
    sampleCircle({ id: 'before-range', startsAt: '2026-01-05T13:00:00.000Z' }),
  ];
  const people = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
  const bookings = new Map<string, Booking[]>([
    ['c1', people('p', 6).map((id) => confirmed('c1', id))],
    ['c2', [...people('p', 3), ...people('q', 3)].map((id) => confirmed('c2', id))],
    ['c3', [confirmed('c3', 'r0'), confirmed('c3', 'r1'), { ...confirmed('c3', 'w'), status: 'waitlisted' }]],
    ['upcoming', people('u', 9).map((id) => confirmed('upcoming', id))],
  ]);
  const attendance = new Map([
    ['c1', new Map(people('p', 5).map((id) => [id, true]))],
    [
      'c2',
      new Map([
        ['p0', true],
        ['q0', false],
      ]),
    ],
  ]);
  return {
    circles,
    bookings,
    attendance,
    hosts,
    feedback: [
      answer('c1', 5, true),
      answer('c1', 4, true),
      answer('c1', 4, false),
      answer('c2', 3, true),
      answer('c2', 5, true),
      answer('c2', 2, false),
      answer('c3', 1, false),
      answer('upcoming', 1, false),
    ],
    guides: [
      { guideId: 'pause-spaces', helpful: 12, notHelpful: 3 },
      { guideId: 'team-reset', helpful: 0, notHelpful: 7 },
    ],
    unanswered: [],
  };
}

describe('impact with small-number suppression', () => {
  it('shows 1 to 4 as "<5" and keeps 0 and 5 or more as numbers', () => {
    expect([0, 1, 4, 5, 12].map(suppress)).toEqual([0, '<5', '<5', 5, 12]);
  });

  it('counts circles run in the range (not cancelled, started, in range), seats, places, returns and feedback', () => {
    const report = computeImpact(rows(), '2026-11-01', '2026-11-30', NOW);
    expect(report.totals).toEqual({
      circlesRun: '<5',
      seatsOffered: 28,
      seatsFilled: 14,
      attended: 6,
      uniqueParticipants: 11,
      returningParticipants: '<5',
      feedbackResponses: 7,
      helpfulMean: 3.4,
      recommendRate: 0.57,
    });
  });

  it('leaves out the mean and rate of a group with fewer than 5 answers, and suppresses its small counts', () => {
    const report = computeImpact(rows(), '2026-11-01', '2026-11-30', NOW);
    const grief = report.byTheme.find((group) => group.themeId === 'loss-and-grief');
    expect(grief).toEqual({
      themeId: 'loss-and-grief',
      circlesRun: '<5',
      seatsOffered: 8,
      seatsFilled: '<5',
      attended: 0,
      uniqueParticipants: '<5',
      returningParticipants: 0,
      feedbackResponses: '<5',
    });
    const routines = report.byTheme.find((group) => group.themeId === 'routines');
    expect(routines).toMatchObject({ feedbackResponses: 6, helpfulMean: 3.8, recommendRate: 0.67 });
  });

  it('groups by the facilitator’s region (matched to the fixed list) and organisation', () => {
    const report = computeImpact(rows(), '2026-11-01', '2026-11-30', NOW);
    expect(report.byRegion.map((group) => [group.region, group.seatsFilled])).toEqual([
      ['London', 12],
      ['South West', '<5'],
    ]);
    expect(report.byOrganisation.map((group) => [group.organisationId, group.organisationName])).toEqual([
      ['RAA', 'Trust A'],
      ['Trust B', 'Trust B'],
    ]);
  });

  it('suppresses guide votes and never reports free text', () => {
    const report = computeImpact(rows(), '2026-11-01', '2026-11-30', NOW);
    expect(report.guides).toEqual([
      { guideId: 'pause-spaces', helpful: 12, notHelpful: '<5' },
      { guideId: 'team-reset', helpful: 0, notHelpful: 7 },
    ]);
    expect(JSON.stringify(report)).not.toContain('free text');
  });

  it('writes one CSV row per group with the same suppression, and neutralises spreadsheet formulas', () => {
    const data = rows();
    data.hosts = new Map([
      ...hosts,
      ['fac-b', { ...hosts.get('fac-b')!, organisationName: '=HYPERLINK("x")' }],
    ]);
    const csv = impactCsv(computeImpact(data, '2026-11-01', '2026-11-30', NOW));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'group,key,name,circlesRun,seatsOffered,seatsFilled,attended,uniqueParticipants,returningParticipants,feedbackResponses,helpfulMean,recommendRate,helpful,notHelpful',
    );
    expect(lines[1]).toBe('total,2026-11-01..2026-11-30,All circles,<5,28,14,6,11,<5,7,3.4,0.57,,');
    expect(lines).toContain('theme,loss-and-grief,loss-and-grief,<5,8,<5,0,<5,0,<5,,,,');
    expect(lines).toContain('organisation,Trust B,"\'=HYPERLINK(""x"")",<5,8,<5,0,<5,0,<5,,,,');
    expect(lines).toContain('guide,pause-spaces,pause-spaces,,,,,,,,,,12,<5');
    expect(lines).toHaveLength(1 + 1 + 2 + 2 + 2 + 2);
  });

  it('gives topics of unanswered questions only for words used in at least 5 questions in the range', () => {
    const asked = (text: string, askedOn = '2026-11-10') => ({ text, askedOn });
    const questions = [
      ...Array.from({ length: 5 }, () => asked('How do I handle rota gaps?')),
      asked('Rota question about Wexcombe ward'),
      asked('rota again', '2026-10-01'),
      ...Array.from({ length: 4 }, () => asked('Zebrafish payroll')),
    ];
    expect(unansweredTopics(questions, '2026-11-01', '2026-11-30')).toEqual([
      { topic: 'rota', count: 6 },
      { topic: 'gaps', count: 5 },
      { topic: 'handle', count: 5 },
    ]);
  });
});
