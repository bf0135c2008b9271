import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { seatsLeft, waitlistPosition, type Booking } from '../../core/circles/bookings';
import { validateCircleDraft, type Circle } from '../../core/circles/circle';
import { circleListFilter } from '../../core/circles/listing';
import type { FacilitatorProfile } from '../../core/circles/ports';
import { THEME_IDS } from '../../core/content/model';
import { ErrorCodes, fail } from '../../core/errors';
import { InstantSchema } from '../../core/time';
import type { Caller, Role } from '../../core/identity';
import type { Stores, Telemetry } from '../../core/ports';
import { BODY_LIMITS, readJsonBody, validate } from '../http/body';
import { sendFailure } from '../http/responses';
import { circleCalendar, type CalendarLinks } from '../calendar';
import type { CircleNotices } from '../circle-notices';
import { queryOf } from './content-api';
import type { TabApi } from './tab-api';

const CreateCircleSchema = z
  .object({
    themeId: z.enum(THEME_IDS).optional(),
    extraTopic: z.string().trim().min(1).max(80).optional(),
    title: z.string().trim().min(1).max(120),
    description: z.string().max(1000).optional(),
    startsAt: InstantSchema,
    durationMinutes: z.number().int().optional(),
    capacity: z.number().int().optional(),
    audience: z.enum(['open', 'organisation']).optional(),
    meetingUrl: z.string().url().max(2048),
  })
  .strict();

const EditCircleSchema = CreateCircleSchema.omit({ themeId: true, extraTopic: true, audience: true })
  .partial()
  .strict();

const ListQuerySchema = z
  .object({
    theme: z.enum(THEME_IDS).optional(),
    from: InstantSchema.optional(),
    to: InstantSchema.optional(),
    organisation: z.string().trim().min(1).max(120).optional(),
    available: z.enum(['true', 'false']).optional(),
    mine: z.enum(['true', 'false']).optional(),
  })
  .strict();

const CircleIdSchema = z.string().uuid('must be a circle id');

const FacilitatorSchema = z
  .object({
    userId: z.string().trim().min(1).max(128),
    name: z.string().trim().min(1).max(120),
    organisationName: z.string().trim().min(1).max(200),
    odsCode: z
      .string()
      .trim()
      .regex(/^[A-Z0-9]{3,6}$/, 'must be an NHS ODS code such as RXP')
      .optional(),
    region: z.string().trim().min(1).max(80),
  })
  .strict();

const FacilitatorQuerySchema = z
  .object({
    organisation: z.string().trim().min(1).max(120).optional(),
    region: z.string().trim().min(1).max(80).optional(),
  })
  .strict();

/** The organisation id circles use: the ODS code where known, else the organisation's name. */
export function organisationIdOf(profile: FacilitatorProfile): string {
  return profile.odsCode ?? profile.organisationName;
}

/**
 * Circles for the tab and scripts. Identity and roles come only from the verified token. Participants never see
 * each other; the meeting link goes only to confirmed participants (and the facilitator); rosters go only to the
 * circle's facilitator or an admin, and every roster read is audited.
 */
export class CirclesApi {
  constructor(
    private readonly stores: Stores,
    private readonly tabApi: TabApi,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly calendarLinks: CalendarLinks,
    private readonly notices: CircleNotices,
    /** The signed "Add to calendar" link for one person's place (undefined without a public address). */
    private readonly calendarUrl: (circleId: string, userId: string) => string | undefined,
  ) {}

