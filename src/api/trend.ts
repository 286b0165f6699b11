import { loadConfig } from '../config/config.js';
import { clusteredPassRate } from '../stats/clustered.js';
import type { Comparison } from '../stats/compare.js';
import type { Interval } from '../stats/proportion.js';
import { wilsonInterval } from '../stats/proportion.js';
import type { Store, TrendPoint } from '../store/types.js';
import { compareOptionsFrom, compareStoredRuns, openExistingStore } from './compare.js';

export interface TrendRow extends Omit<TrendPoint, 'costUsd' | 'unknownCost'> {
  passRate: number | undefined;
  interval: Interval | undefined;
  costPerCase: number | undefined;
  /** The served model differs from the previous point's: a vendor update, or a new snapshot. */
  servedModelChanged: boolean;
}

export interface TrendSeries {
  suiteId: string;
  model: string;
  points: TrendRow[];
  /** For each change of served model, the before/after comparison of this suite × model. */
  changes: Array<{
    fromRun: string;
    toRun: string;
    before: string[];
    after: string[];
    comparison: Comparison['rows'][number] | { unpaired: string };
  }>;
}

function intervalFor(
  store: Store,
  point: TrendPoint,
): { rate: number | undefined; interval: Interval | undefined } {
  const judged = point.pass + point.fail;
  if (judged === 0) return { rate: undefined, interval: undefined };
  if (point.repeats <= 1) return { rate: point.pass / judged, interval: wilsonInterval(point.pass, judged) };
  // With repeats, the interval must not count repeats of one case as independent evidence.
  const cases = store
    .caseTallies(point.runId)
    .filter((c) => c.suiteId === point.suiteId && c.model === point.model);
  const clustered = clusteredPassRate(cases);
  return { rate: clustered?.rate, interval: clustered?.interval };
}

export function trendFromStore(
  store: Store,
  filter: { suiteId?: string; model?: string },
  options: ReturnType<typeof compareOptionsFrom>,
): TrendSeries[] {
  const series = new Map<string, TrendSeries>();
  for (const point of store.trendPoints(filter)) {
    const key = `${point.suiteId}\u0000${point.model}`;
    let entry = series.get(key);
    if (!entry) {
      entry = { suiteId: point.suiteId, model: point.model, points: [], changes: [] };
      series.set(key, entry);
    }
    const previous = entry.points[entry.points.length - 1];
    const changed =
      previous !== undefined &&
      previous.servedModels.join() !== point.servedModels.join() &&
      point.servedModels.length > 0;
    const { costUsd, unknownCost: _unknown, ...rest } = point;
    const judged = point.pass + point.fail;
    const { rate, interval } = intervalFor(store, point);
    entry.points.push({
      ...rest,
      passRate: rate,
      interval,
      costPerCase: judged + point.error === 0 ? undefined : costUsd / (judged + point.error),
      servedModelChanged: changed,
    });
    if (changed && previous) {
      // One suite × model at a time: the Holm family of a change point is that one comparison.
      const comparison = compareStoredRuns(store, previous.runId, point.runId, options, {
        suiteId: point.suiteId,
        model: point.model,
      });
      const row = comparison.rows.find((r) => r.suiteId === point.suiteId && r.model === point.model);
      const unpaired = comparison.unpaired.find(
        (u) => u.suiteId === point.suiteId && u.model === point.model,
      );
      entry.changes.push({
        fromRun: previous.runId,
        toRun: point.runId,
        before: previous.servedModels,
        after: point.servedModels,
        comparison: row ?? { unpaired: unpaired?.reason ?? 'not comparable' },
      });
    }
  }
  return [...series.values()];
}

/** `avec trend`: each suite × model over time, with served-model changes and what they did. */
export function trend(options: {
  dbPath: string;
  suiteId?: string;
  model?: string;
  configPath?: string;
  cwd?: string;
}): TrendSeries[] {
  const cwd = options.cwd ?? process.cwd();
  const config = loadConfig(options.configPath, cwd);
  const store = openExistingStore(options.dbPath, cwd);
  try {
    return trendFromStore(
      store,
      {
        ...(options.suiteId ? { suiteId: options.suiteId } : {}),
        ...(options.model ? { model: options.model } : {}),
      },
      compareOptionsFrom(config),
    );
  } finally {
    store.close();
  }
}
