import type { Activity } from 'botbuilder';
import { conversationRecordOf } from '../../bot/teams-bot';

const NOW = new Date('2026-11-27T12:00:00Z');
const TEAM = '19:team-ward-7@thread.tacv2';

function activity(
  conversation: Record<string, unknown>,
  channelData: Record<string, unknown> = {},
): Activity {
  const partial: Partial<Activity> = {
    type: 'conversationUpdate',
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/uk/',
    from: { id: '29:user-1', name: 'Asha Patel', aadObjectId: 'oid-asha' },
    recipient: { id: '28:bot', name: 'Leading Compassionately' },
    conversation: { id: TEAM, isGroup: true, conversationType: 'channel', name: '', ...conversation },
    channelData: { tenant: { id: 'tenant-1' }, ...channelData },
  };
  return partial as Activity;
}

describe('the conversation record kept for a Teams activity', () => {
  it('names a channel "Team › Channel" from the team and channel names Teams sends', () => {
    const record = conversationRecordOf(
      activity(
        { id: '19:rota@thread.tacv2' },
        { team: { id: TEAM, name: 'Ward 7' }, channel: { id: '19:rota@thread.tacv2', name: 'Rota' } },
      ),
      NOW,
    );
    expect(record).toMatchObject({ scope: 'channel', teamId: TEAM, title: 'Ward 7 › Rota' });
  });

  it('names the General channel, which has the team id and often no name, after the team', () => {
    const install = conversationRecordOf(activity({}, { team: { id: TEAM, name: 'Ward 7' } }), NOW);
    expect(install?.title).toBe('Ward 7 › General');
    const threaded = conversationRecordOf(
      activity({ id: `${TEAM};messageid=1700000000000` }, { team: { id: TEAM, name: 'Ward 7' } }),
      NOW,
    );
    expect(threaded?.title).toBe('Ward 7 › General');
  });

  it('leaves the title out when the activity does not name both team and channel', () => {
    const noNames = conversationRecordOf(
      activity({ id: '19:rota@thread.tacv2' }, { team: { id: TEAM } }),
      NOW,
    );
    expect(noNames).toBeDefined();
    expect(noNames && 'title' in noNames).toBe(false);
    const teamOnly = conversationRecordOf(
      activity(
        { id: '19:rota@thread.tacv2' },
        { team: { id: TEAM, name: 'Ward 7' }, channel: { id: '19:rota@thread.tacv2' } },
      ),
      NOW,
    );
    expect(teamOnly?.title).toBeUndefined();
    const odd = conversationRecordOf(
      activity(
        {},
        { team: { id: TEAM, name: { text: 'Ward 7' } }, channel: { id: TEAM, name: 'x'.repeat(500) } },
      ),
      NOW,
    );
    expect(odd?.title).toBeUndefined();
  });

  it('never keeps a name for a personal or group chat, and never a person', () => {
    const personal = conversationRecordOf(
      activity(
        { id: 'a:personal', conversationType: 'personal', isGroup: false },
        { team: { id: TEAM, name: 'Ward 7' } },
      ),
      NOW,
    );
    const group = conversationRecordOf(
      activity(
        { id: '19:group@thread.v2', conversationType: 'groupChat', name: 'Asha and Ben' },
        { team: { id: TEAM, name: 'Ward 7' }, channel: { id: TEAM, name: 'General' } },
      ),
      NOW,
    );
    expect(personal?.title).toBeUndefined();
    expect(group?.title).toBeUndefined();
    for (const record of [personal, group]) {
      expect(JSON.stringify(record)).not.toMatch(/Asha|Ben|Ward 7/);
    }
  });

  it('keeps only the day for a personal chat, which names a person, and the exact time for a channel', () => {
    const personal = conversationRecordOf(
      activity({ id: 'a:personal', isGroup: false, conversationType: 'personal' }),
      new Date('2026-11-27T12:34:56.789Z'),
    );
    expect(personal).toMatchObject({ scope: 'personal', updatedAt: '2026-11-27T00:00:00.000Z' });
    const channel = conversationRecordOf(activity({}), new Date('2026-11-27T12:34:56.789Z'));
    expect(channel?.updatedAt).toBe('2026-11-27T12:34:56.789Z');
  });
});
