import { Card, CardHeader, Link, Text } from '@fluentui/react-components';
import type { GuideSummary } from '../api';
import { PageHeading } from '../components/common';
import { ResourceList, Section, useLayout } from '../components/layout';
import { CircleList } from './CirclesPage';
import { useAppState, useLoad } from '../state';

/** Guides as a grid of cards: title (a link to the guide), reading time and summary. */
export function GuideCards(props: { guides: GuideSummary[] }) {
  const styles = useLayout();
  return (
    <ul className={styles.grid}>
      {props.guides.map((guide) => (
        <li key={guide.id}>
          <Card className={styles.card}>
            <CardHeader
              header={<Link href={`#/guides/${guide.id}`}>{guide.title}</Link>}
              description={
                <Text size={200} className={styles.muted}>
                  About {guide.readingMinutes} minutes to read
                </Text>
              }
            />
            <Text>{guide.summary}</Text>
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** One point of the plan: why it matters, its guides, its circles and its resources. */
export function ThemePage(props: { id: string }) {
  const { plan, api } = useAppState();
  const styles = useLayout();
  const theme = plan.find((candidate) => candidate.id === props.id);
  const [circles, reload] = useLoad(
    async () => (await api.circles({ theme: props.id })).circles,
    `theme-circles:${props.id}`,
  );
  if (!theme) {
    return (
      <PageHeading lead="There is no such point in the plan. Go back to the plan to choose one.">
        Theme not found
      </PageHeading>
    );
  }
  return (
    <>
      <p>
        <Link href="#/plan">The ten-point plan</Link> › Point {theme.number}
      </p>
      <PageHeading lead={theme.promise}>{`${theme.number}. ${theme.title}`}</PageHeading>
      <div className={styles.prose}>
        <p>{theme.whyNow}</p>
        <ul>
          {theme.behaviours.map((behaviour) => (
            <li key={behaviour}>{behaviour}</li>
          ))}
        </ul>
        <p>
          <strong>Inclusive leadership: </strong>
          {theme.inclusiveNote}
        </p>
      </div>
      <Section title="Three-minute guides">
        <GuideCards guides={theme.guides} />
      </Section>
      <Section title="Leadership Support Circles on this theme">
        <p>Circle topic: {theme.circleTopic}</p>
        <CircleList
          loaded={circles}
          label="circles"
          onChange={reload}
          emptyText="No circles on this theme are open for sign-up right now."
        />
      </Section>
      <Section title="Resources">
        <ResourceList resources={theme.resources} />
      </Section>
    </>
  );
}
