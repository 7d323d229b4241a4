/**
 * The engine's boundaries, as eslint.config.js draws them: the app's other parts (ui, cli, share,
 * shell) reach the engine only through its index, and the pure kernels (and the interface record
 * they read) never import the simulator. The project's own ESLint config lints made-up files placed where the rule applies.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: ROOT });

/** The import-rule messages ESLint gives `code` as if it were the file at `filePath`. */
async function importProblems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('one way into the engine', () => {
  it.each([
    ['src/ui/editor/new-field.ts', "import { parseCidr } from '../../engine/addr/cidr';\nexport const f = parseCidr;\n"],
    ['src/ui/editor/new-field.test.ts', "import { parseCidr } from '../../engine/addr/cidr';\nexport const f = parseCidr;\n"],
    ['src/cli/commands/new-command.ts', "import type { Scenario } from '../../engine/scenario/types';\nexport type S = Scenario;\n"],
    ['src/share/new-codec.ts', "import { getPreset } from '../engine/scenarios';\nexport const g = getPreset;\n"],
    ['src/shell/session.ts', "import { runScenario } from '../engine/sim/run';\nexport const r = runScenario;\n"],
    ['src/shell/session.ts', "export { runScenario } from '../engine/sim/run';\n"],
  ])('fails a deep engine import in %s', async (file, code) => {
    const problems = await importProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/import the engine from its index/);
  });

  it.each([
    ['src/ui/editor/new-field.ts', "import { parseCidr } from '../../engine';\nexport const f = parseCidr;\n"],
    ['src/cli/commands/new-command.ts', "import type { Scenario } from '../../engine/index';\nexport type S = Scenario;\n"],
    ['src/share/new-codec.ts', "import { getPreset } from '../engine';\nexport const g = getPreset;\n"],
    ['src/shell/session.ts', "import { simulate } from '../engine';\nexport const s = simulate;\n"],
  ])('passes an import of the index in %s', async (file, code) => {
    expect(await importProblems(file, code)).toEqual([]);
  });

  it('lets the engine import its own folders', async () => {
    expect(await importProblems('src/engine/sim/new-view.ts', "import { parseCidr } from '../addr/cidr';\nexport const f = parseCidr;\n")).toEqual([]);
  });
});

describe('kernels without the simulator', () => {
  it.each([
    ['src/engine/route/table.ts', "import type { World } from '../sim/world';\nexport type W = World;\n"],
    ['src/engine/arp/arp-policy.ts', "import { schedule } from '../sim/world';\nexport const s = schedule;\n"],
    ['src/engine/l2/fdb.ts', "import type { Trace } from '../sim/trace';\nexport type T = Trace;\n"],
    ['src/engine/wire/tcp.ts', "import { IntMap } from '../sim/int-map';\nexport const m = IntMap;\n"],
    ['src/engine/addr/ipv4.ts', "import type { World } from '../sim/world';\nexport type W = World;\n"],
    ['src/engine/host/iface.ts', "import type { World } from '../sim/world';\nexport type W = World;\n"],
  ])('fails %s importing sim/', async (file, code) => {
    const problems = await importProblems(file, code);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/never imports the simulator/);
  });

  it('passes a kernel importing another kernel, and a handler importing sim/', async () => {
    expect(await importProblems('src/engine/route/table.ts', "import { inPrefix } from '../addr/cidr';\nexport const p = inPrefix;\n")).toEqual([]);
    expect(await importProblems('src/engine/route/input.ts', "import type { World } from '../sim/world';\nexport type W = World;\n")).toEqual([]);
  });

  it('still keeps UI libraries out of a kernel', async () => {
    expect(await importProblems('src/engine/wire/tcp.ts', "import { useState } from 'react';\nexport const u = useState;\n")).toHaveLength(1);
  });
});
