import { Button, Field, ProgressBar, Select } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import type { BroadcastReport, Facilitator } from '../api';
import { Outcome, PageHeading, Problem, Show, useAction } from '../components/common';
import { Section, TextField, useLayout } from '../components/layout';
import { formatDay } from '../format';
import { messageOf, useAppState, useLoad } from '../state';

const EMPTY: Facilitator = { userId: '', name: '', organisationName: '', odsCode: '', region: '' };

function GrantForm(props: { onGranted: () => Promise<void> }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [fields, setFields] = useState<Facilitator>(EMPTY);
  const [state, run] = useAction();
  const set = (key: keyof Facilitator) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const granted = await run(async () => {
      const { odsCode, ...rest } = fields;
      await api.addFacilitator({
        ...rest,
        ...(odsCode?.trim() ? { odsCode: odsCode.trim().toUpperCase() } : {}),
      });
      await props.onGranted();
      return `${fields.name} can now create and run circles.`;
    });
    if (granted) setFields(EMPTY);
  };
  return (
    <form onSubmit={(event) => void submit(event)} className={styles.stack} style={{ maxWidth: '36rem' }}>
      <TextField
        label="Microsoft Entra object id"
        required
        maxLength={128}
        hint="From the person's profile in the Microsoft 365 admin centre"
        value={fields.userId}
        onChange={set('userId')}
      />
      <TextField label="Name" required maxLength={120} value={fields.name} onChange={set('name')} />
      <TextField
        label="Organisation"
        required
        maxLength={200}
        value={fields.organisationName}
        onChange={set('organisationName')}
      />
      <div className={styles.row}>
        <TextField
          label="ODS code"
          hint="Such as RXP"
          maxLength={6}
          value={fields.odsCode ?? ''}
          onChange={set('odsCode')}
        />
        <TextField label="Region" required maxLength={80} value={fields.region} onChange={set('region')} />
      </div>
      <div>
        <Button type="submit" appearance="primary" disabled={state.kind === 'busy'}>
          Grant facilitator role
        </Button>
      </div>
      <Outcome state={state} failureTitle="Not granted" />
    </form>
  );
}

/** How often the Admin page re-reads a broadcast's report while messages are still waiting. */
const BROADCAST_POLL_MS = 2000;

/** A broadcast's progress in words, for everyone (the bar is a picture of the same numbers). */
function progressText(report: BroadcastReport): string {
  const done = report.total - report.pending;
  return (
    `${done} of ${report.total} done: ${report.sent} sent, ${report.failed} failed, ` +
    `${report.retired} no longer reachable, ${report.pending} waiting.`
  );
}

/** Send a guide to everyone with nudges on; watch its delivery; resend to failed recipients only. */
function BroadcastPanel() {
  const { api } = useAppState();
  const styles = useLayout();
  const [guides] = useLoad(() => api.guides('manager'), 'broadcast-guides');
  const [guideId, setGuideId] = useState('');
  const [report, setReport] = useState<BroadcastReport>();
  const [sent, runSend] = useAction();
  const [resent, runResend] = useAction();
  const [problem, setProblem] = useState<string>();
  useEffect(() => {
    if (!report || report.pending === 0) return undefined;
    const timer = setTimeout(() => {
      api
        .broadcastReport(report.id)
        .then(setReport)
        .catch((error: unknown) => setProblem(messageOf(error)));
    }, BROADCAST_POLL_MS);
    return () => clearTimeout(timer);
  }, [api, report]);
  const send = (event: FormEvent) => {
    event.preventDefault();
    void runSend(async () => {
      const { id } = await api.broadcast(guideId);
      setReport(await api.broadcastReport(id));
      return 'The broadcast is on its way.';
    });
  };
  const resend = (id: string) =>
    void runResend(async () => {
      const { requeued } = await api.resendBroadcast(id);
      setReport(await api.broadcastReport(id));
      return `Sending again to ${requeued} ${requeued === 1 ? 'person' : 'people'}.`;
    });
  return (
    <Section title="Broadcast a guide">
      <p>
        Sends one guide, in a 1:1 chat, to everyone who has nudges on. It goes out within Teams&apos; limits,
        so a large broadcast takes a few minutes.
      </p>
      <Show loaded={guides} label="guides">
        {(value) => (
          <form onSubmit={send}>
            <div className={styles.row}>
              <Field label="Guide" required>
                <Select value={guideId} required onChange={(_event, data) => setGuideId(data.value)}>
                  <option value="">Choose a guide</option>
                  {value.guides.map((guide) => (
                    <option key={guide.id} value={guide.id}>
                      {guide.title}
                    </option>
                  ))}
                </Select>
              </Field>
            </div>
            <div className={styles.row}>
              <Button type="submit" appearance="primary" disabledFocusable={sent.kind === 'busy' || !guideId}>
                Send to everyone with nudges on
              </Button>
            </div>
          </form>
        )}
      </Show>
      <Outcome state={sent} failureTitle="Broadcast not sent" />
      {report ? (
        <div className={styles.stack}>
          <Field label="Delivery">
            <ProgressBar value={report.total === 0 ? 1 : (report.total - report.pending) / report.total} />
          </Field>
          <p aria-live="polite">{progressText(report)}</p>
          {report.failed > 0 && report.pending === 0 ? (
            <div className={styles.row}>
              <Button onClick={() => resend(report.id)} disabledFocusable={resent.kind === 'busy'}>
                {`Resend to the ${report.failed} failed`}
              </Button>
            </div>
          ) : null}
        </div>
      ) : null}
      <Outcome state={resent} failureTitle="Not resent" />
      {problem ? <Problem title="Could not read the broadcast's progress">{problem}</Problem> : null}
    </Section>
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
      <BroadcastPanel />
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
                    <span className={styles.muted}>({formatDay(question.askedOn, locale)})</span>
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
