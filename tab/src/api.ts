/**
 * The tab's typed client for the service's JSON API (see docs/api.md and GET /api/openapi.json). Every request and
 * answer type comes from the one definition of the wire format in contract/; these imports are types only, so
 * zod never reaches the tab's bundle.
 */
import type {
  AnswerOf,
  askRoutes,
  auditRoutes,
  feedbackRoutes,
  Audience,
  channelRoutes,
  CircleChanges,
  CircleDraft,
  circleRoutes,
  contentRoutes,
  ErrorBody,
  FacilitatorRequest,
  identityRoutes,
  networkRoutes,
  nudgeRoutes,
  privacyRoutes,
  RequestBodyOf,
} from '../../contract';

export type {
  AskResult,
  Audience,
  Channel,
  Circle,
  CircleChanges,
  CircleDraft,
  Facilitator,
  FacilitatorRequest,
  Guide,
  GuideAnswer,
  GuideSummary,
  Me,
  MyBooking,
  Resource,
  Role,
  Roster,
  TabSettings,
  Theme,
  UnansweredQuestion,
  UrgentSupport,
  AuditEvent,
  AuditPage,
  DirectoryEntry,
  ImpactCounts,
  ImpactReport,
  Profile,
  ShownCount,
  NudgeSettings,
  BroadcastReport,
} from '../../contract';

/** An error answered by the API, with its stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Supplies a bearer token for each call. */
export type TokenProvider = () => Promise<string>;

async function errorOf(response: Response): Promise<ApiError> {
  try {
    const body = (await response.json()) as Partial<ErrorBody>;
    return new ApiError(
      response.status,
      body.error?.code ?? 'UNKNOWN',
      body.error?.message ?? `The service answered ${response.status}.`,
    );
  } catch {
    return new ApiError(response.status, 'UNKNOWN', `The service answered ${response.status}.`);
  }
}

/** Calls the API with a fresh bearer token; throws ApiError with the service's code on failure. */
export class ApiClient {
  constructor(
    private readonly token: TokenProvider,
    private readonly base = '',
  ) {}

