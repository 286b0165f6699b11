import { parentPort } from 'node:worker_threads';
import { createNetworkProvider } from './network-providers.js';
import { type FromThread, type ToThread, toThreadError } from './thread-protocol.js';
import type { Provider } from './types.js';

/**
 * The provider thread: the network providers' SDKs and HTTP run here, so that building requests,
 * writing them to sockets and parsing answers never wait behind the main thread's grading and
 * storing, nor hold it up (see provider-thread.ts).
 */
const port = parentPort;
if (!port) throw new Error('provider-thread-entry runs as a worker thread');

const providers = new Map<number, Provider>();
const inFlight = new Map<number, AbortController>();
const reply = (message: FromThread) => port.postMessage(message);

port.on('message', (message: ToThread) => {
  switch (message.type) {
    case 'provider':
      providers.set(message.key, createNetworkProvider(message.wire, message.options));
      return;
    case 'abort':
      inFlight.get(message.id)?.abort();
      return;
    case 'ask': {
      const provider = providers.get(message.key);
      if (!provider) {
        reply({
          id: message.id,
          error: { kind: 'other', name: 'Error', message: `no provider ${message.key} in this thread` },
        });
        return;
      }
      const controller = new AbortController();
      inFlight.set(message.id, controller);
      // Network providers ignore the case; the type asks for one.
      provider
        .complete({ ...message.request, case: { suiteId: '', caseId: '', expect: {} } }, controller.signal)
        .then(
          (completion) => reply({ id: message.id, completion }),
          (error: unknown) => reply({ id: message.id, error: toThreadError(error) }),
        )
        .finally(() => inFlight.delete(message.id));
      return;
    }
  }
});
