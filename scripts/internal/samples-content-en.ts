/**
 * English prose of the sample documents: a fictional country's reporting on GBF targets.
 * Headings quote the official target titles from corpora/gbf-goals-targets.json; the body text is
 * written for these samples (plausible national-report language, not the target text itself).
 */

/** One page of the multi-page national report: the targets it covers and its paragraphs. */
export interface ReportPage {
  targets: number[];
  paragraphs: string[];
}

export const REPORT_TITLE = "Seventh National Report of the Republic of Aldoria - Section I: Targets 1 to 8";

export const REPORT_PAGES: ReportPage[] = [
  {
    targets: [1],
    paragraphs: [
      "This section reports progress made by the Republic of Aldoria towards the first eight targets of the Kunming-Montreal Global Biodiversity Framework. It was prepared by the Ministry of Environment with contributions from provincial governments, research institutes, indigenous peoples and local communities, and civil society organizations.",
      "Aldoria adopted its first National Spatial Plan for Biodiversity in March 2024. The plan maps key biodiversity areas, intact forests, peatlands and coastal wetlands, and requires every provincial land-use plan to show how the loss of these areas will be brought close to zero by 2030. Participatory mapping workshops were held in 41 districts, and customary land-use maps prepared by indigenous communities were integrated into the national geospatial platform.",
      "By the end of 2025, 62 percent of the national territory was covered by biodiversity-inclusive spatial plans, up from 18 percent in 2020. Marine spatial planning has started in the northern gulf, where zoning for fisheries, shipping and offshore wind was agreed with coastal municipalities. The main remaining gap is the mining concessions granted before 2015, which are not yet subject to the new screening procedure.",
    ],
  },
  {
    targets: [2, 3],
    paragraphs: [
      "Degraded ecosystems cover an estimated 2.1 million hectares, mostly overgrazed rangelands, drained peat swamps and mangroves converted to shrimp ponds. The National Restoration Programme has placed 480,000 hectares under active restoration, about 23 percent of the degraded area, using assisted natural regeneration, rewetting of drained peat and replanting of native mangrove species. Restoration sites are monitored with satellite imagery and field plots to verify that ecological integrity and connectivity are improving.",
      "The terrestrial protected area network now covers 22.4 percent of the land and inland waters, and marine protected areas cover 11.2 percent of the exclusive economic zone. Fourteen community conserved areas were recognised in 2024 as other effective area-based conservation measures. A management effectiveness assessment of 96 protected areas found that two thirds have adequate staff, but fewer than half have secure long-term funding. Aldoria aims to reach 30 percent coverage on land and at sea by 2030, giving priority to areas of particular importance for biodiversity and to ecological corridors between existing reserves.",
    ],
  },
  {
    targets: [4, 5],
    paragraphs: [
      "The national Red List, updated in 2023, assesses 3,412 species, of which 287 are threatened. Species recovery plans are in force for 54 threatened species. The captive breeding and reintroduction programme for the Aldorian crested ibis has raised the wild population from 31 to 112 birds since 2018. A national seed bank and two field gene banks conserve the genetic diversity of traditional rice, millet and fruit tree varieties.",
      "Human-wildlife conflict, mainly crop raiding by elephants and livestock losses to leopards, is managed through early warning networks, solar fences and a compensation fund that paid 1,900 claims in 2024.",
      "All harvesting of wild plants for the medicinal trade now requires a permit based on a non-detriment finding. Customs and wildlife authorities seized 2.3 tonnes of pangolin scales and 640 live reptiles in 2024, and the wildlife trade law was amended to raise penalties for trafficking of species listed under CITES. Community-based management of wild honey and rattan harvesting has been introduced in four provinces to keep use sustainable, safe and legal.",
    ],
  },
  {
    targets: [6, 7],
    paragraphs: [
      "A national list of 112 invasive alien species was adopted in 2023, with water hyacinth, the golden apple snail and the lionfish identified as priorities. Biosecurity inspections at the two main seaports now cover ballast water and imported ornamental plants, the main pathways of introduction. Eradication campaigns have removed invasive rats from three offshore islands that host seabird colonies.",
      "Nutrient loss to rivers remains high in the intensive agriculture zones of the central plain. A fertilizer efficiency programme reached 38,000 farmers in 2024 and reduced nitrogen surplus by an estimated 17 percent in the pilot districts. Highly hazardous pesticides were withdrawn from the market in 2023, and integrated pest management is taught in 600 farmer field schools. A ban on single-use plastic bags and a deposit scheme for bottles aim to cut plastic pollution reaching the coast.",
    ],
  },
  {
    targets: [8],
    paragraphs: [
      "Aldoria is highly exposed to sea level rise, coastal erosion and coral bleaching. The national adaptation plan adopted in 2022 recognises ecosystem-based approaches as a priority: 9,000 hectares of mangroves have been replanted as natural coastal defences, and upland forest restoration is used to reduce flood risk downstream. Monitoring stations record ocean acidification and sea temperature at three coral reef sites.",
      "Synergies between the biodiversity strategy and the nationally determined contribution under the Paris Agreement are coordinated by a joint committee. Safeguards ensure that tree planting for carbon credits does not replace natural grasslands or displace local communities.",
      "Conclusions: progress is strongest on spatial planning, protected areas and species recovery. Restoration, pollution control and biosecurity need more funding and stronger coordination between ministries. Section II of this report covers Targets 9 to 23.",
    ],
  },
];

export const SCANNED_TITLE = "Protected Areas Expansion Programme - Field Office Memo";

/** Short lines of a typed memo, rendered as an image (no text layer) for the OCR sample. */
export const SCANNED_LINES: string[] = [
  "Protected Areas Expansion Programme",
  "Field office memo, northern region, June 2025",
  "",
  "Subject: progress towards 30 percent of land and sea",
  "effectively conserved (GBF Target 3).",
  "",
  "1. Three new protected areas were gazetted this year:",
  "   the Kesra highlands national park, the Lumo river",
  "   wildlife reserve and the Tanak coastal marine park.",
  "2. Together they add 186,000 hectares and connect",
  "   two existing reserves through a forest corridor.",
  "3. Two community forests were registered as other",
  "   effective area-based conservation measures after",
  "   consent of the indigenous councils.",
  "4. Ranger patrols now cover 80 percent of the",
  "   protected area network. Management plans are",
  "   still missing for seven sites.",
  "",
  "Next steps: secure funding for the new parks and",
  "report coverage to the national biodiversity database.",
];
