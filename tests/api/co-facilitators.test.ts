import { localUserId } from '../../bot/auth/local-issuer';
import { sampleCircle } from '../support/sample-circle';
import { createCircle, localToken, startTestService, type TestService } from '../support/service';

const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function send(service: TestService, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`${service.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> };
}

describe('co-facilitators on a circle', () => {
  let service: TestService;
  let fay: string;
  let cora: string;
  let otto: string;
  let admin: string;
  let asha: string;
  const fayId = localUserId('Fay Facilitator');
  const coraId = localUserId('Cora Cofacilitator');
  const ottoId = localUserId('Otto Otherfacilitator');
  const ashaId = localUserId('Asha Manager');

  beforeAll(async () => {
    service = await startTestService();
    fay = await localToken(service, 'Fay Facilitator', 'facilitator');
    cora = await localToken(service, 'Cora Cofacilitator', 'facilitator');
    otto = await localToken(service, 'Otto Otherfacilitator', 'facilitator');
    admin = await localToken(service, 'Ada Admin', 'admin');
    asha = await localToken(service, 'Asha Manager', 'manager');
  });
  afterAll(async () => {
    await service.stop();
  });

  /** A circle run by Fay that started ten minutes ago, with Asha holding a confirmed place. */
  async function startedCircle(id: string): Promise<string> {
    const circle = sampleCircle({
      id,
      facilitatorId: fayId,
      startsAt: new Date(Date.now() - 600_000).toISOString(),
    });
    await service.stores.circles.create(circle, new Date(Date.now() - 86_400_000));
    await service.stores.circles.signUp(
      id,
      { userId: ashaId, organisationId: undefined, displayName: 'Asha Manager' },
      new Date(Date.now() - 86_400_000),
    );
    return id;
  }

  const choose = (circleId: string, token: string, userIds: string[]) =>
    send(service, 'PUT', `/api/circles/${circleId}/co-facilitators`, token, { userIds });

  it('lets a co-facilitator read the roster and mark attendance, and audits the change as a circle edit', async () => {
    const id = await startedCircle('00000000-0000-4000-8000-0000000c0f01');
    const chosen = await choose(id, fay, [coraId]);
    expect(chosen.status).toBe(200);
    expect(chosen.body).toEqual({
      circleId: id,
      coFacilitators: [{ userId: coraId, name: expect.any(String) as unknown }],
    });
    expect(await service.stores.circles.coFacilitators(id)).toEqual([coraId]);
    const audit = await service.stores.audit.list({ limit: 100 });
    expect(audit.map((event) => [event.action, event.actorId, event.circleId])).toContainEqual([
      'circle.edit',
      fayId,
      id,
    ]);

    const roster = await send(service, 'GET', `/api/circles/${id}/roster`, cora);
    expect(roster.status).toBe(200);
    expect(roster.body.participants).toEqual([
      expect.objectContaining({ userId: ashaId, status: 'confirmed', attended: null }),
    ]);
    const marked = await send(service, 'PUT', `/api/circles/${id}/attendance`, cora, {
      userId: ashaId,
      attended: true,
    });
    expect(marked.status).toBe(200);
    expect((await service.stores.circles.attendance(id)).get(ashaId)).toBe(true);

    // The circle tells the co-facilitator they may manage it (the tab shows the Facilitate actions).
    const view = await send(service, 'GET', `/api/circles/${id}`, cora);
    expect(view.body).toMatchObject({ isMine: false, canManage: true, coFacilitatorIds: [coraId] });
  });

  it('lists a co-facilitated circle among the co-facilitator’s own, and lets them edit and cancel it', async () => {
    const id = await createCircle(service, fay, {
      themeId: 'routines',
      title: 'A circle run by two',
      startsAt: inDays(5),
      meetingUrl: MEETING,
    });
    expect((await choose(id, fay, [coraId])).status).toBe(200);
    const mine = await send(service, 'GET', '/api/circles?mine=true', cora);
    expect((mine.body.circles as { id: string }[]).map((circle) => circle.id)).toContain(id);
    const edited = await send(service, 'PATCH', `/api/circles/${id}`, cora, { title: 'Renamed by Cora' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Renamed by Cora', canManage: true });
    const cancelled = await send(service, 'DELETE', `/api/circles/${id}`, cora);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled' });
  });

  it('refuses a facilitator who is not a co-facilitator (403), and shows participants no co-facilitators', async () => {
    const id = await startedCircle('00000000-0000-4000-8000-0000000c0f02');
    expect((await choose(id, fay, [coraId])).status).toBe(200);
    for (const [method, path, body] of [
      ['GET', `/api/circles/${id}/roster`, undefined],
      ['PUT', `/api/circles/${id}/attendance`, { userId: ashaId, attended: true }],
      ['PATCH', `/api/circles/${id}`, { title: 'Not mine' }],
    ] as const) {
      const refused = await send(service, method, path, otto, body);
      expect({ method, path, status: refused.status, body: refused.body }).toMatchObject({
        status: 403,
        body: { error: { code: 'FORBIDDEN' } },
      });
    }
    const participantView = await send(service, 'GET', `/api/circles/${id}`, asha);
    expect(participantView.body).toMatchObject({ canManage: false, coFacilitatorIds: null });
    expect(JSON.stringify(participantView.body)).not.toContain(coraId);
  });

  it('lets only the facilitator or an admin choose co-facilitators, not a co-facilitator or a participant', async () => {
    const id = await startedCircle('00000000-0000-4000-8000-0000000c0f03');
    expect((await choose(id, fay, [coraId])).status).toBe(200);
    for (const token of [cora, otto, asha]) {
      const refused = await choose(id, token, [ottoId]);
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    }
    const byAdmin = await choose(id, admin, [ottoId]);
    expect(byAdmin.status).toBe(200);
    expect(await service.stores.circles.coFacilitators(id)).toEqual([ottoId]);
    expect((await send(service, 'GET', `/api/circles/${id}/roster`, cora)).status).toBe(403);
  });

  it('refuses anyone who is not a registered facilitator, and bad lists, changing nothing', async () => {
    const id = await startedCircle('00000000-0000-4000-8000-0000000c0f04');
    expect((await choose(id, fay, [coraId])).status).toBe(200);
    const notFacilitator = await choose(id, fay, [coraId, ashaId]);
    expect(notFacilitator.status).toBe(400);
    expect(notFacilitator.body).toMatchObject({ error: { code: 'NOT_A_FACILITATOR' } });
    const notAnId = await choose(id, fay, ['not-an-object-id']);
    expect(notAnId).toMatchObject({ status: 400, body: { error: { code: 'INVALID_USER_ID' } } });
    const tooMany = await choose(id, fay, [coraId, ottoId, localUserId('x'), localUserId('y')]);
    expect(tooMany).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const twice = await choose(id, fay, [coraId, coraId]);
    expect(twice).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    const self = await choose(id, fay, [fayId]);
    expect(self).toMatchObject({ status: 400, body: { error: { code: 'VALIDATION_FAILED' } } });
    expect(await service.stores.circles.coFacilitators(id)).toEqual([coraId]);
    const missing = await choose('00000000-0000-4000-8000-0000000c0fff', fay, []);
    expect(missing).toMatchObject({ status: 404, body: { error: { code: 'NOT_FOUND' } } });
  });

  it('refuses a co-facilitator on their next request once their facilitator role is revoked', async () => {
    const id = await startedCircle('00000000-0000-4000-8000-0000000c0f05');
    const rita = await localToken(service, 'Rita Revoked', 'facilitator');
    const ritaId = localUserId('Rita Revoked');
    expect((await choose(id, fay, [ritaId])).status).toBe(200);
    expect((await send(service, 'GET', `/api/circles/${id}/roster`, rita)).status).toBe(200);

    const revoked = await send(
      service,
      'DELETE',
      `/api/admin/facilitators/${ritaId}?confirm=${ritaId}`,
      admin,
    );
    expect(revoked.status).toBe(200);

    // The same, still valid token: still listed as co-facilitator, but the role is gone.
    expect(await service.stores.circles.coFacilitators(id)).toEqual([ritaId]);
    const roster = await send(service, 'GET', `/api/circles/${id}/roster`, rita);
    expect(roster).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } });
    const marked = await send(service, 'PUT', `/api/circles/${id}/attendance`, rita, {
      userId: ashaId,
      attended: false,
    });
    expect(marked.status).toBe(403);
    const view = await send(service, 'GET', `/api/circles/${id}`, rita);
    expect(view.body).toMatchObject({ canManage: false, coFacilitatorIds: null });
  });
});
