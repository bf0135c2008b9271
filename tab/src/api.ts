/** The tab's typed client for the service's JSON API (see docs/api.md). */

/** Roles the service grants; `manager` is everyone's. */
export type Role = 'manager' | 'facilitator' | 'admin';

/** GET /api/me. */
export interface Me {
  id: string;
  tenantId: string;
  name: string;
  roles: Role[];
}

/** A guide as listed under its theme. */
export interface GuideSummary {
  id: string;
  title: string;
  summary: string;
  readingMinutes: number;
  /** Who the guide is written for. */
  audiences?: Audience[];
}

/** Who a guide is written for. */
export type Audience = 'manager' | 'facilitator';

/** A resource: video, podcast, article and so on. */
export interface Resource {
  id: string;
  type: 'video' | 'podcast' | 'article' | 'guide' | 'collection' | 'tool' | 'service';
  title: string;
  publisher?: string;
  url: string;
  themes?: string[];
  minutes?: number;
  description?: string;
}

/** One point of the ten-point plan. */
export interface Theme {
  id: string;
  number: number;
  title: string;
  promise: string;
  whyNow: string;
  behaviours: string[];
  inclusiveNote: string;
  circleTopic: string;
  /** True for points 8–10, which the programme team added to the published behaviours. */
  addedByProgrammeTeam?: boolean;
  guides: GuideSummary[];
  resources: Resource[];
}

/** GET /api/guides/:id. */
export interface Guide {
  id: string;
  title: string;
  summary: string;
  theme: { id: string; number: number; title: string };
  readingMinutes: number;
  wordCount: number;
  whyThisMatters: string;
  tryThisToday: string[];
  inclusiveLens: string;
  questions: string[];
  whereToGetHelp: string;
  resources: Resource[];
  circleTopic: string;
  lastReviewed: string;
  /** One line on what the last review changed, or null. */
  whatChanged?: string | null;
}

/** Urgent-support signposting, shown first when safety language is found. */
export interface UrgentSupport {
  title: string;
  intro: string;
  contacts: {
    id: string;
    name: string;
    detail: string;
    short: string;
    phone?: string;
    text?: { keyword: string; number: string };
    url?: string;
  }[];
  colleague: string;
  colleagueSteps: string[];
  followUp: string;
}

/** A guide the answer offers. */
export interface GuideAnswer {
  guideId: string;
  themeId: string;
  title: string;
  score: number;
}

/** POST /api/ask (see docs/api.md). */
export interface AskResult {
  intent: 'guide' | 'plan' | 'circles' | 'nudges' | 'help' | 'urgent' | 'offTopic';
  /** Guides for a guide question; for a check-in, the guides to offer once the person is safe for now. */
  answers: GuideAnswer[];
  /** For urgent answers: full signposting now (immediate), or first ask whether they are safe (check-in). */
  urgency?: 'immediate' | 'check-in';
  /** For urgent answers: whether the writer spoke of themselves or of a colleague. */
  about?: 'self' | 'colleague';
  urgentSupport?: UrgentSupport;
}

/** A place on a circle. */
export interface MyBooking {
  status: 'confirmed' | 'waitlisted';
  position?: number;
}

/** A circle as the caller may see it. */
export interface Circle {
  id: string;
  themeId: string | null;
  extraTopic: string | null;
  title: string;
  description: string;
  startsAt: string;
  durationMinutes: number;
  capacity: number;
  audience: 'open' | 'organisation';
  organisationId: string;
  status: 'scheduled' | 'cancelled';
  facilitator: { name: string | null; organisationName: string | null };
  seatsLeft: number;
  waitlistLength: number;
  myBooking: MyBooking | null;
  meetingUrl: string | null;
  calendarUrl?: string | null;
  isMine: boolean;
}

/** A circle's roster, for its facilitator. */
export interface Roster {
  circleId: string;
  participants: {
    userId: string;
    name: string;
    status: 'confirmed' | 'waitlisted';
    position?: number;
    attended?: boolean | null;
  }[];
}

/** A registered facilitator. */
export interface Facilitator {
  userId: string;
  name: string;
  organisationName: string;
  odsCode?: string;
  region: string;
}

/** A channel where the app is installed. */
export interface Channel {
  conversationId: string;
  teamId: string | null;
  title: string;
}

/** What the service tells the tab before sign-in (GET /api/tab-settings). */
export interface TabSettings {
  localIdentity: boolean;
  clientId: string | null;
  initiateLoginEndpoint: string | null;
}

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
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return new ApiError(
      response.status,
      body.error?.code ?? 'UNKNOWN',
      body.error?.message ?? `The service answered ${response.status}.`,
    );
  } catch {
    return new ApiError(response.status, 'UNKNOWN', `The service answered ${response.status}.`);
  }
}

/** Whether and when a person gets their weekly guide (their local day and time in an IANA time zone). */
export interface NudgeSettings {
  enabled: boolean;
  day: 'monday' | 'tuesday' | 'wednesday' | 'thursday' | 'friday' | 'saturday' | 'sunday';
  time: string;
  timeZone: string;
}

/** A broadcast's delivery report (`pending` counts messages waiting or in flight). */
export interface BroadcastReport {
  id: string;
  total: number;
  sent: number;
  failed: number;
  retired: number;
  pending: number;
}

