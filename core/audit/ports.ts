/**
 * The audit log: who did what to which object, and when. Rows hold only stored ids (the actor's and the affected
 * person's pseudonymous Entra object ids, a circle id), a fixed action name and a time: never names, free text
 * or values typed by people. When a person is erased, their ids in the log are replaced by their pseudonym.
 */

/** Every action the audit log records. */
export const AUDIT_ACTIONS = [
  'role.grant',
  'role.revoke',
  'circle.edit',
  'circle.cancel',
  'attendance.mark',
  'roster.read',
  'personalData.export',
  'personalData.erase',
] as const;

/** One audited action. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** What is written for one audited action. */
export interface AuditEntry {
  /** The stored id of whoever acted (from their verified identity), or their pseudonym once erased. */
  actorId: string;
  action: AuditAction;
  /** The circle acted on, when there is one. */
  circleId: string | undefined;
  /** The person acted on (granted a role, marked as attending, whose data was exported or erased), if any. */
  subjectId: string | undefined;
  at: Date;
}

/** An audit row as read back: its arrival number and the time as ISO-8601 UTC. */
export interface AuditEvent {
  id: number;
  actorId: string;
  action: AuditAction;
  circleId: string | null;
  subjectId: string | null;
  at: string;
}

/** Which audit rows to read: a time window, newest first, one page at a time. */
export interface AuditQuery {
  /** Inclusive lower bound on the time (ISO-8601 UTC). */
  from?: string;
  /** Exclusive upper bound on the time (ISO-8601 UTC). */
  to?: string;
  /** Only rows with an id below this one (the previous page's last id). */
  before?: number;
  limit: number;
}

/** Keeps the audit log. */
export interface AuditStore {
  record(entry: AuditEntry): Promise<void>;
  /** Rows matching the query, newest first (by arrival), at most `limit`. */
  list(query: AuditQuery): Promise<AuditEvent[]>;
  /** Every row where the person acted or was acted on, oldest first (for their data export). */
  involving(userId: string): Promise<AuditEvent[]>;
  /** Erasure: the person's id becomes `pseudonym` wherever it appears (actor or subject); returns rows changed. */
  pseudonymise(userId: string, pseudonym: string): Promise<number>;
}
