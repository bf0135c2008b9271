import { localUserId } from '../../bot/auth/local-issuer';
import { sampleCircle } from '../support/sample-circle';
import { messageActivity, USER_AAD_ID } from '../support/activities';
import { FakeConnector } from '../support/fake-connector';
import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0';
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

async function erase(service: TestService, token: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${service.url}/api/me/data`, { method: 'DELETE', headers: bearer(token) });
  return { status: response.status, text: await response.text() };
}

describe('privacy rights: GET and DELETE /api/me/data, and Teams deleteUserData', () => {
  let service: TestService;
  let connector: FakeConnector;
  let serviceUrl: string;
  let facilitator: string;

  beforeAll(async () => {
    connector = new FakeConnector();
    serviceUrl = await connector.start();
    service = await startTestService();
    facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
  });
  afterAll(async () => {
    await service.stop();
    await connector.stop();
  });

  /** A circle with four seats, created through the API, with the given people booked in order. */
  async function circleWith(tokens: string[]): Promise<string> {
    const created = await postJson(
      `${service.url}/api/circles`,
      { themeId: 'routines', title: 'Routines', startsAt: inDays(5), meetingUrl: MEETING, capacity: 4 },
      bearer(facilitator),
    );
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    for (const token of tokens) {
      expect((await postJson(`${service.url}/api/circles/${id}/bookings`, {}, bearer(token))).status).toBe(
        201,
      );
    }
    return id;
  }

  it('refuses both routes without a valid token', async () => {
    expect((await getJson(`${service.url}/api/me/data`)).status).toBe(401);
    expect((await erase(service, 'not-a-token')).status).toBe(401);
  });

  it("exports the caller's roles, bookings, waitlist places, attendance and facilitator profile, and nobody else's", async () => {
    const asha = await localToken(service, 'Asha Export', 'manager');
    const others = await Promise.all(
      ['One', 'Two', 'Three', 'Four'].map((n) => localToken(service, `Other ${n}`)),
    );
    const circleId = await circleWith([...others, asha]);
    const exported = await getJson(`${service.url}/api/me/data`, bearer(asha));
    expect(exported.status).toBe(200);
    expect(exported.body).toMatchObject({
      userId: localUserId('Asha Export'),
      roles: [],
      bookings: [{ circleId, status: 'waitlisted', displayName: 'Asha Export', attended: null }],
      facilitatorProfile: null,
    });
    expect(JSON.stringify(exported.body)).not.toContain('Other One');
    const mine = await getJson(`${service.url}/api/me/data`, bearer(facilitator));
    expect(mine.body).toMatchObject({
      roles: [{ role: 'facilitator' }],
      facilitatorProfile: { name: 'Fay Facilitator' },
      circlesFacilitated: expect.arrayContaining([expect.objectContaining({ circleId })]),
    });
  });

  it('erases the caller: 204, their place goes to the first person waiting, their name leaves the roster', async () => {
    const asha = await localToken(service, 'Asha Erase', 'manager');
    const ben = await localToken(service, 'Ben Waiting', 'manager');
    const others = await Promise.all(['A', 'B', 'C'].map((n) => localToken(service, `Seat ${n}`)));
    const circleId = await circleWith([asha, ...others, ben]);
    const before = await getJson(`${service.url}/api/circles/${circleId}/roster`, bearer(facilitator));
    expect(JSON.stringify(before.body)).toContain('Asha Erase');

    const erased = await erase(service, asha);
    expect(erased).toEqual({ status: 204, text: '' });

    const roster = await getJson(`${service.url}/api/circles/${circleId}/roster`, bearer(facilitator));
    expect(JSON.stringify(roster.body)).not.toContain('Asha Erase');
    const benNow = await getJson(`${service.url}/api/circles/${circleId}`, bearer(ben));
    expect(benNow.body).toMatchObject({ myBooking: { status: 'confirmed' } });
    const after = await getJson(`${service.url}/api/me/data`, bearer(asha));
    expect(after.body).toMatchObject({ roles: [], bookings: [], conversations: [], rosterReads: [] });
    expect((await erase(service, asha)).status).toBe(204);
  });

  it('pseudonymises, rather than deletes, a place on a circle that already ran, keeping its attendance', async () => {
    const dana = await localToken(service, 'Dana Past', 'manager');
    const danaId = localUserId('Dana Past');
    const ran = sampleCircle({
      id: '00000000-0000-4000-8000-00000000a001',
      startsAt: '2026-01-05T13:00:00.000Z',
    });
    await service.stores.circles.create(ran, new Date('2025-12-01T09:00:00Z'));
    const signed = await service.stores.circles.signUp(
      ran.id,
      { userId: danaId, organisationId: undefined, displayName: 'Dana Past' },
      new Date('2025-12-02T09:00:00Z'),
    );
    expect(signed.ok).toBe(true);
    await service.stores.circles.markAttendance(ran.id, danaId, true);

    expect((await erase(service, dana)).status).toBe(204);
    const bookings = await service.stores.circles.bookings(ran.id);
    expect(bookings).toHaveLength(1);
    expect(bookings[0]?.userId).toMatch(/^anon:/);
    expect(bookings[0]?.displayName).toBeUndefined();
    expect([...(await service.stores.circles.attendance(ran.id)).values()]).toEqual([true]);
    expect(JSON.stringify(await service.stores.circles.bookings(ran.id))).not.toContain(danaId);
  });

  it("erases the sender of Teams' deleteUserData activity: bookings, personal chat and roles", async () => {
    const circleId = await circleWith([]);
    await service.stores.circles.signUp(
      circleId,
      { userId: USER_AAD_ID, organisationId: undefined, displayName: 'Test Manager' },
      new Date(),
    );
    const before = connector.calls.length;
    expect(
      (await postJson(`${service.url}/api/messages`, messageActivity({ serviceUrl, text: 'help' }))).status,
    ).toBe(200);
    await connector.waitForCalls(before + 1);
    expect(await service.stores.conversations.findPersonal(USER_AAD_ID)).toBeDefined();

    const deletion = { ...messageActivity({ serviceUrl }), type: 'deleteUserData' };
    delete (deletion as { text?: string }).text;
    expect((await postJson(`${service.url}/api/messages`, deletion)).status).toBe(200);

    expect(await service.stores.personalData.exportFor(USER_AAD_ID)).toMatchObject({
      bookings: [],
      conversations: [],
      roles: [],
    });
    expect(await service.stores.conversations.findPersonal(USER_AAD_ID)).toBeUndefined();
    expect((await service.stores.circles.bookings(circleId)).map((b) => b.userId)).toEqual([]);
  });
});