/** Calls the API with a fresh bearer token; throws ApiError with the service's code on failure. */
export class ApiClient {
  constructor(
    private readonly token: TokenProvider,
    private readonly base = '',
  ) {}

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

  me = () => this.call<Me>('GET', '/api/me');
  plan = () => this.call<{ themes: Theme[] }>('GET', '/api/plan');
  guides = (audience?: Audience) =>
    this.call<{ guides: GuideSummary[] }>('GET', `/api/guides${audience ? `?audience=${audience}` : ''}`);
  guide = (id: string) => this.call<Guide>('GET', `/api/guides/${encodeURIComponent(id)}`);
  guideFeedback = (id: string, helpful: boolean, voteId: string) =>
    this.call<{ recorded: boolean }>('POST', `/api/guides/${encodeURIComponent(id)}/feedback`, {
      helpful,
      voteId,
    });
  resources = () => this.call<{ resources: Resource[] }>('GET', '/api/resources');
  ask = (question: string) => this.call<AskResult>('POST', '/api/ask', { question });
  circles = (query: Record<string, string> = {}) =>
    this.call<{ circles: Circle[] }>('GET', `/api/circles${searchOf(query)}`);
  /** GET /api/me/nudges: the caller's weekly nudge settings (the defaults until they choose). */
  nudgeSettings = () => this.call<NudgeSettings>('GET', '/api/me/nudges');
  /** PUT /api/me/nudges: replaces the caller's nudge settings. */
  saveNudgeSettings = (settings: NudgeSettings) =>
    this.call<NudgeSettings>('PUT', '/api/me/nudges', settings);
  /** POST /api/admin/broadcasts: a guide to everyone with nudges on; answers the broadcast's id. */
  broadcast = (guideId: string) => this.call<{ id: string }>('POST', '/api/admin/broadcasts', { guideId });
  /** GET /api/admin/broadcasts/:id: the broadcast's delivery report. */
  broadcastReport = (id: string) =>
    this.call<BroadcastReport>('GET', `/api/admin/broadcasts/${encodeURIComponent(id)}`);
  /** POST /api/admin/broadcasts/:id/resend: sends again to failed recipients only. */
  resendBroadcast = (id: string) =>
    this.call<{ id: string; requeued: number }>(
      'POST',
      `/api/admin/broadcasts/${encodeURIComponent(id)}/resend`,
      {},
    );
  myBookings = () => this.call<{ bookings: Circle[] }>('GET', '/api/me/bookings');
  /** GET /api/me/data: everything the service holds about the caller (kept as the JSON the service sent). */
  myData = () => this.call<Record<string, unknown>>('GET', '/api/me/data');
  /** DELETE /api/me/data: erases the caller's data (204). */
  eraseMyData = () => this.call<undefined>('DELETE', '/api/me/data');
  book = (id: string) => this.call<MyBooking>('POST', `/api/circles/${id}/bookings`, {});
  /** POST /api/circles/:id/feedback: a participant's answer about a circle that has started. */
  circleFeedback = (id: string, answer: { helpful: number; recommend: boolean; change?: string }) =>
    this.call<{ status: 'added' | 'replaced' }>('POST', `/api/circles/${id}/feedback`, answer);
  unbook = (id: string) => this.call<{ status: 'cancelled' }>('DELETE', `/api/circles/${id}/bookings/me`);
  createCircle = (draft: Record<string, unknown>) => this.call<Circle>('POST', '/api/circles', draft);
  editCircle = (id: string, changes: Record<string, unknown>) =>
    this.call<Circle>('PATCH', `/api/circles/${id}`, changes);
  cancelCircle = (id: string) => this.call<Circle>('DELETE', `/api/circles/${id}`);
  roster = (id: string) => this.call<Roster>('GET', `/api/circles/${id}/roster`);
  markAttendance = (id: string, userId: string, attended: boolean) =>
    this.call<{ userId: string; attended: boolean }>('PUT', `/api/circles/${id}/attendance`, {
      userId,
      attended,
    });
  channels = () => this.call<{ channels: Channel[] }>('GET', '/api/channels');
  postInvite = (id: string, conversationId: string) =>
    this.call<{ conversationId: string; activityId: string }>('POST', `/api/circles/${id}/posts`, {
      conversationId,
    });
  facilitators = () => this.call<{ facilitators: Facilitator[] }>('GET', '/api/facilitators');
  addFacilitator = (facilitator: Facilitator) =>
    this.call<unknown>('POST', '/api/admin/facilitators', facilitator);
  removeFacilitator = (userId: string) =>
    this.call<unknown>('DELETE', `/api/admin/facilitators/${encodeURIComponent(userId)}`);
  unanswered = () =>
    this.call<{ questions: { id: number; text: string; askedOn: string }[] }>('GET', '/api/admin/unanswered');
}

function searchOf(query: Record<string, string>): string {
  const params = new URLSearchParams(query).toString();
  return params ? `?${params}` : '';
}

/** GET /api/tab-settings: public, no token. */
export async function fetchTabSettings(base = ''): Promise<TabSettings> {
  const response = await fetch(`${base}/api/tab-settings`);
  if (!response.ok) throw await errorOf(response);
  return (await response.json()) as TabSettings;
}