  /** GETs a text body (such as CSV) with a fresh bearer token. */
  private async text(path: string): Promise<string> {
    const response = await fetch(`${this.base}${path}`, {
      headers: { Authorization: `Bearer ${await this.token()}` },
    });
    if (!response.ok) throw await errorOf(response);
    return response.text();
  }

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token()}` };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(`${this.base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await errorOf(response);
    if (response.status === 204) return undefined as T;
    return (await response.json()) as T;
  }

  me = () => this.call<AnswerOf<typeof identityRoutes.me>>('GET', '/api/me');
  plan = () => this.call<AnswerOf<typeof contentRoutes.plan>>('GET', '/api/plan');
  guides = (audience?: Audience) =>
    this.call<AnswerOf<typeof contentRoutes.guides>>(
      'GET',
      `/api/guides${audience ? `?audience=${audience}` : ''}`,
    );
  guide = (id: string) =>
    this.call<AnswerOf<typeof contentRoutes.guide>>('GET', `/api/guides/${encodeURIComponent(id)}`);
  guideFeedback = (id: string, helpful: boolean, voteId: string) =>
    this.call<AnswerOf<typeof contentRoutes.guideFeedback>>(
      'POST',
      `/api/guides/${encodeURIComponent(id)}/feedback`,
      { helpful, voteId } satisfies RequestBodyOf<typeof contentRoutes.guideFeedback>,
    );
  resources = () => this.call<AnswerOf<typeof contentRoutes.resources>>('GET', '/api/resources');
  ask = (question: string) =>
    this.call<AnswerOf<typeof askRoutes.ask>>('POST', '/api/ask', {
      question,
    } satisfies RequestBodyOf<typeof askRoutes.ask>);
  circles = (query: Record<string, string> = {}) =>
    this.call<AnswerOf<typeof circleRoutes.list>>('GET', `/api/circles${searchOf(query)}`);
  /** GET /api/me/nudges: the caller's weekly nudge settings (the defaults until they choose). */
  nudgeSettings = () => this.call<AnswerOf<typeof nudgeRoutes.mine>>('GET', '/api/me/nudges');
  /** PUT /api/me/nudges: replaces the caller's nudge settings. */
  saveNudgeSettings = (settings: RequestBodyOf<typeof nudgeRoutes.saveMine>) =>
    this.call<AnswerOf<typeof nudgeRoutes.saveMine>>('PUT', '/api/me/nudges', settings);
  /** POST /api/admin/broadcasts: a guide to everyone with nudges on; answers the broadcast's id. */
  broadcast = (guideId: string) =>
    this.call<AnswerOf<typeof nudgeRoutes.broadcast>>('POST', '/api/admin/broadcasts', {
      guideId,
    } satisfies RequestBodyOf<typeof nudgeRoutes.broadcast>);
  /** GET /api/admin/broadcasts/:id: the broadcast's delivery report. */
  broadcastReport = (id: string) =>
    this.call<AnswerOf<typeof nudgeRoutes.broadcastReport>>(
      'GET',
      `/api/admin/broadcasts/${encodeURIComponent(id)}`,
    );
  /** POST /api/admin/broadcasts/:id/resend: sends again to failed recipients only. */
  resendBroadcast = (id: string) =>
    this.call<AnswerOf<typeof nudgeRoutes.resendBroadcast>>(
      'POST',
      `/api/admin/broadcasts/${encodeURIComponent(id)}/resend`,
      {},
    );
  myBookings = () => this.call<AnswerOf<typeof circleRoutes.myBookings>>('GET', '/api/me/bookings');
  /** GET /api/me/data: everything the service holds about the caller. */
  myData = () => this.call<AnswerOf<typeof privacyRoutes.exportMine>>('GET', '/api/me/data');
  /** DELETE /api/me/data: erases the caller's data (204). */
  eraseMyData = () => this.call<AnswerOf<typeof privacyRoutes.eraseMine>>('DELETE', '/api/me/data');
  book = (id: string) =>
    this.call<AnswerOf<typeof circleRoutes.book>>('POST', `/api/circles/${id}/bookings`, {});
  unbook = (id: string) =>
    this.call<AnswerOf<typeof circleRoutes.unbook>>('DELETE', `/api/circles/${id}/bookings/me`);
  createCircle = (draft: CircleDraft) =>
    this.call<AnswerOf<typeof circleRoutes.create>>('POST', '/api/circles', draft);
  editCircle = (id: string, changes: CircleChanges) =>
    this.call<AnswerOf<typeof circleRoutes.edit>>('PATCH', `/api/circles/${id}`, changes);
  cancelCircle = (id: string) =>
    this.call<AnswerOf<typeof circleRoutes.cancel>>('DELETE', `/api/circles/${id}`);
  roster = (id: string) =>
    this.call<AnswerOf<typeof circleRoutes.roster>>('GET', `/api/circles/${id}/roster`);
  /** GET /api/admin/impact (admins) or /api/facilitator/impact (their own circles). */
  impact = (scope: 'all' | 'own', range: { from: string; to: string }) =>
    this.call<AnswerOf<typeof networkRoutes.adminImpact>>(
      'GET',
      `${scope === 'all' ? '/api/admin/impact' : '/api/facilitator/impact'}${searchOf(range)}`,
    );
  /** GET /api/admin/impact.csv (admins): the same report as CSV text. */
  impactCsv = (range: { from: string; to: string }) => this.text(`/api/admin/impact.csv${searchOf(range)}`);
  /** Every circle in any status, recent and upcoming (admins). */
  allCircles = () => this.call<AnswerOf<typeof circleRoutes.list>>('GET', '/api/circles?all=true');
  /** GET /api/facilitators/directory?q= (facilitators and admins): the facilitator network. */
  directory = (q: string) =>
    this.call<AnswerOf<typeof networkRoutes.directory>>(
      'GET',
      `/api/facilitators/directory${searchOf(q ? { q } : {})}`,
    );
  /** GET /api/me/profile: the caller's organisation and region (null until given) and the regions to choose. */
  profile = () => this.call<AnswerOf<typeof networkRoutes.myProfile>>('GET', '/api/me/profile');
  /** PUT /api/me/profile. An empty ODS code clears it. */
  saveProfile = (
    // The region comes from a picker of the regions the service listed; the service checks it.
    profile: Omit<RequestBodyOf<typeof networkRoutes.saveProfile>, 'region'> & { region: string },
  ) => this.call<AnswerOf<typeof networkRoutes.saveProfile>>('PUT', '/api/me/profile', profile);
  /** POST /api/meetings: creates a Teams meeting as the caller (a facilitator) and returns its join link. */
  createMeeting = (request: RequestBodyOf<typeof networkRoutes.createMeeting>) =>
    this.call<AnswerOf<typeof networkRoutes.createMeeting>>('POST', '/api/meetings', request);
  /** POST /api/circles/:id/feedback: a participant's answer about a circle that has started. */
  circleFeedback = (id: string, answer: RequestBodyOf<typeof feedbackRoutes.give>) =>
    this.call<AnswerOf<typeof feedbackRoutes.give>>('POST', `/api/circles/${id}/feedback`, answer);
  markAttendance = (id: string, userId: string, attended: boolean) =>
    this.call<AnswerOf<typeof circleRoutes.attendance>>('PUT', `/api/circles/${id}/attendance`, {
      userId,
      attended,
    } satisfies RequestBodyOf<typeof circleRoutes.attendance>);
  /** PUT /api/circles/:id/co-facilitators (its facilitator or an admin): replaces the co-facilitators. */
  setCoFacilitators = (id: string, userIds: string[]) =>
    this.call<AnswerOf<typeof circleRoutes.coFacilitators>>('PUT', `/api/circles/${id}/co-facilitators`, {
      userIds,
    } satisfies RequestBodyOf<typeof circleRoutes.coFacilitators>);
  channels = () => this.call<AnswerOf<typeof channelRoutes.list>>('GET', '/api/channels');
  postInvite = (id: string, conversationId: string) =>
    this.call<AnswerOf<typeof channelRoutes.postInvite>>('POST', `/api/circles/${id}/posts`, {
      conversationId,
    } satisfies RequestBodyOf<typeof channelRoutes.postInvite>);
  facilitators = () => this.call<AnswerOf<typeof circleRoutes.facilitators>>('GET', '/api/facilitators');
  addFacilitator = (facilitator: FacilitatorRequest) =>
    this.call<AnswerOf<typeof circleRoutes.addFacilitator>>('POST', '/api/admin/facilitators', facilitator);
  /** Revokes the role; the service needs the id repeated as `confirm` (asked for in a dialog first). */
  removeFacilitator = (userId: string) =>
    this.call<AnswerOf<typeof circleRoutes.removeFacilitator>>(
      'DELETE',
      `/api/admin/facilitators/${encodeURIComponent(userId)}?confirm=${encodeURIComponent(userId)}`,
    );
  audit = (query: { from?: string; to?: string; limit?: number; before?: number } = {}) =>
    this.call<AnswerOf<typeof auditRoutes.list>>(
      'GET',
      `/api/admin/audit${searchOf(
        Object.fromEntries(
          Object.entries(query)
            .filter(([, value]) => value !== undefined)
            .map(([key, value]) => [key, String(value)]),
        ),
      )}`,
    );
  unanswered = () => this.call<AnswerOf<typeof askRoutes.unanswered>>('GET', '/api/admin/unanswered');
}

function searchOf(query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString();
  return params ? `?${params}` : '';
}

/** GET /api/tab-settings: public, no token. */
export async function fetchTabSettings(base = ''): Promise<AnswerOf<typeof identityRoutes.tabSettings>> {
  const response = await fetch(`${base}/api/tab-settings`);
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as AnswerOf<typeof identityRoutes.tabSettings>;
}
