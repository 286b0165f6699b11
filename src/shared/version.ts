import { readFileSync } from 'node:fs';

/** Read from package.json at run time: the same path works from src/ (tests) and dist/ (installed). */
export const AVEC_VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
