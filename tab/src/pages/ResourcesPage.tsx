import { Field, Input, Select, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { Resource } from '../api';
import { PageHeading, Show } from '../components/common';
import { ResourceList, ThemeOptions, typeLabel, useLayout } from '../components/layout';
import { useAppState, useLoad } from '../state';

const TYPES: Resource['type'][] = ['video', 'podcast', 'article', 'guide', 'collection', 'tool', 'service'];

/** Length bands, in minutes. */
const LENGTHS: Record<string, { label: string; test: (minutes: number | undefined) => boolean }> = {
  any: { label: 'Any length', test: () => true },
  short: { label: 'Up to 10 minutes', test: (minutes) => minutes !== undefined && minutes <= 10 },
  medium: {
    label: '11 to 30 minutes',
    test: (minutes) => minutes !== undefined && minutes > 10 && minutes <= 30,
  },
  long: { label: 'Over 30 minutes', test: (minutes) => minutes !== undefined && minutes > 30 },
};

/** Filters resources by theme, type, length and words in their title, publisher or description. */
export function filterResources(
  resources: Resource[],
  filters: { theme: string; type: string; length: string; words: string },
): Resource[] {
  const words = filters.words.toLowerCase().split(/\s+/).filter(Boolean);
  const length = LENGTHS[filters.length] ?? LENGTHS.any!;
  return resources.filter((resource) => {
    if (filters.theme && !(resource.themes as readonly string[]).includes(filters.theme)) return false;
    if (filters.type && resource.type !== filters.type) return false;
    if (!length.test(resource.minutes)) return false;
    const text = `${resource.title} ${resource.publisher} ${resource.description}`.toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

/** The resources library: videos, podcasts, articles and services, with filters and search. */
export function ResourcesPage() {
  const { api, plan } = useAppState();
  const styles = useLayout();
  const [resources] = useLoad(() => api.resources(), 'resources');
  const [filters, setFilters] = useState({ theme: '', type: '', length: 'any', words: '' });
  const set = (key: keyof typeof filters) => (value: string) =>
    setFilters((current) => ({ ...current, [key]: value }));
  return (
    <>
      <PageHeading lead="Videos, podcasts, articles and support services from trusted NHS and health sources.">
        Resources
      </PageHeading>
      <form
        className={styles.row}
        role="search"
        aria-label="Filter resources"
        onSubmit={(event) => event.preventDefault()}
      >
        <Field label="Search">
          <Input type="search" value={filters.words} onChange={(_event, data) => set('words')(data.value)} />
        </Field>
        <Field label="Theme">
          <Select value={filters.theme} onChange={(_event, data) => set('theme')(data.value)}>
            <option value="">All themes</option>
            <ThemeOptions themes={plan} />
          </Select>
        </Field>
        <Field label="Type">
          <Select value={filters.type} onChange={(_event, data) => set('type')(data.value)}>
            <option value="">All types</option>
            {TYPES.map((type) => (
              <option key={type} value={type}>
                {typeLabel(type)}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Length">
          <Select value={filters.length} onChange={(_event, data) => set('length')(data.value)}>
            {Object.entries(LENGTHS).map(([key, band]) => (
              <option key={key} value={key}>
                {band.label}
              </option>
            ))}
          </Select>
        </Field>
      </form>
      <Show loaded={resources} label="resources">
        {(value) => {
          const shown = filterResources(value.resources, filters);
          return (
            <>
              <Text role="status" className={styles.muted}>
                Showing {shown.length} of {value.resources.length} resources
              </Text>
              <div className={styles.section}>
                <ResourceList resources={shown} />
              </div>
            </>
          );
        }}
      </Show>
    </>
  );
}
