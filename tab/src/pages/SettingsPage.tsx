import { Link } from '@fluentui/react-components';
import { PageHeading } from '../components/common';
import { Section, useLayout } from '../components/layout';
import { useAppState } from '../state';

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
      </div>
    </>
  );
}
