import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_CORPORA_DIR } from "./load.ts";

/** A CHM record type: its schema id (what `recordType` stores) and the name people know it by. */
export interface RecordType {
  id: string;
  name: string;
}

// Names the CHM portal uses for the schemas submitters meet most; the rest are spelled out from the id.
const NAMES: Record<string, string> = {
  resource: "Virtual library resource",
  nationalReport7: "National report (7th)",
  nationalReport6: "National report (6th)",
  nationalReport: "National report",
  nbsap: "NBSAP",
  nationalTarget7: "National target (GBF)",
  nationalTarget7Mapping: "National target mapping to the GBF",
  caseStudy: "Case study",
  bbiRequest: "Request for assistance (Bio-Bridge need)",
  bbiProfile: "Provider of assistance (Bio-Bridge offer)",
  bbiOpportunity: "Opportunity (Bio-Bridge offer)",
  marineEbsa: "Marine EBSA",
  lwDonor: "LifeWeb donor",
  lwProject: "LifeWeb project",
  lwEvent: "LifeWeb event",
  undbActor: "UNDB actor",
  undbParty: "UNDB party",
  bbiContact: "Bio-Bridge contact",
  aichiTarget: "Aichi Biodiversity Target",
  focalPoint: "National focal point",
};

/** `capacityBuildingInitiative` → "Capacity building initiative". */
function spelledOut(id: string): string {
  const words = id.replace(/([a-z])([A-Z0-9])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The name of a record type id, for search hits and facets as for the Submit form: the portal's
 * name when known, else the id spelled out (an unknown id still reads as words, never as a code).
 *
 * @example recordTypeName("caseStudy") // "Case study"
 */
export function recordTypeName(id: string): string {
  return NAMES[id] ?? spelledOut(id);
}

/**
 * The record types of `corpora/chm-record-schemas.json` (the current schemas and the legacy CHM
 * search-filter list), the current ones first, each with a display name.
 *
 * @example loadRecordTypes().find((t) => t.id === "nbsap")?.name // "NBSAP"
 */
export function loadRecordTypes(corporaDir = DEFAULT_CORPORA_DIR): RecordType[] {
  const raw = JSON.parse(readFileSync(join(corporaDir, "chm-record-schemas.json"), "utf8")) as Record<string, unknown>;
  const current = Object.keys(raw)
    .filter((k) => /\((ORT|CHM|legacy CHM)/.test(k))
    .map((k) => k.split(" ")[0]!);
  const legacyKey = Object.keys(raw).find((k) => k.startsWith("legacyChmSchemas"));
  const legacy = legacyKey && Array.isArray(raw[legacyKey]) ? (raw[legacyKey] as string[]) : [];
  const ids = [...new Set([...current, ...legacy])].filter((id) => /^[A-Za-z][A-Za-z0-9]*$/.test(id));
  return ids.map((id) => ({ id, name: recordTypeName(id) }));
}
