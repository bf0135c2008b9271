import { Button, Field, Input, Link } from '@fluentui/react-components';
import { useState } from 'react';
import type { AskResult, UrgentSupport } from '../api';
import { Note, PageHeading, Problem } from '../components/common';
import { Section, useLayout } from '../components/layout';
import { messageOf, useAppState } from '../state';

type Asked =
  | { status: 'idle' }
  | { status: 'asking' }
  | { status: 'answered'; result: AskResult }
  | { status: 'failed'; message: string };

/** Urgent-support signposting: shown first, before anything else, when safety language is found. */
export function UrgentSupportPanel(props: { support: UrgentSupport }) {
  const { support } = props;
  return (
    <section aria-labelledby="urgent-heading" role="alert">
      <h2 id="urgent-heading">{support.title}</h2>
      <p>{support.intro}</p>
      <ul>
        {support.contacts.map((contact) => (
          <li key={contact.id}>
            <strong>{contact.name}</strong>
            {contact.phone ? (
              <>
                {' '}
                (call <a href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</a>)
              </>
            ) : null}
            : {contact.detail}
            {contact.url ? (
              <>
                {' '}
                <Link href={contact.url} target="_blank" rel="noopener noreferrer">
                  {contact.name} website
                </Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <p>{support.colleague}</p>
    </section>
  );
}

function Answer(props: { result: AskResult }) {
  const { result } = props;
  const { plan } = useAppState();
  if (result.intent === 'urgent' && result.urgentSupport)
    return <UrgentSupportPanel support={result.urgentSupport} />;
  if (result.intent === 'guide' && result.answers.length > 0) {
    return (
      <Section title="Guides that may help">
        <ol>
          {result.answers.map((answer) => {
            const theme = plan.find((candidate) => candidate.id === answer.themeId);
            return (
              <li key={answer.guideId}>
                <Link href={`#/guides/${answer.guideId}`}>{answer.title}</Link>
                {theme ? ` (point ${theme.number}: ${theme.title})` : null}
              </li>
            );
          })}
        </ol>
      </Section>
    );
  }
  if (result.intent === 'circles') {
    return (
      <Note>
        Leadership Support Circles are listed on the <Link href="#/circles">Circles</Link> page.
      </Note>
    );
  }
  if (result.intent === 'plan') {
    return (
      <Note>
        The <Link href="#/plan">ten-point plan</Link> is the place to start.
      </Note>
    );
  }
  if (result.intent === 'nudges') {
    return (
      <Note>
        Nudges are set in <Link href="#/settings">Settings</Link>.
      </Note>
    );
  }
  return (
    <Note>
      I'm not sure which guide fits that best. Try different words, browse the{' '}
      <Link href="#/plan">ten-point plan</Link>, or talk it through with other managers in a{' '}
      <Link href="#/circles">Leadership Support Circle</Link>.
    </Note>
  );
}

/** Ask a question in your own words; the answer is the guides the bot would offer. */
export function AskPage() {
  const { api } = useAppState();
  const styles = useLayout();
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState<Asked>({ status: 'idle' });
  const ask = async () => {
    if (!question.trim()) return;
    setAsked({ status: 'asking' });
    try {
      setAsked({ status: 'answered', result: await api.ask(question.trim()) });
    } catch (error) {
      setAsked({ status: 'failed', message: messageOf(error) });
    }
  };
  return (
    <>
      <PageHeading lead="Describe what's going on in your own words, for example “half my team is shielding, how do I keep us together?”">
        Ask a question
      </PageHeading>
      <form
        role="search"
        aria-label="Ask a question"
        className={styles.row}
        onSubmit={(event) => {
          event.preventDefault();
          void ask();
        }}
      >
        <Field label="Your question" style={{ flexGrow: 1, maxWidth: '40rem' }}>
          <Input value={question} maxLength={500} onChange={(_event, data) => setQuestion(data.value)} />
        </Field>
        <Button type="submit" appearance="primary" disabled={asked.status === 'asking' || !question.trim()}>
          Ask
        </Button>
      </form>
      <div aria-live="polite" className={styles.section}>
        {asked.status === 'answered' ? <Answer result={asked.result} /> : null}
        {asked.status === 'failed' ? <Problem title="Could not ask">{asked.message}</Problem> : null}
      </div>
    </>
  );
}
