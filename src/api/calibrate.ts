import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { type CalibrationReport, calibrate, MUTANT_MODEL, REFERENCE_MODEL } from '../stats/calibration.js';
import { SqliteStore } from '../store/sqlite.js';
import { type RunSuitesOptions, type RunSuitesResult, runSuites } from './run-suites.js';

export interface CalibrateResult {
  run: RunSuitesResult;
  calibration: CalibrationReport;
  calibrationFile: string;
}

/**
 * Runs the suites against the reference answers and against the same answers with one known
 * defect each, then measures what every grader catches and how often it cries wolf.
 */
export async function calibrateSuites(
  options: Omit<RunSuitesOptions, 'models' | 'resume'>,
): Promise<CalibrateResult> {
  const run = await runSuites({ ...options, models: [REFERENCE_MODEL, MUTANT_MODEL] });
  const store = new SqliteStore(resolve(options.cwd ?? process.cwd(), options.dbPath), { readonly: true });
  let calibration: CalibrationReport;
  try {
    calibration = calibrate(run.runId, store.iterateResults(run.runId));
  } finally {
    store.close();
  }
  const calibrationFile = join(dirname(run.resultsFile), 'calibration.json');
  await writeFile(calibrationFile, `${JSON.stringify(calibration, null, 2)}\n`);
  return { run, calibration, calibrationFile };
}
