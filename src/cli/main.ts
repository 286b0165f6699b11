#!/usr/bin/env node
import pc from 'picocolors';
import { runCli } from './program.js';

const controller = new AbortController();
// First Ctrl-C: stop asking and leave a resumable run. A second one falls through to Node's
// default handler and ends the process at once.
process.once('SIGINT', () => {
  process.stderr.write(
    '\nstopping: finishing the cases in flight is skipped, stored results are kept (Ctrl-C again to quit now)\n',
  );
  controller.abort();
});
process.once('SIGTERM', () => controller.abort());

const interactive = Boolean(process.stderr.isTTY) && !process.env.CI;
const code = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  interactive,
  colors: pc.isColorSupported && Boolean(process.stdout.isTTY),
  env: process.env,
  cwd: process.cwd(),
  signal: controller.signal,
});
process.exitCode = code;
