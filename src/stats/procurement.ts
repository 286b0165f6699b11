import type { GroupCounts } from '../store/types.js';
import { clusteredPassRate } from './clustered.js';
import { type EnergyParameters, type EnergyRange, energyPer1000Cases } from './energy.js';
import { type Interval, quantileSorted } from './proportion.js';

export interface ModelQuality {
  use: string;
  passRate: number | undefined;
  interval: Interval | undefined;
  n: number;
}

export interface ProcurementRow {
  model: string;
  servedModels: string[];
  /** Over every suite of the run. */
  passRate: number | undefined;
  interval: Interval | undefined;
  n: number;
  byUse: ModelQuality[];
  /** USD per 1,000 answered cases; undefined when some price is unknown. */
  costPer1000: number | undefined;
  medianLatencyMs: number | undefined;
  p95LatencyMs: number | undefined;
  energyPer1000: EnergyRange | undefined;
  /** No other model is at least as good on quality and as cheap, and better on one of them. */
  pareto: boolean;
}

/**
 * Several candidate models on the same suites, side by side: what a procurement committee reads.
 * Quality is the pass rate (per use and overall, with intervals that respect repeats), cost per
 * 1,000 cases at list price, latency, and an energy range where the config gives parameters.
 */
export function procurementMatrix(
  groups: readonly GroupCounts[],
  cases: ReadonlyArray<{ suiteId: string; model: string; passes: number; judged: number }>,
  useOfSuite: ReadonlyMap<string, string>,
  energy: Readonly<Record<string, EnergyParameters>> = {},
): ProcurementRow[] {
  const models = [...new Set(groups.map((g) => g.model))];
  const rows = models.map((model): Omit<ProcurementRow, 'pareto'> => {
    const mine = groups.filter((g) => g.model === model);
    const myCases = cases.filter((c) => c.model === model);
    const overall = clusteredPassRate(myCases);
    const uses = [
      ...new Set(mine.map((g) => useOfSuite.get(g.suiteId) ?? g.suiteId.split('.')[0] ?? 'other')),
    ].sort();
    const byUse = uses.map((use) => {
      const suites = new Set(
        mine
          .filter((g) => (useOfSuite.get(g.suiteId) ?? g.suiteId.split('.')[0]) === use)
          .map((g) => g.suiteId),
      );
      const rate = clusteredPassRate(myCases.filter((c) => suites.has(c.suiteId)));
      return {
        use,
        passRate: rate?.rate,
        interval: rate?.interval,
        n: myCases.filter((c) => suites.has(c.suiteId) && c.judged > 0).length,
      };
    });
    const answered = mine.reduce((sum, g) => sum + g.pass + g.fail, 0);
    const unknownCost = mine.reduce((sum, g) => sum + g.unknownCost, 0);
    const cost = mine.reduce((sum, g) => sum + g.costUsd, 0);
    const tokens = mine.reduce((sum, g) => sum + g.inputTokens + g.outputTokens, 0);
    const latencies = mine.flatMap((g) => g.latenciesMs).sort((a, b) => a - b);
    const parameters = energy[model];
    return {
      model,
      servedModels: [...new Set(mine.flatMap((g) => g.servedModels))].sort(),
      passRate: overall?.rate,
      interval: overall?.interval,
      n: myCases.filter((c) => c.judged > 0).length,
      byUse,
      costPer1000: answered === 0 || unknownCost > 0 ? undefined : (cost / answered) * 1000,
      medianLatencyMs: quantileSorted(latencies, 0.5),
      p95LatencyMs: quantileSorted(latencies, 0.95),
      energyPer1000:
        parameters && answered > 0 ? energyPer1000Cases(tokens / answered, parameters) : undefined,
    };
  });
  return rows.map((row) => ({
    ...row,
    pareto:
      row.passRate !== undefined &&
      row.costPer1000 !== undefined &&
      !rows.some(
        (other) =>
          other !== row &&
          other.passRate !== undefined &&
          other.costPer1000 !== undefined &&
          other.passRate >= (row.passRate as number) &&
          other.costPer1000 <= (row.costPer1000 as number) &&
          (other.passRate > (row.passRate as number) || other.costPer1000 < (row.costPer1000 as number)),
      ),
  }));
}
