import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { VerticalBarChart } from '@fluentui/react-charts';
import { useId, useState, type ReactNode } from 'react';
import type { ImpactCounts, ImpactReport, ShownCount } from '../api';
import { Outcome, PageHeading, Show, useAction } from '../components/common';
import { Section, useLayout } from '../components/layout';
import { useAppState, useLoad } from '../state';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  caption: { fontWeight: tokens.fontWeightSemibold },
  totals: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(12rem, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
  },
  total: {
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  totalValue: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  chart: { maxWidth: '48rem' },
});

/** Days as the date inputs hold them (YYYY-MM-DD, UTC). */
function dayOf(at: Date): string {
  return at.toISOString().slice(0, 10);
}

/** A count as shown: numbers with thousands separators, "<5" explained to screen readers. */
function shown(count: ShownCount | undefined): string {
  if (count === undefined) return '—';
  return count === '<5' ? '<5' : count.toLocaleString('en-GB');
}

/** A chart's numeric value: suppressed counts are not plotted (the table shows them as "<5"). */
function plotted(count: ShownCount): number | undefined {
  return count === '<5' ? undefined : count;
}

const COLUMNS: { key: keyof ImpactCounts; label: string }[] = [
  { key: 'circlesRun', label: 'Circles run' },
  { key: 'seatsOffered', label: 'Places offered' },
  { key: 'seatsFilled', label: 'Places filled' },
  { key: 'attended', label: 'Attended' },
  { key: 'uniqueParticipants', label: 'People' },
  { key: 'returningParticipants', label: 'Came back' },
  { key: 'feedbackResponses', label: 'Feedback answers' },
  { key: 'helpfulMean', label: 'Helpful (1–5)' },
  { key: 'recommendRate', label: 'Would recommend' },
];

function cellOf(counts: ImpactCounts, key: keyof ImpactCounts): string {
  const value = counts[key];
  if (key === 'recommendRate') return value === undefined ? '—' : `${Math.round(Number(value) * 100)}%`;
  if (key === 'helpfulMean') return value === undefined ? '—' : String(value);
  return shown(value);
}

