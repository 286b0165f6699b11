import type { Command } from 'commander';
import { InvalidFlagError } from './io.js';

/** The report flags shared by run, calibrate and report. */
export function addReportOptions(command: Command, defaultFormats?: string): Command {
  return command
    .option(
      '--report <formats>',
      'reports to write beside results.json: html,md,junit,json,csv or all',
      ...(defaultFormats ? [defaultFormats] : []),
    )
    .option('--lang <fr|en>', 'language of the HTML and Markdown reports', parseLang, 'fr')
    .option('--show-pii', 'do not mask detected personal data in results and reports (local use only)');
}

function parseLang(value: string): 'fr' | 'en' {
  if (value !== 'fr' && value !== 'en') throw new InvalidFlagError(`--lang is fr or en, not "${value}"`);
  return value;
}
