import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import atlas from 'virtual:atlas';
import { feature } from 'topojson-client';
import type { GeometryCollection } from 'topojson-specification';
import { classBreaks, classLabels, classOf, type WorldRow } from '../shape';

const WIDTH = 960;
const HEIGHT = 470;
/** Sequential, colour-blind safe (ColorBrewer OrRd), darker for more unaddressed needs. */
const CLASS_COLOURS = ['#fdd49e', '#fdbb84', '#fc8d59', '#d7301f', '#990000'];
const NONE_UNADDRESSED = '#c6dbef';
const NO_NEEDS = '#eeeeee';

const projection = geoEqualEarth().fitExtent(
  [
    [4, 4],
    [WIDTH - 4, HEIGHT - 4],
  ],
  { type: 'Sphere' },
);
const path = geoPath(projection);
const countries = (
  feature(atlas.topology, atlas.topology.objects.countries as GeometryCollection) as unknown as {
    features: Feature<Geometry>[];
  }
).features;
/** Drawn once: the outlines never change, only their colours. */
const SHAPES = countries.map((country) => ({
  iso3: String(country.id ?? ''),
  d: path(country) ?? '',
}));
const POINTS = Object.entries(atlas.points).map(([iso3, point]) => {
  const [x, y] = projection(point) ?? [0, 0];
  return { iso3, x, y };
});

export function WorldMap(props: {
  rows: WorldRow[];
  /** States outside this set are drawn faded (another region than the filter's). */
  inScope?: Set<string>;
  onSelect: (iso3: string) => void;
  caption: string;
}) {
  const byIso3 = new Map(props.rows.map((row) => [row.iso3, row]));
  const breaks = classBreaks(props.rows.map((row) => row.unaddressed));
  const fill = (iso3: string) => {
    const row = byIso3.get(iso3);
    if (!row) return NO_NEEDS;
    const index = classOf(row.unaddressed, breaks);
    return index < 0
      ? NONE_UNADDRESSED
      : CLASS_COLOURS[index + CLASS_COLOURS.length - breaks.length]!;
  };
  const title = (iso3: string) => {
    const row = byIso3.get(iso3);
    if (!row) return undefined;
    return `${row.name}: ${row.unaddressed} unaddressed of ${row.recommendations}`;
  };
  const faded = (iso3: string) => props.inScope !== undefined && !props.inScope.has(iso3);
  const select = (iso3: string) => {
    if (byIso3.has(iso3)) props.onSelect(iso3);
  };
  return (
    <figure class="map">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={props.caption}
        data-classes={breaks.length}
      >
        <path class="sphere" d={path({ type: 'Sphere' }) ?? ''} />
        {SHAPES.map(({ iso3, d }, i) => (
          <path
            key={`${iso3}-${i}`}
            d={d}
            data-iso3={iso3 || undefined}
            fill={fill(iso3)}
            class={`${faded(iso3) ? 'faded' : ''} ${byIso3.has(iso3) ? 'has-needs' : ''}`}
            onClick={() => select(iso3)}
          >
            {title(iso3) ? <title>{title(iso3)}</title> : null}
          </path>
        ))}
        {POINTS.map(({ iso3, x, y }) => (
          <circle
            key={iso3}
            cx={x}
            cy={y}
            r={3.2}
            data-iso3={iso3}
            fill={fill(iso3)}
            class={`point ${faded(iso3) ? 'faded' : ''} ${byIso3.has(iso3) ? 'has-needs' : ''}`}
            onClick={() => select(iso3)}
          >
            {title(iso3) ? <title>{title(iso3)}</title> : null}
          </circle>
        ))}
      </svg>
      <figcaption>
        <ul class="legend" aria-label="Legend">
          <li>
            <span class="swatch" style={{ background: NO_NEEDS }} /> no assessed needs shown
          </li>
          <li>
            <span class="swatch" style={{ background: NONE_UNADDRESSED }} /> all addressed
          </li>
          {classLabels(breaks).map((label, i) => (
            <li key={label}>
              <span
                class="swatch"
                style={{ background: CLASS_COLOURS[i + CLASS_COLOURS.length - breaks.length] }}
              />{' '}
              {label} unaddressed
            </li>
          ))}
        </ul>
        <p class="hint">Small states are drawn as dots. The table holds the same figures.</p>
      </figcaption>
    </figure>
  );
}
