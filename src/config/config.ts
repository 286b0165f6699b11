import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../shared/errors.js';
import { readPositionedYaml, validatePositioned } from '../shared/yaml-file.js';
import type { EnergyParameters } from '../stats/energy.js';
import type { Classification } from '../suite/types.js';
import configSchema from './config.schema.json' with { type: 'json' };

export interface EndpointConfig {
  type?: 'openai' | 'anthropic';
  baseUrl?: string;
  apiKeyEnv?: string;
  concurrency?: number;
  approvedFor?: Classification[];
}

export interface Price {
  inputPerMillion: number;
  outputPerMillion: number;
}

export interface Config {
  /** Model spec of the LLM judge used by judge.* graders. */
  judge?: string;
  concurrency?: number;
  timeoutMs?: number;
  retry?: { maxRetries?: number; baseDelayMs?: number; maxDelayMs?: number; maxRetryAfterMs?: number };
  providers?: Record<string, EndpointConfig>;
  pricing?: Record<string, Price>;
  compare?: { alpha?: number; margin?: number };
  energy?: Record<string, EnergyParameters>;
  /** Where it was read from, for messages; undefined when there was no file. */
  file?: string;
}

export const DEFAULT_CONFIG_FILE = 'avec.config.yaml';

/** An explicit --config must exist; the default file is optional. */
export function loadConfig(path: string | undefined, cwd = process.cwd()): Config {
  const file = resolve(cwd, path ?? DEFAULT_CONFIG_FILE);
  if (!existsSync(file)) {
    if (path === undefined) return {};
    throw new UserError('configuration file not found', {
      place: { file: path },
      hint: 'Check the --config path',
    });
  }
  const shown = path ?? DEFAULT_CONFIG_FILE;
  const document = readPositionedYaml(file, shown);
  const value = document.value ?? {};
  validatePositioned(document, configSchema, { what: 'configuration', value });
  const config = value as Config;
  for (const [name, endpoint] of Object.entries(config.providers ?? {})) {
    if (name !== 'openai' && name !== 'anthropic' && name !== 'builtin' && !endpoint.type) {
      const pointer = `/providers/${name}`;
      throw new UserError(`provider "${name}" needs a "type" (openai or anthropic)`, {
        place: { file: shown, line: document.lineOf(pointer), pointer },
        hint: 'Say which wire format the endpoint speaks',
      });
    }
  }
  return { ...config, file: shown };
}
