import type { Config } from '../config/config.js';
import { createGraders } from '../graders/registry.js';
import type { Grader } from '../graders/types.js';
import type { ProviderThread } from '../providers/provider-thread.js';
import { resolveProvider } from '../providers/registry.js';
import type { Provider } from '../providers/types.js';
import { UserError } from '../shared/errors.js';
import { discoverSuiteFiles } from '../suite/discover.js';
import { displayPath, loadSuite } from '../suite/load-suite.js';
import type { Suite } from '../suite/types.js';

export interface LoadedSuites {
  suites: Suite[];
  graders: Map<string, Grader[]>;
}

/** Loads suites and builds their graders, so every configuration error surfaces before a call. */
export function loadSuitesWithGraders(paths: string[], options: { judge?: Provider } = {}): LoadedSuites {
  const suites = discoverSuiteFiles(paths).map((file) => loadSuite(file));
  const byId = new Map<string, Suite>();
  for (const suite of suites) {
    const other = byId.get(suite.id);
    if (other) {
      throw new UserError(`suite id "${suite.id}" is used twice (also in ${displayPath(other.file)})`, {
        place: { file: displayPath(suite.file), pointer: '/id' },
        hint: 'Suite ids must be unique',
      });
    }
    byId.set(suite.id, suite);
  }
  const graders = new Map<string, Grader[]>();
  for (const suite of suites) graders.set(suite.id, createGraders(suite.graders, suite.dir, options));
  return { suites, graders };
}

export function resolveProviders(
  specs: string[],
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
  thread?: ProviderThread,
): Provider[] {
  const unique = [...new Set(specs)];
  if (unique.length === 0) {
    throw new UserError('no model given', { hint: 'Name at least one with -m, e.g. -m builtin:reference' });
  }
  return unique.map((spec) => resolveProvider(spec, config, env, { thread }));
}

/**
 * Identifying data goes only where the config approved it. Checked for every suite × model
 * before the first request, so a refusal never comes after data already left.
 */
export function checkDataClassification(suites: Suite[], providers: Provider[], judge?: Provider): void {
  for (const suite of suites) {
    // The judge receives the source and the output: it is a destination like any model.
    for (const provider of judge ? [...providers, judge] : providers) {
      if (!provider.approvedFor.includes(suite.dataset.classification)) {
        throw new UserError(
          `suite ${suite.id} holds ${suite.dataset.classification} data, which ${provider.id} is not approved to receive (it goes to ${provider.destination})`,
          {
            place: { file: displayPath(suite.file), pointer: '/dataset/classification' },
            hint: `Use a provider approved for ${suite.dataset.classification} data (providers.<name>.approvedFor in avec.config.yaml), or another dataset`,
          },
        );
      }
    }
  }
}
