import {
  Badge,
  Button,
  Card,
  CardHeader,
  Field,
  Link,
  Select,
  Switch,
  Text,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import type { Circle } from '../api';
import { CircleFeedbackForm, feedbackOpen } from '../components/circle-feedback';
import { Outcome, PageHeading, Show, useAction } from '../components/common';
import { Section, ThemeOptions, useLayout } from '../components/layout';
import { formatWhen, plural } from '../format';
import { useAppState, useLoad, type Loaded } from '../state';

function topicOf(circle: Circle, themes: { id: string; title: string }[]): string {
  return circle.extraTopic ?? themes.find((theme) => theme.id === circle.themeId)?.title ?? 'Open topic';
}

function placeText(circle: Circle): string {
  if (circle.status === 'cancelled') return 'Cancelled';
  if (circle.seatsLeft > 0) return plural(circle.seatsLeft, 'place left', 'places left');
  return circle.waitlistLength > 0
    ? `Full · ${circle.waitlistLength} on the waiting list`
    : 'Full · waiting list open';
}

/** One circle with what the caller can do: sign up, join the waiting list, give up a place, add to calendar. */
export function CircleItem(props: { circle: Circle; onChange: () => Promise<void>; extra?: ReactNode }) {
  const { circle } = props;
  const { api, plan, locale } = useAppState();
  const styles = useLayout();
  const [state, run] = useAction();
  const busy = state.kind === 'busy';
  const act = (action: () => Promise<string>) =>
    run(async () => {
      const text = await action();
      await props.onChange();
      return text;
    });
  const signUp = () =>
    act(async () => {
      const booking = await api.book(circle.id);
      return booking.status === 'confirmed'
        ? 'You have a place. The joining link is below and in your Teams chat.'
        : `The circle is full, so you are number ${booking.position ?? '?'} on the waiting list. We'll message you if a place comes up.`;
    });
  const cancel = () =>
    act(async () => {
      await api.unbook(circle.id);
      return 'Your place is cancelled.';
    });
  const mine = circle.myBooking;
  const headingId = `circle-${circle.id}`;
  return (
    <Card className={styles.card} aria-labelledby={headingId}>
      <CardHeader
        header={
          <h3 id={headingId} style={{ margin: 0, fontSize: 'inherit' }}>
            {circle.title}
          </h3>
        }
        description={<Text size={200}>{topicOf(circle, plan)}</Text>}
      />
      <Text>
        {formatWhen(circle.startsAt, locale)} (UK time) · {circle.durationMinutes} minutes
      </Text>
      {circle.facilitator.name ? (
        <Text>
          Facilitator: {circle.facilitator.name}
          {circle.facilitator.organisationName ? `, ${circle.facilitator.organisationName}` : ''}
        </Text>
      ) : null}
      {circle.description ? <Text>{circle.description}</Text> : null}
      <div className={styles.row}>
        <Badge appearance="outline" color={circle.seatsLeft > 0 ? 'success' : 'warning'}>
          {placeText(circle)}
        </Badge>
        {circle.audience === 'organisation' ? (
          <Badge appearance="outline">Your organisation only</Badge>
        ) : null}
        {mine?.status === 'confirmed' ? (
          <Badge appearance="filled" color="success">
            You have a place
          </Badge>
        ) : null}
        {mine?.status === 'waitlisted' ? (
          <Badge appearance="filled" color="informative">
            Waiting list: number {mine.position ?? '?'}
          </Badge>
        ) : null}
      </div>
      {circle.status === 'scheduled' && !circle.isMine ? (
        <div className={styles.row}>
          {mine ? (
            <Button
              disabled={busy}
              onClick={() => void cancel()}
              aria-label={`Cancel my place: ${circle.title}`}
            >
              {mine.status === 'confirmed' ? 'Cancel my place' : 'Leave the waiting list'}
            </Button>
          ) : (
            <Button
              appearance="primary"
              disabled={busy}
              onClick={() => void signUp()}
              aria-label={`${circle.seatsLeft > 0 ? 'Sign up' : 'Join the waiting list'}: ${circle.title}`}
            >
              {circle.seatsLeft > 0 ? 'Sign up' : 'Join the waiting list'}
            </Button>
          )}
          {circle.meetingUrl && mine?.status === 'confirmed' ? (
            <Link href={circle.meetingUrl} target="_blank" rel="noopener noreferrer">
              Join the circle in Teams
            </Link>
          ) : null}
          {circle.calendarUrl ? <Link href={circle.calendarUrl}>Add to calendar</Link> : null}
        </div>
      ) : null}
      {props.extra}
      <Outcome state={state} failureTitle="That didn't work" />
      {feedbackOpen(circle) && !circle.isMine ? <CircleFeedbackForm circle={circle} /> : null}
    </Card>
  );
}

/**
 * Circles as they load: a spinner, an error, a sentence when there are none, or the list. Each circle is a
 * {@link CircleItem} unless `item` draws it another way.
 */
export function CircleList(props: {
  loaded: Loaded<Circle[]>;
  label: string;
  emptyText: string;
  onChange: () => Promise<void>;
  item?: (circle: Circle) => ReactNode;
}) {
  const styles = useLayout();
  const item = props.item ?? ((circle: Circle) => <CircleItem circle={circle} onChange={props.onChange} />);
  return (
    <Show loaded={props.loaded} label={props.label}>
      {(circles) =>
        circles.length === 0 ? (
          <p>{props.emptyText}</p>
        ) : (
          <ul className={styles.stack}>
            {circles.map((circle) => (
              <li key={circle.id}>{item(circle)}</li>
            ))}
          </ul>
        )
      }
    </Show>
  );
}

/** How far ahead to look. */
const WITHIN = {
  any: { label: 'Any time', days: 0 },
  week: { label: 'In the next 7 days', days: 7 },
  month: { label: 'In the next 30 days', days: 30 },
} as const;

/**
 * Leadership Support Circles: upcoming circles with filters, sign-up and cancel, waiting-list positions and the
 * caller's own bookings. As a channel tab it shows the circles the team chose when adding it.
 */
export function CirclesPage(props: { themeId?: string | undefined; forTeam?: boolean }) {
  const { api, plan } = useAppState();
  const styles = useLayout();
  const [theme, setTheme] = useState(props.themeId ?? '');
  const [available, setAvailable] = useState(false);
  const [within, setWithin] = useState<keyof typeof WITHIN>('any');
  const query: Record<string, string> = {};
  if (theme) query.theme = theme;
  if (available) query.available = 'true';
  const days = WITHIN[within].days;
  // Whole hours, so the query (and the list) does not change on every render.
  if (days)
    query.to = new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + days * 86_400_000).toISOString();
  const key = JSON.stringify(query);
  const [circles, reloadCircles] = useLoad(async () => (await api.circles(query)).circles, `circles:${key}`);
  const [bookings, reloadBookings] = useLoad(async () => (await api.myBookings()).bookings, 'bookings');
  const reload = async () => {
    await Promise.all([reloadCircles(), reloadBookings()]);
  };
  return (
    <>
      <PageHeading lead="Small, confidential peer groups for managers, each run by a trained facilitator. Other participants never see who else has signed up.">
        {props.forTeam ? 'Circles for this team' : 'Leadership Support Circles'}
      </PageHeading>
      <Section title="My bookings">
        <CircleList
          loaded={bookings}
          label="your bookings"
          onChange={reload}
          emptyText="You have no circle places yet."
        />
      </Section>
      <Section title="Upcoming circles">
        <form className={styles.row} aria-label="Filter circles" onSubmit={(event) => event.preventDefault()}>
          <Field label="Theme">
            <Select value={theme} onChange={(_event, data) => setTheme(data.value)}>
              <option value="">All themes</option>
              <ThemeOptions themes={plan} />
            </Select>
          </Field>
          <Field label="When">
            <Select value={within} onChange={(_event, data) => setWithin(data.value as keyof typeof WITHIN)}>
              {Object.entries(WITHIN).map(([key, option]) => (
                <option key={key} value={key}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
          <Switch
            label="Only circles with places left"
            checked={available}
            onChange={(_event, data) => setAvailable(data.checked)}
          />
        </form>
        <div className={styles.section}>
          <CircleList
            loaded={circles}
            label="circles"
            onChange={reload}
            emptyText="No circles match. Try another theme, or check back soon."
          />
        </div>
      </Section>
    </>
  );
}
