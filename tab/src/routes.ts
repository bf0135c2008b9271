/** Every page of the tab, as parsed from the hash path (`#/guides/<id>`). */
export type Route =
  | { page: 'plan' }
  | { page: 'theme'; id: string }
  | { page: 'guide'; id: string }
  | { page: 'resources' }
  | { page: 'ask' }
  | { page: 'circles' }
  | { page: 'facilitate' }
  | { page: 'admin' }
  | { page: 'impact' }
  | { page: 'settings' }
  | { page: 'configure' }
  | { page: 'team-circles'; themeId: string | undefined }
  | { page: 'not-found' };

const ID = /^[a-z0-9][a-z0-9-]{0,79}$/;

const SIMPLE_PAGES = new Set([
  'resources',
  'ask',
  'circles',
  'facilitate',
  'admin',
  'impact',
  'settings',
  'configure',
]);

/** Reads a hash path such as `/themes/routines` into a route; anything unknown is `not-found`. */
export function parseRoute(path: string): Route {
  const parts = path.replace(/^#/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { page: 'not-found' };
  if (first === undefined || (first === 'plan' && second === undefined)) return { page: 'plan' };
  if (first === 'themes' && second && ID.test(second)) return { page: 'theme', id: second };
  if (first === 'guides' && second && ID.test(second)) return { page: 'guide', id: second };
  if (first === 'team-circles' && (second === undefined || ID.test(second))) {
    return { page: 'team-circles', themeId: second === 'all' ? undefined : second };
  }
  if (second === undefined && SIMPLE_PAGES.has(first)) return { page: first } as Route;
  return { page: 'not-found' };
}

/** The hash path that opens a route. */
export function pathOf(route: Route): string {
  switch (route.page) {
    case 'theme':
      return `/themes/${route.id}`;
    case 'guide':
      return `/guides/${route.id}`;
    case 'team-circles':
      return `/team-circles/${route.themeId ?? 'all'}`;
    case 'not-found':
      return '/';
    default:
      return `/${route.page}`;
  }
}

/** The static tabs in the manifest, by entity id, and the page each opens. */
const STATIC_TAB_PAGES: Record<string, string> = {
  plan: '/plan',
  circles: '/circles',
  facilitate: '/facilitate',
};

/**
 * Where the tab should open when Teams starts it: a deep link's sub-page (`guides/<id>`, sent by bot cards)
 * wins over the static tab's own page. Undefined when Teams gives neither.
 */
export function startPathFromTeams(
  pageId: string | undefined,
  subPageId: string | undefined,
): string | undefined {
  if (subPageId) {
    const path = `/${subPageId.replace(/^[#/]+/, '')}`;
    if (parseRoute(path).page !== 'not-found') return path;
  }
  return pageId ? STATIC_TAB_PAGES[pageId] : undefined;
}
