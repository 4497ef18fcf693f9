/**
 * Demo CHM records for `npm run demo:harvest`: short, CHM-style titles and summaries written for
 * this demo (not taken from any benchmark), each tagged by hand with the GBF target it is about, as
 * the Secretariat's records are. Six targets, six records each, so per-label metrics have support.
 */
import type { IndexDoc } from "../../test/helpers/chm-api.ts";

/** [GBF target, title, summary] */
const RECORDS: [string, string, string][] = [
  [
    "02",
    "Restoring degraded peatlands in Central Kalimantan",
    "Rewetting drained peat domes and replanting native swamp forest species to recover ecosystem functions.",
  ],
  [
    "02",
    "Mangrove rehabilitation along the Gulf of Guinea",
    "Coastal communities replant mangroves on abandoned shrimp ponds and monitor seedling survival.",
  ],
  [
    "02",
    "Guidelines for restoring degraded grasslands",
    "Reseeding native grasses and controlling erosion on overgrazed rangelands to bring back soil health.",
  ],
  [
    "02",
    "Forest landscape restoration in the Atlantic Forest",
    "Reconnecting fragments of degraded forest through assisted natural regeneration on former pasture.",
  ],
  [
    "02",
    "River floodplain restoration programme",
    "Reconnecting oxbow lakes and removing dykes to restore degraded wetland habitats along the river.",
  ],
  [
    "02",
    "Coral reef restoration with nursery-grown fragments",
    "Divers outplant corals grown in underwater nurseries to restore damaged reefs after bleaching.",
  ],
  [
    "03",
    "Expanding the national protected area network to 30 percent",
    "New national parks and marine reserves bring protected land and sea coverage towards thirty percent by 2030.",
  ],
  [
    "03",
    "Other effective area-based conservation measures in community forests",
    "Recognising community-managed forests as OECMs and reporting them to the World Database on Protected Areas.",
  ],
  [
    "03",
    "Management effectiveness of marine protected areas",
    "Assessing staffing, patrols and no-take zones across the country's marine protected areas.",
  ],
  [
    "03",
    "Indigenous and community conserved areas recognised in law",
    "Legal recognition of territories governed by indigenous peoples as part of the conservation network.",
  ],
  [
    "03",
    "Transboundary conservation corridor between two national parks",
    "A protected corridor links two parks across the border so that elephants can move between them.",
  ],
  [
    "03",
    "Gap analysis of the protected area system",
    "Mapping which ecosystems are under-represented in protected areas and where new reserves are needed.",
  ],
  [
    "07",
    "Reducing pesticide risk in rice paddies",
    "Integrated pest management halves pesticide use and lowers chemical runoff into rivers and wetlands.",
  ],
  [
    "07",
    "Plastic waste in coastal waters: a national action plan",
    "Bans on single-use plastics and beach clean-ups reduce plastic pollution reaching the sea.",
  ],
  [
    "07",
    "Nutrient runoff and eutrophication of lakes",
    "Buffer strips and better fertiliser management cut excess nitrogen and phosphorus losses to lakes.",
  ],
  [
    "07",
    "Monitoring microplastics in freshwater fish",
    "A survey measures microplastic particles in fish and sediments downstream of urban wastewater plants.",
  ],
  [
    "07",
    "Phasing out highly hazardous pesticides",
    "A regulatory review withdraws the most toxic pesticides and promotes safer alternatives for farmers.",
  ],
  [
    "07",
    "Light and noise pollution around nesting beaches",
    "Reducing artificial light near beaches so that sea turtle hatchlings reach the water.",
  ],
  [
    "08",
    "Climate change vulnerability of alpine ecosystems",
    "Warming shifts plant species upslope; the assessment identifies refugia for climate adaptation.",
  ],
  [
    "08",
    "Ecosystem-based adaptation to sea level rise",
    "Restored dunes and salt marshes protect villages from storm surges as the climate changes.",
  ],
  [
    "08",
    "Blue carbon: seagrass meadows as carbon sinks",
    "Measuring carbon stored in seagrass sediments to include coastal ecosystems in climate mitigation plans.",
  ],
  [
    "08",
    "Ocean acidification and shellfish farming",
    "Monitoring falling seawater pH and its impact on oyster larvae, with adaptation options for farmers.",
  ],
  [
    "08",
    "Drought resilience of dryland biodiversity",
    "Climate projections show longer droughts; the plan builds resilience through water harvesting and native plants.",
  ],
  [
    "08",
    "Nature-based solutions in the nationally determined contribution",
    "Forests and wetlands are counted towards emission reductions and climate resilience in the NDC.",
  ],
  [
    "10",
    "Agroforestry with shade-grown coffee",
    "Smallholders grow coffee under native trees, keeping bird diversity and soil fertility on productive farms.",
  ],
  [
    "10",
    "Sustainable fisheries management for small-scale fishers",
    "Catch limits and seasonal closures keep fish stocks productive while sustaining local livelihoods.",
  ],
  [
    "10",
    "Conservation agriculture on smallholder maize farms",
    "No-till farming, cover crops and crop rotation improve soil biodiversity and yields.",
  ],
  [
    "10",
    "Sustainable forest management certification",
    "Logging concessions adopt reduced-impact harvesting and are certified as sustainably managed.",
  ],
  [
    "10",
    "Traditional crop varieties in home gardens",
    "Farmers keep landraces of beans and squash, conserving agrobiodiversity and food security.",
  ],
  [
    "10",
    "Silvopastoral systems for cattle ranching",
    "Trees and fodder shrubs in pastures raise productivity of livestock farms and shelter wildlife.",
  ],
  [
    "06",
    "Eradicating invasive rats from seabird islands",
    "Rodent eradication on offshore islands lets burrowing seabirds recover their breeding colonies.",
  ],
  [
    "06",
    "Water hyacinth control in Lake Victoria",
    "Biological control with weevils reduces the invasive water hyacinth that chokes fishing harbours.",
  ],
  [
    "06",
    "Ballast water rules against invasive marine species",
    "Ships must treat ballast water to stop the introduction of alien mussels and crabs.",
  ],
  [
    "06",
    "Early detection of invasive alien plants along roads",
    "Volunteers map new invasive alien plant outbreaks so that they are removed before they spread.",
  ],
  [
    "06",
    "Managing feral goats on an oceanic island",
    "Removing feral goats allows endemic plants to regrow on an island with many threatened species.",
  ],
  [
    "06",
    "Preventing the introduction of invasive species through the pet trade",
    "A list of banned alien species and border checks reduce new invasions from imported pets.",
  ],
];

