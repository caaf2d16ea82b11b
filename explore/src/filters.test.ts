import { fundingVariables, projectFilter, worldCsv, worldFilter } from './filters';
import { DEFAULT_SORT } from './route';

test('the world view asks for needs for technical assistance, with only the filters chosen', () => {
  expect(worldFilter({ view: 'world', priority: 'HIGH', sort: DEFAULT_SORT })).toEqual({
    technicalAssistanceNeeded: true,
    priority: ['HIGH'],
  });
  expect(
    worldFilter({
      view: 'world',
      region: 'ASIA',
      theme: 'CFT',
      priority: undefined,
      sort: DEFAULT_SORT,
    }),
  ).toEqual({ technicalAssistanceNeeded: true, region: ['ASIA'], thematicArea: ['CFT'] });
});

test('the projects view sends each chosen filter as the graph names it', () => {
  expect(projectFilter({ view: 'projects', page: 1 })).toEqual({});
  expect(
    projectFilter({
      view: 'projects',
      search: 'border',
      region: 'AFRICA',
      partner: 'INTERPOL',
      status: 'ACTIVE',
      theme: 'BORDER',
      page: 1,
    }),
  ).toEqual({
    search: 'border',
    region: ['AFRICA'],
    partnerEntity: ['INTERPOL'],
    status: ['ACTIVE'],
    thematicArea: ['BORDER'],
  });
  expect(fundingVariables({ view: 'funding', by: 'DONOR', appeal: 'a1' })).toEqual({
    by: 'DONOR',
    filter: { appeal: 'a1' },
  });
  expect(fundingVariables({ view: 'funding', by: 'REGION' })).toEqual({
    by: 'REGION',
    filter: null,
  });
});

test('the CSV holds the table: one line per row, in order, with ISO3', () => {
  const csv = worldCsv([
    {
      iso3: 'NGA',
      name: 'Nigeria',
      region: 'AFRICA',
      recommendations: 5,
      addressed: 2,
      unaddressed: 3,
    },
    {
      iso3: 'CIV',
      name: "Côte d'Ivoire",
      region: 'AFRICA',
      recommendations: 1,
      addressed: 0,
      unaddressed: 1,
    },
  ]);
  expect(csv.split('\r\n')).toEqual([
    'ISO3,Member State,Region,Assessed,Addressed,Unaddressed',
    'NGA,Nigeria,Africa,5,2,3',
    `CIV,"Côte d'Ivoire",Africa,1,0,1`,
    '',
  ]);
});
