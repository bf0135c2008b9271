import {
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { Fragment, useEffect, useRef, useState, type ReactNode } from 'react';
import type { Loaded } from '../state';

const useStyles = makeStyles({
  heading: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalL} 0 ${tokens.spacingVerticalM}`,
    // The heading takes focus only so the page announces itself; it is not a control, so no ring.
    ':focus': { outline: 'none' },
  },
  lead: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, maxWidth: '60rem' },
});

/**
 * A page's heading. It takes focus when the page opens, so keyboard and screen-reader users land on the new
 * content, and it names the document.
 */
export function PageHeading(props: { children: string; lead?: ReactNode }) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.children} · Leading Compassionately`;
    ref.current?.focus();
  }, [props.children]);
  return (
    <>
      <h1 ref={ref} tabIndex={-1} className={styles.heading}>
        {props.children}
      </h1>
      {props.lead ? <p className={styles.lead}>{props.lead}</p> : null}
    </>
  );
}

/** Shows a spinner, an error, or the loaded value. */
export function Show<T>(props: { loaded: Loaded<T>; label: string; children: (value: T) => ReactNode }) {
  if (props.loaded.status === 'loading') return <Spinner size="small" label={`Loading ${props.label}…`} />;
  if (props.loaded.status === 'failed')
    return <Problem title={`Could not load ${props.label}`}>{props.loaded.message}</Problem>;
  return <>{props.children(props.loaded.value)}</>;
}

/** An error message, announced to screen readers. */
export function Problem(props: { title: string; children: ReactNode }) {
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{props.title}</MessageBarTitle> {props.children}
      </MessageBarBody>
    </MessageBar>
  );
}

/** A confirmation or note, announced politely. */
export function Note(props: { intent?: 'success' | 'info' | 'warning'; children: ReactNode }) {
  return (
    <MessageBar intent={props.intent ?? 'info'} role="status">
      <MessageBarBody>{props.children}</MessageBarBody>
    </MessageBar>
  );
}

function inline(text: string): ReactNode[] {
  return text
    .split(/(\*\*[^*]+\*\*)/g)
    .map((part, index) =>
      part.startsWith('**') && part.endsWith('**') ? (
        <strong key={index}>{part.slice(2, -2)}</strong>
      ) : (
        <Fragment key={index}>{part}</Fragment>
      ),
    );
}

/**
 * Renders the small Markdown subset guides use (paragraphs, "- " bullets, **bold**; links are not allowed in
 * guide bodies) as React elements, so no HTML from content is ever injected.
 */
export function GuideText(props: { markdown: string }) {
  const blocks = props.markdown.trim().split(/\n\s*\n/);
  return (
    <>
      {blocks.map((block, index) => {
        const lines = block.split('\n').map((line) => line.trim());
        if (lines.every((line) => line.startsWith('- '))) {
          return (
            <ul key={index}>
              {lines.map((line, item) => (
                <li key={item}>{inline(line.slice(2))}</li>
              ))}
            </ul>
          );
        }
        return <p key={index}>{inline(lines.join(' '))}</p>;
      })}
    </>
  );
}

/** Where an action the person started has got to. */
export type ActionState = { kind: 'idle' | 'busy' } | { kind: 'ok' | 'error'; text: string };

/**
 * Runs an action that answers with a sentence for the person, tracking busy, success and failure, so every form
 * and button reports its outcome the same way.
 */
export function useAction(): [ActionState, (action: () => Promise<string>) => Promise<boolean>, () => void] {
  const [state, setState] = useState<ActionState>({ kind: 'idle' });
  const run = async (action: () => Promise<string>) => {
    setState({ kind: 'busy' });
    try {
      setState({ kind: 'ok', text: await action() });
      return true;
    } catch (error) {
      setState({ kind: 'error', text: error instanceof Error ? error.message : 'Something went wrong.' });
      return false;
    }
  };
  return [state, run, () => setState({ kind: 'idle' })];
}

/** Announces an action's outcome: a confirmation, or what went wrong. */
export function Outcome(props: { state: ActionState; failureTitle: string }) {
  const { state } = props;
  return (
    <div aria-live="polite">
      {state.kind === 'ok' ? <Note intent="success">{state.text}</Note> : null}
      {state.kind === 'error' ? <Problem title={props.failureTitle}>{state.text}</Problem> : null}
    </div>
  );
}