const COUNTRIES = ["id", "gh", "mn", "br", "nl", "mx", "za", "ke", "co", "vn", "pe", "fr"];

/** Identifier of the demo record whose attachment carries text found nowhere else. */
export const ATTACHMENT_RECORD = "DEMO-VLR-02";

/**
 * Index entries shaped like `/api/v2013/index` answers: Virtual Library resources tagged with
 * `gbfTargets_ss`, every third record a national target aligned through `globalTargetAlignment_ss`
 * (with the unpadded key the CHM uses, e.g. `GBF-TARGET-3`).
 */
export function demoIndexDocs(attachmentPath: string): IndexDoc[] {
  return RECORDS.map(([target, title, summary], i) => {
    const n = String(i + 1).padStart(2, "0");
    const national = i % 3 === 2;
    const identifier = national ? `DEMO-NT-${n}` : `DEMO-VLR-${n}`;
    return {
      identifier_s: identifier,
      schema_s: national ? "nationalTarget7" : "resource",
      realm_ss: ["chm"],
      government_s: COUNTRIES[i % COUNTRIES.length],
      title_EN_t: title,
      summary_t: `<p>${summary}</p>`,
      url_ss: [`https://chm.cbd.int/database/${identifier}`],
      updatedDate_dt: `2025-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, "0")}T10:00:00Z`,
      ...(national
        ? { globalTargetAlignment_ss: [`GBF-TARGET-${Number(target)}`] }
        : { gbfTargets_ss: [`GBF-TARGET-${target}`] }),
      ...(identifier === ATTACHMENT_RECORD
        ? { documentLinks_s: JSON.stringify([{ url: attachmentPath, name: "guidelines.pdf" }]) }
        : {}),
    };
  });
}
