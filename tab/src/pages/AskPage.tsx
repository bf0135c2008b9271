import { Button, Field, Input, Link, makeStyles, tokens } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { AskResult, GuideAnswer, UrgentSupport } from '../api';
import { Note, PageHeading, Problem } from '../components/common';
import { Section, useFocusOnMount, useLayout } from '../components/layout';
import { messageOf, useAppState } from '../state';

type Asked =
  | { status: 'idle' }
  | { status: 'asking' }
  | { status: 'answered'; result: AskResult; count: number }
  | { status: 'failed'; message: string };

const useStyles = makeStyles({
  // A heading that takes focus when revealed is not a control, so it shows no ring.
  focusTarget: { ':focus': { outline: 'none' } },
  checkIn: {
    marginTop: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalL,
    border: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    maxWidth: '46rem',
  },
  summary: { cursor: 'pointer', padding: `${tokens.spacingVerticalXS} 0` },
});

/** The urgent-support contacts: phone numbers as call links, websites opening in a new window. */
function ContactList(props: { contacts: UrgentSupport['contacts'] }) {
  return (
    <ul>
      {props.contacts.map((contact) => (
        <li key={contact.id}>
          <strong>{contact.name}</strong>
          {contact.phone ? (
            <>
              {' '}
              (call <Link href={`tel:${contact.phone.replace(/\s/g, '')}`}>{contact.phone}</Link>)
            </>
          ) : null}
          {contact.text ? (
            <>
              {' '}
              (text{' '}
              <Link href={`sms:${contact.text.number}?&body=${contact.text.keyword}`}>
                {contact.text.keyword} to {contact.text.number}
              </Link>
              )
            </>
          ) : null}
          : {contact.detail}
          {contact.url ? (
            <>
              {' '}
              <Link href={contact.url} target="_blank" rel="noopener noreferrer">
                {contact.name} website
                <span className="visually-hidden"> (opens in a new window)</span>
              </Link>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Urgent-support signposting: shown first, before anything else, when safety language is found. With
 * `focusOnMount` its heading takes focus (when the person revealed it themselves).
 */
export function UrgentSupportPanel(props: { support: UrgentSupport; focusOnMount?: boolean }) {
  const { support } = props;
  const styles = useStyles();
  const heading = useFocusOnMount<HTMLHeadingElement>(props.focusOnMount ?? false);
  return (
    <section aria-labelledby="urgent-heading" role="alert">
      <h2
        id="urgent-heading"
        ref={heading}
        className={styles.focusTarget}
        {...(props.focusOnMount ? { tabIndex: -1 } : {})}
      >
        {support.title}
      </h2>
      <p>{support.intro}</p>
      <ContactList contacts={support.contacts} />
      <p>{support.colleague}</p>
      <ul>
        {support.colleagueSteps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ul>
    </section>
  );
}

/** The contacts in one line ("Emergency 999 · NHS 111 · Samaritans 116 123"), for signposting kept in view. */
function oneLine(support: UrgentSupport): string {
  return support.contacts
    .filter((contact) => contact.phone ?? contact.text)
    .map((contact) =>
      contact.phone
        ? contact.name.includes(contact.phone)
          ? contact.name
          : `${contact.name} ${contact.phone}`
        : `${contact.name} (text ${contact.text?.keyword ?? ''} to ${contact.text?.number ?? ''})`,
    )
    .join(' · ');
}

/** The signposting folded to one line after "safe for now": still there, and opens to every contact. */
function FoldedSupport(props: { support: UrgentSupport }) {
  const styles = useStyles();
  return (
    <details>
      <summary className={styles.summary}>
        If things change, help is there any time: {oneLine(props.support)} (show all contacts)
      </summary>
      <ContactList contacts={props.support.contacts} />
    </details>
  );
}

/** Guides the answer offers, each with its point of the plan. */
function GuideList(props: { answers: GuideAnswer[] }) {
  const { plan } = useAppState();
  return (
    <ol>
      {props.answers.map((answer) => {
        const theme = plan.find((candidate) => candidate.id === answer.themeId);
        return (
          <li key={answer.guideId}>
            <Link href={`#/guides/${answer.guideId}`}>{answer.title}</Link>
            {theme ? ` (point ${theme.number}: ${theme.title})` : null}
          </li>
        );
      })}
    </ol>
  );
}

const CHECK_IN_WORDS = {
  self: {
    question: 'Are you safe right now?',
    intro:
      'Something in what you wrote made me want to check in with you first. If you are having thoughts of ' +
      "harming yourself, you don't have to carry them alone. These people can help:",
    safe: "I'm safe for now",
  },
  colleague: {
    question: 'Is your colleague safe right now?',
    intro:
      'Something in what you wrote made me want to check in first. If you think they might harm themselves, ' +
      "it's all right to ask them directly about suicide. These people can help you both:",
    safe: "They're safe for now",
  },
} as const;

/**
 * A check-in: asks kindly whether the person (or their colleague) is safe right now, with the contacts. "Safe
 * for now" shows the guides it would have offered, with the signposting folded to one line; "Not sure" shows the
 * full urgent-support signposting.
 */
function CheckInPanel(props: { result: AskResult; support: UrgentSupport }) {
  const { result, support } = props;
  const styles = useStyles();
  const layout = useLayout();
  const [answer, setAnswer] = useState<'open' | 'safe' | 'notSure'>('open');
  const words = CHECK_IN_WORDS[result.about ?? 'self'];
  if (answer === 'notSure') return <UrgentSupportPanel support={support} focusOnMount />;
  if (answer === 'safe') {
    return (
      <>
        <FoldedSupport support={support} />
        <Section title="Guides that may help" focusOnMount>
          <p>Thank you for letting me know. When you are ready, these may help.</p>
          {result.answers.length > 0 ? (
            <GuideList answers={result.answers} />
          ) : (
            <p>
              Start with the <Link href="#/plan">ten-point plan</Link>, or talk things through with other
              managers in a <Link href="#/circles">Leadership Support Circle</Link>.
            </p>
          )}
        </Section>
      </>
    );
  }
  return (
    <section aria-labelledby="check-in-heading" className={styles.checkIn}>
      <h2 id="check-in-heading">{words.question}</h2>
      <p>{words.intro}</p>
      <ContactList contacts={support.contacts} />
      <div className={layout.row}>
        <Button appearance="primary" onClick={() => setAnswer('safe')}>
          {words.safe}
        </Button>
        <Button onClick={() => setAnswer('notSure')}>Not sure</Button>
      </div>
    </section>
  );
}

function Answer(props: { result: AskResult }) {
  const { result } = props;
  if (result.intent === 'urgent' && result.urgentSupport) {
    return result.urgency === 'check-in' ? (
      <CheckInPanel result={result} support={result.urgentSupport} />
    ) : (
      <UrgentSupportPanel support={result.urgentSupport} />
    );
  }
  if (result.intent === 'guide' && result.answers.length > 0) {
    return (
      <Section title="Guides that may help">
        <GuideList answers={result.answers} />
      </Section>
    );
  }
  if (result.intent === 'offTopic') {
    return (
      <Note>
        That isn't something this app can help with, I'm afraid. It is here to help you lead your team through
        pressure: the <Link href="#/plan">ten-point plan</Link>, three-minute guides on the people side of
        work, and <Link href="#/circles">Leadership Support Circles</Link> with other managers. For pay,
        leave, IT or clinical questions, the right teams in your own organisation will know best.
      </Note>
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

/** Ask a question in your own words; the answer is the guides the bot would offer, with safety first. */
export function AskPage() {
  const { api } = useAppState();
  const styles = useLayout();
  const [question, setQuestion] = useState('');
  const [asked, setAsked] = useState<Asked>({ status: 'idle' });
  // Each answer is drawn afresh (a new check-in starts unanswered), so it is keyed by how many came before.
  const answers = useRef(0);
  const ask = async () => {
    if (!question.trim()) return;
    setAsked({ status: 'asking' });
    try {
      const result = await api.ask(question.trim());
      answers.current += 1;
      setAsked({ status: 'answered', result, count: answers.current });
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
        {asked.status === 'answered' ? <Answer key={asked.count} result={asked.result} /> : null}
        {asked.status === 'failed' ? <Problem title="Could not ask">{asked.message}</Problem> : null}
      </div>
    </>
  );
}