  /**
   * GET /api/circles/:id/calendar.ics?t= : the participant's calendar file. The signed link is the credential
   * (it opens in a browser or calendar app), and the person must still hold a confirmed place.
   */
  async calendar(req: Request, res: Response): Promise<void> {
    const id = validate(CircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const query = validate(z.object({ t: z.string().min(1).max(1024) }).strict(), queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const grant = this.calendarLinks.verify(query.value.t, this.now());
    if (!grant || grant.circleId !== id.value) {
      return sendFailure(
        res,
        fail(ErrorCodes.TOKEN_INVALID, 'This calendar link is not valid or has expired.'),
      );
    }
    const circle = await this.stores.circles.get(id.value);
    const booking = (await this.stores.circles.bookings(id.value)).find((b) => b.userId === grant.userId);
    if (!circle || circle.status !== 'scheduled' || booking?.status !== 'confirmed') {
      return sendFailure(
        res,
        fail(ErrorCodes.NOT_BOOKED, 'There is no confirmed place on this circle for this link.'),
      );
    }
    const facilitator = await this.stores.facilitators.get(circle.facilitatorId);
    const body = circleCalendar(
      circle,
      { id: circle.facilitatorId, name: facilitator?.name ?? 'Circle facilitator' },
      this.now(),
    );
    res.writeHead(200, {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `attachment; filename="circle-${circle.id.slice(0, 8)}.ics"`,
      'cache-control': 'private, no-store',
    });
    res.end(body);
  }

  private async circleFor(req: Request, res: Response): Promise<Circle | undefined> {
    const id = validate(CircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) {
      sendFailure(res, id, id.problems);
      return undefined;
    }
    const circle = await this.stores.circles.get(id.value);
    if (!circle) sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
    return circle;
  }

  /** A circle as a given caller may see it. */
  private async view(circle: Circle, caller: Caller, roles: readonly Role[], bookings?: readonly Booking[]) {
    const all = bookings ?? (await this.stores.circles.bookings(circle.id));
    const mine = all.find((booking) => booking.userId === caller.userId);
    const runsIt = circle.facilitatorId === caller.userId || roles.includes('admin');
    const facilitator = await this.stores.facilitators.get(circle.facilitatorId);
    return {
      id: circle.id,
      themeId: circle.themeId ?? null,
      extraTopic: circle.extraTopic ?? null,
      title: circle.title,
      description: circle.description,
      startsAt: circle.startsAt,
      durationMinutes: circle.durationMinutes,
      capacity: circle.capacity,
      audience: circle.audience.kind,
      organisationId: circle.organisationId,
      status: circle.status,
      facilitator: facilitator
        ? { name: facilitator.name, organisationName: facilitator.organisationName }
        : { name: null, organisationName: null },
      seatsLeft: seatsLeft(circle, all),
      waitlistLength: all.filter((booking) => booking.status === 'waitlisted').length,
      myBooking: mine
        ? {
            status: mine.status,
            ...(mine.status === 'waitlisted' ? { position: waitlistPosition(all, mine.userId) } : {}),
          }
        : null,
      meetingUrl: runsIt || mine?.status === 'confirmed' ? circle.meetingUrl : null,
      calendarUrl:
        mine?.status === 'confirmed' && circle.status === 'scheduled'
          ? (this.calendarUrl(circle.id, caller.userId) ?? null)
          : null,
      isMine: circle.facilitatorId === caller.userId,
    };
  }

  /** POST /api/circles (facilitators only). */
  async create(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['facilitator'],
      'Only facilitators can create circles.',
    );
    if (!who) return;
    const profile = await this.stores.facilitators.get(who.caller.userId);
    if (!profile) {
      return sendFailure(
        res,
        fail(ErrorCodes.FORBIDDEN, 'Your facilitator profile is missing; ask a programme lead to add it.'),
      );
    }
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(CreateCircleSchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const organisationId = organisationIdOf(profile);
    const { audience, ...rest } = input.value;
    const draft = validateCircleDraft(
      {
        ...rest,
        audience: audience === 'organisation' ? { kind: 'organisation', organisationId } : { kind: 'open' },
      },
      this.now(),
    );
    if (!draft.ok) return sendFailure(res, draft);
    const circle: Circle = {
      ...draft.value,
      id: randomUUID(),
      facilitatorId: who.caller.userId,
      organisationId,
      status: 'scheduled',
    };
    await this.stores.circles.create(circle, this.now());
    // The facilitator's own reminders before the circle.
    await this.notices.bookingsChanged(circle.id);
    this.telemetry.event('circles.created', { circleId: circle.id, capacity: circle.capacity });
    res.send(201, await this.view(circle, who.caller, who.roles, []));
  }

  /**
   * GET /api/circles?theme=&from=&to=&organisation=&available=&mine=. With mine=true: the circles the caller
   * facilitates (facilitators and admins only), cancelled and recently started ones included.
   */
  async list(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const query = validate(ListQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const { theme, from, to, organisation, available, mine } = query.value;
    if (mine === 'true' && !who.roles.includes('facilitator') && !who.roles.includes('admin')) {
      return sendFailure(
        res,
        fail(ErrorCodes.FORBIDDEN, 'Only facilitators and programme leads have circles of their own.'),
      );
    }
    const circles = await this.stores.circles.list(
      circleListFilter(
        {
          themeId: theme,
          from: from === undefined ? undefined : new Date(from).toISOString(),
          to: to === undefined ? undefined : new Date(to).toISOString(),
          organisationId: organisation,
          mine: mine === 'true',
        },
        who.caller.userId,
        this.now(),
      ),
    );
    const views = [];
    for (const circle of circles) {
      const bookings = await this.stores.circles.bookings(circle.id);
      if (available === 'true' && seatsLeft(circle, bookings) === 0) continue;
      views.push(await this.view(circle, who.caller, who.roles, bookings));
    }
    res.send(200, { circles: views });
  }

  /** GET /api/circles/:id. */
  async get(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const circle = await this.circleFor(req, res);
    if (!circle) return;
    res.send(200, await this.view(circle, who.caller, who.roles));
  }

  private async ownedCircle(
    req: Request,
    res: Response,
  ): Promise<{ circle: Circle; caller: Caller; roles: Role[] } | undefined> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return undefined;
    const circle = await this.circleFor(req, res);
    if (!circle) return undefined;
    if (circle.facilitatorId !== who.caller.userId && !who.roles.includes('admin')) {
      sendFailure(
        res,
        fail(ErrorCodes.FORBIDDEN, "Only this circle's facilitator or a programme lead can do that."),
      );
      return undefined;
    }
    return { circle, ...who };
  }

  /** PATCH /api/circles/:id (its facilitator or an admin). */
  async edit(req: Request, res: Response): Promise<void> {
    const owned = await this.ownedCircle(req, res);
    if (!owned) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const changes = validate(EditCircleSchema, body.value);
    if (!changes.ok) return sendFailure(res, changes, changes.problems);
    const { circle } = owned;
    if (circle.status !== 'scheduled') {
      return sendFailure(res, fail(ErrorCodes.CIRCLE_CANCELLED, 'Only a scheduled circle can be edited.'));
    }
    const draft = validateCircleDraft(
      {
        themeId: circle.themeId,
        extraTopic: circle.extraTopic,
        title: changes.value.title ?? circle.title,
        description: changes.value.description ?? circle.description,
        startsAt: changes.value.startsAt ?? circle.startsAt,
        durationMinutes: changes.value.durationMinutes ?? circle.durationMinutes,
        capacity: changes.value.capacity ?? circle.capacity,
        audience: circle.audience,
        meetingUrl: changes.value.meetingUrl ?? circle.meetingUrl,
      },
      this.now(),
    );
    if (!draft.ok) return sendFailure(res, draft);
    const bookings = await this.stores.circles.bookings(circle.id);
    const confirmed = bookings.filter((booking) => booking.status === 'confirmed').length;
    if (draft.value.capacity < confirmed) {
      return sendFailure(
        res,
        fail(
          ErrorCodes.VALIDATION_FAILED,
          `capacity cannot go below the ${confirmed} people already confirmed`,
        ),
      );
    }
    const updated: Circle = { ...circle, ...draft.value };
    await this.stores.circles.update(updated, this.now());
    await this.notices.bookingsChanged(updated.id);
    res.send(200, await this.view(updated, owned.caller, owned.roles, bookings));
  }

  /** DELETE /api/circles/:id: cancels the circle (its facilitator or an admin). */
  async cancelCircle(req: Request, res: Response): Promise<void> {
    const owned = await this.ownedCircle(req, res);
    if (!owned) return;
    const cancelled: Circle = { ...owned.circle, status: 'cancelled' };
    await this.stores.circles.update(cancelled, this.now());
    await this.notices.bookingsChanged(cancelled.id);
    this.telemetry.event('circles.cancelled', { circleId: cancelled.id });
    res.send(200, await this.view(cancelled, owned.caller, owned.roles));
  }

  /** POST /api/circles/:id/bookings: books or waitlists the caller. */
  async book(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const id = validate(CircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const profile = await this.stores.facilitators.get(who.caller.userId);
    const result = await this.stores.circles.signUp(
      id.value,
      {
        userId: who.caller.userId,
        organisationId: profile ? organisationIdOf(profile) : undefined,
        displayName: who.caller.name,
      },
      this.now(),
    );
    if (!result.ok) return sendFailure(res, result);
    const { decision } = result.value;
    this.telemetry.event('circles.signUp', { circleId: id.value, decision: decision.kind });
    if (decision.kind === 'confirmed')
      await this.notices.sendBooked(id.value, who.caller.userId, 'confirmed');
    await this.notices.bookingsChanged(id.value);
    if (decision.kind === 'confirmed' || decision.kind === 'alreadyConfirmed') {
      res.send(decision.kind === 'confirmed' ? 201 : 200, { status: 'confirmed' });
    } else {
      res.send(decision.kind === 'waitlisted' ? 201 : 200, {
        status: 'waitlisted',
        position: decision.position,
      });
    }
  }

  /** DELETE /api/circles/:id/bookings/me: gives up the caller's place (the next on the waitlist moves up). */
  async unbook(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const id = validate(CircleIdSchema, (req.params as Record<string, unknown>).id);
    if (!id.ok) return sendFailure(res, id, id.problems);
    const result = await this.stores.circles.cancel(id.value, who.caller.userId, this.now());
    if (!result.ok) return sendFailure(res, result);
    if (result.value.promoted)
      await this.notices.sendBooked(id.value, result.value.promoted.userId, 'promoted');
    await this.notices.bookingsChanged(id.value);
    this.telemetry.event('circles.cancelPlace', {
      circleId: id.value,
      promoted: result.value.promoted !== undefined,
    });
    res.send(200, { status: 'cancelled' });
  }

  /** GET /api/me/bookings. */
  async myBookings(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const bookings = await this.stores.circles.bookingsOf(who.caller.userId);
    const result = [];
    for (const booking of bookings) {
      const circle = await this.stores.circles.get(booking.circleId);
      if (circle) result.push(await this.view(circle, who.caller, who.roles));
    }
    res.send(200, { bookings: result });
  }

  /** GET /api/circles/:id/roster (its facilitator or an admin); every read is audited. */
  async roster(req: Request, res: Response): Promise<void> {
    const owned = await this.ownedCircle(req, res);
    if (!owned) return;
    const bookings = await this.stores.circles.bookings(owned.circle.id);
    const attendance = await this.stores.circles.attendance(owned.circle.id);
    await this.stores.circles.recordRosterRead(owned.circle.id, owned.caller.userId, this.now());
    this.telemetry.event('circles.rosterRead', { circleId: owned.circle.id });
    res.send(200, {
      circleId: owned.circle.id,
      participants: bookings.map((booking) => ({
        userId: booking.userId,
        name: booking.displayName ?? null,
        status: booking.status,
        attended: attendance.get(booking.userId) ?? null,
        ...(booking.status === 'waitlisted' ? { position: waitlistPosition(bookings, booking.userId) } : {}),
      })),
    });
  }

  /** PUT /api/circles/:id/attendance {"userId","attended"} (its facilitator or an admin). */
  async markAttendance(req: Request, res: Response): Promise<void> {
    const owned = await this.ownedCircle(req, res);
    if (!owned) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(
      z.object({ userId: z.string().min(1).max(128), attended: z.boolean() }).strict(),
      body.value,
    );
    if (!input.ok) return sendFailure(res, input, input.problems);
    if (Date.parse(owned.circle.startsAt) > this.now().getTime()) {
      return sendFailure(
        res,
        fail(ErrorCodes.VALIDATION_FAILED, 'Attendance can be marked once the circle has started.'),
      );
    }
    const marked = await this.stores.circles.markAttendance(
      owned.circle.id,
      input.value.userId,
      input.value.attended,
    );
    if (!marked)
      return sendFailure(
        res,
        fail(ErrorCodes.NOT_BOOKED, 'That person has no confirmed place on this circle.'),
      );
    res.send(200, { userId: input.value.userId, attended: input.value.attended });
  }

  /** GET /api/facilitators?organisation=&region=. */
  async facilitators(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.signedIn(req, res);
    if (!who) return;
    const query = validate(FacilitatorQuerySchema, queryOf(req));
    if (!query.ok) return sendFailure(res, query, query.problems);
    const found = await this.stores.facilitators.search(query.value);
    res.send(200, {
      facilitators: found.map((profile) => ({
        userId: profile.userId,
        name: profile.name,
        organisationName: profile.organisationName,
        odsCode: profile.odsCode ?? null,
        region: profile.region,
      })),
    });
  }

  /** POST /api/admin/facilitators (admins): grants the facilitator role and registers the profile. */
  async addFacilitator(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['admin'],
      'Only programme leads (admins) can add facilitators.',
    );
    if (!who) return;
    const body = await readJsonBody(req, BODY_LIMITS.api);
    if (!body.ok) return sendFailure(res, body);
    const input = validate(FacilitatorSchema, body.value);
    if (!input.ok) return sendFailure(res, input, input.problems);
    const profile: FacilitatorProfile = { ...input.value, odsCode: input.value.odsCode };
    await this.stores.facilitators.upsert(profile, this.now());
    await this.stores.roles.grant(profile.userId, 'facilitator', this.now());
    res.send(201, { userId: profile.userId, roles: ['manager', 'facilitator'] });
  }

  /** DELETE /api/admin/facilitators/:userId (admins): revokes the role and removes the profile. */
  async removeFacilitator(req: Request, res: Response): Promise<void> {
    const who = await this.tabApi.authorise(
      req,
      res,
      ['admin'],
      'Only programme leads (admins) can remove facilitators.',
    );
    if (!who) return;
    const userId = validate(z.string().min(1).max(128), (req.params as Record<string, unknown>).userId);
    if (!userId.ok) return sendFailure(res, userId, userId.problems);
    const revoked = await this.stores.roles.revoke(userId.value, 'facilitator');
    const removed = await this.stores.facilitators.remove(userId.value);
    if (!revoked && !removed)
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'That person is not a facilitator.'));
    res.send(200, { userId: userId.value, revoked: true });
  }
}
