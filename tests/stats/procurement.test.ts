import { describe, expect, it } from 'vitest';
import { energyPer1000Cases } from '../../src/stats/energy.js';
import { procurementMatrix } from '../../src/stats/procurement.js';
import type { GroupCounts } from '../../src/store/types.js';

function group(
  model: string,
  suiteId: string,
  pass: number,
  fail: number,
  cost: number,
  tokens = 1000,
): GroupCounts {
  return {
    suiteId,
    suiteVersion: '1.0.0',
    model,
    n: pass + fail,
    pass,
    fail,
    error: 0,
    piiLeaks: 0,
    skippedGrades: 0,
    cached: 0,
    inputTokens: tokens,
    outputTokens: 0,
    costUsd: cost,
    unknownCost: 0,
    judgeCostUsd: 0,
    latenciesMs: [100, 200, 300],
    servedModels: [model],
  };
}

function cases(model: string, suiteId: string, pass: number, fail: number) {
  return [
    ...Array.from({ length: pass }, (_, i) => ({ suiteId, model, caseId: `p${i}`, passes: 1, judged: 1 })),
    ...Array.from({ length: fail }, (_, i) => ({ suiteId, model, caseId: `f${i}`, passes: 0, judged: 1 })),
  ];
}

describe('energyPer1000Cases', () => {
  it('follows 2 FLOP per parameter per token over the efficiency range, times PUE', () => {
    // 8e9 params, 1,000 tokens per case, 1,000 cases: 2 × 8e9 × 1e6 = 1.6e16 FLOP.
    const range = energyPer1000Cases(1000, { activeParametersB: 8 });
    expect(range.lowWh).toBeCloseTo(((1.6e16 / 1e11) * 1.2) / 3600, 6);
    expect(range.highWh).toBeCloseTo(((1.6e16 / 1e10) * 1.2) / 3600, 6);
    expect(range.centralWh).toBeCloseTo(Math.sqrt(range.lowWh * range.highWh), 9);
    expect(energyPer1000Cases(1000, { activeParametersB: 8, pue: 1 }).lowWh).toBeCloseTo(
      range.lowWh / 1.2,
      9,
    );
  });
});

describe('procurementMatrix', () => {
  const groups = [
    group('a:cheap-good', 'summary.x', 18, 2, 0.02),
    group('a:cheap-good', 'form.y', 9, 1, 0.01),
    group('b:expensive-better', 'summary.x', 20, 0, 0.6),
    group('b:expensive-better', 'form.y', 10, 0, 0.3),
    group('c:dominated', 'summary.x', 15, 5, 0.5),
    group('c:dominated', 'form.y', 5, 5, 0.5),
  ];
  const allCases = [
    ...cases('a:cheap-good', 'summary.x', 18, 2),
    ...cases('a:cheap-good', 'form.y', 9, 1),
    ...cases('b:expensive-better', 'summary.x', 20, 0),
    ...cases('b:expensive-better', 'form.y', 10, 0),
    ...cases('c:dominated', 'summary.x', 15, 5),
    ...cases('c:dominated', 'form.y', 5, 5),
  ];
  const uses = new Map([
    ['summary.x', 'summary'],
    ['form.y', 'form'],
  ]);
  const rows = procurementMatrix(groups, allCases, uses, { 'a:cheap-good': { activeParametersB: 8 } });
  const byModel = Object.fromEntries(rows.map((r) => [r.model, r]));

  it('marks the Pareto front of quality against cost', () => {
    expect(byModel['a:cheap-good']?.pareto).toBe(true);
    expect(byModel['b:expensive-better']?.pareto).toBe(true);
    expect(byModel['c:dominated']?.pareto).toBe(false);
  });

  it('gives quality per use and overall with n, and cost per 1,000 cases', () => {
    expect(byModel['a:cheap-good']?.passRate).toBeCloseTo(27 / 30, 12);
    expect(byModel['a:cheap-good']?.byUse).toEqual([
      expect.objectContaining({ use: 'form', passRate: 0.9, n: 10 }),
      expect.objectContaining({ use: 'summary', passRate: 0.9, n: 20 }),
    ]);
    expect(byModel['a:cheap-good']?.costPer1000).toBeCloseTo(1, 12);
    expect(byModel['b:expensive-better']?.costPer1000).toBeCloseTo(30, 12);
  });

  it('estimates energy only where the config gives parameters', () => {
    expect(byModel['a:cheap-good']?.energyPer1000?.lowWh).toBeGreaterThan(0);
    expect(byModel['b:expensive-better']?.energyPer1000).toBeUndefined();
  });

  it('leaves cost unknown, and the model off the front, when a price is unknown', () => {
    const unknown = procurementMatrix(
      [{ ...group('d:x', 'summary.x', 20, 0, 0), unknownCost: 20 }],
      cases('d:x', 'summary.x', 20, 0),
      uses,
    );
    expect(unknown[0]?.costPer1000).toBeUndefined();
    expect(unknown[0]?.pareto).toBe(false);
  });
});
