import { Button, Field, makeStyles, ProgressBar, Select, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { AuditEvent, BroadcastReport, Facilitator } from '../api';
import { Outcome, PageHeading, Problem, Show, useAction } from '../components/common';
import { Section, TextField, useLayout } from '../components/layout';
import { formatDay, formatWhen } from '../format';
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

const useDialogStyles = makeStyles({
  dialog: {
    maxWidth: '32rem',
    padding: tokens.spacingHorizontalXXL,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    boxShadow: tokens.shadow64,
    '::backdrop': { backgroundColor: 'rgba(0, 0, 0, 0.4)' },
  },
  title: {
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
  },
});

/**
 * The confirmation for revoking the facilitator role (opened from any row; the role goes at the person's next
 * request). A native modal <dialog>: it traps focus, starts on "Keep the role", closes on Escape and hands focus
 * back to the Revoke button.
 */
function RevokeDialog(props: {
  facilitator: Facilitator | undefined;
  onClose: () => void;
  onRevoke: (facilitator: Facilitator) => Promise<void>;
}) {
  const { facilitator, onClose } = props;
  const styles = useDialogStyles();
  const layout = useLayout();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (facilitator && !dialog.open) dialog.showModal();
    if (!facilitator && dialog.open) dialog.close();
  }, [facilitator]);
  return (
    <dialog
      ref={ref}
      role="alertdialog"
      aria-labelledby="revoke-facilitator-title"
      aria-describedby="revoke-facilitator-detail"
      className={styles.dialog}
      onClose={onClose}
    >
      <h2 id="revoke-facilitator-title" className={styles.title}>
        Revoke {facilitator?.name ?? 'this person'}'s facilitator role?
      </h2>
      <p id="revoke-facilitator-detail">
        From their next request they can no longer create circles, read rosters, mark attendance or change
        their circles. Their upcoming circles stay booked; a programme lead can still manage them.
      </p>
      <div className={layout.row}>
        <Button appearance="secondary" onClick={onClose}>
          Keep the role
        </Button>
        <Button
          appearance="primary"
          onClick={() => {
            onClose();
            if (facilitator) void props.onRevoke(facilitator);
          }}
        >
          Yes, revoke the role
        </Button>
      </div>
    </dialog>
  );
}

/** What each audited action is called on the page. */
const AUDIT_LABELS: Record<AuditEvent['action'], string> = {
  'role.grant': 'Facilitator role granted',
  'role.revoke': 'Facilitator role revoked',
  'circle.edit': 'Circle edited',
  'circle.cancel': 'Circle cancelled',
  'attendance.mark': 'Attendance marked',
  'roster.read': 'Roster read',
  'personalData.export': 'Data downloaded',
  'personalData.erase': 'Data deleted',
};

/** The audit log, newest first, a page at a time (ids only: the log never holds names). */
function AuditLog() {
  const { api, locale } = useAppState();
  const styles = useLayout();
  const [first] = useLoad(() => api.audit({ limit: 50 }), 'audit');
  const [older, setOlder] = useState<{ events: AuditEvent[]; nextBefore: number | null }>();
  const [state, run] = useAction();
  const more = async (before: number, sofar: AuditEvent[]) => {
    await run(async () => {
      const page = await api.audit({ limit: 50, before });
      setOlder({ events: [...sofar, ...page.events], nextBefore: page.nextBefore });
      return `${page.events.length} older entries shown.`;
    });
  };
  return (
    <Show loaded={first} label="audit log">
      {(value) => {
        const events = [...value.events, ...(older?.events ?? [])];
        const nextBefore = older ? older.nextBefore : value.nextBefore;
        return events.length === 0 ? (
          <p>Nothing recorded yet.</p>
        ) : (
          <div className={styles.stack}>
            <table className="roster">
              <caption>
                Who did what, newest first. People appear by their Microsoft Entra object id; deleted people
                by a pseudonym (anon:…).
              </caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  <th scope="col">Who</th>
                  <th scope="col">Circle</th>
                  <th scope="col">Person</th>
                </tr>
              </thead>
              <tbody>
                {events.map((event) => (
                  <tr key={event.id}>
                    <td>{formatWhen(event.at, locale)}</td>
                    <td>{AUDIT_LABELS[event.action]}</td>
                    <td>
                      <code>{event.actorId}</code>
                    </td>
                    <td>{event.circleId ? <code>{event.circleId}</code> : '—'}</td>
                    <td>{event.subjectId ? <code>{event.subjectId}</code> : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {nextBefore !== null ? (
              <div>
                <Button
                  disabled={state.kind === 'busy'}
                  onClick={() => void more(nextBefore, older?.events ?? [])}
                >
                  Show older entries
                </Button>
              </div>
            ) : null}
            <Outcome state={state} failureTitle="Could not load older entries" />
          </div>
        );
      }}
    </Show>
  );
}

/**
 * For programme leads: grant and revoke the facilitator role (revoking asks first); read the questions the bot
 * could not answer and the audit log.
 */
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
  const [auditVersion, setAuditVersion] = useState(0);
  const [revoking, setRevoking] = useState<Facilitator>();
  const changed = async () => {
    await reload();
    setAuditVersion((version) => version + 1);
  };
  if (!allowed) {
    return <PageHeading lead="This page is for programme leads.">Admin</PageHeading>;
  }
  const revoke = async (facilitator: Facilitator) => {
    setProblem(undefined);
    try {
      await api.removeFacilitator(facilitator.userId);
      await changed();
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
        <GrantForm onGranted={changed} />
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
                        onClick={() => setRevoking(facilitator)}
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
        <RevokeDialog facilitator={revoking} onClose={() => setRevoking(undefined)} onRevoke={revoke} />
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
      <Section title="Audit log">
        {/* Remounted after each grant or revocation, so the newest entries show. */}
        <AuditLog key={auditVersion} />
      </Section>
    </>
  );
}
