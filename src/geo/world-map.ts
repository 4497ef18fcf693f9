import { createRequire } from "node:module";
import { geoEqualEarth, geoPath } from "d3-geo";
import type { FeatureCollection, Geometry } from "geojson";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import type { Countries } from "./countries.ts";

/** One country's outline as an SVG path, keyed by ISO alpha-2 (shapes without a code are `code: ""`). */
export interface MapShape {
  code: string;
  name: string;
  path: string;
}

export interface WorldMap {
  width: number;
  height: number;
  shapes: MapShape[];
}

/**
 * Projects Natural Earth's 1:110m country shapes (the `world-atlas` package, offline) to SVG
 * paths with an Equal Earth projection, so the browser only colours paths: no tiles, no CDN,
 * no geo library in the page.
 */
export function buildWorldMap(countries: Countries, width = 960): WorldMap {
  const atlas: unknown = createRequire(import.meta.url)("world-atlas/countries-110m.json");
  const topology = atlas as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const shapes = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  const projection = geoEqualEarth().fitWidth(width, { type: "Sphere" });
  const [[, y0], [, y1]] = geoPath(projection).bounds({ type: "Sphere" });
  const path = geoPath(projection).digits(1);
  return {
    width,
    height: Math.ceil(y1 - y0),
    shapes: shapes.features.map((f) => {
      const country = f.id === undefined ? undefined : countries.byNumeric(String(f.id));
      return { code: country?.code ?? "", name: country?.names.en ?? f.properties.name, path: path(f) ?? "" };
    }),
  };
}
