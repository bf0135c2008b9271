import { Card, CardHeader, Field, Input, Link, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useRef, type ReactNode } from 'react';
import type { Resource } from '../api';

/** Shared page layout styles. */
export const useLayout = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(18rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  stack: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    listStyle: 'none',
    padding: 0,
    margin: 0,
  },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  section: { marginTop: tokens.spacingVerticalXXL },
  sectionHeading: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: `0 0 ${tokens.spacingVerticalM}`,
    // A heading takes focus only when its section is revealed; it is not a control, so no ring.
    ':focus': { outline: 'none' },
  },
  muted: { color: tokens.colorNeutralForeground2 },
  card: { height: '100%' },
  prose: { maxWidth: '46rem', fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
});

/** Focuses the element once it appears, when asked to: for content revealed by the person's own action. */
export function useFocusOnMount<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
  }, [enabled]);
  return ref;
}

/**
 * A titled section of a page. With `focusOnMount` its heading takes focus when it appears, so keyboard and
 * screen-reader users land on content they have just revealed.
 */
export function Section(props: { title: string; focusOnMount?: boolean; children: ReactNode }) {
  const styles = useLayout();
  const heading = useFocusOnMount<HTMLHeadingElement>(props.focusOnMount ?? false);
  return (
    <section className={styles.section} aria-label={props.title}>
      <h2 ref={heading} className={styles.sectionHeading} {...(props.focusOnMount ? { tabIndex: -1 } : {})}>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}

const TYPE_LABELS: Record<Resource['type'], string> = {
  video: 'Video',
  podcast: 'Podcast',
  article: 'Article',
  guide: 'Guide',
  collection: 'Collection',
  tool: 'Tool',
  service: 'Support service',
};

/** The label for a resource type. */
export function typeLabel(type: Resource['type']): string {
  return TYPE_LABELS[type];
}

/** Resources as cards opening the source in a new window. */
export function ResourceList(props: { resources: Resource[] }) {
  const styles = useLayout();
  if (props.resources.length === 0) return <p>No resources match.</p>;
  return (
    <ul className={styles.grid}>
      {props.resources.map((resource) => (
        <li key={resource.id}>
          <Card className={styles.card}>
            <CardHeader
              header={
                <Link href={resource.url} target="_blank" rel="noopener noreferrer">
                  {resource.title}
                  <span className="visually-hidden"> (opens in a new window)</span>
                </Link>
              }
              description={
                <Text size={200} className={styles.muted}>
                  {[
                    typeLabel(resource.type),
                    resource.publisher,
                    resource.minutes ? `${resource.minutes} min` : undefined,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
              }
            />
            {resource.description ? <Text>{resource.description}</Text> : null}
          </Card>
        </li>
      ))}
    </ul>
  );
}

/** The ten points of the plan as `<option>`s, after an optional first choice. */
export function ThemeOptions(props: { themes: { id: string; number: number; title: string }[] }) {
  return (
    <>
      {props.themes.map((theme) => (
        <option key={theme.id} value={theme.id}>
          {theme.number}. {theme.title}
        </option>
      ))}
    </>
  );
}

/** A labelled single-line text input. */
export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  maxLength?: number;
  hint?: string;
  type?: 'text' | 'url' | 'number' | 'datetime-local' | 'search';
  min?: number;
  max?: number;
  step?: number;
}) {
  const { label, hint, onChange, ...input } = props;
  return (
    <Field label={label} required={props.required} hint={hint}>
      <Input {...input} onChange={(_event, data) => onChange(data.value)} />
    </Field>
  );
}
