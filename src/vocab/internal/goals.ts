/**
 * Which GBF goal each target contributes to.
 *
 * The GBF (decision 15/4, sections G and H) does not attach targets to goals formally; it groups the
 * targets in three sections. We map them to the goals by what each goal's text asks for:
 * - Goal A (ecosystems conserved, extinctions halted, genetic diversity maintained) ← targets 1–8,
 *   the section "Reducing threats to biodiversity" (spatial planning, restoration, 30x30, species
 *   recovery, harvest, invasive species, pollution, climate change).
 * - Goal B (biodiversity sustainably used, nature's contributions to people maintained) ← targets
 *   9–12: wild species use, sustainable agriculture/fisheries/forestry, nature's contributions,
 *   urban green and blue spaces (the "Meeting people's needs" section minus benefit-sharing).
 * - Goal C (benefits from genetic resources, DSI and traditional knowledge shared) ← target 13 only;
 *   it is the one target about access and benefit-sharing.
 * - Goal D (adequate means of implementation: finance, capacity, technology, cooperation) ← targets
 *   14–23, the section "Tools and solutions for implementation and mainstreaming"; 18–20 are its
 *   core (incentives, resources, capacity and technology) and the rest are the enabling conditions
 *   that the goal's "means of implementation" covers (mainstreaming, business, consumption,
 *   biosafety, knowledge, participation, gender).
 */
export function goalOfTargetNumber(n: number): string {
  if (n >= 1 && n <= 8) return "GBF-GOAL-A";
  if (n >= 9 && n <= 12) return "GBF-GOAL-B";
  if (n === 13) return "GBF-GOAL-C";
  return "GBF-GOAL-D";
}
