/**
 * Two short documents wholly about invasive species on islands (fictional, written for chm-lens's
 * search tests; the first is the France upload of test/e2e-coverage.test.ts). With the samples,
 * they check that documents about a query as a whole outrank a long report that mentions it once
 * among other targets.
 */
export const ISLAND_DOCS: { filename: string; title: string; text: string }[] = [
  {
    filename: "france-invasive-species-plan.txt",
    title: "France invasive species plan",
    text: "France adopted a national strategy to prevent the introduction of invasive alien species, with early detection, rapid response and eradication programmes on its islands.",
  },
  {
    filename: "seychelles-island-restoration.txt",
    title: "Seychelles island restoration",
    text: "Seychelles removed rats and feral cats from six outer islands and keeps them free of invasive predators with biosecurity checks on every boat, so that seabirds and endemic land birds can breed again.",
  },
];
