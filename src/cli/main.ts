/**
 * lvs-flow's headless CLI (contract: docs/cli.md). Bad input is one line on stderr
 * and exit status 2, never a stack trace.
 */
import { parseArgs } from './args';
import { CliError } from './cli-error';
import { exportCommand, scenariosCommand, schemaCommand } from './commands/info';
import { ipvsadmCommand } from './commands/ipvsadm';
import { pcapCommand } from './commands/pcap';
import { traceCommand } from './commands/trace';

const USAGE = 'usage: cli trace|pcap|ipvsadm|console|lab|compare|scenarios|export|link|schema … (see docs/cli.md)';

async function run(argv: string[]): Promise<string> {
  const [command, ...tail] = argv;
  const { positional, opts, rest } = parseArgs(tail);
  switch (command) {
    case 'trace':
      return traceCommand(positional, opts);
    case 'pcap':
      return pcapCommand(positional, opts);
    case 'ipvsadm':
      return ipvsadmCommand(positional, opts, rest);
    case 'scenarios':
      return scenariosCommand();
    case 'lab': {
      const { labCommand } = await import('./commands/lab');
      return labCommand(positional, opts);
    }
    case 'console': {
      // Loaded on demand: only this command needs the shell.
      const { consoleCommand } = await import('./commands/console');
      return consoleCommand(positional, opts);
    }
    case 'compare': {
      const { compareCommand } = await import('./commands/compare');
      return compareCommand(positional, opts);
    }
    case 'export':
      return exportCommand(positional);
    case 'schema':
      return schemaCommand();
    case 'link': {
      // Loaded on demand: only this command needs the compression codec.
      const { linkCommand } = await import('./commands/link');
      return linkCommand(positional, opts);
    }
    case undefined:
    case '-h':
    case '--help':
      throw new CliError(USAGE);
    default:
      throw new CliError(`unknown command "${command}"; ${USAGE}`);
  }
}

run(process.argv.slice(2)).then(
  (out) => {
    process.stdout.write(out);
  },
  (e: unknown) => {
    const msg = e instanceof CliError ? e.message : `internal error: ${e instanceof Error ? e.message : String(e)}`;
    // One line, always: a message that spans lines is folded, never cut.
    process.stderr.write(`lvs-flow: ${msg.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = e instanceof CliError ? e.exitCode : 2;
  },
);
