import { DEFAULT_SORT, parseRoute, routeSearch, type Route } from './route';

describe('the address bar', () => {
  test('every view survives a round trip through its query string', () => {
    const routes: Route[] = [
      { view: 'world', priority: 'HIGH', sort: DEFAULT_SORT },
      {
        view: 'world',
        region: 'OCEANIA',
        theme: 'CFT',
        priority: undefined,
        sort: { column: 'name', descending: false },
      },
      { view: 'state', iso3: 'NGA' },
      { view: 'funding', by: 'DONOR', appeal: 'appeal-2021' },
      {
        view: 'projects',
        search: 'border "soft targets"',
        region: 'AFRICA',
        partner: 'INTERPOL',
        status: 'ACTIVE',
        theme: 'BORDER',
        after: 'Y3Vyc29y',
        page: 3,
      },
    ];
    for (const route of routes) {
      const search = routeSearch(route);
      const parsed = parseRoute(search);
      expect(parsed).toEqual(JSON.parse(JSON.stringify(route)));
      expect(routeSearch(parsed)).toBe(search);
    }
  });

  test('defaults are left out of the address', () => {
    expect(routeSearch({ view: 'world', priority: 'HIGH', sort: DEFAULT_SORT })).toBe('?');
    expect(routeSearch({ view: 'funding', by: 'REGION' })).toBe('?view=funding');
    expect(routeSearch({ view: 'projects', page: 1 })).toBe('?view=projects');
  });

  test('an edited address falls back to defaults, never to a value the graph would refuse', () => {
    expect(parseRoute('?region=ATLANTIS&priority=URGENT&sort=evil-desc')).toEqual({
      view: 'world',
      region: undefined,
      theme: undefined,
      priority: 'HIGH',
      sort: DEFAULT_SORT,
    });
    expect(parseRoute('?view=state&iso3=<script>').view).toBe('world');
    expect(parseRoute('?view=state&iso3=nga')).toEqual({ view: 'state', iso3: 'NGA' });
    expect(parseRoute('?view=funding&by=EVERYTHING')).toMatchObject({ by: 'REGION' });
    // A page number means nothing without the cursor that leads to it.
    expect(parseRoute('?view=projects&page=7')).toMatchObject({ page: 1, after: undefined });
    expect(parseRoute(`?view=projects&q=${'x'.repeat(5000)}`)).toMatchObject({
      search: 'x'.repeat(200),
    });
  });

  test('"any priority" is its own value, distinct from the default high', () => {
    expect(parseRoute('?priority=ALL')).toMatchObject({ priority: undefined });
    expect(parseRoute('?')).toMatchObject({ priority: 'HIGH' });
    expect(parseRoute('?priority=LOW')).toMatchObject({ priority: 'LOW' });
  });
});
