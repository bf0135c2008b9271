import {
  Button,
  Checkbox,
  Field,
  Input,
  Radio,
  RadioGroup,
  Select,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { Circle, CircleDraft } from '../api';
import { Outcome, PageHeading, Problem, Show, useAction } from '../components/common';
import { FacilitatorDirectory } from '../components/facilitator-directory';
import { Section, TextField, ThemeOptions, useLayout } from '../components/layout';
import { fromLocalInputValue, toLocalInputValue } from '../format';
import { messageOf, useAppState, useLoad } from '../state';
import { CircleItem, CircleList } from './CirclesPage';
import { GuideCards } from './ThemePage';

const EXTRA_TOPIC = '__extra__';

interface CircleFields {
  topic: string;
  extraTopic: string;
  title: string;
  description: string;
  startsAt: string;
  durationMinutes: string;
  capacity: string;
  audience: 'open' | 'organisation';
  meetingUrl: string;
}

function emptyFields(): CircleFields {
  return {
    topic: '',
    extraTopic: '',
    title: '',
    description: '',
    startsAt: '',
    durationMinutes: '60',
    capacity: '10',
    audience: 'open',
    meetingUrl: '',
  };
}

function fieldsOf(circle: Circle): CircleFields {
  return {
    topic: circle.themeId ?? EXTRA_TOPIC,
    extraTopic: circle.extraTopic ?? '',
    title: circle.title,
    description: circle.description,
    startsAt: toLocalInputValue(circle.startsAt),
    durationMinutes: String(circle.durationMinutes),
    capacity: String(circle.capacity),
    audience: circle.audience,
    meetingUrl: circle.meetingUrl ?? '',
  };
}

/** The circle fields as the API expects them (the topic and audience only when creating). */
function draftOf(fields: CircleFields, creating: boolean): CircleDraft {
  const draft: CircleDraft = {
    title: fields.title.trim(),
    description: fields.description.trim(),
    startsAt: fromLocalInputValue(fields.startsAt) ?? fields.startsAt,
    durationMinutes: Number(fields.durationMinutes),
    capacity: Number(fields.capacity),
    meetingUrl: fields.meetingUrl.trim(),
  };
  if (creating) {
    if (fields.topic === EXTRA_TOPIC) draft.extraTopic = fields.extraTopic.trim();
    // The topic select offers the plan's theme ids; the service refuses anything else.
    else draft.themeId = fields.topic as NonNullable<CircleDraft['themeId']>;
    draft.audience = fields.audience;
  }
  return draft;
}

function CircleForm(props: {
  initial: CircleFields;
  creating: boolean;
  submitLabel: string;
  onSubmit: (draft: CircleDraft) => Promise<string>;
}) {
  const { plan, api, meetingCreation } = useAppState();
  const styles = useLayout();
  const [fields, setFields] = useState(props.initial);
  const [state, run] = useAction();
  const [meeting, runMeeting] = useAction();
  const startsAt = fromLocalInputValue(fields.startsAt);
  const canCreateMeeting = fields.title.trim() !== '' && startsAt !== undefined;
  const createMeeting = () =>
    runMeeting(async () => {
      const created = await api.createMeeting({
        subject: fields.title.trim(),
        startsAt: startsAt ?? fields.startsAt,
        durationMinutes: Number(fields.durationMinutes),
      });
      setFields((current) => ({ ...current, meetingUrl: created.joinUrl }));
      return 'A Teams meeting was created in your calendar and its join link is filled in below.';
    });
  const set = (key: keyof CircleFields) => (value: string) =>
    setFields((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await run(() => props.onSubmit(draftOf(fields, props.creating)));
    if (saved && props.creating) setFields(emptyFields());
  };
  return (
    <form onSubmit={(event) => void submit(event)} className={styles.stack} style={{ maxWidth: '36rem' }}>
      {props.creating ? (
        <>
          <Field label="Topic" required>
            <Select required value={fields.topic} onChange={(_event, data) => set('topic')(data.value)}>
              <option value="">Choose a point of the plan…</option>
              <ThemeOptions themes={plan} />
              <option value={EXTRA_TOPIC}>Another topic (name it below)</option>
            </Select>
          </Field>
          {fields.topic === EXTRA_TOPIC ? (
            <TextField
              label="Other topic"
              required
              hint="For example burnout or hybrid working"
              maxLength={80}
              value={fields.extraTopic}
              onChange={set('extraTopic')}
            />
          ) : null}
        </>
      ) : null}
      <TextField label="Title" required maxLength={120} value={fields.title} onChange={set('title')} />
      <Field label="Description">
        <Textarea
          maxLength={1000}
          value={fields.description}
          onChange={(_event, data) => set('description')(data.value)}
        />
      </Field>
      <TextField
        label="Starts (your local time)"
        required
        type="datetime-local"
        value={fields.startsAt}
        onChange={set('startsAt')}
      />
      <div className={styles.row}>
        <TextField
          label="Length in minutes (30 to 180)"
          type="number"
          min={30}
          max={180}
          step={15}
          value={fields.durationMinutes}
          onChange={set('durationMinutes')}
        />
        <TextField
          label="Places (4 to 25)"
          type="number"
          min={4}
          max={25}
          value={fields.capacity}
          onChange={set('capacity')}
        />
      </div>
      {props.creating ? (
        <Field label="Who can join">
          <RadioGroup value={fields.audience} onChange={(_event, data) => set('audience')(data.value)}>
            <Radio value="open" label="Any manager" />
            <Radio value="organisation" label="Managers in my organisation only" />
          </RadioGroup>
        </Field>
      ) : null}
      <TextField
        label="Teams meeting link"
        required
        hint="The join link from Teams (teams.microsoft.com/meet/… or …/l/meetup-join/…). Only people with a confirmed place will see it"
        type="url"
        maxLength={2048}
        value={fields.meetingUrl}
        onChange={set('meetingUrl')}
      />
      {meetingCreation ? (
        <div className={styles.stack}>
          <div>
            <Button
              disabled={!canCreateMeeting || meeting.kind === 'busy'}
              onClick={() => void createMeeting()}
            >
              Create the Teams meeting for me
            </Button>
          </div>
          <Outcome state={meeting} failureTitle="No meeting was created; you can paste a link instead" />
        </div>
      ) : null}
      <div>
        <Button type="submit" appearance="primary" disabled={state.kind === 'busy'}>
          {props.submitLabel}
        </Button>
      </div>
      <Outcome state={state} failureTitle="Not saved" />
    </form>
  );
}

function RosterTable(props: { circle: Circle }) {
  const { api } = useAppState();
  const [roster, reload] = useLoad(() => api.roster(props.circle.id), `roster:${props.circle.id}`);
  const [problem, setProblem] = useState<string>();
  // A mark shows at once while it is being saved; afterwards the roster says what was recorded.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const started = Date.parse(props.circle.startsAt) <= Date.now();
  const mark = async (userId: string, attended: boolean) => {
    setProblem(undefined);
    setPending((current) => ({ ...current, [userId]: attended }));
    try {
      await api.markAttendance(props.circle.id, userId, attended);
      await reload();
    } catch (error) {
      setProblem(messageOf(error));
    } finally {
      setPending(({ [userId]: _saved, ...rest }) => rest);
    }
  };
  return (
    <Show loaded={roster} label="the roster">
      {(value) =>
        value.participants.length === 0 ? (
          <p>Nobody has signed up yet.</p>
        ) : (
          <>
            <table className="roster">
              <caption>Roster for {props.circle.title} (confidential: only you can see it)</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Place</th>
                  <th scope="col">Attended</th>
                </tr>
              </thead>
              <tbody>
                {value.participants.map((person) => (
                  <tr key={person.userId}>
                    <td>{person.name}</td>
                    <td>
                      {person.status === 'confirmed' ? 'Confirmed' : `Waiting list ${person.position ?? ''}`}
                    </td>
                    <td>
                      {person.status === 'confirmed' && started ? (
                        <Checkbox
                          checked={pending[person.userId] ?? person.attended === true}
                          label={`${person.name} attended`}
                          onChange={(_event, data) => void mark(person.userId, data.checked === true)}
                        />
                      ) : (
                        <span>{started ? '—' : 'After the start'}</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {problem ? <Problem title="Attendance not saved">{problem}</Problem> : null}
          </>
        )
      }
    </Show>
  );
}

function PostToChannel(props: { circle: Circle }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [channels] = useLoad(() => api.channels(), 'channels');
  const [chosen, setChosen] = useState('');
  const [state, run] = useAction();
  const post = () =>
    run(async () => {
      await api.postInvite(props.circle.id, chosen);
      return 'Invite posted. People can sign up on the card in the channel.';
    });
  return (
    <Show loaded={channels} label="channels">
      {(value) =>
        value.channels.length === 0 ? (
          <p>
            The app is not in any channel yet. Add Leading Compassionately to a team, then post from here.
          </p>
        ) : (
          <div className={styles.row}>
            <Field label="Channel">
              <Select value={chosen} onChange={(_event, data) => setChosen(data.value)}>
                <option value="">Choose a channel…</option>
                {value.channels.map((channel) => (
                  <option key={channel.conversationId} value={channel.conversationId}>
                    {channel.title}
                  </option>
                ))}
              </Select>
            </Field>
            <Button disabled={!chosen || state.kind === 'busy'} onClick={() => void post()}>
              Post invite
            </Button>
            <div style={{ flexBasis: '100%' }}>
              <Outcome state={state} failureTitle="Not posted" />
            </div>
          </div>
        )
      }
    </Show>
  );
}

/** The most co-facilitators a circle can have (the service refuses more). */
const MAX_CO_FACILITATORS = 3;

/**
 * Chooses a circle's co-facilitators from the facilitator network (its facilitator or an admin): the chosen ones
 * and up to ten matches of the search, as checkboxes, saved together.
 */
function CoFacilitators(props: { circle: Circle; onChange: () => Promise<void> }) {
  const { api, me } = useAppState();
  const styles = useLayout();
  const { circle } = props;
  const [directory] = useLoad(() => api.directory(''), 'directory:');
  const [chosen, setChosen] = useState<string[]>(circle.coFacilitatorIds ?? []);
  const [query, setQuery] = useState('');
  const [state, run] = useAction();
  const save = () =>
    run(async () => {
      const saved = await api.setCoFacilitators(circle.id, chosen);
      await props.onChange();
      return saved.coFacilitators.length === 0
        ? 'Saved: no co-facilitators.'
        : `Saved. ${saved.coFacilitators.map((person) => person.name ?? 'A facilitator').join(', ')} can now manage this circle.`;
    });
  const legendId = `co-facilitators-${circle.id}`;
  return (
    <Show loaded={directory} label="the facilitator network">
      {(value) => {
        const needle = query.trim().toLowerCase();
        const others = value.facilitators.filter((person) => person.userId !== me.id);
        const matches = needle
          ? others
              .filter(
                (person) =>
                  !chosen.includes(person.userId) &&
                  `${person.name} ${person.organisationName} ${person.odsCode ?? ''} ${person.region}`
                    .toLowerCase()
                    .includes(needle),
              )
              .slice(0, 10)
          : [];
        const nameOf = (userId: string) => {
          const person = value.facilitators.find((entry) => entry.userId === userId);
          return person ? `${person.name} (${person.organisationName})` : 'A facilitator no longer listed';
        };
        const toggle = (userId: string, on: boolean) =>
          setChosen((current) =>
            on ? [...current, userId] : current.filter((candidate) => candidate !== userId),
          );
        return (
          <div role="group" aria-labelledby={legendId}>
            <p id={legendId}>
              Co-facilitators of “{circle.title}” (up to {MAX_CO_FACILITATORS}). They can see the roster, mark
              attendance, edit and cancel the circle while they are facilitators.
            </p>
            <Field label="Find a facilitator" hint="By name, organisation, ODS code or region">
              <Input
                type="search"
                value={query}
                maxLength={120}
                onChange={(_event, data) => setQuery(data.value)}
              />
            </Field>
            <div>
              {[...chosen, ...matches.map((person) => person.userId)].map((userId) => (
                <Checkbox
                  key={userId}
                  checked={chosen.includes(userId)}
                  disabled={!chosen.includes(userId) && chosen.length >= MAX_CO_FACILITATORS}
                  label={nameOf(userId)}
                  onChange={(_event, data) => toggle(userId, data.checked === true)}
                />
              ))}
              {needle && matches.length === 0 ? <p>No other facilitator matches.</p> : null}
            </div>
            <div className={styles.row}>
              <Button appearance="primary" disabled={state.kind === 'busy'} onClick={() => void save()}>
                Save co-facilitators
              </Button>
            </div>
            <Outcome state={state} failureTitle="Co-facilitators not saved" />
          </div>
        );
      }}
    </Show>
  );
}

type Panel = 'none' | 'roster' | 'edit' | 'post' | 'cancel' | 'co';

function FacilitatedCircle(props: { circle: Circle; onChange: () => Promise<void> }) {
  const { api, me } = useAppState();
  const styles = useLayout();
  const { circle } = props;
  const [panel, setPanel] = useState<Panel>('none');
  const [problem, setProblem] = useState<string>();
  const toggle = (next: Panel) => setPanel((current) => (current === next ? 'none' : next));
  const scheduled = circle.status === 'scheduled';
  const upcoming = scheduled && Date.parse(circle.startsAt) > Date.now();
  const controls = (
    <>
      <div className={styles.row} role="group" aria-label={`Manage ${circle.title}`}>
        <Button aria-expanded={panel === 'roster'} onClick={() => toggle('roster')}>
          Roster
        </Button>
        {scheduled ? (
          <Button aria-expanded={panel === 'edit'} onClick={() => toggle('edit')}>
            Edit
          </Button>
        ) : null}
        {upcoming ? (
          <Button aria-expanded={panel === 'post'} onClick={() => toggle('post')}>
            Post to a channel
          </Button>
        ) : null}
        {scheduled && (circle.isMine || me.roles.includes('admin')) ? (
          <Button aria-expanded={panel === 'co'} onClick={() => toggle('co')}>
            Co-facilitators
          </Button>
        ) : null}
        {scheduled ? (
          <Button aria-expanded={panel === 'cancel'} onClick={() => toggle('cancel')}>
            Cancel circle
          </Button>
        ) : null}
      </div>
      {panel === 'cancel' ? (
        <div role="group" aria-labelledby={`cancel-${circle.id}`}>
          <p id={`cancel-${circle.id}`}>
            Cancel “{circle.title}”? Everyone with a place or on the waiting list will be told in Teams. This
            cannot be undone.
          </p>
          <div className={styles.row}>
            <Button
              appearance="primary"
              onClick={() =>
                void api.cancelCircle(circle.id).then(
                  () => props.onChange(),
                  (error: unknown) => setProblem(messageOf(error)),
                )
              }
            >
              Yes, cancel the circle
            </Button>
            <Button onClick={() => setPanel('none')}>Keep the circle</Button>
          </div>
        </div>
      ) : null}
      {problem ? <Problem title="Not cancelled">{problem}</Problem> : null}
      {panel === 'roster' ? <RosterTable circle={circle} /> : null}
      {panel === 'post' ? <PostToChannel circle={circle} /> : null}
      {panel === 'co' ? <CoFacilitators circle={circle} onChange={props.onChange} /> : null}
      {panel === 'edit' ? (
        <CircleForm
          initial={fieldsOf(circle)}
          creating={false}
          submitLabel="Save changes"
          onSubmit={async (draft) => {
            await api.editCircle(circle.id, draft);
            await props.onChange();
            return 'Changes saved. The posted invites update themselves.';
          }}
        />
      ) : null}
    </>
  );
  return <CircleItem circle={circle} onChange={props.onChange} extra={controls} manage />;
}

/**
 * For facilitators: create, edit and cancel circles, see rosters, mark attendance and post invites. Programme
 * leads (admins) also see every circle, recent and upcoming, and can do the same for any of them.
 */
export default function FacilitatePage() {
  const { api, me } = useAppState();
  const facilitator = me.roles.includes('facilitator');
  const admin = me.roles.includes('admin');
  const allowed = facilitator || admin;
  const [mine, reload] = useLoad(
    async () => (facilitator ? (await api.circles({ mine: 'true' })).circles : []),
    `mine:${facilitator}`,
  );
  const [all, reloadAll] = useLoad(
    async () => (admin ? (await api.allCircles()).circles : []),
    `all-circles:${admin}`,
  );
  const [guides] = useLoad(
    async () => (allowed ? (await api.guides('facilitator')).guides : []),
    `facilitator-guides:${allowed}`,
  );
  const reloadBoth = async () => {
    await Promise.all([reload(), reloadAll()]);
  };
  if (!allowed) {
    return (
      <PageHeading lead="This page is for trained Leadership Support Circle facilitators. If you facilitate circles, ask your programme lead to add you.">
        Facilitate circles
      </PageHeading>
    );
  }
  return (
    <>
      <PageHeading lead="Create circles, post invites to your teams' channels, and see who is coming. Rosters are confidential to you.">
        Facilitate circles
      </PageHeading>
      {facilitator ? (
        <Section title="My circles">
          <CircleList
            loaded={mine}
            label="your circles"
            onChange={reloadBoth}
            emptyText="You have no circles yet. Create one below."
            item={(circle) => <FacilitatedCircle circle={circle} onChange={reloadBoth} />}
          />
        </Section>
      ) : null}
      {admin ? (
        <Section title="All circles">
          <p>
            As a programme lead you can open any facilitator&apos;s circle: see its roster, edit it or cancel
            it. Roster reads are audited.
          </p>
          <CircleList
            loaded={all}
            label="every circle"
            onChange={reloadBoth}
            emptyText="There are no recent or upcoming circles."
            item={(circle) => <FacilitatedCircle circle={circle} onChange={reloadBoth} />}
          />
        </Section>
      ) : null}
      <FacilitatorDirectory />
      <Section title="Guides for facilitators">
        <Show loaded={guides} label="guides for facilitators">
          {(list) => <GuideCards guides={list} />}
        </Show>
      </Section>
      {facilitator ? (
        <Section title="Create a circle">
          <CircleForm
            initial={emptyFields()}
            creating
            submitLabel="Create circle"
            onSubmit={async (draft) => {
              const circle = await api.createCircle(draft);
              await reloadBoth();
              return `“${circle.title}” is open for sign-up. Post it to a channel from My circles.`;
            }}
          />
        </Section>
      ) : null}
    </>
  );
}
