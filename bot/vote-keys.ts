import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const SECRET_FILE = 'guide-vote-secret';

/**
 * One-way keys for guide votes: HMAC-SHA256 of the person and the guide under a secret, so a person votes once per
 * guide (a repeat replaces the earlier vote) while the store never holds who voted, and one person's keys for
 * two guides cannot be linked. The secret is derived from CALENDAR_LINK_SECRET when configured (shared by every
 * instance), else kept in DATA_DIR.
 */
export class VoterKeys {
  private constructor(private readonly secret: Buffer) {}

  /** Keys from configuration's shared secret, or from a secret of this instance's own in `dataDir`. */
  static open(sharedSecret: Buffer | undefined, dataDir: string): VoterKeys {
    if (sharedSecret) return new VoterKeys(createHmac('sha256', sharedSecret).update('guide-votes').digest());
    const file = path.join(dataDir, SECRET_FILE);
    if (!fs.existsSync(file)) {
      fs.mkdirSync(dataDir, { recursive: true });
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
    }
    return new VoterKeys(Buffer.from(fs.readFileSync(file, 'utf8'), 'base64'));
  }

  /** The key of one person's vote on one guide. */
  keyOf(guideId: string, userId: string): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify([guideId, userId]))
      .digest('base64url');
  }

  /**
   * The key of one person's feedback on one circle (CircleFeedbackStore's `personKey`): a different shape of input
   * from guide keys, so the two can never coincide, and one person's keys for two circles cannot be linked.
   */
  circleFeedbackKeyOf(circleId: string, userId: string): string {
    return createHmac('sha256', this.secret)
      .update(JSON.stringify(['circle-feedback', circleId, userId]))
      .digest('base64url');
  }
}
