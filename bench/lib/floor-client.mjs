// The least any Node client can spend on the overhead workload: N chat completions at
// concurrency C over keep-alive node:http, each body parsed and its answer read, nothing else
// (no SDK, no grading, no storage). What this takes on a machine is the floor under every
// harness measured on it: avec's wall time is reported against it as well as against the ideal.
//
//   node floor-client.mjs <openaiBaseUrl> <cases> <concurrency> <cases.jsonl>
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [baseUrl, cases, concurrency, dataset] = process.argv.slice(2);
const n = Number(cases);
const c = Number(concurrency);
const url = new URL(`${baseUrl}/chat/completions`);
const agent = new http.Agent({ keepAlive: true, maxSockets: c });
// The same prompts avec renders from the suite: "Cas {{n}}. Réponds exactement : {{answer}}".
const prompts = readFileSync(dataset, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => {
    const { vars } = JSON.parse(line);
    return `Cas ${vars.n}. Réponds exactement : ${vars.answer}`;
  });
if (prompts.length !== n) throw new Error(`expected ${n} cases, read ${prompts.length}`);

function ask(prompt) {
  const body = JSON.stringify({ model: 'bench-model', messages: [{ role: 'user', content: prompt }] });
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: 'Bearer bench',
        },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')).choices[0].message.content);
          } catch (error) {
            reject(error);
          }
        });
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

let next = 0;
await Promise.all(
  Array.from({ length: c }, async () => {
    while (next < n) await ask(prompts[next++]);
  }),
);
agent.destroy();
