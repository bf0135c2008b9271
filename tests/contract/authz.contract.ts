import type { Stores } from '../../core/ports';
import { sampleCircle } from '../support/sample-circle';
import type { StoreFactory } from './stores.contract';

/**
 * The contract for what issue 11's authorisation and audit work added to the stores: capacity rises that promote
 * in the edit's own transaction, a booking id that is new on every re-booking, and the audit log. Both adapters'
 * test files run it beside the main store contract.
 */
export function runAuthzContract(name: string, factory: StoreFactory): void {
  const created = new Date('2026-11-20T09:00:00Z');
  const now = new Date('2026-11-27T12:00:00Z');
  const person = (userId: string) => ({ userId, organisationId: 'RX1', displayName: `Person ${userId}` });

  describe(`${name}: CircleStore capacity changes and booking ids`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });

    it('raising capacity confirms the waiting list in arrival order in the same write, and a newcomer queues behind', async () => {
      await stores.circles.create(sampleCircle({ capacity: 4 }), created);
      for (const id of ['a', 'b', 'c', 'd', 'e', 'f', 'g'])
        await stores.circles.signUp('circle-1', person(id), now);
      const raised = await stores.circles.updateAndPromote(
        sampleCircle({ capacity: 6, title: 'Bigger' }),
        now,
      );
      expect(raised).toMatchObject({ ok: true });
      if (!raised.ok) return;
      expect(raised.value.promoted.map((booking) => [booking.userId, booking.status])).toEqual([
        ['e', 'confirmed'],
        ['f', 'confirmed'],
      ]);
      expect(await stores.circles.get('circle-1')).toMatchObject({ capacity: 6, title: 'Bigger' });
      const bookings = await stores.circles.bookings('circle-1');
      expect(bookings.filter((b) => b.status === 'confirmed').map((b) => b.userId)).toEqual([
        'a',
        'b',
        'c',
        'd',
        'e',
        'f',
      ]);
      const newcomer = await stores.circles.signUp('circle-1', person('h'), now);
      expect(newcomer).toMatchObject({ ok: true, value: { decision: { kind: 'waitlisted', position: 2 } } });
    });

    it('refuses a capacity below the people confirmed and changes nothing; an unchanged capacity promotes nobody', async () => {
      await stores.circles.create(sampleCircle({ capacity: 6 }), created);
      for (const id of ['a', 'b', 'c', 'd', 'e']) await stores.circles.signUp('circle-1', person(id), now);
      expect(
        await stores.circles.updateAndPromote(sampleCircle({ capacity: 4, title: 'Smaller' }), now),
      ).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
      expect(await stores.circles.get('circle-1')).toMatchObject({
        capacity: 6,
        title: sampleCircle().title,
      });
      expect(await stores.circles.updateAndPromote(sampleCircle({ capacity: 6 }), now)).toEqual({
        ok: true,
        value: { promoted: [] },
      });
      expect(await stores.circles.updateAndPromote(sampleCircle({ id: 'missing' }), now)).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    });

    it('gives every booking its own id, and a new one when a place is given up and taken again', async () => {
      await stores.circles.create(sampleCircle(), created);
      const first = await stores.circles.signUp('circle-1', person('a'), now);
      await stores.circles.signUp('circle-1', person('b'), now);
      if (!first.ok) throw new Error('sign-up refused');
      const firstId = first.value.booking.bookingId;
      expect(firstId).toEqual(expect.any(String));
      const stored = await stores.circles.bookings('circle-1');
      expect(stored.find((b) => b.userId === 'a')?.bookingId).toBe(firstId);
      expect(new Set(stored.map((b) => b.bookingId)).size).toBe(2);
      expect((await stores.circles.bookingsOf('a'))[0]?.bookingId).toBe(firstId);
      // A repeat sign-up reports the same booking.
      const repeat = await stores.circles.signUp('circle-1', person('a'), now);
      expect(repeat.ok && repeat.value.booking.bookingId).toBe(firstId);
      await stores.circles.cancel('circle-1', 'a', now);
      const again = await stores.circles.signUp('circle-1', person('a'), now);
      expect(again.ok && again.value.booking.bookingId).toEqual(expect.any(String));
      expect(again.ok && again.value.booking.bookingId).not.toBe(firstId);
    });
  });

  describe(`${name}: AuditStore`, () => {
    let stores: Stores;
    beforeEach(async () => {
      stores = await factory.open();
    });
    afterEach(async () => {
      await factory.dispose(stores);
    });
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute));

    async function seed(): Promise<void> {
      await stores.audit.record({
        actorId: 'admin-1',
        action: 'role.grant',
        circleId: undefined,
        subjectId: 'fac-1',
        at: at(0),
      });
      await stores.audit.record({
        actorId: 'fac-1',
        action: 'roster.read',
        circleId: 'circle-1',
        subjectId: undefined,
        at: at(1),
      });
      await stores.audit.record({
        actorId: 'fac-1',
        action: 'attendance.mark',
        circleId: 'circle-1',
        subjectId: 'p-1',
        at: at(2),
      });
      await stores.audit.record({
        actorId: 'p-1',
        action: 'personalData.export',
        circleId: undefined,
        subjectId: 'p-1',
        at: at(3),
      });
    }

    it('reads rows back newest first with their ids and times, within a window and a page', async () => {
      await seed();
      const all = await stores.audit.list({ limit: 10 });
      expect(all.map((row) => row.action)).toEqual([
        'personalData.export',
        'attendance.mark',
        'roster.read',
        'role.grant',
      ]);
      expect(all[1]).toEqual({
        id: expect.any(Number) as unknown,
        actorId: 'fac-1',
        action: 'attendance.mark',
        circleId: 'circle-1',
        subjectId: 'p-1',
        at: '2026-12-01T10:02:00.000Z',
      });
      expect(all[2]).toMatchObject({ circleId: 'circle-1', subjectId: null });
      const window = await stores.audit.list({
        from: at(1).toISOString(),
        to: at(3).toISOString(),
        limit: 10,
      });
      expect(window.map((row) => row.action)).toEqual(['attendance.mark', 'roster.read']);
      const page = await stores.audit.list({ limit: 2 });
      const next = await stores.audit.list({ limit: 2, before: page[1]?.id });
      expect([...page, ...next].map((row) => row.action)).toEqual(all.map((row) => row.action));
    });

    it('finds the rows involving one person, and pseudonymises them as actor and subject, leaving others alone', async () => {
      await seed();
      expect((await stores.audit.involving('fac-1')).map((row) => row.action)).toEqual([
        'role.grant',
        'roster.read',
        'attendance.mark',
      ]);
      expect(await stores.audit.pseudonymise('fac-1', 'anon:x')).toBe(3);
      expect(await stores.audit.involving('fac-1')).toEqual([]);
      expect((await stores.audit.involving('anon:x')).map((row) => [row.actorId, row.subjectId])).toEqual([
        ['admin-1', 'anon:x'],
        ['anon:x', null],
        ['anon:x', 'p-1'],
      ]);
      expect((await stores.audit.involving('p-1')).length).toBe(2);
      expect(await stores.audit.pseudonymise('nobody', 'anon:y')).toBe(0);
    });
  });
}
