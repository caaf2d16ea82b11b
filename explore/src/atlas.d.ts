declare module 'virtual:atlas' {
  import type { Topology } from 'topojson-specification';
  const atlas: {
    topology: Topology;
    /** Member States too small for the map's scale: [longitude, latitude]. */
    points: Record<string, [number, number]>;
  };
  export default atlas;
}
