/**
 * A client's requests in a startup file: a plain `curl [-s…] URL` or `wget -qO- URL` line
 * becomes one request of the host's client app (played when the scenario runs), which is how
 * an exported lab writes them. Other traffic lines run as typed.
 */
import { isSimple, type CommandList } from '../parse';

export interface LabRequest {
  /** "VIP:port" as a scenario's http-client target. */
  readonly target: string;
  /** From a `# lvs-flow: requests …` line before it (an exported lab); else the scenario defaults. */
  readonly timing?: { readonly startMs: number; readonly gapMs: number; readonly holdMs: number };
}

export type RequestOf = { kind: 'request'; request: LabRequest } | { kind: 'other' } | { kind: 'bad'; error: string };

const URL_RE = /^(?:http:\/\/)?(\d{1,3}(?:\.\d{1,3}){3})(?::(\d{1,5}))?(?:\/.*)?$/;

export function requestOf(list: CommandList): RequestOf {
  if (list.pipelines.length !== 1) return { kind: 'other' };
  const p = list.pipelines[0];
  if (!p || p.commands.length !== 1 || p.background || p.negate) return { kind: 'other' };
  const cmd = p.commands[0];
  if (!cmd || !isSimple(cmd)) return { kind: 'other' };
  const name = cmd.argv[0];
  if (name !== 'curl' && name !== 'wget') return { kind: 'other' };
  const urls = cmd.argv.slice(1).filter((a) => !a.startsWith('-'));
  const url = urls[urls.length - 1];
  if (url === undefined) return { kind: 'bad', error: `${name}: no URL` };
  const m = URL_RE.exec(url);
  if (!m) return { kind: 'bad', error: `${name}: only http:// URLs with an IPv4 address are simulated, found "${url}"` };
  const port = m[2] !== undefined ? Number(m[2]) : 80;
  if (port < 1 || port > 65535) return { kind: 'bad', error: `${name}: port ${port} is out of range` };
  return { kind: 'request', request: { target: `${m[1]}:${port}` } };
}
