import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CalibrationReport } from '../../src/stats/calibration.js';
import { runAvec, tempDir } from '../helpers/cli.js';

describe('avec calibrate on the shipped suites', () => {
  it('no reference fails its own suite, and every grader catches ≥ 90% of the defects it exists for', async () => {
    const dir = tempDir();
    const result = await runAvec(['calibrate', 'suites', '--db', join(dir, 'a.db'), '--out', dir, '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CalibrationReport;
    expect(report.brokenReferences).toEqual([]);
    expect(report.references.n).toBeGreaterThanOrEqual(30);
    expect(report.mutants.n).toBeGreaterThanOrEqual(30);
    const weak = report.graders
      .filter((g) => g.intended.n > 0 && (g.intended.rate ?? 0) < 0.9)
      .map((g) => `${g.suiteId}/${g.grader}: ${g.intended.k}/${g.intended.n}`);
    expect(weak).toEqual([]);
    expect(existsSync(join(dir, 'calibration.json'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, 'calibration.json'), 'utf8')).runId).toBe(report.runId);
  });

  it('prints the summary, the calibration tables and the blind spots, and stores the run', async () => {
    const dir = tempDir();
    const db = join(dir, 'a.db');
    const result = await runAvec(['calibrate', 'suites', '--db', db, '--out', dir]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/builtin:mutant/);
    expect(result.stdout).toMatch(/Calibration: graders/);
    expect(result.stdout).toMatch(/references wrongly failed: 0\/\d+/);
    const runs = JSON.parse((await runAvec(['runs', 'list', '--json', '--db', db])).stdout);
    expect(runs[0].models.map((m: { id: string }) => m.id)).toEqual(['builtin:reference', 'builtin:mutant']);
  });
});
