/**
 * Short passages written in the style of national reports and NBSAPs (not the development-set
 * questions), one or more GBF targets each, to sanity-check that the classifier generalises to
 * report text. Written for chm-lens; used by scripts/cv-quick.ts's `--report` table and the classifier test.
 */
export interface ReportPassage {
  text: string;
  labels: string[];
  language: string;
}

const t = (n: number) => `GBF-TARGET-${String(n).padStart(2, "0")}`;

export const REPORT_PASSAGES: ReportPassage[] = [
  {
    language: "en",
    labels: [t(1)],
    text: "The national land-use plan adopted in 2022 zones the coastal lowlands and identifies areas of high biodiversity importance to be kept free of conversion. Provincial authorities are preparing marine spatial plans for the two main bays, and spatial data layers on ecosystems have been integrated into the planning portal.",
  },
  {
    language: "en",
    labels: [t(2)],
    text: "Some 45,000 hectares of degraded forest and rangeland are under active restoration, mostly through assisted natural regeneration and enrichment planting. The country committed to the Bonn Challenge and monitors restored areas annually; mangrove replanting along the delta continues with community groups.",
  },
  {
    language: "en",
    labels: [t(3)],
    text: "Terrestrial protected areas now cover 17.4% of the national territory and marine protected areas 8.1% of the exclusive economic zone. Two community conserved areas were recognised as OECMs in 2023, and management effectiveness assessments using METT were completed for 40 sites.",
  },
  {
    language: "en",
    labels: [t(4)],
    text: "Recovery plans are in place for 12 critically endangered species, including a captive breeding programme for the island rail. A national seed bank conserves the genetic diversity of wild relatives, and compensation schemes reduce human-elephant conflict in the buffer zones.",
  },
  {
    language: "en",
    labels: [t(5)],
    text: "Enforcement against poaching and illegal wildlife trade was strengthened: rangers seized 300 kg of pangolin scales last year and the CITES management authority introduced electronic permits. Harvest quotas for wild-caught reptiles are set on the basis of non-detriment findings.",
  },
  {
    language: "en",
    labels: [t(6)],
    text: "A national list of invasive alien species was published and biosecurity checks at ports were tightened. Eradication of rats on three offshore islets succeeded, and control of water hyacinth continues in the main reservoir.",
  },
  {
    language: "en",
    labels: [t(7)],
    text: "Nutrient runoff from farmland remains the main cause of eutrophication in the lakes. The ministry banned two highly hazardous pesticides, promotes integrated pest management, and a single-use plastics ban entered into force in 2021 to cut plastic pollution on beaches.",
  },
  {
    language: "en",
    labels: [t(8)],
    text: "Mangrove and peatland conservation is part of the nationally determined contribution, and ecosystem-based adaptation pilots protect coastal villages from storm surges. Climate vulnerability assessments now consider impacts on species and ecosystems.",
  },
  {
    language: "en",
    labels: [t(9)],
    text: "Community-based management of non-timber forest products such as rattan and wild honey provides income to forest-dependent households. Customary sustainable use of wild meat by indigenous communities is recognised in the wildlife regulations.",
  },
  {
    language: "en",
    labels: [t(10)],
    text: "The share of farmland under agroecological practices and organic certification increased to 9%. Fisheries management plans set catch limits for the main stocks, aquaculture farms must meet environmental standards, and 60% of production forests are certified under sustainable forest management schemes.",
  },
  {
    language: "en",
    labels: [t(11)],
    text: "A payment for ecosystem services scheme rewards upstream landowners for maintaining forest cover that regulates water flows to the capital. Studies valued the pollination services of wild bees for orchards and the role of wetlands in flood protection.",
  },
  {
    language: "en",
    labels: [t(12)],
    text: "Municipalities adopted urban greening plans that expand parks, street trees and green roofs, and restore urban rivers as blue corridors. Access to green space within 300 m of every home is a target of the city biodiversity strategy.",
  },
  {
    language: "en",
    labels: [t(13)],
    text: "The access and benefit-sharing regulation implements the Nagoya Protocol: users of genetic resources need prior informed consent and mutually agreed terms, and two internationally recognised certificates of compliance were issued. The country participates in discussions on digital sequence information.",
  },
  {
    language: "en",
    labels: [t(14)],
    text: "Biodiversity considerations are now integrated into the national development plan and sectoral policies for mining and tourism. Strategic environmental assessment is mandatory for programmes, and the statistics office is developing natural capital accounts.",
  },
  {
    language: "en",
    labels: [t(15)],
    text: "Listed companies must disclose nature-related risks and impacts; several banks piloted the TNFD recommendations. Large agri-food companies are mapping their supply chains to assess dependencies on biodiversity.",
  },
  {
    language: "en",
    labels: [t(16)],
    text: "A campaign on responsible consumption encourages households to reduce food waste, which was halved in school canteens. Eco-labels and green public procurement help consumers choose sustainable products.",
  },
  {
    language: "en",
    labels: [t(17)],
    text: "The national biosafety framework regulates living modified organisms under the Cartagena Protocol. Risk assessment of genetically modified maize applications is carried out by the biosafety committee, and the biosafety clearing-house is kept up to date.",
  },
  {
    language: "en",
    labels: [t(18)],
    text: "A review identified fertiliser and fuel subsidies harmful to biodiversity; reform options are being discussed with the finance ministry. Positive incentives, such as tax rebates for conservation easements, were introduced.",
  },
  {
    language: "en",
    labels: [t(19)],
    text: "Domestic public expenditure on biodiversity reached USD 120 million in 2022. The BIOFIN finance plan identifies new sources such as a biodiversity offset fund and debt-for-nature swaps, and international finance from the GEF supports the implementation of the strategy.",
  },
  {
    language: "en",
    labels: [t(20)],
    text: "Training workshops built the capacity of provincial staff in species monitoring, and a South-South cooperation agreement supports technology transfer for seed banking. Joint research programmes with universities in the region strengthen scientific cooperation.",
  },
  {
    language: "en",
    labels: [t(21)],
    text: "The national biodiversity information system integrates species occurrence data from museums and citizen science, and publishes them through GBIF. Traditional knowledge is documented only with the free, prior and informed consent of the holders.",
  },
  {
    language: "en",
    labels: [t(22)],
    text: "Indigenous peoples and local communities are represented in the national biodiversity committee, and their land tenure rights are recognised in law. Youth networks took part in the consultations on the strategy, and protection measures for environmental human rights defenders were adopted.",
  },
  {
    language: "en",
    labels: [t(23)],
    text: "A gender action plan for biodiversity was adopted; women's access to land and resources and their participation in decision-making are monitored with sex-disaggregated data.",
  },
  {
    language: "fr",
    labels: [t(3)],
    text: "Les aires protégées terrestres couvrent 15 % du territoire national et les aires marines protégées 5 % de la zone économique exclusive. De nouvelles réserves naturelles ont été créées et l'efficacité de la gestion est évaluée.",
  },
  {
    language: "fr",
    labels: [t(7)],
    text: "La réduction de l'usage des pesticides et des excès d'engrais azotés est un axe du plan national. La pollution plastique des cours d'eau fait l'objet d'un programme de surveillance.",
  },
  {
    language: "fr",
    labels: [t(19)],
    text: "Le financement de la stratégie repose sur le budget de l'État, des fonds fiduciaires pour la conservation et l'aide publique au développement; un plan de mobilisation des ressources a été élaboré.",
  },
  {
    language: "es",
    labels: [t(2)],
    text: "El programa nacional de restauración ha recuperado 30.000 hectáreas de ecosistemas degradados, incluidos humedales y bosques ribereños, mediante reforestación con especies nativas.",
  },
  {
    language: "es",
    labels: [t(10)],
    text: "Se promueve la agroecología y las buenas prácticas agrícolas; los planes de manejo pesquero fijan cuotas de captura y la acuicultura debe cumplir normas ambientales.",
  },
  {
    language: "es",
    labels: [t(22), t(23)],
    text: "La estrategia garantiza la participación plena y efectiva de los pueblos indígenas y comunidades locales, así como de las mujeres y los jóvenes, en la toma de decisiones sobre biodiversidad, con enfoque de género.",
  },
  {
    language: "en",
    labels: [t(3), t(4)],
    text: "National Target 3 aligns with GBF Target 3 and commits to expanding the protected area network. Progress: two new national parks were gazetted. Under national target 4, species action plans address the decline of vultures.",
  },
  // Harder: paraphrased, few curated phrases, or longer multi-sentence sections.
  {
    language: "en",
    labels: [t(1)],
    text: "Before a new road, mine or plantation concession is approved, the cadastre office now overlays the maps of key biodiversity areas, so that intact forests are kept out of concessions. Regional development plans were revised accordingly.",
  },
  {
    language: "en",
    labels: [t(11)],
    text: "Forests on the upper slopes protect the drinking water of the town and reduce landslides, while coffee farmers depend on wild bees for their yields. These benefits that nature provides to people were mapped for each watershed.",
  },
  {
    language: "en",
    labels: [t(18)],
    text: "The tax exemption on diesel for fishing boats was phased out and the savings were redirected to reward farmers who keep hedgerows and ponds on their land.",
  },
  {
    language: "en",
    labels: [t(20)],
    text: "Staff of the environment agency received fellowships abroad, and the national herbarium obtained DNA barcoding equipment through a partnership with a foreign research institute. Customs officers were trained to identify protected specimens.",
  },
  {
    language: "en",
    labels: [t(21)],
    text: "An online dashboard tracks the indicators of the national strategy; it is fed by long-term ecological monitoring plots and by the national red list assessments, and all datasets are openly accessible to decision makers and the public.",
  },
  {
    language: "en",
    labels: [t(15)],
    text: "Companies in the palm oil and cocoa sectors report annually on their deforestation-free commitments and the traceability of their sourcing, and the stock exchange guidance asks issuers to assess their impacts on nature.",
  },
  {
    language: "en",
    labels: [t(5)],
    text: "The fisheries department monitors the catch of sea cucumbers and sharks so that exploitation of these wild populations stays within sustainable limits, and the trafficking of parrots and tortoises is prosecuted by a specialised unit.",
  },
  {
    language: "en",
    labels: [t(18)],
    text: "Progress towards Target 18: a study was commissioned in 2023 and a roadmap is due in 2025.",
  },
  {
    language: "en",
    labels: [t(19), t(3)],
    text: "Chapter 4. Implementation. The strategy will cost an estimated USD 800 million over ten years. About half is expected from the national budget, the rest from bilateral donors, the Global Environment Facility and private philanthropy. A conservation trust fund created in 2021 already finances the recurrent costs of twelve national parks, including ranger salaries and infrastructure. Funding gaps remain for marine areas, and the government will explore blue bonds.",
  },
  {
    language: "en",
    labels: [t(7)],
    text: "Water quality monitoring shows that nitrate concentrations exceed the standard in a third of the rivers, largely because of livestock manure and fertiliser use. Sewage treatment coverage rose to 70% of urban households. The strategy targets a 50% reduction of excess nutrients lost to the environment by 2030 and a halving of the overall risk from pesticides.",
  },
  {
    language: "ru",
    labels: [t(3)],
    text: "Особо охраняемые природные территории занимают 13% площади страны; в 2023 году созданы два новых национальных парка.",
  },
  {
    language: "zh",
    labels: [t(6)],
    text: "我国发布了重点管理外来入侵物种名录，加强口岸检疫，并在多个省份开展入侵植物清除行动。",
  },
  {
    language: "ar",
    labels: [t(2)],
    text: "تم استعادة 20 ألف هكتار من الأراضي المتدهورة وإعادة تأهيل النظم الإيكولوجية في المناطق الجافة من خلال التشجير.",
  },
  {
    language: "fr",
    labels: [t(13)],
    text: "Le décret sur l'accès aux ressources génétiques et le partage juste et équitable des avantages découlant de leur utilisation met en œuvre le Protocole de Nagoya.",
  },
  {
    language: "es",
    labels: [t(21)],
    text: "El sistema nacional de información sobre biodiversidad reúne datos de monitoreo de especies y ecosistemas y los pone a disposición del público y de los tomadores de decisiones.",
  },
  // Written after the keyword and windowing changes, as a fresh check (not tuned on).
  {
    language: "en",
    labels: [t(4)],
    text: "The population of the endemic mountain frog declined by 60% over the decade because of chytrid fungus; an emergency conservation programme keeps an assurance colony at the national zoo and surveys the remaining breeding streams every spring.",
  },
  {
    language: "en",
    labels: [t(10)],
    text: "Smallholder farmers in the highlands were supported to diversify crops, plant hedgerows and reduce tillage. The forestry code requires management plans for all timber concessions, and the share of fish landings from stocks assessed as healthy is reported every year.",
  },
  {
    language: "en",
    labels: [t(14)],
    text: "The planning ministry now screens every infrastructure project for its effects on ecosystems before funding is approved, and the budget circular asks each ministry to show how its programmes affect nature.",
  },
  {
    language: "en",
    labels: [t(16)],
    text: "Surveys show that awareness of the environmental impact of diets is growing; supermarkets committed to halve food thrown away by 2030, and a national label helps shoppers identify products from sustainably managed sources.",
  },
  {
    language: "en",
    labels: [t(22)],
    text: "Customary land claims of three forest communities were titled in 2023. The consultation process for the new strategy held 40 meetings in local languages, and a grievance mechanism allows communities to raise concerns about conservation projects on their lands.",
  },
  {
    language: "en",
    labels: [t(12)],
    text: "The capital's biodiversity plan created 25 new neighbourhood parks, daylighted two buried streams and requires developers to include native planting in new housing estates.",
  },
  {
    language: "en",
    labels: [t(8), t(2)],
    text: "Replanting mangroves along 40 km of coastline both stores carbon and shields settlements from storm surges and rising seas; the project is reported under the country's adaptation communication to the climate convention.",
  },
  {
    language: "fr",
    labels: [t(5)],
    text: "Les services de douane ont saisi plus de 2 tonnes d'ivoire et de nombreux oiseaux vivants destinés à l'exportation illégale; les permis d'exportation des espèces inscrites aux annexes de la CITES sont désormais délivrés en ligne.",
  },
  {
    language: "es",
    labels: [t(6)],
    text: "Se aprobó el plan de control del pez león y de la rana toro, con acciones de detección temprana en puertos y aeropuertos para evitar el ingreso de nuevas especies.",
  },
  {
    language: "en",
    labels: [t(17)],
    text: "Field trials of an insect-resistant cotton variety were authorised after a case-by-case assessment of risks to non-target organisms and to the environment, and the decision was published for public comment.",
  },
];
