/**
 * English names of CHM record types (schema ids), as the CHM portal shows them. The ids are the
 * schemas of `corpora/chm-record-schemas.json` (legacy CHM search filters and the ORT schemas).
 */
const NAMES: Record<string, string> = {
  aichiTarget: "Aichi Biodiversity Target",
  bbiContact: "Bio-Bridge contact",
  bbiOpportunity: "Bio-Bridge opportunity",
  bbiProfile: "Bio-Bridge provider profile",
  bbiRequest: "Bio-Bridge request for assistance",
  capacityBuildingInitiative: "Capacity-building initiative",
  caseStudy: "Case study",
  decision: "Decision",
  event: "Event",
  focalPoint: "National focal point",
  implementationActivity: "Implementation activity",
  lwDonor: "LifeWeb donor",
  lwEvent: "LifeWeb event",
  lwProject: "LifeWeb project",
  marineEbsa: "Marine EBSA",
  meeting: "Meeting",
  meetingDocument: "Meeting document",
  nationalAssessment: "National assessment",
  nationalIndicator: "National indicator",
  nationalReport: "National report",
  nationalReport6: "Sixth national report",
  nationalReport7: "Seventh national report",
  nationalSupportTool: "National support tool",
  nationalTarget: "National target",
  nationalTarget7: "National target (GBF)",
  nationalTarget7Mapping: "National target mapping (GBF)",
  nbsap: "NBSAP",
  organization: "Organization",
  recommendation: "Recommendation",
  resource: "Virtual Library resource",
  resourceMobilisation: "Resource mobilisation",
  resourceMobilisation2020: "Resource mobilisation 2020",
  strategicPlanIndicator: "Strategic Plan indicator",
  submission: "Submission",
  undbActor: "UNDB actor",
  undbParty: "UNDB party",
};

/** The record type's name; an unknown id is spelled out ("landUsePlan" → "Land use plan"). */
export function recordTypeName(id: string): string {
  const known = NAMES[id];
  if (known) return known;
  const words = id
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .toLowerCase()
    .trim();
  return words ? words[0]!.toUpperCase() + words.slice(1) : id;
}
