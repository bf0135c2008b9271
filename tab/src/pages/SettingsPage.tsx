import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Link,
} from '@fluentui/react-components';
import { useState } from 'react';
import { Outcome, PageHeading, useAction } from '../components/common';
import { OrganisationSettings } from '../components/organisation-settings';
import { Section, useLayout } from '../components/layout';
import { useAppState } from '../state';

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

/** Nudge preferences (arriving with the nudges work) and what the app knows about you. */
export function SettingsPage() {
  const { me } = useAppState();
  const styles = useLayout();
  return (
    <>
      <PageHeading>Settings</PageHeading>
      <div className={styles.prose}>
        <Section title="Nudges">
          <p>
            Nudges are coming soon. When they arrive you will be able to choose, here or by typing “nudges on”
            to the bot, to get:
          </p>
          <ul>
            <li>one three-minute guide a week, on a day you pick;</li>
            <li>reminders a day and an hour before a circle you have a place on;</li>
            <li>a short, anonymous feedback question after a circle.</li>
          </ul>
          <p>Nothing is sent until you turn it on, and you can turn it off at any time.</p>
        </Section>
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
