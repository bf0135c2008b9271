import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * How both adapters keep "one circle answer per person" without storing who gave which answer.
 *
 * The caller passes a `personKey`: an HMAC of the circle and the person under the service's secret, so it is
 * already one-way. Two tables hold circle feedback:
 * - `circle_feedback_givers (circle_id, giver_hash, answer_ref)`: `giver_hash` is SHA-256 of the key (the key
 *   itself is never stored), and `answer_ref` is the answer's random id sealed (AES-256-GCM) under a second
 *   hash of the key. The row has no time.
 * - `circle_feedback_answers (id, circle_id, helpful, recommend, change_text, given_on)`: a random id, the
 *   answer and the day only; no person column, no key.
 *
 * With only the database, neither the giver hash nor the sealed reference can be turned back into the key, so
 * no answer can be joined to a giver row (and times cannot join them: givers carry none, answers only the day).
 * A repeat presents the same key, finds its giver row by the hash, opens the reference, deletes the earlier
 * answer and writes the new one under a fresh id. Only someone holding both the service secret and a person's id
 * could find that person's answer, which is exactly what replacing it requires.
 */

function digest(label: string, personKey: string): Buffer {
  return createHash('sha256').update(label).update('\0').update(personKey).digest();
}

/** The stored hash that finds a person's giver row for a circle. */
export function giverHash(personKey: string): string {
  return digest('circle-feedback-giver', personKey).toString('base64url');
}

/** Seals an answer id so that only a holder of the person's key can read it back. */
export function sealAnswerRef(personKey: string, answerId: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', digest('circle-feedback-ref', personKey), iv);
  const sealed = Buffer.concat([cipher.update(answerId, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** Opens a sealed answer id with the person's key; undefined when it does not open (a different key). */
export function openAnswerRef(personKey: string, ref: string): string | undefined {
  const bytes = Buffer.from(ref, 'base64url');
  if (bytes.length < 29) return undefined;
  const decipher = createDecipheriv(
    'aes-256-gcm',
    digest('circle-feedback-ref', personKey),
    bytes.subarray(0, 12),
  );
  decipher.setAuthTag(bytes.subarray(12, 28));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
  } catch (error) {
    // A different key fails GCM's authentication; anything else is a bug. (Node's errors may come from another
    // realm under test runners, so the message is read without instanceof.)
    const message =
      typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : '';
    if (/authenticate/i.test(message)) return undefined;
    throw error;
  }
}
