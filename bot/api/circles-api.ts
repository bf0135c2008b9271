import { randomUUID } from 'node:crypto';
import type { Response } from 'restify';
import type { Circle as CircleView, circleRoutes } from '../../contract/circles';
import { seatsLeft, waitlistPosition, type Booking } from '../../core/circles/bookings';
import { decideCircleCancellation, validateCircleDraft, type Circle } from '../../core/circles/circle';
import { circleListFilter } from '../../core/circles/listing';
import type { FacilitatorProfile } from '../../core/circles/ports';
import { bookingOrganisation, organisationIdOf as organisationOf } from '../../core/profiles/profile';
import { ErrorCodes, fail } from '../../core/errors';
import {
  isGrantableUserId,
  mayChooseCoFacilitators,
  mayManageCircle,
  type Caller,
  type Role,
} from '../../core/identity';
import type { Stores, Telemetry } from '../../core/ports';
import { sendFailure } from '../http/responses';
import type { RouteContext } from '../http/route-table';
import { calendarLinkExpiry, circleCalendar, type CalendarLinks } from '../calendar';
import type { CircleNotices } from '../circle-notices';
import type { SignedIn } from './tab-api';

type Routes = typeof circleRoutes;

/** 400 INVALID_USER_ID: role grants name people by their Microsoft Entra object id. */
function notAnObjectId() {
  return fail(
    ErrorCodes.INVALID_USER_ID,
    "userId must be the person's Microsoft Entra object id (a GUID such as 8f1c2b3a-0d4e-4f5a-9b6c-7d8e9f0a1b2c).",
  );
}

/** The organisation id circles use: the ODS code where known, else the organisation's name. */
export function organisationIdOf(profile: FacilitatorProfile): string {
  return organisationOf(profile);
}

/**
 * Circles for the tab and scripts. Identity and roles come only from the verified token. Participants never see
 * each other; the meeting link goes only to confirmed participants (and the facilitator); rosters go only to the
 * circle's facilitator or an admin, and every roster read is audited.
 */
export class CirclesApi {
  constructor(
    private readonly stores: Stores,
    private readonly telemetry: Telemetry,
    private readonly now: () => Date,
    private readonly calendarLinks: CalendarLinks,
    private readonly notices: CircleNotices,
    /** The signed "Add to calendar" link for one confirmed booking (undefined without a public address). */
    private readonly calendarUrl: (circle: Circle, booking: Booking) => string | undefined,
    /** Local mode: role grants may also name local users (`local-` and a GUID) besides Entra object ids. */
    private readonly acceptLocalUserIds = false,
  ) {}

  /** Whether an admin may name `userId` in a role grant or revocation (an Entra object id; local ids locally). */
  private isGrantableUserId(userId: string): boolean {
    return isGrantableUserId(userId, this.acceptLocalUserIds);
  }