/** A group table: one row per group, every count, the table alternative to the charts. */
function GroupTable(props: { caption: string; groups: { name: string; counts: ImpactCounts }[] }) {
  if (props.groups.length === 0) return <p>No circles ran in this range.</p>;
  return (
    <div style={{ overflowX: 'auto' }}>
      <table className="roster">
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">Group</th>
            {COLUMNS.map((column) => (
              <th scope="col" key={column.key}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.groups.map((group) => (
            <tr key={group.name}>
              <th scope="row">{group.name}</th>
              {COLUMNS.map((column) => (
                <td key={column.key}>{cellOf(group.counts, column.key)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A chart with its caption; the table after it carries the same numbers for people who cannot use the chart. */
function ChartFigure(props: { caption: string; chart: ReactNode; table: ReactNode }) {
  const styles = useStyles();
  const captionId = useId();
  return (
    <figure className={styles.figure} aria-labelledby={captionId}>
      <figcaption id={captionId} className={styles.caption}>
        {props.caption}
      </figcaption>
      {/* The chart is a picture of the table below it: hidden from assistive technology and out of the tab order
          (inert), so keyboard and screen reader users get the same numbers once, from the table. */}
      <div className={styles.chart} inert aria-hidden="true">
        {props.chart}
      </div>
      {props.table}
    </figure>
  );
}

function Totals(props: { totals: ImpactCounts }) {
  const styles = useStyles();
  return (
    <dl className={styles.totals}>
      {COLUMNS.map((column) => (
        <div key={column.key} className={styles.total}>
          <dt>{column.label}</dt>
          <dd className={styles.totalValue} style={{ marginLeft: 0 }}>
            {cellOf(props.totals, column.key)}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Report(props: { report: ImpactReport; everything: boolean }) {
  const { plan } = useAppState();
  const { report } = props;
  const themeName = (id: string) =>
    plan.find((theme) => theme.id === id)?.title ?? (id === 'other' ? 'Other topics' : id);
  const themes = report.byTheme.map((group) => ({ name: themeName(group.themeId), counts: group }));
  const regions = report.byRegion.map((group) => ({ name: group.region, counts: group }));
  const themeBars = themes.flatMap((group) => {
    const filled = plotted(group.counts.seatsFilled);
    return filled === undefined ? [] : [{ x: group.name, y: filled, legend: 'Places filled' }];
  });
  const regionBars = regions.flatMap((group) => {
    const filled = plotted(group.counts.seatsFilled);
    return filled === undefined ? [] : [{ x: group.name, y: filled, legend: 'Places filled' }];
  });
  return (
    <>
      <Section title="Totals">
        <p>
          Circles that ran from {report.from} to {report.to}. Counts from 1 to 4 are shown as “&lt;5”, and
          averages need at least 5 answers, so nobody can be picked out.
        </p>
        <Totals totals={report.totals} />
      </Section>
      <Section title="By theme">
        <ChartFigure
          caption="Places filled by theme (themes under 5 are in the table only)"
          chart={
            themeBars.length > 0 ? (
              <VerticalBarChart
                data={themeBars}
                height={320}
                hideLegend
                wrapXAxisLables
                yAxisTitle="Places filled"
              />
            ) : (
              <p>Too few places to chart.</p>
            )
          }
          table={<GroupTable caption="Impact by theme" groups={themes} />}
        />
      </Section>
      <Section title="By region">
        <ChartFigure
          caption="Places filled by region (regions under 5 are in the table only)"
          chart={
            regionBars.length > 0 ? (
              <VerticalBarChart
                data={regionBars}
                height={300}
                hideLegend
                wrapXAxisLables
                yAxisTitle="Places filled"
              />
            ) : (
              <p>Too few places to chart.</p>
            )
          }
          table={<GroupTable caption="Impact by region (the facilitator's region)" groups={regions} />}
        />
      </Section>
      <Section title="By organisation">
        <GroupTable
          caption="Impact by organisation (the facilitator's organisation)"
          groups={report.byOrganisation.map((group) => ({
            name: `${group.organisationName} (${group.organisationId})`,
            counts: group,
          }))}
        />
      </Section>
      {props.everything ? (
        <>
          <Section title="Guides: was this helpful?">
            {report.guides.length === 0 ? (
              <p>No votes yet.</p>
            ) : (
              <table className="roster">
                <caption>Votes on each guide (all time)</caption>
                <thead>
                  <tr>
                    <th scope="col">Guide</th>
                    <th scope="col">Helpful</th>
                    <th scope="col">Not helpful</th>
                  </tr>
                </thead>
                <tbody>
                  {report.guides.map((guide) => (
                    <tr key={guide.guideId}>
                      <th scope="row">{guide.guideId}</th>
                      <td>{shown(guide.helpful)}</td>
                      <td>{shown(guide.notHelpful)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Section>
          <Section title="What people asked that we could not answer">
            {report.unansweredTopics.length === 0 ? (
              <p>No word came up in 5 or more unanswered questions in this range.</p>
            ) : (
              <ul>
                {report.unansweredTopics.map((topic) => (
                  <li key={topic.topic}>
                    {topic.topic}: {topic.count} questions
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </>
      ) : null}
    </>
  );
}

/** Saves text as a file the person downloads. */
function download(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/**
 * Impact: for programme leads, every circle (charts with table alternatives, a date range, CSV download); for
 * facilitators, their own circles. Counts only, with small numbers suppressed by the service.
 */
export default function ImpactPage() {
  const { api, me } = useAppState();
  const styles = useLayout();
  const everything = me.roles.includes('admin');
  const allowed = everything || me.roles.includes('facilitator');
  const today = new Date();
  const [from, setFrom] = useState(dayOf(new Date(today.getTime() - 364 * 86_400_000)));
  const [to, setTo] = useState(dayOf(today));
  const [range, setRange] = useState({ from, to });
  const [report] = useLoad(
    async () => (allowed ? api.impact(everything ? 'all' : 'own', range) : undefined),
    `impact:${allowed}:${everything}:${range.from}:${range.to}`,
  );
  const [downloaded, runDownload] = useAction();
  if (!allowed) {
    return <PageHeading lead="This page is for programme leads and facilitators.">Impact</PageHeading>;
  }
  return (
    <>
      <PageHeading
        lead={
          everything
            ? 'What the circles have achieved across the programme, from participation to feedback.'
            : 'What your circles have achieved: places filled, attendance and feedback.'
        }
      >
        {everything ? 'Impact' : 'Impact of your circles'}
      </PageHeading>
      <form
        className={styles.row}
        aria-label="Date range"
        onSubmit={(event) => {
          event.preventDefault();
          setRange({ from, to });
        }}
      >
        <Field label="From">
          <Input type="date" value={from} max={to} onChange={(_event, data) => setFrom(data.value)} />
        </Field>
        <Field label="To">
          <Input type="date" value={to} min={from} onChange={(_event, data) => setTo(data.value)} />
        </Field>
        <Button type="submit" appearance="primary">
          Show
        </Button>
        {everything ? (
          <Button
            disabled={downloaded.kind === 'busy'}
            onClick={() =>
              void runDownload(async () => {
                const file = `impact-${range.from}-to-${range.to}.csv`;
                download(await api.impactCsv(range), file, 'text/csv');
                return `Downloaded ${file}.`;
              })
            }
          >
            Download CSV
          </Button>
        ) : null}
      </form>
      <Outcome state={downloaded} failureTitle="Could not download the CSV" />
      <Show loaded={report} label="impact">
        {(value) => (value ? <Report report={value} everything={everything} /> : null)}
      </Show>
    </>
  );
}
