import { randomUUID } from 'node:crypto';
import { decide } from '../../core/outbox/limits';
import type { OutboxKind, OutboxRow, OutboxStore } from '../../core/outbox/ports';
import type { ConversationRecord, ConversationStore, Telemetry } from '../../core/ports';
import type { AdaptiveCard } from '../cards/types';
import { isHeldBack, systemClock, type Clock, type LimitedSender } from './sender';
import type { TransportResult } from './teams-transport';

/**
 * What to send for one outbox row: a new message, updates of messages already posted (an invite card in a
 * channel), or nothing (what it was about is gone).
 */
export type OutboxMessage = { card: AdaptiveCard; updateActivityIds?: readonly string[] } | undefined;

/** Builds a row's card at send time from its payload and the conversation it goes to. */
export type CardBuilder = (row: OutboxRow, conversation: ConversationRecord) => Promise<OutboxMessage>;

/** Card builders by outbox kind: each feature registers the builders for the kinds it enqueues. */
export class CardBuilders {
  private readonly builders = new Map<OutboxKind, CardBuilder>();

  /** Registers the builder for a kind; registering one kind twice is a bug. */
  register(kind: OutboxKind, builder: CardBuilder): void {
    if (this.builders.has(kind))
      throw new Error(`A card builder for outbox kind '${kind}' is already registered.`);
    this.builders.set(kind, builder);
  }

  get(kind: OutboxKind): CardBuilder | undefined {
    return this.builders.get(kind);
  }
}

/** How the worker paces itself. */
export interface OutboxWorkerOptions {
  /** Rows claimed at once. */
  batchSize: number;
  /** How long a claim is held; a crashed worker's rows are reclaimed after it. */
  leaseMs: number;
  /** Attempts before a row is failed (SEND_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** First backoff after a transient failure; doubles each attempt up to maxBackoffMs, with jitter. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Longest idle wait between looks at the outbox (new rows from other instances). */
  pollMs: number;
  /** Requests in flight at once. */
  concurrency: number;
  random?: () => number;
  workerId?: string;
}

/**
 * Drains the outbox: claims due rows with a lease, builds each card through the registered builder and sends it
 * through the limit-aware sender, then records the outcome (sent, retry with backoff, retired on 403/404, failed
 * after maxAttempts). Any number of workers in any number of instances can run against one store.
 */
export class OutboxWorker {
  readonly workerId: string;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly outbox: OutboxStore,
    private readonly conversations: ConversationStore,
    private readonly builders: CardBuilders,
    private readonly sender: LimitedSender,
    private readonly telemetry: Telemetry,
    private readonly options: OutboxWorkerOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.workerId = options.workerId ?? randomUUID();
  }

  /** Starts the loop (idempotent). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Looks at the outbox now (after an enqueue in this process) instead of at the next poll. */
  kick(): void {
    this.wake?.();
  }

  /** Stops claiming, lets requests in flight finish and record their outcome. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
  }

  /** Claims and sends one batch of due rows; returns how many rows it claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const rows = await this.outbox.claimDue(
      new Date(now),
      this.options.batchSize,
      this.options.leaseMs,
      this.workerId,
    );
    // A conversation's rows go one after another (a 403 on the first stops the rest); conversations in parallel.
    const byConversation = new Map<string, OutboxRow[]>();
    for (const row of rows) {
      byConversation.set(row.conversationId, [...(byConversation.get(row.conversationId) ?? []), row]);
    }
    for (const group of byConversation.values()) {
      const task = this.deliverInTurn(group);
      this.inFlight.add(task);
      void task.finally(() => this.inFlight.delete(task));
      if (this.inFlight.size >= this.options.concurrency) await Promise.race(this.inFlight);
    }
    await Promise.all(this.inFlight);
    return rows.length;
  }

  private async deliverInTurn(rows: readonly OutboxRow[]): Promise<void> {
    for (const row of rows) {
      if (!this.running && this.loop !== undefined) {
        // Stopping: give back what was claimed but not started, without using an attempt.
        await this.outbox.markRetry(row.id, this.workerId, new Date(this.clock.now()), 'STOPPED', {
          refund: true,
        });
        continue;
      }
      await this.deliver(row).catch((error: unknown) => {
        this.telemetry.exception(error, { operation: 'outbox.deliver', kind: row.kind });
      });
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = await this.runOnce();
      } catch (error) {
        this.telemetry.exception(error, { operation: 'outbox.claim' });
      }
      if (claimed > 0 || !this.running) continue;
      const next = await this.outbox.nextDueAt().catch(() => undefined);
      const wait = Math.min(
        this.options.pollMs,
        next ? next.getTime() - this.clock.now() : this.options.pollMs,
      );
      if (wait <= 0) continue;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        void this.clock.sleep(wait).then(resolve);
      });
      this.wake = undefined;
    }
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const record = await this.conversations.get(row.conversationId);
    if (!record) {
      await this.outbox.retireConversation(row.conversationId);
      this.telemetry.event('outbox.retired', { kind: row.kind, reason: 'unknown-conversation' });
      return;
    }
    const builder = this.builders.get(row.kind);
    if (!builder) {
      await this.settle(row, record, { ok: false, status: 'network' }, 'NO_BUILDER');
      return;
    }
    const message = await builder(row, record);
    if (!message) {
      await this.outbox.markFailed(row.id, this.workerId, 'NOTHING_TO_SEND');
      return;
    }
    // Hold a row only as long as its lease allows; beyond that, give it back to wait without using an attempt.
    const maxWaitMs = this.options.leaseMs / 2;
    const targets = message.updateActivityIds ?? [undefined];
    let last: TransportResult = { ok: true };
    for (const activityId of targets) {
      const result = await this.sender.send(record, message.card, maxWaitMs, activityId);
      if (isHeldBack(result)) {
        await this.outbox.markRetry(row.id, this.workerId, new Date(result.heldUntil), 'RATE_LIMITED', {
          refund: true,
        });
        return;
      }
      last = result;
      if (!result.ok) break;
    }
    await this.settle(row, record, last);
  }

  private async settle(
    row: OutboxRow,
    record: ConversationRecord,
    result: TransportResult,
    code?: string,
  ): Promise<void> {
    const errorCode =
      code ?? (result.ok ? 'OK' : result.status === 'network' ? 'NETWORK' : `HTTP_${result.status}`);
    const decision = decide(result, row.attempts, {
      maxAttempts: this.options.maxAttempts,
      baseMs: this.options.baseBackoffMs,
      maxMs: this.options.maxBackoffMs,
      random: this.options.random ?? Math.random,
    });
    const now = this.clock.now();
    switch (decision.action) {
      case 'sent':
        await this.outbox.markSent(row.id, this.workerId, new Date(now));
        this.telemetry.event('outbox.sent', { kind: row.kind, attempts: row.attempts });
        return;
      case 'retire':
        await this.conversations.remove(record.conversationId);
        await this.outbox.retireConversation(record.conversationId);
        this.telemetry.event('outbox.retired', { kind: row.kind, reason: errorCode });
        return;
      case 'fail':
        await this.outbox.markFailed(row.id, this.workerId, errorCode);
        this.telemetry.event('outbox.failed', { kind: row.kind, reason: errorCode, attempts: row.attempts });
        return;
      case 'retry':
        await this.outbox.markRetry(row.id, this.workerId, new Date(now + decision.delayMs), errorCode, {
          refund: decision.refund,
        });
    }
  }
}
