import { Button, Field, Radio, RadioGroup, Textarea } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { Circle } from '../api';
import { useAppState } from '../state';
import { Outcome, useAction } from './common';
import { useLayout } from './layout';

/** The most characters the "what would you change?" box takes (the API's own limit). */
export const CHANGE_MAX = 500;

/** Whether the caller can tell us how a circle went: they had a confirmed place and it has started. */
export function feedbackOpen(circle: Circle, now = Date.now()): boolean {
  return (
    circle.myBooking?.status === 'confirmed' &&
    circle.status !== 'cancelled' &&
    Date.parse(circle.startsAt) <= now
  );
}

/**
 * "How was it?": a participant's answer about a circle they had a place on (how helpful, whether they would
 * recommend it, and what they would change). Sending again replaces the earlier answer; answers are kept
 * without the person's name.
 */
export function CircleFeedbackForm(props: { circle: Circle }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [helpful, setHelpful] = useState('');
  const [recommend, setRecommend] = useState('');
  const [change, setChange] = useState('');
  const [state, run] = useAction();
  const headingId = useId();
  const ready = helpful !== '' && recommend !== '';
  const send = () =>
    run(async () => {
      const result = await api.circleFeedback(props.circle.id, {
        helpful: Number(helpful),
        recommend: recommend === 'yes',
        ...(change.trim() ? { change: change.trim() } : {}),
      });
      return result.status === 'replaced'
        ? 'Thank you: your earlier answer has been replaced.'
        : 'Thank you. Your answer is kept without your name.';
    });
  return (
    <form
      className={styles.stack}
      aria-labelledby={headingId}
      onSubmit={(event) => {
        event.preventDefault();
        if (ready) void send();
      }}
    >
      <h4 id={headingId} style={{ margin: 0 }}>
        How was it?
      </h4>
      <Field label="How helpful was the circle?" required>
        <RadioGroup layout="horizontal" value={helpful} onChange={(_event, data) => setHelpful(data.value)}>
          {['1', '2', '3', '4', '5'].map((score) => (
            <Radio
              key={score}
              value={score}
              label={score === '1' ? '1 (not at all)' : score === '5' ? '5 (very)' : score}
            />
          ))}
        </RadioGroup>
      </Field>
      <Field label="Would you recommend it to another manager?" required>
        <RadioGroup
          layout="horizontal"
          value={recommend}
          onChange={(_event, data) => setRecommend(data.value)}
        >
          <Radio value="yes" label="Yes" />
          <Radio value="no" label="No" />
        </RadioGroup>
      </Field>
      <Field
        label="What would you change? (optional)"
        hint={`Please leave out names. Up to ${CHANGE_MAX} characters.`}
      >
        <Textarea
          value={change}
          maxLength={CHANGE_MAX}
          onChange={(_event, data) => setChange(data.value)}
          resize="vertical"
        />
      </Field>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabled={!ready || state.kind === 'busy'}>
          Send feedback
        </Button>
      </div>
      <Outcome state={state} failureTitle="Your feedback was not sent" />
    </form>
  );
}
