import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../bot/config';
import { startService } from '../../bot/service';
import {
  applyRetention,
  DEFAULT_RETENTION,
  dayOf,
  isPseudonym,
  pseudonymiser,
  retentionCutoffs,
} from '../../core/privacy';
import type { Stores } from '../../core/ports';
import { openSqliteStores } from '../../storage/sqlite/sqlite-stores';
import { sampleCircle } from '../support/sample-circle';
import { waitUntil } from '../support/wait';

describe('retention cut-offs (pure, time passed in)', () => {
  it('keeps unanswered questions for 90 days and past circles for 12 months by default', () => {
    expect(retentionCutoffs(new Date('2027-04-01T10:00:00Z'), DEFAULT_RETENTION)).toEqual({
      deleteQuestionsAskedBefore: '2027-01-01',
      pseudonymiseCirclesEndedBefore: new Date('2026-04-01T10:00:00Z'),
    });
  });

  it('follows a configured policy', () => {
    const cutoffs = retentionCutoffs(new Date('2027-04-01T10:00:00Z'), {
      unansweredQuestionDays: 30,
      pastCircleMonths: 6,
    });
    expect(cutoffs.deleteQuestionsAskedBefore).toBe('2027-03-02');
    expect(cutoffs.pseudonymiseCirclesEndedBefore.toISOString()).toBe('2026-10-01T10:00:00.000Z');
  });

  it('gives each person one random pseudonym per pass, never derived from their id', () => {
    let n = 0;
    const first = pseudonymiser(() => `r${(n += 1)}`);
    expect(first('asha')).toBe('anon:r1');
    expect(first('asha')).toBe('anon:r1');
    expect(first('ben')).toBe('anon:r2');
    expect(first('anon:r1')).toBe('anon:r1');
    expect(isPseudonym(first('asha'))).toBe(true);
    expect(pseudonymiser(() => 'other')('asha')).not.toBe(first('asha'));
  });
});

describe('a retention pass on a real store, moving time by passing now', () => {
  let dir: string;
  let stores: Stores;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-retention-'));
    stores = openSqliteStores(dir);
  });
  afterEach(async () => {
    await stores.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('deletes questions after 90 days and pseudonymises bookings 12 months after their circle ended', async () => {
    const asked = new Date('2026-12-03T15:00:00Z');
    await stores.unanswered.record('where is the rota', dayOf(asked));
    await stores.circles.create(sampleCircle(), new Date('2026-11-01T09:00:00Z'));
    await stores.circles.signUp(
      'circle-1',
      { userId: 'asha', organisationId: 'RX1', displayName: 'Asha Patel', teamsUserId: '29:asha' },
      new Date('2026-11-02T09:00:00Z'),
    );
    await stores.circles.markAttendance('circle-1', 'asha', true);
    const ids = ['p1', 'p2', 'p3'];
    const pass = (at: string) =>
      applyRetention(stores, DEFAULT_RETENTION, new Date(at), () => ids.shift() ?? 'x');

    expect(await pass('2027-03-03T12:00:00Z')).toEqual({ questionsDeleted: 0, bookingsPseudonymised: 0 });
    expect(await stores.unanswered.list(10)).toHaveLength(1);
    expect(await pass('2027-03-04T00:00:01Z')).toEqual({ questionsDeleted: 1, bookingsPseudonymised: 0 });
    expect(await stores.unanswered.list(10)).toEqual([]);

    // circle-1 ran 13:00-14:00 on 3 Dec 2026.
    expect((await pass('2027-12-03T13:59:00Z')).bookingsPseudonymised).toBe(0);
    expect((await stores.circles.bookings('circle-1'))[0]?.userId).toBe('asha');
    expect((await pass('2027-12-03T14:01:00Z')).bookingsPseudonymised).toBe(1);
    const [booking] = await stores.circles.bookings('circle-1');
    expect(booking).toMatchObject({ userId: 'anon:p1', displayName: undefined, teamsUserId: undefined });
    expect((await stores.circles.attendance('circle-1')).get('anon:p1')).toBe(true);
    expect((await stores.personalData.exportFor('asha')).bookings).toEqual([]);
    expect(await pass('2028-01-01T00:00:00Z')).toEqual({ questionsDeleted: 0, bookingsPseudonymised: 0 });
  });
});

describe('the retention schedule inside the service', () => {
  it('runs a pass when the service starts, with the configured periods, and stops with the service', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-retention-service-'));
    const stores = openSqliteStores(dir);
    const now = new Date('2027-06-01T12:00:00Z');
    await stores.unanswered.record('asked 31 days ago', '2027-05-01');
    await stores.unanswered.record('asked 29 days ago', '2027-05-03');
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      RETENTION_UNANSWERED_DAYS: '30',
    });
    expect(config.retention).toEqual({
      unansweredQuestionDays: 30,
      pastCircleMonths: 12,
      intervalMs: 3_600_000,
    });
    const service = await startService(config, { stores, now: () => now });
    try {
      await waitUntil(
        'the start-up retention pass',
        async () => (await stores.unanswered.list(10)).length === 1,
      );
      expect((await stores.unanswered.list(10)).map((question) => question.text)).toEqual([
        'asked 29 days ago',
      ]);
    } finally {
      await service.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // Once stopped, a pass does nothing (the store is closed, and no error is reported).
    await service.retention.runNow();
  });
});
