import type { SignUpResult } from '../../core/circles/ports';
import type { Outcome } from '../../core/errors';

/** One booking outcome as the contention tests compare them (in this process or reported by a worker). */
export interface WorkerOutcome {
  userId: string;
  ok: boolean;
  /** The decision kind, or the error code. */
  kind: string;
  position?: number;
  sequence?: number;
  promoted?: string;
}

/** A sign-up's result as an outcome: its decision, waitlist position and arrival sequence, or its error code. */
export function signUpOutcome(userId: string, result: Outcome<SignUpResult>): WorkerOutcome {
  if (!result.ok) return { userId, ok: false, kind: result.code };
  const { decision, booking } = result.value;
  return {
    userId,
    ok: true,
    kind: decision.kind,
    ...('position' in decision ? { position: decision.position } : {}),
    sequence: booking.sequence,
  };
}
