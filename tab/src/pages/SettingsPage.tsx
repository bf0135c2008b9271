import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Link,
  Select,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { NudgeSettings } from '../api';
import { Outcome, PageHeading, Show, useAction } from '../components/common';
import { OrganisationSettings } from '../components/organisation-settings';
import { Section, useLayout } from '../components/layout';
import { useAppState, useLoad } from '../state';

const DAYS: { value: NudgeSettings['day']; label: string }[] = [
  { value: 'monday', label: 'Monday' },
  { value: 'tuesday', label: 'Tuesday' },
  { value: 'wednesday', label: 'Wednesday' },
  { value: 'thursday', label: 'Thursday' },
  { value: 'friday', label: 'Friday' },
  { value: 'saturday', label: 'Saturday' },
  { value: 'sunday', label: 'Sunday' },
];

/** Time zones to offer: the browser's list, with the saved zone and the browser's own zone always present. */
function timeZonesWith(...zones: string[]): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['Europe/London'];
  return [...new Set([...zones, ...known])].sort();
}

/** The weekly guide: on or off, which day, what time, in which time zone. */
function NudgeForm(props: { initial: NudgeSettings }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [settings, setSettings] = useState(props.initial);
  const [saved, runSave] = useAction();
  const [zones] = useState(() =>
    timeZonesWith(props.initial.timeZone, Intl.DateTimeFormat().resolvedOptions().timeZone),
  );
  const change = (changes: Partial<NudgeSettings>) => setSettings((current) => ({ ...current, ...changes }));
  const save = () =>
    runSave(async () => {
      const stored = await api.saveNudgeSettings(settings);
      setSettings(stored);
      const day = DAYS.find((option) => option.value === stored.day)?.label ?? stored.day;
      return stored.enabled
        ? `Saved. Your weekly guide comes on ${day} at ${stored.time} (${stored.timeZone}).`
        : 'Saved. Weekly guides are off.';
    });
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Checkbox
        checked={settings.enabled}
        onChange={(_event, data) => change({ enabled: data.checked === true })}
        label="Send me one three-minute guide a week"
      />
      <div className={styles.row}>
        <Field label="Day">
          <Select
            value={settings.day}
            onChange={(_event, data) => change({ day: data.value as NudgeSettings['day'] })}
          >
            {DAYS.map((day) => (
              <option key={day.value} value={day.value}>
                {day.label}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Time" hint="24-hour, in your time zone">
          <Input
            type="time"
            value={settings.time}
            required
            onChange={(_event, data) => change({ time: data.value.slice(0, 5) })}
          />
        </Field>
        <Field label="Time zone">
          <Select value={settings.timeZone} onChange={(_event, data) => change({ timeZone: data.value })}>
            {zones.map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={styles.row}>
        <Button type="submit" appearance="primary" disabledFocusable={saved.kind === 'busy'}>
          Save nudge settings
        </Button>
      </div>
      <Outcome state={saved} failureTitle="Nudge settings not saved" />
    </form>
  );
}

/** The Nudges section: what nudges are, and the person's settings. */
function Nudges() {
  const { api } = useAppState();
  const [loaded] = useLoad(() => api.nudgeSettings(), 'nudges');
  return (
    <Section title="Nudges">
      <p>
        Choose to get one three-minute guide a week, a different one each time, rotating through the ten-point
        plan. You can also type “nudges on” or “stop” to the bot at any time. Whatever you choose here, a
        place on a circle brings reminders a day and an hour before it, and a short feedback question after
        it.
      </p>
      <Show loaded={loaded} label="your nudge settings">
        {(settings) => <NudgeForm initial={settings} />}
      </Show>
    </Section>
  );
}

/** Saves JSON as a file the person downloads. */
function download(data: unknown, fileName: string): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** "Download my data" and "Delete my data" (with a confirmation): the person's UK GDPR rights, in the tab. */
function YourData() {
  const { api } = useAppState();
  const styles = useLayout();
  const [downloaded, runDownload] = useAction();
  const [erased, runErase] = useAction();
  const [confirming, setConfirming] = useState(false);
  const busy = downloaded.kind === 'busy' || erased.kind === 'busy';
  const erase = async () => {
    setConfirming(false);
    await runErase(async () => {
      await api.eraseMyData();
      return 'Your data has been deleted. Places on upcoming circles were given up; past attendance is kept without your name.';
    });
  };
  return (
    <Section title="Your data">
      <p>
        You can download everything the app holds about you, or ask for it to be deleted. Deleting gives up
        your places on upcoming circles (the next person waiting is offered yours), removes your name from
        rosters and your chat details, and keeps the attendance of circles that already ran without your name.
      </p>
      <div className={styles.row}>
        <Button
          disabled={busy}
          onClick={() =>
            void runDownload(async () => {
              download(await api.myData(), 'leading-compassionately-my-data.json');
              return 'Your data was downloaded as leading-compassionately-my-data.json.';
            })
          }
        >
          Download my data
        </Button>
        <Dialog open={confirming} onOpenChange={(_event, data) => setConfirming(data.open)} modalType="alert">
          <DialogTrigger disableButtonEnhancement>
            <Button disabled={busy}>Delete my data</Button>
          </DialogTrigger>
          <DialogSurface aria-describedby="delete-my-data-detail">
            <DialogBody>
              <DialogTitle>Delete your data?</DialogTitle>
              <DialogContent id="delete-my-data-detail">
                This gives up your places on upcoming circles and deletes your bookings, roles and chat
                details. It cannot be undone.
              </DialogContent>
              <DialogActions>
                <DialogTrigger disableButtonEnhancement>
                  <Button appearance="secondary">Keep my data</Button>
                </DialogTrigger>
                <Button appearance="primary" onClick={() => void erase()}>
                  Yes, delete my data
                </Button>
              </DialogActions>
            </DialogBody>
          </DialogSurface>
        </Dialog>
      </div>
      <Outcome state={downloaded} failureTitle="Could not download your data" />
      <Outcome state={erased} failureTitle="Could not delete your data" />
    </Section>
  );
}

/** Nudge preferences, what the app knows about you, and your data rights. */
export function SettingsPage() {
  const { me } = useAppState();
  const styles = useLayout();
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <div className={styles.prose}>
        <Nudges />
        <Section title="About you">
          <p>
            Signed in as {me.name}. Roles: {me.roles.join(', ')}.
          </p>
          <p>
            The app keeps the least it can: your circle bookings, and your Teams chat with the bot so it can
            message you. Guide feedback and questions are kept without your name.{' '}
            <Link href="/tab/privacy.html">Privacy notice</Link>.
          </p>
        </Section>
        <OrganisationSettings />
        <YourData />
      </div>
    </>
  );
}
