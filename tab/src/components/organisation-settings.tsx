import { Button, Field, Select } from '@fluentui/react-components';
import { useState } from 'react';
import type { Profile } from '../api';
import { useAppState, useLoad } from '../state';
import { Outcome, Show, useAction } from './common';
import { Section, TextField, useLayout } from './layout';

function ProfileForm(props: { profile: Profile | null; regions: string[] }) {
  const { api } = useAppState();
  const styles = useLayout();
  const [organisationName, setOrganisationName] = useState(props.profile?.organisationName ?? '');
  const [odsCode, setOdsCode] = useState(props.profile?.odsCode ?? '');
  const [region, setRegion] = useState(props.profile?.region ?? '');
  const [state, run] = useAction();
  const save = () =>
    run(async () => {
      await api.saveProfile({ organisationName: organisationName.trim(), odsCode: odsCode.trim(), region });
      return 'Saved. Circles your organisation runs for its own staff are now open to you.';
    });
  return (
    <form
      className={styles.stack}
      style={{ maxWidth: '36rem' }}
      aria-label="Your organisation"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <TextField
        label="Organisation"
        required
        maxLength={200}
        hint="For example Barts Health NHS Trust"
        value={organisationName}
        onChange={setOrganisationName}
      />
      <TextField
        label="ODS code (optional)"
        maxLength={6}
        hint="Your organisation's NHS ODS code, such as R1H: 3 to 6 letters or digits"
        value={odsCode}
        onChange={setOdsCode}
      />
      <Field label="Region" required>
        <Select required value={region} onChange={(_event, data) => setRegion(data.value)}>
          <option value="">Choose your region…</option>
          {props.regions.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button type="submit" appearance="primary" disabled={state.kind === 'busy'}>
          Save my organisation
        </Button>
      </div>
      <Outcome state={state} failureTitle="Not saved" />
    </form>
  );
}

/**
 * Settings: the organisation (and its ODS code) and region a person works in. It opens circles an organisation
 * runs for its own staff, and lets programme leads see participation by region and organisation.
 */
export function OrganisationSettings() {
  const { api } = useAppState();
  const [loaded] = useLoad(() => api.profile(), 'profile');
  return (
    <Section title="Your organisation">
      <p>
        Tell us where you work so you can book circles your organisation runs for its own staff. This is your
        own statement; programme leads only ever see it as counts.
      </p>
      <Show loaded={loaded} label="your organisation">
        {(value) => <ProfileForm profile={value.profile} regions={value.regions} />}
      </Show>
    </Section>
  );
}
