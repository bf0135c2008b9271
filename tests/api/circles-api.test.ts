import { getJson, localToken, postJson, startTestService, type TestService } from '../support/service';

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const MEETING = 'https://teams.microsoft.com/l/meetup-join/19%3ameeting_test%40thread.v2/0';
const DURHAM_OID = 'd0000000-0000-4000-8000-00000000d001';
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

describe('Leadership Support Circles API', () => {
  let service: TestService;
  let facilitator: string;
  let otherFacilitator: string;
  let admin: string;
  let asha: string;
  let ben: string;

  beforeAll(async () => {
    service = await startTestService();
    facilitator = await localToken(service, 'Fay Facilitator', 'facilitator');
    otherFacilitator = await localToken(service, 'Otto Facilitator', 'facilitator');
    admin = await localToken(service, 'Ada Admin', 'admin');
    asha = await localToken(service, 'Asha Manager', 'manager');
    ben = await localToken(service, 'Ben Manager', 'manager');
  });
  afterAll(async () => {
    await service.stop();
  });

  const create = (token: string, overrides: Record<string, unknown> = {}) =>
    postJson(
      `${service.url}/api/circles`,
      {
        themeId: 'routines',
        title: 'Routines that hold a team together',
        startsAt: inDays(7),
        meetingUrl: MEETING,
        capacity: 4,
        ...overrides,
      },
      bearer(token),
    );

  it('lets a facilitator create a circle, with the defaults and an id', async () => {
    const response = await create(facilitator, { capacity: undefined });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      id: expect.any(String),
      capacity: 10,
      durationMinutes: 60,
      seatsLeft: 10,
      status: 'scheduled',
    });
    expect(response.body.facilitator).toEqual({
      name: 'Fay Facilitator',
      organisationName: 'Local Demo NHS Trust',
    });
  });

  it('refuses to let a manager create a circle (403)', async () => {
    const response = await create(asha);
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
  });

  it('refuses bad drafts with a clear 400', async () => {
    for (const bad of [
      { capacity: 30 },
      { startsAt: inDays(-1) },
      { meetingUrl: 'https://example.org/meet' },
      { themeId: 'rotas' },
      { surprise: 1 },
    ]) {
      const response = await create(facilitator, bad);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
    }
  });

  it('books, waitlists, cancels and promotes, and gives the join link only to confirmed people', async () => {
    const { body: circle } = await create(facilitator);
    const id = circle.id as string;
    const people = await Promise.all(['P1', 'P2', 'P3'].map((name) => localToken(service, `Person ${name}`)));
    expect((await send('POST', `${service.url}/api/circles/${id}/bookings`, asha)).body).toEqual({
      status: 'confirmed',
    });
    for (const token of people) await send('POST', `${service.url}/api/circles/${id}/bookings`, token);
    const waitlisted = await send('POST', `${service.url}/api/circles/${id}/bookings`, ben);
    expect(waitlisted.body).toEqual({ status: 'waitlisted', position: 1 });
    expect((await send('POST', `${service.url}/api/circles/${id}/bookings`, ben)).body).toEqual({
      status: 'waitlisted',
      position: 1,
    });

    const asBen = await getJson(`${service.url}/api/circles/${id}`, bearer(ben));
    expect(asBen.body).toMatchObject({
      seatsLeft: 0,
      waitlistLength: 1,
      myBooking: { status: 'waitlisted', position: 1 },
      meetingUrl: null,
    });
    const asAsha = await getJson(`${service.url}/api/circles/${id}`, bearer(asha));
    expect(asAsha.body).toMatchObject({ myBooking: { status: 'confirmed' }, meetingUrl: MEETING });
    expect(JSON.stringify(asAsha.body)).not.toContain('Person P1');

    expect((await send('DELETE', `${service.url}/api/circles/${id}/bookings/me`, asha)).body).toEqual({
      status: 'cancelled',
    });
    const promoted = await getJson(`${service.url}/api/circles/${id}`, bearer(ben));
    expect(promoted.body).toMatchObject({ myBooking: { status: 'confirmed' }, meetingUrl: MEETING });
    expect((await send('DELETE', `${service.url}/api/circles/${id}/bookings/me`, asha)).status).toBe(404);

    const mine = await getJson(`${service.url}/api/me/bookings`, bearer(ben));
    expect((mine.body.bookings as { id: string }[]).map((booking) => booking.id)).toContain(id);
  });

  it('gives a signed calendar link only to someone with a confirmed place, in every circle view', async () => {
    const { body: circle } = await create(facilitator);
    const id = circle.id as string;
    expect(circle.calendarUrl).toBeNull();
    const people = await Promise.all(['C1', 'C2', 'C3'].map((name) => localToken(service, `Cal ${name}`)));
    const confirmed = people[0] as string;
    for (const token of people) await send('POST', `${service.url}/api/circles/${id}/bookings`, token);
    const waiting = await localToken(service, 'Cal Waiting');
    await send('POST', `${service.url}/api/circles/${id}/bookings`, asha);
    await send('POST', `${service.url}/api/circles/${id}/bookings`, waiting);

    const asConfirmed = await getJson(`${service.url}/api/circles/${id}`, bearer(confirmed));
    const link = asConfirmed.body.calendarUrl as string;
    expect(link).toMatch(new RegExp(`^${service.url}/api/circles/${id}/calendar\\.ics\\?t=`));
    const ics = await fetch(link);
    expect(ics.status).toBe(200);
    expect(ics.headers.get('content-type')).toMatch(/text\/calendar/);

    const listed = await getJson(`${service.url}/api/circles`, bearer(confirmed));
    const inList = (listed.body.circles as { id: string; calendarUrl: string | null }[]).find(
      (c) => c.id === id,
    );
    expect(inList?.calendarUrl).toMatch(/calendar\.ics\?t=/);
    const bookings = await getJson(`${service.url}/api/me/bookings`, bearer(confirmed));
    const booked = (bookings.body.bookings as { id: string; calendarUrl: string | null }[]).find(
      (c) => c.id === id,
    );
    expect(booked?.calendarUrl).toMatch(/calendar\.ics\?t=/);

    for (const token of [waiting, ben, facilitator, admin]) {
      expect((await getJson(`${service.url}/api/circles/${id}`, bearer(token))).body.calendarUrl).toBeNull();
    }
    const cancelled = await send('DELETE', `${service.url}/api/circles/${id}`, facilitator);
    expect(cancelled.body.calendarUrl).toBeNull();
    expect(
      (await getJson(`${service.url}/api/circles/${id}`, bearer(confirmed))).body.calendarUrl,
    ).toBeNull();
  });

  it("shows the roster only to the circle's facilitator or an admin, and audits every read", async () => {
    const { body: circle } = await create(facilitator);
    const id = circle.id as string;
    await send('POST', `${service.url}/api/circles/${id}/bookings`, asha);
    for (const token of [asha, ben, otherFacilitator]) {
      const refused = await getJson(`${service.url}/api/circles/${id}/roster`, bearer(token));
      expect(refused.status).toBe(403);
    }
    const roster = await getJson(`${service.url}/api/circles/${id}/roster`, bearer(facilitator));
    expect(roster.status).toBe(200);
    expect(roster.body.participants).toEqual([
      { userId: expect.any(String), name: 'Asha Manager', status: 'confirmed', attended: null },
    ]);
    expect((await getJson(`${service.url}/api/circles/${id}/roster`, bearer(admin))).status).toBe(200);
    expect((await service.stores.circles.rosterReads(id)).length).toBe(2);
  });

  it('lets the facilitator mark attendance once the circle has started, and shows it on the roster', async () => {
    const { body: circle } = await create(facilitator);
    const id = circle.id as string;
    await send('POST', `${service.url}/api/circles/${id}/bookings`, asha);
    const ashaId = (await getJson(`${service.url}/api/me`, bearer(asha))).body.id as string;
    const early = await send('PUT', `${service.url}/api/circles/${id}/attendance`, facilitator, {
      userId: ashaId,
      attended: true,
    });
    expect(early.status).toBe(400);
    const stored = await service.stores.circles.get(id);
    if (!stored) throw new Error('circle missing');
    await service.stores.circles.update(
      { ...stored, startsAt: new Date(Date.now() - 600_000).toISOString() },
      new Date(),
    );
    expect(
      (
        await send('PUT', `${service.url}/api/circles/${id}/attendance`, asha, {
          userId: ashaId,
          attended: true,
        })
      ).status,
    ).toBe(403);
    const marked = await send('PUT', `${service.url}/api/circles/${id}/attendance`, facilitator, {
      userId: ashaId,
      attended: true,
    });
    expect(marked.body).toEqual({ userId: ashaId, attended: true });
    const roster = await getJson(`${service.url}/api/circles/${id}/roster`, bearer(facilitator));
    expect(roster.body.participants).toEqual([
      { userId: ashaId, name: 'Asha Manager', status: 'confirmed', attended: true },
    ]);
    expect(
      (
        await send('PUT', `${service.url}/api/circles/${id}/attendance`, facilitator, {
          userId: 'nobody',
          attended: true,
        })
      ).status,
    ).toBe(404);
  });

  it('lets only the facilitator edit or cancel, and refuses bookings on a cancelled circle', async () => {
    const { body: circle } = await create(facilitator);
    const id = circle.id as string;
    expect(
      (await send('PATCH', `${service.url}/api/circles/${id}`, otherFacilitator, { title: 'Mine now' }))
        .status,
    ).toBe(403);
    const edited = await send('PATCH', `${service.url}/api/circles/${id}`, facilitator, {
      title: 'Keeping routines going',
      capacity: 6,
    });
    expect(edited.body).toMatchObject({ title: 'Keeping routines going', capacity: 6 });
    expect((await send('DELETE', `${service.url}/api/circles/${id}`, asha)).status).toBe(403);
    expect((await send('DELETE', `${service.url}/api/circles/${id}`, facilitator)).body).toMatchObject({
      status: 'cancelled',
    });
    const booking = await send('POST', `${service.url}/api/circles/${id}/bookings`, asha);
    expect(booking.status).toBe(409);
    expect(booking.body).toMatchObject({ error: { code: 'CIRCLE_CANCELLED' } });
  });

  it('lists upcoming circles with filters', async () => {
    await create(facilitator, {
      themeId: 'loss-and-grief',
      title: 'Leading through loss',
      startsAt: inDays(20),
    });
    const all = await getJson(`${service.url}/api/circles`, bearer(asha));
    expect((all.body.circles as unknown[]).length).toBeGreaterThan(0);
    const grief = await getJson(`${service.url}/api/circles?theme=loss-and-grief`, bearer(asha));
    expect((grief.body.circles as { themeId: string }[]).every((c) => c.themeId === 'loss-and-grief')).toBe(
      true,
    );
    const later = await getJson(
      `${service.url}/api/circles?from=${encodeURIComponent(inDays(15))}`,
      bearer(asha),
    );
    expect((later.body.circles as { title: string }[]).map((c) => c.title)).toEqual(['Leading through loss']);
    expect((await getJson(`${service.url}/api/circles?theme=nope`, bearer(asha))).status).toBe(400);
    expect((await getJson(`${service.url}/api/circles/not-a-uuid`, bearer(asha))).status).toBe(400);
  });

  it("lists a facilitator's own circles with mine=true: cancelled and recently started ones too, soonest first", async () => {
    const mina = await localToken(service, 'Mina Facilitator', 'facilitator');
    const later = (await create(mina, { title: 'Mina later', startsAt: inDays(10) })).body.id as string;
    const soon = (await create(mina, { title: 'Mina soon', startsAt: inDays(2) })).body.id as string;
    const cancelled = (await create(mina, { title: 'Mina cancelled', startsAt: inDays(5) })).body
      .id as string;
    await send('DELETE', `${service.url}/api/circles/${cancelled}`, mina);
    const recent = (await create(mina, { title: 'Mina last week', startsAt: inDays(1) })).body.id as string;
    const old = (await create(mina, { title: 'Mina last month', startsAt: inDays(1) })).body.id as string;
    for (const [id, days] of [
      [recent, -7],
      [old, -20],
    ] as const) {
      const stored = await service.stores.circles.get(id);
      if (!stored) throw new Error('circle missing');
      await service.stores.circles.update({ ...stored, startsAt: inDays(days) }, new Date());
    }
    await create(facilitator, { title: 'Not Mina', startsAt: inDays(3) });

    const mine = await getJson(`${service.url}/api/circles?mine=true`, bearer(mina));
    expect(mine.status).toBe(200);
    const listed = mine.body.circles as { id: string; status: string; isMine: boolean }[];
    expect(listed.map((circle) => circle.id)).toEqual([recent, soon, cancelled, later]);
    expect(listed.every((circle) => circle.isMine)).toBe(true);
    expect(listed.find((circle) => circle.id === cancelled)?.status).toBe('cancelled');

    const everyone = await getJson(`${service.url}/api/circles`, bearer(mina));
    const everyoneIds = (everyone.body.circles as { id: string }[]).map((circle) => circle.id);
    expect(everyoneIds).toEqual(expect.arrayContaining([soon, later]));
    expect(everyoneIds).not.toContain(cancelled);
    expect(everyoneIds).not.toContain(recent);
    const sameAsAbsent = await getJson(`${service.url}/api/circles?mine=false`, bearer(mina));
    expect((sameAsAbsent.body.circles as { id: string }[]).map((circle) => circle.id)).toEqual(everyoneIds);
  });

  it("applies from, to and theme to a facilitator's own list", async () => {
    const nia = await localToken(service, 'Nia Facilitator', 'facilitator');
    const grief = (await create(nia, { themeId: 'loss-and-grief', startsAt: inDays(4) })).body.id as string;
    const routines = (await create(nia, { startsAt: inDays(8) })).body.id as string;
    const ids = async (query: string) =>
      (
        (await getJson(`${service.url}/api/circles?mine=true&${query}`, bearer(nia))).body.circles as {
          id: string;
        }[]
      ).map((circle) => circle.id);
    expect(await ids('theme=loss-and-grief')).toEqual([grief]);
    expect(await ids(`from=${encodeURIComponent(inDays(6))}`)).toEqual([routines]);
    expect(await ids(`to=${encodeURIComponent(inDays(6))}`)).toEqual([grief]);
  });

  it('refuses mine=true to someone who facilitates nothing (403), and a malformed mine (400)', async () => {
    const refused = await getJson(`${service.url}/api/circles?mine=true`, bearer(asha));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ error: { code: 'FORBIDDEN' } });
    const asAdmin = await getJson(`${service.url}/api/circles?mine=true`, bearer(admin));
    expect(asAdmin.status).toBe(200);
    const malformed = await getJson(`${service.url}/api/circles?mine=yes`, bearer(facilitator));
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ error: { code: 'VALIDATION_FAILED' } });
  });

  it('lets admins add and remove facilitators, and anyone search the registry', async () => {
    const added = await postJson(
      `${service.url}/api/admin/facilitators`,
      {
        userId: DURHAM_OID,
        name: 'Dee Durham',
        organisationName: 'County Durham and Darlington NHS Foundation Trust',
        odsCode: 'RXP',
        region: 'North East and Yorkshire',
      },
      bearer(admin),
    );
    expect(added.status).toBe(201);
    expect(
      (
        await postJson(
          `${service.url}/api/admin/facilitators`,
          { userId: 'x', name: 'X', organisationName: 'Y', region: 'Z' },
          bearer(facilitator),
        )
      ).status,
    ).toBe(403);
    const found = await getJson(`${service.url}/api/facilitators?organisation=durham`, bearer(asha));
    expect(found.body.facilitators).toEqual([
      {
        userId: DURHAM_OID,
        name: 'Dee Durham',
        organisationName: 'County Durham and Darlington NHS Foundation Trust',
        odsCode: 'RXP',
        region: 'North East and Yorkshire',
      },
    ]);
    expect(await service.stores.roles.rolesOf(DURHAM_OID)).toEqual(['facilitator']);
    expect(
      (
        await send(
          'DELETE',
          `${service.url}/api/admin/facilitators/${DURHAM_OID}?confirm=${DURHAM_OID}`,
          admin,
        )
      ).status,
    ).toBe(200);
    expect(await service.stores.roles.rolesOf(DURHAM_OID)).toEqual([]);
  });
});

