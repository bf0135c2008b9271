import { Field, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { PageHeading } from '../components/common';
import { ThemeOptions } from '../components/layout';
import { pathOf } from '../routes';
import { useAppState } from '../state';

/**
 * The channel tab's configuration page: the team picks which circles the tab shows (all, or one point of the
 * plan), and Teams saves the matching content URL.
 */
export default function ConfigurePage() {
  const { plan } = useAppState();
  const [themeId, setThemeId] = useState('');
  const [inTeams, setInTeams] = useState(true);
  useEffect(() => {
    let cancelled = false;
    void import('@microsoft/teams-js').then(({ app, pages }) => {
      if (!app.isInitialized()) {
        if (!cancelled) setInTeams(false);
        return;
      }
      const base = `${window.location.origin}/tab/`;
      const path = pathOf({ page: 'team-circles', themeId: themeId || undefined });
      const theme = plan.find((candidate) => candidate.id === themeId);
      pages.config.registerOnSaveHandler((event) => {
        pages.config
          .setConfig({
            entityId: `team-circles-${themeId || 'all'}`,
            contentUrl: `${base}?theme={theme}&locale={locale}#${path}`,
            websiteUrl: `${base}#${path}`,
            suggestedDisplayName: theme ? `Circles: ${theme.title}` : 'Circles for this team',
          })
          .then(
            () => event.notifySuccess(),
            (error: unknown) => event.notifyFailure(error instanceof Error ? error.message : String(error)),
          );
      });
      pages.config.setValidityState(true);
    });
    return () => {
      cancelled = true;
    };
  }, [themeId, plan]);
  return (
    <>
      <PageHeading lead="Choose which Leadership Support Circles this channel's tab shows. Everyone in the team can sign up from it.">
        Circles for this team
      </PageHeading>
      <Field label="Show circles on">
        <Select value={themeId} onChange={(_event, data) => setThemeId(data.value)}>
          <option value="">Every point of the plan</option>
          <ThemeOptions themes={plan} />
        </Select>
      </Field>
      {inTeams ? null : (
        <p>Outside Teams this page does nothing: Teams shows it when someone adds the tab to a channel.</p>
      )}
    </>
  );
}
