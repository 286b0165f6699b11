/** The library API: what `import … from 'avec-eval'` gives. The CLI is a thin shell over it. */

export { type CalibrateResult, calibrateSuites } from './api/calibrate.js';
export { type GradeLine, type GradeOptions, gradeOutputs } from './api/grade.js';
export { checkDataClassification, loadSuitesWithGraders, resolveProviders } from './api/load.js';
export { newRunId, type RunSuitesOptions, type RunSuitesResult, runSuites } from './api/run-suites.js';
export { listRuns, type RunListing } from './api/runs.js';
export { type LintReport, lintSuites, listSuites, lockSuites, type SuiteListing } from './api/suites.js';
export { runCli } from './cli/program.js';
export { type Config, loadConfig } from './config/config.js';
export { createGraders, GRADERS, type GraderType, graderTypes } from './graders/registry.js';
export type { GradeInput, GradeResult, Grader, GraderDefinition, Span } from './graders/types.js';
export { ProviderError, type RetryClass } from './providers/provider-error.js';
export { resolveProvider } from './providers/registry.js';
export type { Completion, CompletionRequest, Provider } from './providers/types.js';
export type { CaseResult, Outcome } from './run/types.js';
export { ExitCode, RunError, UserError } from './shared/errors.js';
export { type CalibrationReport, calibrate } from './stats/calibration.js';
export { wilsonInterval } from './stats/proportion.js';
export { type SummaryRow, summarize } from './stats/summary.js';
export { SqliteStore } from './store/sqlite.js';
export type { Store } from './store/types.js';
export { loadSuite } from './suite/load-suite.js';
export type { Case, Suite } from './suite/types.js';
