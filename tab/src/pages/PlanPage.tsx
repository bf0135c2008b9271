import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import { PageHeading } from '../components/common';
import { useLayout } from '../components/layout';
import { useAppState } from '../state';

/** The ten-point plan: each point opens its theme. */
export function PlanPage() {
  const { plan } = useAppState();
  const styles = useLayout();
  return (
    <>
      <PageHeading lead="Ten things that help you lead with compassion when the pressure is on. Points 1 to 7 are the published behaviours for leading through a crisis; points 8 to 10 were added by the programme team. Each point opens short guides, resources and peer support circles.">
        The ten-point plan
      </PageHeading>
      <ol className={styles.grid} aria-label="The ten points">
        {plan.map((theme) => (
          <li key={theme.id}>
            <Card className={styles.card}>
              <CardHeader
                header={
                  <Link href={`#/themes/${theme.id}`}>
                    {theme.number}. {theme.title}
                  </Link>
                }
                description={
                  <Text size={200} className={styles.muted}>
                    {theme.guides.length} {theme.guides.length === 1 ? 'guide' : 'guides'}
                    {theme.addedByProgrammeTeam ? ' · added by the programme team' : ''}
                  </Text>
                }
              />
              <Text>{theme.promise}</Text>
            </Card>
          </li>
        ))}
      </ol>
    </>
  );
}
