import type { Command } from 'commander';
import pc from 'picocolors';
import { lintSuites, listSuites, lockSuites } from '../api/suites.js';
import { table } from '../reports/format.js';
import { ExitCode } from '../shared/errors.js';
import type { CommandIO } from './io.js';

const DEFAULT_SUITES = ['suites'];

export function registerSuites(program: Command, io: CommandIO, setExit: (code: number) => void): void {
  const suites = program.command('suites').description('inspect, check and lock versioned suites');
  const c = pc.createColors(io.colors);

  suites
    .command('list')
    .description('list suites with their version, cases and graders')
    .argument('[paths...]', 'suite folders or folders of suites', DEFAULT_SUITES)
    .option('--json', 'print a JSON array')
    .action((paths: string[], flags: { json?: boolean }) => {
      const listing = listSuites(paths);
      if (flags.json) {
        io.stdout(`${JSON.stringify(listing, null, 2)}\n`);
        return;
      }
      const rows = listing.map((s) => [
        s.id,
        s.version,
        s.use,
        String(s.cases),
        s.classification,
        s.graders.join(', '),
      ]);
      io.stdout(
        `${table(['suite', 'version', 'use', 'cases', 'data', 'graders'], rows, ['left', 'left', 'left', 'right', 'left', 'left'])}\n`,
      );
    });

  suites
    .command('lint')
    .description(
      'check every suite: schema, dataset, templates, graders, CHANGELOG, and that changed content bumped the version',
    )
    .argument('[paths...]', 'suite folders or folders of suites', DEFAULT_SUITES)
    .action((paths: string[]) => {
      const report = lintSuites(paths);
      for (const problem of report.problems)
        io.stderr(`${c.red('✗')} ${problem.where}: ${problem.message}\n`);
      if (report.problems.length === 0) {
        io.stdout(`${c.green('✓')} ${report.checked} suite(s) checked, no problem\n`);
      } else {
        io.stdout(`${report.problems.length} problem(s) in ${report.checked} suite(s)\n`);
        setExit(ExitCode.gatesFailed);
      }
    });

  suites
    .command('lock')
    .description(
      'record each suite version and fingerprint in avec-lock.json (refuses changed content without a version bump)',
    )
    .argument('[paths...]', 'suite folders or folders of suites', DEFAULT_SUITES)
    .action((paths: string[]) => {
      for (const update of lockSuites(paths)) {
        io.stdout(
          `${update.change.padEnd(9)} ${update.suiteId}@${update.version} ${update.fingerprint.slice(0, 19)}… in ${update.lockFile}\n`,
        );
      }
    });
}
