import { parseRoute, pathOf, startPathFromTeams } from '../../tab/src/routes';

describe('tab routes', () => {
  it.each([
    ['', { page: 'plan' }],
    ['/plan', { page: 'plan' }],
    ['/themes/routines', { page: 'theme', id: 'routines' }],
    ['/guides/bereaved-colleague', { page: 'guide', id: 'bereaved-colleague' }],
    ['/circles', { page: 'circles' }],
    ['/facilitate', { page: 'facilitate' }],
    ['/team-circles/all', { page: 'team-circles', themeId: undefined }],
    ['/team-circles/loss-and-grief', { page: 'team-circles', themeId: 'loss-and-grief' }],
  ])('reads %s', (path, route) => {
    expect(parseRoute(path)).toEqual(route);
    expect(parseRoute(pathOf(parseRoute(path)))).toEqual(route);
  });

  it.each(['/guides/../admin', '/guides/<script>', '/nope', '/circles/extra/parts', '/themes/'])(
    'treats %s as not found',
    (path) => {
      expect(parseRoute(path).page).toBe('not-found');
    },
  );

  it("opens a bot card's deep link (sub-entity id) before the static tab's own page", () => {
    expect(startPathFromTeams('plan', 'guides/running-on-empty')).toBe('/guides/running-on-empty');
    expect(startPathFromTeams('plan', 'circles')).toBe('/circles');
    expect(startPathFromTeams('circles', undefined)).toBe('/circles');
    expect(startPathFromTeams('facilitate', '')).toBe('/facilitate');
  });

  it('ignores a sub-entity id that is not a page, and unknown tabs', () => {
    expect(startPathFromTeams('plan', 'javascript:alert(1)')).toBe('/plan');
    expect(startPathFromTeams('conversations', undefined)).toBeUndefined();
    expect(startPathFromTeams(undefined, undefined)).toBeUndefined();
  });
});
