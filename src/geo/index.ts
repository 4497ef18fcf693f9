/** Geography without network: country names and regions, and the world map's outlines. */
export { type Countries, type Country, createCountries } from "./countries.ts";
export { buildWorldMap, type MapShape, type WorldMap } from "./world-map.ts";
