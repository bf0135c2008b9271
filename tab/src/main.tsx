import { FluentProvider, Spinner } from '@fluentui/react-components';
import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiClient, fetchTabSettings, type Me, type TabSettings, type Theme } from './api';
import { App } from './App';
import { choosePersona, chosenPersona, localTokens, teamsSsoTokens, type LocalPersona } from './auth';
import { PageHeading, Problem } from './components/common';
import { startPathFromTeams } from './routes';
import { AppStateProvider, messageOf } from './state';
import { connectToHost, type HostInfo } from './teams';
import { fluentThemeOf, type ThemeName } from './theme';

type Session =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; me: Me; plan: Theme[] };

function Root(props: { host: HostInfo; settings: TabSettings }) {
  const { host, settings } = props;
  const [theme, setTheme] = useState<ThemeName>(host.theme);
  const local = !host.inTeams && settings.localIdentity;
  const [persona, setPersona] = useState<LocalPersona | undefined>(local ? chosenPersona() : undefined);
  const api = useMemo(
    () => new ApiClient(persona ? localTokens(persona) : teamsSsoTokens(settings)),
    [persona, settings],
  );
  const [session, setSession] = useState<Session>({ status: 'loading' });

  useEffect(() => host.onThemeChange(setTheme), [host]);
  useEffect(() => {
    let current = true;
    Promise.all([api.me(), api.plan()]).then(
      ([me, plan]) => current && setSession({ status: 'ready', me, plan: plan.themes }),
      (error: unknown) => current && setSession({ status: 'failed', message: messageOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [api]);

  const changePersona = (next: LocalPersona) => {
    choosePersona(next);
    setSession({ status: 'loading' });
    setPersona(next);
  };

  let body;
  if (!host.inTeams && !settings.localIdentity) {
    body = (
      <main style={{ padding: '1rem 2rem' }}>
        <PageHeading lead="Open Leading Compassionately from the Apps menu in Microsoft Teams to sign in with your NHS account.">
          Open this app in Teams
        </PageHeading>
      </main>
    );
  } else if (session.status === 'loading') {
    body = <Spinner style={{ padding: '3rem' }} label="Loading Leading Compassionately…" />;
  } else if (session.status === 'failed') {
    body = (
      <main style={{ padding: '1rem 2rem' }}>
        <Problem title="Leading Compassionately could not start">{session.message}</Problem>
      </main>
    );
  } else {
    body = (
      <AppStateProvider
        value={{
          api,
          me: session.me,
          locale: host.locale,
          plan: session.plan,
          meetingCreation: settings.meetingCreation === true,
        }}
      >
        <App
          key={session.me.id}
          startPath={
            startPathFromTeams(host.pageId, host.subPageId) ??
            (host.frameContext === 'settings' ? '/configure' : undefined)
          }
          persona={persona}
          onPersonaChange={changePersona}
        />
      </AppStateProvider>
    );
  }
  return (
    <FluentProvider theme={fluentThemeOf(theme)} data-theme={theme} style={{ minHeight: '100vh' }}>
      {body}
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page has no #root element.');
  const [host, settings] = await Promise.all([connectToHost(), fetchTabSettings()]);
  document.documentElement.lang = host.locale;
  createRoot(container).render(
    <StrictMode>
      <Root host={host} settings={settings} />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  document.body.textContent = `Leading Compassionately could not start: ${messageOf(error)}`;
});
