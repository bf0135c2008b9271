import { Field, Select, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useHashLocation } from 'wouter/use-hash-location';
import type { Role } from './api';
import { LOCAL_PERSONAS, type LocalPersona } from './auth';
import { PageHeading } from './components/common';
import { AskPage } from './pages/AskPage';
import { CirclesPage } from './pages/CirclesPage';
import { GuidePage } from './pages/GuidePage';
import { PlanPage } from './pages/PlanPage';
import { ResourcesPage } from './pages/ResourcesPage';
import { SettingsPage } from './pages/SettingsPage';
import { ThemePage } from './pages/ThemePage';
import { parseRoute, type Route } from './routes';
import { useAppState } from './state';

const FacilitatePage = lazy(() => import('./pages/FacilitatePage'));
const AdminPage = lazy(() => import('./pages/AdminPage'));
const ImpactPage = lazy(() => import('./pages/ImpactPage'));
const ConfigurePage = lazy(() => import('./pages/ConfigurePage'));

const useStyles = makeStyles({
  shell: {
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  skip: {
    position: 'absolute',
    left: '-10000px',
    ':focus': {
      left: tokens.spacingHorizontalM,
      top: tokens.spacingVerticalS,
      zIndex: 10,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
    },
  },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  brand: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    marginRight: tokens.spacingHorizontalL,
  },
  navList: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXS,
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  navLink: {
    display: 'inline-block',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, textDecoration: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  navCurrent: {
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset 0 -3px 0 ${tokens.colorBrandStroke1}`,
  },
  identity: { marginLeft: 'auto', minWidth: '16rem' },
  main: { padding: `0 ${tokens.spacingHorizontalXXL} ${tokens.spacingVerticalXXXL}`, maxWidth: '72rem' },
});

interface NavItem {
  path: string;
  label: string;
  pages: Route['page'][];
  /** Shown only to people holding one of these roles (everyone when absent). */
  roles?: Role[];
}

const NAV: NavItem[] = [
  { path: '/plan', label: 'Plan', pages: ['plan', 'theme', 'guide'] },
  { path: '/resources', label: 'Resources', pages: ['resources'] },
  { path: '/ask', label: 'Ask', pages: ['ask'] },
  { path: '/circles', label: 'Circles', pages: ['circles', 'team-circles'] },
  { path: '/facilitate', label: 'Facilitate', pages: ['facilitate'], roles: ['facilitator', 'admin'] },
  { path: '/impact', label: 'Impact', pages: ['impact'], roles: ['facilitator', 'admin'] },
  { path: '/admin', label: 'Admin', pages: ['admin'], roles: ['admin'] },
  { path: '/settings', label: 'Settings', pages: ['settings'] },
];

function PageFor(props: { route: Route }): ReactNode {
  const { route } = props;
  switch (route.page) {
    case 'plan':
      return <PlanPage />;
    case 'theme':
      return <ThemePage id={route.id} />;
    case 'guide':
      return <GuidePage id={route.id} />;
    case 'resources':
      return <ResourcesPage />;
    case 'ask':
      return <AskPage />;
    case 'circles':
      return <CirclesPage />;
    case 'team-circles':
      return <CirclesPage themeId={route.themeId} forTeam />;
    case 'facilitate':
      return <FacilitatePage />;
    case 'admin':
      return <AdminPage />;
    case 'impact':
      return <ImpactPage />;
    case 'settings':
      return <SettingsPage />;
    case 'configure':
      return <ConfigurePage />;
    case 'not-found':
      return (
        <PageHeading lead="That page does not exist. Use the menu to find the plan, guides and circles.">
          Page not found
        </PageHeading>
      );
  }
}

/** The tab: navigation, the local identity switcher (outside Teams) and the current page. */
export function App(props: {
  startPath: string | undefined;
  persona: LocalPersona | undefined;
  onPersonaChange: (persona: LocalPersona) => void;
}) {
  const styles = useStyles();
  const { me } = useAppState();
  const [location, navigate] = useHashLocation();
  useEffect(() => {
    if (props.startPath && (location === '/' || location === ''))
      navigate(props.startPath, { replace: true });
  }, [props.startPath]); // only on start
  const route = parseRoute(location);
  const nav = NAV.filter((item) => !item.roles || item.roles.some((role) => me.roles.includes(role)));

  return (
    <div className={styles.shell}>
      <a
        className={styles.skip}
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to content
      </a>
      <header className={styles.header}>
        <span className={styles.brand}>Leading Compassionately</span>
        <nav aria-label="Sections">
          <ul className={styles.navList}>
            {nav.map((item) => {
              const current = item.pages.includes(route.page);
              return (
                <li key={item.path}>
                  <a
                    href={`#${item.path}`}
                    className={mergeClasses(styles.navLink, current && styles.navCurrent)}
                    aria-current={current ? 'page' : undefined}
                  >
                    {item.label}
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        {props.persona ? (
          <Field label="Acting as (local run)" className={styles.identity}>
            <Select
              value={props.persona.name}
              onChange={(_event, data) => {
                const persona = LOCAL_PERSONAS.find((candidate) => candidate.name === data.value);
                if (persona) props.onPersonaChange(persona);
              }}
            >
              {LOCAL_PERSONAS.map((persona) => (
                <option key={persona.name} value={persona.name}>
                  {persona.label}
                </option>
              ))}
            </Select>
          </Field>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className={styles.main}>
        <Suspense fallback={null}>
          <PageFor route={route} />
        </Suspense>
      </main>
    </div>
  );
}
