import { Button, Link, Text } from '@fluentui/react-components';
import type { Guide } from '../api';
import { GuideText, Note, Outcome, PageHeading, Show, useAction } from '../components/common';
import { ResourceList, Section, useLayout } from '../components/layout';
import { useAppState, useLoad } from '../state';

function Helpful(props: { guideId: string }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [state, run] = useAction();
  const send = (helpful: boolean) =>
    run(async () => {
      await api.guideFeedback(props.guideId, helpful, crypto.randomUUID());
      return helpful
        ? 'Thank you. Glad it helped.'
        : 'Thank you. The content team reads every answer and will use it to improve this guide.';
    });
  if (state.kind === 'ok') return <Note intent="success">{state.text}</Note>;
  return (
    <div role="group" aria-labelledby="helpful-label">
      <p id="helpful-label">Was this guide helpful? Your answer is anonymous.</p>
      <div className={styles.row}>
        <Button onClick={() => void send(true)} disabled={state.kind === 'busy'}>
          Yes, it helped
        </Button>
        <Button onClick={() => void send(false)} disabled={state.kind === 'busy'}>
          No, not really
        </Button>
      </div>
      <Outcome state={state} failureTitle="Your answer was not saved" />
    </div>
  );
}

function GuideBody(props: { guide: Guide }) {
  const { guide } = props;
  const styles = useLayout();
  return (
    <>
      <p>
        <Link href="#/plan">The ten-point plan</Link> ›{' '}
        <Link href={`#/themes/${guide.theme.id}`}>
          {guide.theme.number}. {guide.theme.title}
        </Link>
      </p>
      <PageHeading lead={guide.summary}>{guide.title}</PageHeading>
      <Text className={styles.muted}>
        About {guide.readingMinutes} minutes to read · last reviewed {guide.lastReviewed}
        {guide.whatChanged ? ` · what changed: ${guide.whatChanged}` : ''}
      </Text>
      <div className={styles.prose}>
        <Section title="Why this matters">
          <GuideText markdown={guide.whyThisMatters} />
        </Section>
        <Section title="Try this today">
          <ul>
            {guide.tryThisToday.map((action) => (
              <li key={action}>
                <GuideText markdown={action} />
              </li>
            ))}
          </ul>
        </Section>
        <Section title="The inclusive lens">
          <GuideText markdown={guide.inclusiveLens} />
        </Section>
        <Section title="Questions to ask">
          <ul>
            {guide.questions.map((question) => (
              <li key={question}>{question}</li>
            ))}
          </ul>
        </Section>
        <Section title="Where to get help">
          <GuideText markdown={guide.whereToGetHelp} />
        </Section>
        <Section title="Talk it through in a circle">
          <p>
            Leadership Support Circles on “{guide.circleTopic}” are small, confidential and run by a trained
            facilitator. <Link href="#/circles">Find a circle</Link>.
          </p>
        </Section>
      </div>
      {guide.resources.length > 0 ? (
        <Section title="Related resources">
          <ResourceList resources={guide.resources} />
        </Section>
      ) : null}
      <Section title="Your feedback">
        <Helpful guideId={guide.id} />
      </Section>
    </>
  );
}

/** A three-minute guide in full, with its reading time and an anonymous "was this helpful?". */
export function GuidePage(props: { id: string }) {
  const { api } = useAppState();
  const [guide] = useLoad(() => api.guide(props.id), `guide:${props.id}`);
  return (
    <Show loaded={guide} label="the guide">
      {(value) => <GuideBody guide={value} />}
    </Show>
  );
}
