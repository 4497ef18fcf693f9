/** Prose of the DOCX, HTML and Markdown samples (English), written for chm-lens. */

export interface Section {
  heading: string;
  paragraphs: string[];
  bullets?: string[];
}

export const DOCX_TITLE = "National Biodiversity Strategy and Action Plan 2024-2030";
export const DOCX_SUBTITLE = "Chapter 4: Invasive alien species";

export const DOCX_SECTIONS: Section[] = [
  {
    heading: "4.1 Why invasive alien species matter",
    paragraphs: [
      "Invasive alien species are the main driver of extinction on our islands and a growing threat to inland waters. Water hyacinth now chokes irrigation canals in six provinces, the golden apple snail damages rice paddies, and feral cats and rats prey on ground-nesting seabirds. The estimated annual cost to agriculture, fisheries and water supply exceeds 40 million dollars.",
      "This chapter sets out how the country will contribute to Target 6 of the Kunming-Montreal Global Biodiversity Framework: identifying and managing pathways of introduction, cutting the rate of new introductions and establishment by at least half by 2030, and eradicating or controlling invasive species on priority islands.",
    ],
  },
  {
    heading: "4.2 Priority pathways of introduction",
    paragraphs: [
      "A pathway analysis carried out with the national university in 2023 found that most recent introductions arrived through four routes.",
    ],
    bullets: [
      "Ballast water and hull fouling of commercial ships entering the two main seaports.",
      "The ornamental plant and aquarium trade, including online sales.",
      "Contaminated seed, soil and timber imports.",
      "Deliberate releases of pet reptiles and fish into rivers and lakes.",
    ],
  },
  {
    heading: "4.3 Actions 2024-2030",
    paragraphs: [
      "Action 4.3.1: adopt a biosecurity law that places prevention, early detection and rapid response under one authority, with a legally binding list of prohibited species.",
      "Action 4.3.2: train 300 quarantine officers and equip port inspection posts with DNA-based screening for aquatic organisms.",
      "Action 4.3.3: eradicate invasive rodents from five offshore islands of high importance for seabirds, in partnership with island communities.",
      "Action 4.3.4: launch a citizen science reporting application so that farmers, divers and hikers can report new sightings of invasive plants and animals.",
    ],
  },
  {
    heading: "4.4 Indicators and monitoring",
    paragraphs: [
      "Progress will be measured by the rate of invasive alien species establishment, the number of islands cleared of invasive mammals, and the share of interceptions at borders. Results will be published every two years in the national clearing-house mechanism and reported in the national reports to the Convention on Biological Diversity.",
    ],
  },
];

export const HTML_TITLE = "Bringing back the Marsh River wetlands: a restoration case study";

export const HTML_SECTIONS: Section[] = [
  {
    heading: "A drained floodplain",
    paragraphs: [
      "Forty years ago the lower Marsh River floodplain was drained for maize and cattle. The peat soils dried, subsided and burned almost every dry season, and the migratory waterbirds that once wintered there disappeared. By 2015 more than 12,000 hectares of former wetland were classed as degraded land.",
    ],
  },
  {
    heading: "Rewetting and restoration",
    paragraphs: [
      "Between 2019 and 2024 the provincial water agency, two farmer cooperatives and a local conservation trust blocked 64 kilometres of drainage ditches and reconnected old river channels to the floodplain. Water levels were raised step by step so that farmers could shift to wet grassland grazing and reed harvesting instead of abandoning their land.",
      "Native sedges and reeds returned on their own within two seasons; on the most damaged plots volunteers planted alder and willow. Peat fires have not occurred since 2021, and the restored peatland now stores carbon instead of releasing it.",
    ],
    bullets: [
      "7,800 hectares of degraded wetland under effective restoration (65 percent of the degraded area).",
      "Breeding pairs of the black-tailed godwit up from 4 to 57.",
      "Downstream flood peaks reduced by an estimated 20 percent.",
    ],
  },
  {
    heading: "Lessons for Target 2",
    paragraphs: [
      "The project shows that restoring degraded ecosystems works when landowners share the benefits. Payments for ecosystem services, funded by the downstream water utility, made rewetting affordable for farmers. The province now plans to restore a further 30 percent of its degraded inland water ecosystems by 2030, in line with Target 2 of the Kunming-Montreal Global Biodiversity Framework.",
    ],
  },
];

export const MARKDOWN_TITLE = "Biodiversity finance plan: mobilizing resources to 2030";

export const MARKDOWN_SECTIONS: Section[] = [
  {
    heading: "Summary",
    paragraphs: [
      "This plan estimates the cost of implementing the national biodiversity strategy at 310 million dollars per year and identifies how the funding gap will be closed, contributing to Target 19 of the Global Biodiversity Framework.",
    ],
  },
  {
    heading: "Sources of finance",
    paragraphs: ["Public budgets remain the main source, but the plan also counts on:"],
    bullets: [
      "international public finance from bilateral donors and the Global Biodiversity Framework Fund;",
      "a green bond whose proceeds finance protected areas and restoration;",
      "payments for ecosystem services paid by water utilities and hydropower companies;",
      "debt-for-nature swaps negotiated with two creditor countries.",
    ],
  },
  {
    heading: "Harmful subsidies",
    paragraphs: [
      "A review of fuel subsidies for fishing fleets and fertilizer subsidies will be completed by 2026, and the savings will be redirected to sustainable agriculture and fisheries.",
    ],
  },
];
