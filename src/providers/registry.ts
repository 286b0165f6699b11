import type { Config, EndpointConfig } from '../config/config.js';
import { UserError } from '../shared/errors.js';
import type { Classification } from '../suite/types.js';
import { BuiltinMutantProvider } from './builtin-mutant.js';
import { BuiltinReferenceProvider } from './builtin-reference.js';
import { createNetworkProvider } from './network-providers.js';
import type { HttpProviderOptions } from './openai.js';
import type { ProviderThread } from './provider-thread.js';
import type { NetworkWire } from './thread-protocol.js';
import type { Provider } from './types.js';

export const DEFAULT_TIMEOUT_MS = 120_000;

/** Remote endpoints may receive synthetic and pseudonymized data unless the config says more. */
const DEFAULT_APPROVAL: readonly Classification[] = ['synthetic', 'pseudonymized'];

interface Wire {
  defaultKeyEnv: string;
  baseUrlEnv: string;
}

const WIRES: Record<NetworkWire, Wire> = {
  openai: { defaultKeyEnv: 'OPENAI_API_KEY', baseUrlEnv: 'OPENAI_BASE_URL' },
  anthropic: { defaultKeyEnv: 'ANTHROPIC_API_KEY', baseUrlEnv: 'ANTHROPIC_BASE_URL' },
};

const BUILTINS: Record<string, () => Provider> = {
  reference: () => new BuiltinReferenceProvider(),
  mutant: () => new BuiltinMutantProvider(),
};

/** Names usable before the colon of a model spec, for messages. */
export function knownPrefixes(config: Config): string[] {
  return ['openai', 'anthropic', 'builtin', ...Object.keys(config.providers ?? {})].filter(
    (name, index, all) => all.indexOf(name) === index,
  );
}

/**
 * Turns "prefix:model" into a Provider. The model part may itself hold colons (Ollama's
 * "llama3:8b"), so only the first colon splits.
 */
export function resolveProvider(
  spec: string,
  config: Config,
  env: NodeJS.ProcessEnv = process.env,
  options: { timeoutMs?: number; thread?: ProviderThread | undefined } = {},
): Provider {
  const timeoutMs = options.timeoutMs ?? config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const colon = spec.indexOf(':');
  const prefix = colon > 0 ? spec.slice(0, colon) : '';
  const model = colon > 0 ? spec.slice(colon + 1) : '';
  if (!prefix || !model) {
    throw new UserError(`model "${spec}" is not of the form provider:model`, {
      hint: `Write e.g. openai:gpt-4o-mini; known providers: ${knownPrefixes(config).join(', ')}`,
    });
  }
  if (prefix === 'builtin') {
    const create = BUILTINS[model];
    if (!create) {
      throw new UserError(`unknown built-in model "${spec}"`, {
        hint: `Built-in models: ${Object.keys(BUILTINS)
          .map((name) => `builtin:${name}`)
          .join(', ')}`,
      });
    }
    return create();
  }
  const endpoint: EndpointConfig | undefined = config.providers?.[prefix];
  const wireName = endpoint?.type ?? (prefix === 'openai' || prefix === 'anthropic' ? prefix : undefined);
  if (!wireName) {
    throw new UserError(`unknown provider "${prefix}" in model "${spec}"`, {
      hint: `Known providers: ${knownPrefixes(config).join(', ')}; name other endpoints under "providers" in avec.config.yaml`,
    });
  }
  const wire = WIRES[wireName];
  const keyEnv = endpoint?.apiKeyEnv ?? wire.defaultKeyEnv;
  const apiKey = env[keyEnv];
  if (!apiKey) {
    throw new UserError(`missing API key for ${spec}: environment variable ${keyEnv} is not set`, {
      hint: `Set ${keyEnv} (a dummy value works for servers that need none)`,
    });
  }
  // A named endpoint's own base URL wins; the wire's environment variable serves the plain prefixes.
  const baseUrl = endpoint?.baseUrl ?? (endpoint?.type ? undefined : env[wire.baseUrlEnv]);
  const httpOptions: HttpProviderOptions = {
    id: spec,
    model,
    apiKey,
    baseUrl: baseUrl || undefined,
    timeoutMs,
    maxConcurrency: endpoint?.concurrency,
    approvedFor: endpoint?.approvedFor ?? DEFAULT_APPROVAL,
  };
  const provider = createNetworkProvider(wireName, httpOptions);
  return options.thread ? options.thread.wrap(provider, wireName, httpOptions) : provider;
}
