import { Button, Field, Input } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Facilitator } from '../api';
import { Note, PageHeading, Problem, Show } from '../components/common';
import { Section, useLayout } from '../components/layout';
import { formatWhen } from '../format';
import { messageOf, useAppState, useLoad } from '../state';

const EMPTY: Facilitator = { userId: '', name: '', organisationName: '', odsCode: '', region: '' };

function GrantForm(props: { onGranted: () => Promise<void> }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [fields, setFields] = useState<Facilitator>(EMPTY);
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'ok' | 'error'; text: string }>({
    kind: 'idle',
  });
  const set = (key: keyof Facilitator) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    try {
      const { odsCode, ...rest } = fields;
      await api.addFacilitator({
        ...rest,
        ...(odsCode?.trim() ? { odsCode: odsCode.trim().toUpperCase() } : {}),
      });
      await props.onGranted();
      setState({ kind: 'ok', text: `${fields.name} can now create and run circles.` });
      setFields(EMPTY);
    } catch (error) {
      setState({ kind: 'error', text: messageOf(error) });
    }
  };
  return (
    <form onSubmit={(event) => void submit(event)} className={styles.stack} style={{ maxWidth: '36rem' }}>
      <Field
        label="Microsoft Entra object id"
        required
        hint="From the person's profile in the Microsoft 365 admin centre"
      >
        <Input
          required
          maxLength={128}
          value={fields.userId}
          onChange={(_event, data) => set('userId')(data.value)}
        />
      </Field>
      <Field label="Name" required>
        <Input
          required
          maxLength={120}
          value={fields.name}
          onChange={(_event, data) => set('name')(data.value)}
        />
      </Field>
      <Field label="Organisation" required>
        <Input
          required
          maxLength={200}
          value={fields.organisationName}
          onChange={(_event, data) => set('organisationName')(data.value)}
        />
      </Field>
      <div className={styles.row}>
        <Field label="ODS code" hint="Such as RXP">
          <Input
            maxLength={6}
            value={fields.odsCode ?? ''}
            onChange={(_event, data) => set('odsCode')(data.value)}
          />
        </Field>
        <Field label="Region" required>
          <Input
            required
            maxLength={80}
            value={fields.region}
            onChange={(_event, data) => set('region')(data.value)}
          />
        </Field>
      </div>
      <div>
        <Button type="submit" appearance="primary" disabled={state.kind === 'busy'}>
          Grant facilitator role
        </Button>
      </div>
      <div aria-live="polite">
        {state.kind === 'ok' ? <Note intent="success">{state.text}</Note> : null}
        {state.kind === 'error' ? <Problem title="Not granted">{state.text}</Problem> : null}
      </div>
    </form>
  );
}

/** For programme leads: grant and revoke the facilitator role; read the questions the bot could not answer. */
export default function AdminPage() {
  const { api, me, locale } = useAppState();
  const styles = useLayout();
  const allowed = me.roles.includes('admin');
  const [facilitators, reload] = useLoad(
    () => (allowed ? api.facilitators() : Promise.resolve({ facilitators: [] })),
    `facilitators:${allowed}`,
  );
  const [unanswered] = useLoad(
    () => (allowed ? api.unanswered() : Promise.resolve({ questions: [] })),
    `unanswered:${allowed}`,
  );
  const [problem, setProblem] = useState<string>();
  if (!allowed) {
    return <PageHeading lead="This page is for programme leads.">Admin</PageHeading>;
  }
  const revoke = async (facilitator: Facilitator) => {
    setProblem(undefined);
    try {
      await api.removeFacilitator(facilitator.userId);
      await reload();
    } catch (error) {
      setProblem(messageOf(error));
    }
  };
  return (
    <>
      <PageHeading lead="Manage the facilitator network and see what managers asked that the guides do not yet answer.">
        Admin
      </PageHeading>
      <Section title="Grant the facilitator role">
        <GrantForm onGranted={reload} />
      </Section>
      <Section title="Facilitators">
        <Show loaded={facilitators} label="facilitators">
          {(value) => (
            <table className="roster">
              <caption>{value.facilitators.length} facilitators</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Region</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {value.facilitators.map((facilitator) => (
                  <tr key={facilitator.userId}>
                    <td>{facilitator.name}</td>
                    <td>
                      {facilitator.organisationName}
                      {facilitator.odsCode ? ` (${facilitator.odsCode})` : ''}
                    </td>
                    <td>{facilitator.region}</td>
                    <td>
                      <Button
                        size="small"
                        onClick={() => void revoke(facilitator)}
                        aria-label={`Revoke facilitator role: ${facilitator.name}`}
                      >
                        Revoke
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Show>
        {problem ? <Problem title="Not revoked">{problem}</Problem> : null}
      </Section>
      <Section title="Questions without a confident answer">
        <Show loaded={unanswered} label="unanswered questions">
          {(value) =>
            value.questions.length === 0 ? (
              <p>None yet.</p>
            ) : (
              <ul className={styles.stack}>
                {value.questions.map((question) => (
                  <li key={question.id}>
                    “{question.text}”{' '}
                    <span className={styles.muted}>({formatWhen(question.askedAt, locale)})</span>
                  </li>
                ))}
              </ul>
            )
          }
        </Show>
      </Section>
    </>
  );
}
