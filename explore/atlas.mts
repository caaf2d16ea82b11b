import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

const require = createRequire(import.meta.url);
const ID = 'virtual:atlas';
const RESOLVED = `\0${ID}`;
const ANTARCTICA = '010';

interface Country {
  cca3: string;
  ccn3: string;
  latlng: [number, number];
}
interface Geometry {
  id?: string;
  properties?: unknown;
}

/**
 * `virtual:atlas`: world-atlas's 1:110m countries keyed by ISO 3166-1 alpha-3, as the graph keys
 * Member States, and a point for each Member State too small to be drawn at that scale. Built from
 * the installed packages, so the page fetches no map.
 */
export function atlas(): Plugin {
  return {
    name: 'compact-graph-atlas',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(buildAtlas()))});`;
    },
  };
}

function buildAtlas() {
  const topology = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8'),
  ) as { objects: { countries: { geometries: Geometry[] } } };
  const countries = require('world-countries') as Country[];
  const members = require('../subgraphs/shared/data/member-states.json') as { iso3: string }[];
  const iso3Of = new Map(countries.map((c) => [c.ccn3, c.cca3]));
  const countries110 = topology.objects.countries;
  countries110.geometries = countries110.geometries
    .filter((g) => g.id !== ANTARCTICA)
    .map((g) => ({ ...g, id: (g.id && iso3Of.get(g.id)) ?? '', properties: undefined }));
  const drawn = new Set(countries110.geometries.map((g) => g.id));
  const points: Record<string, [number, number]> = {};
  for (const { iso3 } of members) {
    if (drawn.has(iso3)) continue;
    const country = countries.find((c) => c.cca3 === iso3);
    if (country) points[iso3] = [country.latlng[1], country.latlng[0]];
  }
  return { topology, points };
}
