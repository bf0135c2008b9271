import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { OutboxItem } from '../../core/outbox/ports';
import type { ConversationRecord, Stores, Telemetry } from '../../core/ports';
import { DEFAULT_OUTBOX_WORKER } from '../../bot/service';
import { LimitedSender, systemClock, type Clock } from '../../bot/outbox/sender';
import { TeamsTransport } from '../../bot/outbox/teams-transport';
import { CardBuilders, OutboxWorker, type OutboxWorkerOptions } from '../../bot/outbox/worker';
import { openSqliteStores } from '../../storage/sqlite/sqlite-stores';

/** The text a rig card carries: which row it came from, so a test can count deliveries per row. */
export const rowLabel = (item: Pick<OutboxItem, 'kind' | 'conversationId' | 'occurrence'>) =>
  `${item.kind}|${item.conversationId}|${item.occurrence}`;

/** A telemetry that drops everything (rig runs measure the fake connector instead). */
export const quietTelemetry: Telemetry = {
  event: () => undefined,
  exception: () => undefined,
  flush: () => Promise.resolve(),
};

/** A personal conversation record pointing at the fake connector. */
export function rigConversation(conversationId: string, serviceUrl: string): ConversationRecord {
  return {
    conversationId,
    scope: 'personal',
    channelId: 'msteams',
    serviceUrl,
    tenantId: 'tenant-1',
    botId: '28:bot',
    userId: `29:${conversationId}`,
    userAadObjectId: `oid-${conversationId}`,
    teamId: undefined,
    updatedAt: '2026-12-01T09:00:00.000Z',
  };
}

/** The real outbox worker, sender and botbuilder transport on a SQLite store, sending to a fake connector. */
export interface OutboxRig {
  stores: Stores;
  worker: OutboxWorker;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Builds the outbox's sending half as the service does (CloudAdapter without an app id, as in local runs), with
 * a 'broadcast' card builder whose card names its row.
 */
export function openOutboxRig(options: {
  ratePerSecond: number;
  worker?: Partial<OutboxWorkerOptions>;
  clock?: Clock;
  dataDir?: string;
}): OutboxRig {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'lc-outbox-'));
  const stores = openSqliteStores(dataDir);
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppType: 'MultiTenant',
      MicrosoftAppTenantId: '',
    }),
  );
  const clock = options.clock ?? systemClock;
  const sender = new LimitedSender(new TeamsTransport(adapter, ''), options.ratePerSecond, clock);
  const builders = new CardBuilders();
  builders.register('broadcast', (row) =>
    Promise.resolve({
      card: {
        type: 'AdaptiveCard',
        $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
        version: '1.5',
        body: [{ type: 'TextBlock', text: rowLabel(row), wrap: true }],
      },
    }),
  );
  const worker = new OutboxWorker(
    stores.outbox,
    stores.conversations,
    builders,
    sender,
    quietTelemetry,
    { ...DEFAULT_OUTBOX_WORKER, maxAttempts: 5, baseBackoffMs: 20, maxBackoffMs: 200, ...options.worker },
    clock,
  );
  return {
    stores,
    worker,
    dataDir,
    close: async () => {
      await worker.stop();
      await stores.close();
    },
  };
}

/** The row label a recorded call's card carries. */
export function labelOfCall(body: Record<string, unknown>): string | undefined {
  const attachments = body.attachments as { content?: { body?: { text?: string }[] } }[] | undefined;
  return attachments?.[0]?.content?.body?.[0]?.text;
}