  /**
   * GET /api/circles/:id/calendar.ics?t= : the participant's calendar file. The signed link is the credential
   * (it opens in a browser or calendar app): it names one booking, which must still be a confirmed place (a place
   * given up and booked again is a new booking, so the old link stays dead), and it dies a day after the circle
   * ends.
   */
  async calendar({ res, params, query }: RouteContext<Routes['calendar']>): Promise<void> {
    const grant = this.calendarLinks.verify(query.t, this.now());
    if (!grant || grant.circleId !== params.id) {
      return sendFailure(
        res,
        fail(ErrorCodes.TOKEN_INVALID, 'This calendar link is not valid or has expired.'),
      );
    }
    const circle = await this.stores.circles.get(params.id);
    const booking = (await this.stores.circles.bookings(params.id)).find(
      (candidate) => candidate.bookingId === grant.bookingId,
    );
    if (
      !circle ||
      circle.status !== 'scheduled' ||
      booking?.status !== 'confirmed' ||
      calendarLinkExpiry(circle) <= this.now().getTime()
    ) {
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

  private async circleFor(id: string, res: Response): Promise<Circle | undefined> {
    const circle = await this.stores.circles.get(id);
    if (!circle) sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
    return circle;
  }

  /** A circle as a given caller may see it. */
  private async view(
    circle: Circle,
    caller: Caller,
    roles: readonly Role[],
    bookings?: readonly Booking[],
  ): Promise<CircleView> {
    const all = bookings ?? (await this.stores.circles.bookings(circle.id));
    const mine = all.find((booking) => booking.userId === caller.userId);
    const coFacilitatorIds = await this.stores.circles.coFacilitators(circle.id);
    const canManage = mayManageCircle({ ...circle, coFacilitatorIds }, caller.userId, roles);
    const runsIt = circle.facilitatorId === caller.userId || canManage;
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
          ? (this.calendarUrl(circle, mine) ?? null)
          : null,
      isMine: circle.facilitatorId === caller.userId,
      canManage,
      coFacilitatorIds: canManage ? coFacilitatorIds : null,
    };
  }

  /** POST /api/circles (facilitators only). */
  async create({ res, who, body, send }: RouteContext<Routes['create']>): Promise<void> {
    const profile = await this.stores.facilitators.get(who.caller.userId);
    if (!profile) {
      return sendFailure(
        res,
        fail(ErrorCodes.FORBIDDEN, 'Your facilitator profile is missing; ask a programme lead to add it.'),
      );
    }
    const organisationId = organisationIdOf(profile);
    const { audience, ...rest } = body;
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
    send(201, await this.view(circle, who.caller, who.roles, []));
  }

  /**
   * GET /api/circles?theme=&from=&to=&organisation=&available=&mine=. With mine=true: the circles the caller
   * facilitates (facilitators and admins only), cancelled and recently started ones included.
   */
  async list({ res, who, query, send }: RouteContext<Routes['list']>): Promise<void> {
    const { theme, from, to, organisation, available, mine, all } = query;
    if (all === 'true' && !who.roles.includes('admin')) {
      return sendFailure(
        res,
        fail(ErrorCodes.FORBIDDEN, 'Only programme leads (admins) can list every circle in any status.'),
      );
    }
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
          all: all === 'true',
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
    send(200, { circles: views });
  }

  /** GET /api/circles/:id. */
  async get({ res, who, params, send }: RouteContext<Routes['get']>): Promise<void> {
    const circle = await this.circleFor(params.id, res);
    if (!circle) return;
    this.telemetry.event('circles.viewed', { circleId: circle.id });
    send(200, await this.view(circle, who.caller, who.roles));
  }

  private async ownedCircle(
    who: SignedIn,
    id: string,
    res: Response,
  ): Promise<{ circle: Circle; caller: Caller; roles: Role[] } | undefined> {
    const circle = await this.circleFor(id, res);
    if (!circle) return undefined;
    // Role and ownership (or co-facilitation), all from the verified caller and the store, on every request: a
    // facilitator or co-facilitator whose role was revoked is refused from their next request.
    const coFacilitatorIds = await this.stores.circles.coFacilitators(circle.id);
    if (!mayManageCircle({ ...circle, coFacilitatorIds }, who.caller.userId, who.roles)) {
      sendFailure(
        res,
        fail(
          ErrorCodes.FORBIDDEN,
          "Only this circle's facilitator, its co-facilitators or a programme lead can do that.",
        ),
      );
      return undefined;
    }
    return { circle, ...who };
  }

  /** PATCH /api/circles/:id (its facilitator or an admin). */
  async edit({ res, who, params, body: changes, send }: RouteContext<Routes['edit']>): Promise<void> {
    const owned = await this.ownedCircle(who, params.id, res);
    if (!owned) return;
    const { circle } = owned;
    if (circle.status !== 'scheduled') {
      return sendFailure(res, fail(ErrorCodes.CIRCLE_CANCELLED, 'Only a scheduled circle can be edited.'));
    }
    const draft = validateCircleDraft(
      {
        themeId: circle.themeId,
        extraTopic: circle.extraTopic,
        title: changes.title ?? circle.title,
        description: changes.description ?? circle.description,
        startsAt: changes.startsAt ?? circle.startsAt,
        durationMinutes: changes.durationMinutes ?? circle.durationMinutes,
        capacity: changes.capacity ?? circle.capacity,
        audience: circle.audience,
        meetingUrl: changes.meetingUrl ?? circle.meetingUrl,
      },
      this.now(),
    );
    if (!draft.ok) return sendFailure(res, draft);
    const updated: Circle = { ...circle, ...draft.value };
    // Capacity is checked against the bookings, and freed seats go to the waiting list in order, in one
    // transaction with the edit (so a new sign-up cannot take a freed seat ahead of the people waiting).
    const written = await this.stores.circles.updateAndPromote(updated, this.now());
    if (!written.ok) return sendFailure(res, written);
    await this.stores.audit.record({
      actorId: owned.caller.userId,
      action: 'circle.edit',
      circleId: updated.id,
      subjectId: undefined,
      at: this.now(),
    });
    for (const promoted of written.value.promoted) {
      await this.notices.sendBooked(updated.id, promoted.userId, 'promoted');
    }
    await this.notices.bookingsChanged(updated.id);
    if (written.value.promoted.length > 0) {
      this.telemetry.event('circles.capacityPromoted', {
        circleId: updated.id,
        promoted: written.value.promoted.length,
      });
    }
    send(200, await this.view(updated, owned.caller, owned.roles));
  }

  /** DELETE /api/circles/:id: cancels the circle (its facilitator or an admin). */
  async cancelCircle({ res, who, params, send }: RouteContext<Routes['cancel']>): Promise<void> {
    const owned = await this.ownedCircle(who, params.id, res);
    if (!owned) return;
    const allowed = decideCircleCancellation(owned.circle, this.now());
    if (!allowed.ok) return sendFailure(res, allowed);
    if (owned.circle.status === 'cancelled') {
      send(200, await this.view(owned.circle, owned.caller, owned.roles));
      return;
    }
    const cancelled: Circle = { ...owned.circle, status: 'cancelled' };
    await this.stores.circles.update(cancelled, this.now());
    await this.stores.audit.record({
      actorId: owned.caller.userId,
      action: 'circle.cancel',
      circleId: cancelled.id,
      subjectId: undefined,
      at: this.now(),
    });
    await this.notices.bookingsChanged(cancelled.id);
    this.telemetry.event('circles.cancelled', { circleId: cancelled.id });
    send(200, await this.view(cancelled, owned.caller, owned.roles));
  }

  /** POST /api/circles/:id/bookings: books or waitlists the caller. */
  async book({ res, who, params, send }: RouteContext<Routes['book']>): Promise<void> {
    const circleId = params.id;
    const organisationId = bookingOrganisation(
      await this.stores.profiles.get(who.caller.userId),
      await this.stores.facilitators.get(who.caller.userId),
    );
    const result = await this.stores.circles.signUp(
      circleId,
      {
        userId: who.caller.userId,
        organisationId,
        displayName: who.caller.name,
      },
      this.now(),
    );
    if (!result.ok) return sendFailure(res, result);
    const { decision } = result.value;
    this.telemetry.event('circles.signUp', { circleId: circleId, decision: decision.kind });
    if (decision.kind === 'confirmed')
      await this.notices.sendBooked(circleId, who.caller.userId, 'confirmed');
    await this.notices.bookingsChanged(circleId);
    if (decision.kind === 'confirmed' || decision.kind === 'alreadyConfirmed') {
      send(decision.kind === 'confirmed' ? 201 : 200, { status: 'confirmed' });
    } else {
      send(decision.kind === 'waitlisted' ? 201 : 200, {
        status: 'waitlisted',
        position: decision.position,
      });
    }
  }

  /** DELETE /api/circles/:id/bookings/me: gives up the caller's place (the next on the waitlist moves up). */
  async unbook({ res, who, params, send }: RouteContext<Routes['unbook']>): Promise<void> {
    const circleId = params.id;
    const result = await this.stores.circles.cancel(circleId, who.caller.userId, this.now());
    if (!result.ok) return sendFailure(res, result);
    if (result.value.promoted)
      await this.notices.sendBooked(circleId, result.value.promoted.userId, 'promoted');
    await this.notices.bookingsChanged(circleId);
    this.telemetry.event('circles.cancelPlace', {
      circleId: circleId,
      promoted: result.value.promoted !== undefined,
    });
    send(200, { status: 'cancelled' });
  }

  /** GET /api/me/bookings. */
  async myBookings({ who, send }: RouteContext<Routes['myBookings']>): Promise<void> {
    const bookings = await this.stores.circles.bookingsOf(who.caller.userId);
    const result = [];
    for (const booking of bookings) {
      const circle = await this.stores.circles.get(booking.circleId);
      if (circle) result.push(await this.view(circle, who.caller, who.roles));
    }
    send(200, { bookings: result });
  }

  /** GET /api/circles/:id/roster (its facilitator or an admin); every read is audited. */
  async roster({ res, who, params, send }: RouteContext<Routes['roster']>): Promise<void> {
    const owned = await this.ownedCircle(who, params.id, res);
    if (!owned) return;
    const bookings = await this.stores.circles.bookings(owned.circle.id);
    const attendance = await this.stores.circles.attendance(owned.circle.id);
    await this.stores.circles.recordRosterRead(owned.circle.id, owned.caller.userId, this.now());
    await this.stores.audit.record({
      actorId: owned.caller.userId,
      action: 'roster.read',
      circleId: owned.circle.id,
      subjectId: undefined,
      at: this.now(),
    });
    this.telemetry.event('circles.rosterRead', { circleId: owned.circle.id });
    send(200, {
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
  async markAttendance({ res, who, params, body, send }: RouteContext<Routes['attendance']>): Promise<void> {
    const owned = await this.ownedCircle(who, params.id, res);
    if (!owned) return;
    if (Date.parse(owned.circle.startsAt) > this.now().getTime()) {
      return sendFailure(
        res,
        fail(ErrorCodes.VALIDATION_FAILED, 'Attendance can be marked once the circle has started.'),
      );
    }
    const marked = await this.stores.circles.markAttendance(owned.circle.id, body.userId, body.attended);
    if (!marked)
      return sendFailure(
        res,
        fail(ErrorCodes.NOT_BOOKED, 'That person has no confirmed place on this circle.'),
      );
    await this.stores.audit.record({
      actorId: owned.caller.userId,
      action: 'attendance.mark',
      circleId: owned.circle.id,
      subjectId: body.userId,
      at: this.now(),
    });
    this.telemetry.event('circles.attendanceMarked', { circleId: owned.circle.id, attended: body.attended });
    send(200, { userId: body.userId, attended: body.attended });
  }

  /**
   * PUT /api/circles/:id/co-facilitators {"userIds"} (its facilitator or an admin): replaces the co-facilitators.
   * Each must be named by object id and hold the facilitator role now; the change is audited as a circle edit.
   */
  async setCoFacilitators({
    res,
    who,
    params,
    body,
    send,
  }: RouteContext<Routes['coFacilitators']>): Promise<void> {
    const circle = await this.circleFor(params.id, res);
    if (!circle) return;
    if (!mayChooseCoFacilitators(circle, who.caller.userId, who.roles)) {
      return sendFailure(
        res,
        fail(
          ErrorCodes.FORBIDDEN,
          "Only this circle's facilitator or a programme lead can choose its co-facilitators.",
        ),
      );
    }
    if (circle.status === 'cancelled') {
      return sendFailure(res, fail(ErrorCodes.CIRCLE_CANCELLED, 'This circle has been cancelled.'));
    }
    for (const userId of body.userIds) {
      if (!this.isGrantableUserId(userId)) return sendFailure(res, notAnObjectId());
      if (userId === circle.facilitatorId) {
        return sendFailure(
          res,
          fail(
            ErrorCodes.VALIDATION_FAILED,
            "The circle's own facilitator cannot also be its co-facilitator.",
          ),
        );
      }
      if (!(await this.stores.roles.rolesOf(userId)).includes('facilitator')) {
        return sendFailure(
          res,
          fail(
            ErrorCodes.NOT_A_FACILITATOR,
            'Every co-facilitator must be a registered facilitator (hold the facilitator role).',
          ),
        );
      }
    }
    if (!(await this.stores.circles.setCoFacilitators(circle.id, body.userIds, this.now()))) {
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'There is no such circle.'));
    }
    await this.stores.audit.record({
      actorId: who.caller.userId,
      action: 'circle.edit',
      circleId: circle.id,
      subjectId: undefined,
      at: this.now(),
    });
    const stored = await this.stores.circles.coFacilitators(circle.id);
    this.telemetry.event('circles.coFacilitatorsSet', { circleId: circle.id, count: stored.length });
    const coFacilitators = [];
    for (const userId of stored) {
      coFacilitators.push({ userId, name: (await this.stores.facilitators.get(userId))?.name ?? null });
    }
    send(200, { circleId: circle.id, coFacilitators });
  }

  /** GET /api/facilitators?organisation=&region=. */
  async facilitators({ query, send }: RouteContext<Routes['facilitators']>): Promise<void> {
    const found = await this.stores.facilitators.search(query);
    send(200, {
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
  async addFacilitator({ res, who, body, send }: RouteContext<Routes['addFacilitator']>): Promise<void> {
    if (!this.isGrantableUserId(body.userId)) return sendFailure(res, notAnObjectId());
    const profile: FacilitatorProfile = { ...body, odsCode: body.odsCode };
    await this.stores.facilitators.upsert(profile, this.now());
    await this.stores.roles.grant(profile.userId, 'facilitator', this.now());
    await this.stores.audit.record({
      actorId: who.caller.userId,
      action: 'role.grant',
      circleId: undefined,
      subjectId: profile.userId,
      at: this.now(),
    });
    send(201, { userId: profile.userId, roles: ['manager', 'facilitator'] });
  }

  private async isFacilitator(userId: string): Promise<boolean> {
    const roles = await this.stores.roles.rolesOf(userId);
    return roles.includes('facilitator') || (await this.stores.facilitators.get(userId)) !== undefined;
  }

  /**
   * DELETE /api/admin/facilitators/:userId?confirm=<userId> (admins): revokes the role and removes the profile.
   * Revoking is destructive, so the request must repeat the person's id in `confirm` (the tab asks first in a
   * dialog); without it the answer is 400 CONFIRMATION_REQUIRED and nothing changes. It takes effect on the
   * person's next request.
   */
  async removeFacilitator({
    res,
    who,
    params,
    query,
    send,
  }: RouteContext<Routes['removeFacilitator']>): Promise<void> {
    const { userId } = params;
    // Only object ids can be named, except to clean up a grant made before ids were checked.
    if (!this.isGrantableUserId(userId) && !(await this.isFacilitator(userId))) {
      return sendFailure(res, notAnObjectId());
    }
    if (query.confirm !== userId) {
      return sendFailure(
        res,
        fail(
          ErrorCodes.CONFIRMATION_REQUIRED,
          "Revoking the facilitator role needs confirming: repeat the person's id as ?confirm=<id>.",
        ),
      );
    }
    const revoked = await this.stores.roles.revoke(userId, 'facilitator');
    const removed = await this.stores.facilitators.remove(userId);
    if (!revoked && !removed)
      return sendFailure(res, fail(ErrorCodes.NOT_FOUND, 'That person is not a facilitator.'));
    await this.stores.audit.record({
      actorId: who.caller.userId,
      action: 'role.revoke',
      circleId: undefined,
      subjectId: userId,
      at: this.now(),
    });
    send(200, { userId, revoked: true });
  }
}
