import { Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { useAppState, useLoad } from '../state';
import { Show } from './common';
import { Section } from './layout';

/**
 * The facilitator network: every trained facilitator with their organisation, ODS code, region, the themes they
 * run and the circles they have run, searchable by name, organisation, ODS code or region.
 */
export function FacilitatorDirectory() {
  const { api, plan } = useAppState();
  const [query, setQuery] = useState('');
  const [directory] = useLoad(() => api.directory(query.trim()), `directory:${query.trim()}`);
  const themeName = (id: string) =>
    plan.find((theme) => theme.id === id)?.title ?? (id === 'other' ? 'Other topics' : id);
  return (
    <Section title="Facilitator network">
      <Field label="Search facilitators" hint="By name, organisation, ODS code or region">
        <Input
          type="search"
          value={query}
          maxLength={120}
          onChange={(_event, data) => setQuery(data.value)}
        />
      </Field>
      <Show loaded={directory} label="the facilitator network">
        {(value) =>
          value.facilitators.length === 0 ? (
            <p>No facilitator matches.</p>
          ) : (
            <div style={{ overflowX: 'auto' }}>
              <table className="roster">
                <caption>
                  {value.facilitators.length} facilitator{value.facilitators.length === 1 ? '' : 's'}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Organisation</th>
                    <th scope="col">ODS code</th>
                    <th scope="col">Region</th>
                    <th scope="col">Themes</th>
                    <th scope="col">Circles run</th>
                  </tr>
                </thead>
                <tbody>
                  {value.facilitators.map((person) => (
                    <tr key={person.userId}>
                      <th scope="row">{person.name}</th>
                      <td>{person.organisationName}</td>
                      <td>{person.odsCode ?? '—'}</td>
                      <td>{person.region}</td>
                      <td>{person.themes.map(themeName).join(', ') || '—'}</td>
                      <td>{person.circlesRun}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Show>
    </Section>
  );
}
