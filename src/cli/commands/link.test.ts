import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { natLabTen } from '../../share/test-fixtures';
import type { CommonOptions } from '../args';
import { CliError } from '../cli-error';
import { exportCommand } from './info';
import { linkCommand } from './link';

const opts = (o: Partial<CommonOptions> = {}): CommonOptions => ({ format: 'table', all: false, course: false, ...o });
const run = async (positional: string[], o: Partial<CommonOptions> = {}): Promise<string> => linkCommand(positional, opts(o));

async function refusal(positional: string[]): Promise<string> {
  try {
    await run(positional);
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as CliError).message;
  }
  throw new Error(`expected link ${positional.join(' ')} to fail`);
}

describe('link encode', () => {
  it('prints the fragment the app copies: a preset at a step, in a language', async () => {
    expect(await run(['encode', 'nat-lab'], { step: 3, lang: 'zh' })).toBe('v1.p.nat-lab.3.zh\n');
    expect(await run(['encode', 'dr-lab'])).toBe('v1.p.dr-lab.0.en\n');
  });

  it('encodes an edited scenario file as its preset plus changes, under 2,000 characters', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lvs-link-')), 'nat-ten.json');
    writeFileSync(file, JSON.stringify(natLabTen()));
    const fragment = (await run(['encode', file], { step: 4 })).trim();
    expect(fragment.length).toBeLessThanOrEqual(2000);
    const out = JSON.parse(await run(['decode', fragment])) as { scenario: unknown; step: number; lang: string };
    expect(out).toEqual({ scenario: natLabTen(), step: 4, lang: 'en' });
  });

  it('names what is missing or wrong', async () => {
    expect(await refusal(['encode'])).toMatch(/^link encode: expected one scenario/);
    expect(await refusal(['encode', 'no-such-preset'])).toMatch(/^unknown preset "no-such-preset"/);
    expect(await refusal([])).toMatch(/^link: expected "encode/);
    expect(await refusal(['recode', 'x'])).toMatch(/^unknown link command "recode"/);
  });
});

describe('link decode', () => {
  it('prints {scenario, step, lang} on one line, the scenario exactly as export prints it', async () => {
    const out = await run(['decode', 'https://example.org/app/#v1.p.nat-lab.3.zh']);
    expect(out.endsWith('\n') && !out.slice(0, -1).includes('\n')).toBe(true);
    const parsed = JSON.parse(out) as { scenario: unknown; step: number; lang: string };
    expect(Object.keys(parsed)).toEqual(['scenario', 'step', 'lang']);
    expect(JSON.stringify(parsed.scenario, null, 2) + '\n').toBe(exportCommand(['nat-lab']));
    expect([parsed.step, parsed.lang]).toEqual([3, 'zh']);
  });

  it('refuses a bad link with the codec\'s message', async () => {
    expect(await refusal(['decode', 'v9.abc'])).toBe('unknown link version v9 (this app opens v1)');
    expect(await refusal(['decode'])).toMatch(/^link decode: expected one fragment/);
  });
});

describe('cli link (the process)', () => {
  const cli = (args: string[], input?: string) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'link', ...args], { input, encoding: 'utf8', timeout: 30_000 });

  it('reads the fragment from stdin with "-", and fails with one line and exit status 2', () => {
    const ok = cli(['decode', '-'], 'v1.p.dr-lab.2.en\n');
    expect([ok.status, ok.stderr]).toEqual([0, '']);
    expect(JSON.parse(ok.stdout)).toMatchObject({ step: 2, lang: 'en', scenario: { id: 'dr-lab' } });
    const bad = cli(['decode', '-'], 'v1.AAAAAAAAAA');
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toBe('lvs-flow: link is truncated or corrupted (checksum mismatch)\n');
  });
});