describe('exact under contention', () => {
  let service: TestService;
  beforeAll(async () => {
    service = await startTestService();
  });
  afterAll(async () => {
    await service.stop();
  });

  it('takes 200 concurrent sign-ups mixed with cancels: exactly 10 confirmed, the rest in arrival order, no duplicates', async () => {
    const facilitator = await localToken(service, 'Conc Facilitator', 'facilitator');
    const { body: circle } = await postJson(
      `${service.url}/api/circles`,
      { themeId: 'routines', title: 'Busy circle', startsAt: inDays(3), meetingUrl: MEETING, capacity: 10 },
      bearer(facilitator),
    );
    const url = `${service.url}/api/circles/${circle.id as string}`;
    const tokens: string[] = [];
    for (let i = 0; i < 200; i++) tokens.push(await localToken(service, `Load User ${i}`));

    const first = await Promise.all(tokens.map((token) => send('POST', `${url}/bookings`, token)));
    expect(first.every((response) => response.status === 201)).toBe(true);
    let bookings = await service.stores.circles.bookings(circle.id as string);
    expect(bookings).toHaveLength(200);
    expect(new Set(bookings.map((booking) => booking.userId)).size).toBe(200);
    expect(bookings.filter((booking) => booking.status === 'confirmed')).toHaveLength(10);
    const positions = first
      .filter((response) => response.body.status === 'waitlisted')
      .map((response) => response.body.position as number)
      .sort((a, b) => a - b);
    expect(positions).toEqual(Array.from({ length: 190 }, (_, i) => i + 1));
    const bySequence = [...bookings].sort((a, b) => a.sequence - b.sequence);
    expect(bySequence.slice(0, 10).every((booking) => booking.status === 'confirmed')).toBe(true);

    const confirmedIds = bySequence.slice(0, 10).map((booking) => booking.userId);
    const cancellers = tokens.filter((_, i) => i % 2 === 0).slice(0, 200);
    const me = async (token: string) =>
      (await getJson(`${service.url}/api/me`, bearer(token))).body.id as string;
    const confirmedTokens: string[] = [];
    for (const token of cancellers) {
      if (confirmedTokens.length === 4) break;
      if (confirmedIds.includes(await me(token))) confirmedTokens.push(token);
    }
    const waitingToken = tokens[tokens.length - 1] as string;
    const retries = tokens.slice(100, 120);
    const mixed = await Promise.all([
      ...confirmedTokens.map((token) => send('DELETE', `${url}/bookings/me`, token)),
      send('DELETE', `${url}/bookings/me`, waitingToken),
      ...retries.map((token) => send('POST', `${url}/bookings`, token)),
    ]);
    expect(mixed.every((response) => response.status < 300)).toBe(true);

    bookings = await service.stores.circles.bookings(circle.id as string);
    const confirmed = bookings.filter((booking) => booking.status === 'confirmed');
    expect(confirmed).toHaveLength(10);
    expect(bookings).toHaveLength(200 - confirmedTokens.length - 1);
    const waiting = bookings
      .filter((booking) => booking.status === 'waitlisted')
      .sort((a, b) => a.sequence - b.sequence);
    const cancelledIds = await Promise.all(confirmedTokens.map(me));
    const waitingId = await me(waitingToken);
    const expectedConfirmed = [
      ...confirmedIds.filter((id) => !cancelledIds.includes(id)),
      ...bySequence
        .slice(10)
        .filter((booking) => booking.userId !== waitingId)
        .slice(0, confirmedTokens.length)
        .map((booking) => booking.userId),
    ].sort();
    expect(confirmed.map((booking) => booking.userId).sort()).toEqual(expectedConfirmed);
    expect(waiting.map((booking) => booking.sequence)).toEqual(
      [...waiting.map((b) => b.sequence)].sort((a, b) => a - b),
    );
  }, 120_000);
});
