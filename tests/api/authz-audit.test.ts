import { localUserId } from '../../bot/auth/local-issuer';
import { isPseudonym } from '../../core/privacy';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_authz%40thread.v2/0';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function send(method: string, url: string, token: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: { ...bearer(token), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

interface AuditRow {
  id: number;
  actorId: string;
  action: string;
  circleId: string | null;
  subjectId: string | null;
  at: string;
}

describe('authorisation, circle life and audit (issue 11: defects 1, 3, 10, 11 and the audit log)', () => {
  let service: TestService;
  let admin: string;
  const people = new Map<string, string>();

  beforeAll(async () => {
    service = await startTestService();
    admin = await localToken(service, 'Ada Authz Admin', 'admin');
  });
  afterAll(async () => {
    await service.stop();
  });

  /** A token for a named local person (made once). */
  async function person(name: string, role = 'manager'): Promise<string> {
    const known = people.get(`${name}/${role}`);
    if (known) return known;
    const token = await localToken(service, name, role);
    people.set(`${name}/${role}`, token);
    return token;
  }

  async function circle(facilitator: string, overrides: Record<string, unknown> = {}): Promise<string> {
    const created = await postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'routines',
        title: 'Routines',
        startsAt: inDays(6),
        meetingUrl: MEETING,
        capacity: 4,
        ...overrides,
      },
      bearer(facilitator),
    );
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function book(id: string, token: string) {
    return send('POST', `${service.url}/api/circles/${id}/bookings`, token, {});
  }

  /** Moves a circle's start into the past (as if it had run), straight in the store. */
  async function startedAgo(id: string, ms: number, status?: 'cancelled'): Promise<void> {
    const stored = await service.stores.circles.get(id);
    if (!stored) throw new Error('circle missing');
    await service.stores.circles.update(
      { ...stored, startsAt: new Date(Date.now() - ms).toISOString(), status: status ?? stored.status },
      new Date(),
    );
  }

  async function auditRows(query = ''): Promise<AuditRow[]> {
    const answer = await getJson(`${service.url}/api/admin/audit${query}`, bearer(admin));
    expect(answer.status).toBe(200);
    return answer.body.events as AuditRow[];
  }

  describe('defect 1: a revoked facilitator', () => {
    it('is refused the roster, edits, cancelling, attendance and posting on their own circle from the next request', async () => {
      const fay = await person('Fay Revoked', 'facilitator');
      const fayId = localUserId('Fay Revoked');
      const id = await circle(fay);
      const asha = await person('Asha Revoked Booker');
      expect((await book(id, asha)).status).toBe(201);
      expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(fay))).status).toBe(200);

      const revoked = await send(
        'DELETE',
        `${service.url}/api/admin/facilitators/${fayId}?confirm=${fayId}`,
        admin,
      );
      expect(revoked.status).toBe(200);

      // The same, still valid token: ownership holds, the role does not.
      const roster = await getJson(`${service.url}/api/circles/${id}/roster`, bearer(fay));
      expect(roster.status).toBe(403);
      expect(roster.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect(
        (await send('PATCH', `${service.url}/api/circles/${id}`, fay, { title: 'Still mine' })).status,
      ).toBe(403);
      expect((await send('DELETE', `${service.url}/api/circles/${id}`, fay)).status).toBe(403);
      expect(
        (
          await send('PUT', `${service.url}/api/circles/${id}/attendance`, fay, {
            userId: localUserId('Asha Revoked Booker'),
            attended: true,
          })
        ).status,
      ).toBe(403);
      const post = await send('POST', `${service.url}/api/circles/${id}/posts`, fay, {
        conversationId: '19:general@thread.tacv2',
      });
      expect(post.status).toBe(403);
      expect(post.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      // An admin still manages the circle.
      expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(admin))).status).toBe(200);
    });

    it('grants only to Microsoft Entra object ids: "not-a-guid" is 400 INVALID_USER_ID and nothing is granted', async () => {
      const refused = await postJson(
        `${service.url}/api/admin/facilitators`,
        { userId: 'not-a-guid', name: 'Nobody', organisationName: 'Trust', region: 'London' },
        bearer(admin),
      );
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ error: { code: 'INVALID_USER_ID' } });
      expect(await service.stores.roles.rolesOf('not-a-guid')).toEqual([]);
      const revoke = await send(
        'DELETE',
        `${service.url}/api/admin/facilitators/not-a-guid?confirm=not-a-guid`,
        admin,
      );
      expect(revoke.status).toBe(400);
      expect(revoke.body).toMatchObject({ error: { code: 'INVALID_USER_ID' } });
      // A grant stored before ids were checked can still be revoked, so it can be cleaned up.
      await service.stores.roles.grant('legacy-not-a-guid', 'facilitator', new Date());
      const cleanup = await send(
        'DELETE',
        `${service.url}/api/admin/facilitators/legacy-not-a-guid?confirm=legacy-not-a-guid`,
        admin,
      );
      expect(cleanup.status).toBe(200);
      expect(await service.stores.roles.rolesOf('legacy-not-a-guid')).toEqual([]);
    });

    it('revokes only with the confirmation: without it (or naming someone else) 400 CONFIRMATION_REQUIRED and the role stays', async () => {
      const oid = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';
      const granted = await postJson(
        `${service.url}/api/admin/facilitators`,
        { userId: oid, name: 'Gus Granted', organisationName: 'Trust', region: 'London' },
        bearer(admin),
      );
      expect(granted.status).toBe(201);
      for (const query of ['', '?confirm=', '?confirm=3f2504e0-4f89-41d3-9a0c-0305e82c3302']) {
        const answer = await send('DELETE', `${service.url}/api/admin/facilitators/${oid}${query}`, admin);
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({
          error: { code: query === '?confirm=' ? 'VALIDATION_FAILED' : 'CONFIRMATION_REQUIRED' },
        });
      }
      expect(await service.stores.roles.rolesOf(oid)).toEqual(['facilitator']);
      expect(
        (await send('DELETE', `${service.url}/api/admin/facilitators/${oid}?confirm=${oid}`, admin)).status,
      ).toBe(200);
      expect(await service.stores.roles.rolesOf(oid)).toEqual([]);
    });
  });

  describe('defect 3: raising capacity', () => {
    it('promotes the waiting list in order, tells the promoted through the outbox, and a new sign-up queues behind', async () => {
      const fay = await person('Fay Capacity', 'facilitator');
      const id = await circle(fay);
      for (const name of ['One', 'Two', 'Three', 'Four']) {
        expect((await book(id, await person(`Cap ${name}`))).status).toBe(201);
      }
      const ben = await person('Ben First Waiting');
      const cy = await person('Cy Second Waiting');
      expect((await book(id, ben)).body).toEqual({ status: 'waitlisted', position: 1 });
      expect((await book(id, cy)).body).toEqual({ status: 'waitlisted', position: 2 });
      // Ben has a 1:1 chat with the bot, so his promotion is queued as a message.
      await service.stores.conversations.save({
        conversationId: 'a:ben-first-waiting',
        scope: 'personal',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:1/',
        tenantId: 'tenant',
        botId: '28:bot',
        userId: '29:ben',
        userAadObjectId: localUserId('Ben First Waiting'),
        teamId: undefined,
        updatedAt: new Date().toISOString(),
      });

      const raised = await send('PATCH', `${service.url}/api/circles/${id}`, fay, { capacity: 5 });
      expect(raised.status).toBe(200);
      expect(raised.body).toMatchObject({ capacity: 5, seatsLeft: 0, waitlistLength: 1 });
      expect((await getJson(`${service.url}/api/circles/${id}`, bearer(ben))).body.myBooking).toEqual({
        status: 'confirmed',
      });
      expect((await getJson(`${service.url}/api/circles/${id}`, bearer(cy))).body.myBooking).toEqual({
        status: 'waitlisted',
        position: 1,
      });
      const dan = await person('Dan Newcomer');
      expect((await book(id, dan)).body).toEqual({ status: 'waitlisted', position: 2 });
      const notices = await service.stores.outbox.list({ kind: 'booking-notice' }, 50);
      expect(notices.map((row) => row.payload)).toContainEqual({
        circleId: id,
        userId: localUserId('Ben First Waiting'),
        reason: 'promoted',
      });
    });
  });

  describe('defect 10: a circle that has started', () => {
    it('cannot be cancelled (409 CIRCLE_STARTED), and its participants cannot give up their place, so attendance stays', async () => {
      const fay = await person('Fay Started', 'facilitator');
      const id = await circle(fay);
      const asha = await person('Asha Attended');
      expect((await book(id, asha)).status).toBe(201);
      await startedAgo(id, 10 * 60_000);
      const marked = await send('PUT', `${service.url}/api/circles/${id}/attendance`, fay, {
        userId: localUserId('Asha Attended'),
        attended: true,
      });
      expect(marked.status).toBe(200);

      const cancel = await send('DELETE', `${service.url}/api/circles/${id}`, fay);
      expect(cancel.status).toBe(409);
      expect(cancel.body).toMatchObject({ error: { code: 'CIRCLE_STARTED' } });
      expect((await service.stores.circles.get(id))?.status).toBe('scheduled');
      const unbook = await send('DELETE', `${service.url}/api/circles/${id}/bookings/me`, asha);
      expect(unbook.status).toBe(409);
      expect(unbook.body).toMatchObject({ error: { code: 'CIRCLE_STARTED' } });

      // Even a circle cancelled after it ran (an old row) keeps its places.
      await startedAgo(id, 10 * 60_000, 'cancelled');
      expect((await send('DELETE', `${service.url}/api/circles/${id}/bookings/me`, asha)).status).toBe(409);
      expect((await service.stores.circles.attendance(id)).get(localUserId('Asha Attended'))).toBe(true);
    });
  });

  describe('defect 11: calendar links', () => {
    it('are bound to the booking: a link from a place given up stays dead after booking again', async () => {
      const fay = await person('Fay Calendar', 'facilitator');
      const id = await circle(fay);
      const asha = await person('Asha Calendar');
      await book(id, asha);
      const first = (await getJson(`${service.url}/api/circles/${id}`, bearer(asha))).body
        .calendarUrl as string;
      expect(first).toMatch(/calendar\.ics\?t=/);
      expect(first).not.toContain(localUserId('Asha Calendar'));
      expect((await fetch(first)).status).toBe(200);

      expect((await send('DELETE', `${service.url}/api/circles/${id}/bookings/me`, asha)).status).toBe(200);
      await book(id, asha);
      const second = (await getJson(`${service.url}/api/circles/${id}`, bearer(asha))).body
        .calendarUrl as string;
      expect(second).not.toBe(first);
      expect((await fetch(first)).status).toBe(404);
      expect((await fetch(second)).status).toBe(200);
    });

    it('expire a day after the circle ends', async () => {
      const fay = await person('Fay Expiry', 'facilitator');
      const id = await circle(fay, { durationMinutes: 60 });
      const asha = await person('Asha Expiry');
      await book(id, asha);
      const link = (await getJson(`${service.url}/api/circles/${id}`, bearer(asha))).body
        .calendarUrl as string;
      // Ended 23 hours ago: still works.
      await startedAgo(id, 24 * 3_600_000);
      expect((await fetch(link)).status).toBe(200);
      // Ended 25 hours ago: gone.
      await startedAgo(id, 26 * 3_600_000);
      expect((await fetch(link)).status).toBe(404);
    });
  });

  describe('the audit log', () => {
    it('records grants, revocations, edits, cancellations, attendance, roster reads and data rights, with ids only', async () => {
      const fay = await person('Fay Audited', 'facilitator');
      const fayId = localUserId('Fay Audited');
      const adaId = localUserId('Ada Authz Admin');
      const id = await circle(fay);
      const later = await circle(fay);
      const asha = await person('Asha Audited');
      const ashaId = localUserId('Asha Audited');
      await book(id, asha);
      expect(
        (await send('PATCH', `${service.url}/api/circles/${id}`, fay, { title: 'Renamed' })).status,
      ).toBe(200);
      expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(fay))).status).toBe(200);
      await startedAgo(id, 60_000);
      await send('PUT', `${service.url}/api/circles/${id}/attendance`, fay, {
        userId: ashaId,
        attended: true,
      });
      expect((await send('DELETE', `${service.url}/api/circles/${later}`, fay)).status).toBe(200);
      expect((await getJson(`${service.url}/api/me/data`, bearer(asha))).status).toBe(200);
      const grantee = '9b2e6a10-1c3d-4e5f-8a7b-6c5d4e3f2a10';
      await postJson(
        `${service.url}/api/admin/facilitators`,
        { userId: grantee, name: 'Gita Grantee', organisationName: 'Trust', region: 'London' },
        bearer(admin),
      );
      await send('DELETE', `${service.url}/api/admin/facilitators/${grantee}?confirm=${grantee}`, admin);

      const rows = await auditRows('?limit=200');
      const has = (action: string, actorId: string, circleId: string | null, subjectId: string | null) =>
        expect(rows).toContainEqual(expect.objectContaining({ action, actorId, circleId, subjectId }));
      has('circle.edit', fayId, id, null);
      has('roster.read', fayId, id, null);
      has('attendance.mark', fayId, id, ashaId);
      has('circle.cancel', fayId, later, null);
      has('personalData.export', ashaId, null, ashaId);
      has('role.grant', adaId, null, grantee);
      has('role.revoke', adaId, null, grantee);
      // Newest first, with times, and never a name or a title.
      expect(rows.map((row) => row.id)).toEqual([...rows.map((row) => row.id)].sort((a, b) => b - a));
      const text = JSON.stringify(rows);
      for (const name of ['Fay Audited', 'Asha Audited', 'Gita Grantee', 'Renamed'])
        expect(text).not.toContain(name);
    });

    it('is for admins only, validates its query, and pages with nextBefore', async () => {
      const manager = await person('Manny Manager');
      const refused = await getJson(`${service.url}/api/admin/audit`, bearer(manager));
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
      expect((await getJson(`${service.url}/api/admin/audit`)).status).toBe(401);
      for (const bad of [
        '?limit=0',
        '?limit=201',
        '?from=2027-02-30T00:00:00Z',
        '?before=-1',
        '?who=someone',
      ]) {
        const answer = await getJson(`${service.url}/api/admin/audit${bad}`, bearer(admin));
        expect({ bad, status: answer.status, code: (answer.body.error as { code?: string }).code }).toEqual({
          bad,
          status: 400,
          code: 'VALIDATION_FAILED',
        });
      }
      const fay = await person('Fay Paging', 'facilitator');
      const id = await circle(fay);
      for (let read = 0; read < 3; read += 1) {
        expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(fay))).status).toBe(200);
      }
      const first = await getJson(`${service.url}/api/admin/audit?limit=2`, bearer(admin));
      const firstEvents = first.body.events as AuditRow[];
      expect(firstEvents).toHaveLength(2);
      expect(first.body.nextBefore).toBe(firstEvents[1]?.id);
      const second = await getJson(
        `${service.url}/api/admin/audit?limit=2&before=${String(first.body.nextBefore)}`,
        bearer(admin),
      );
      const secondEvents = second.body.events as AuditRow[];
      expect(secondEvents[0]?.id).toBeLessThan(firstEvents[1]?.id ?? 0);
      const window = await auditRows(`?from=${encodeURIComponent(inDays(1))}`);
      expect(window).toEqual([]);
    });

    it("pseudonymises an erased person's audit rows and records the erasure under the pseudonym", async () => {
      const fay = await person('Fay Erased', 'facilitator');
      const fayId = localUserId('Fay Erased');
      const id = await circle(fay);
      expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(fay))).status).toBe(200);
      const exported = await getJson(`${service.url}/api/me/data`, bearer(fay));
      expect(exported.body.auditEvents).toContainEqual(
        expect.objectContaining({ action: 'roster.read', actorId: fayId, circleId: id }),
      );
      expect(
        (await fetch(`${service.url}/api/me/data`, { method: 'DELETE', headers: bearer(fay) })).status,
      ).toBe(204);
      const rows = await auditRows('?limit=200');
      expect(JSON.stringify(rows)).not.toContain(fayId);
      const read = rows.find((row) => row.action === 'roster.read' && row.circleId === id);
      const erased = rows.find((row) => row.action === 'personalData.erase');
      expect(read && isPseudonym(read.actorId)).toBe(true);
      expect(erased?.actorId).toBe(read?.actorId);
      expect(await service.stores.audit.involving(fayId)).toEqual([]);
    });
  });
});
