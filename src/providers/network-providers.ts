import { AnthropicProvider } from './anthropic.js';
import { type HttpProviderOptions, OpenAIProvider } from './openai.js';
import type { NetworkWire } from './thread-protocol.js';
import type { Provider } from './types.js';

/**
 * A network provider of the given wire format. Apart from the registry so that the provider
 * thread, which builds its own, loads these two and nothing of the rest (built-in models, config).
 */
export function createNetworkProvider(wire: NetworkWire, options: HttpProviderOptions): Provider {
  return wire === 'openai' ? new OpenAIProvider(options) : new AnthropicProvider(options);
}
