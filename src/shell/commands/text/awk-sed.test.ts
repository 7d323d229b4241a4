/**
 * awk (mawk) and sed (GNU) in the forms lab lines use, and `type`/`command -v`/`which`, as the
 * awk-sed lab captured them (compared whole in oracle-labs.test.ts; these pin the rules).
 */
import { describe, expect, it } from 'vitest';
import { lineRunnerAtC } from '../../test/line-runner';

const run = lineRunnerAtC();
const out = (line: string): string => run(line).out;

describe('awk', () => {
  it('prints fields, NR and NF, with -F, patterns and END', () => {
    expect(out("echo 'a b c' | awk '{print $NF, NF}'")).toBe('c 3\n');
    expect(out("printf 'x 1\\ny 2\\nz 3\\n' | awk '{print NR\": \"$1}'")).toBe('1: x\n2: y\n3: z\n');
    expect(out("printf 'x 1\\ny 2\\nz 3\\n' | awk '{s+=$2} END {print s}'")).toBe('6\n');
    expect(out("printf 'x 1\\ny 2\\nz 3\\n' | awk '$2 > 1 {print $1}'")).toBe('y\nz\n');
    expect(out("echo a:b:c | awk -F: '{print $2}'")).toBe('b\n');
    expect(out("seq 1 5 | awk '{printf \"%s-\", $1} END {print \"\"}'")).toBe('1-2-3-4-5-\n');
  });

  it('says which file it cannot open, and what it does not simulate', () => {
    expect(run("awk '{print $1}' /tmp/none")).toEqual({ out: 'awk: cannot open /tmp/none (No such file or directory)\n', status: 2 });
    expect(run("echo a | awk '{getline x < \"f\"}'").status).toBe(2);
  });
});

describe('sed', () => {
  it('substitutes (BRE groups, -E, any delimiter, I), prints, deletes and inserts by address', () => {
    expect(out("echo abc | sed 's/\\(a\\)\\(b\\)/\\2\\1/'")).toBe('bac\n');
    expect(out("echo abc | sed -E 's/(a)(b)/\\2\\1/'")).toBe('bac\n');
    expect(out("echo path/to/x | sed 's|/|_|g'")).toBe('path_to_x\n');
    expect(out("echo Hello | sed 's/hello/bye/I'")).toBe('bye\n');
    expect(out("printf 'a\\nb\\nc\\n' | sed -n '/b/p'")).toBe('b\n');
    expect(out("printf 'a\\nb\\nc\\n' | sed '$d'")).toBe('a\nb\n');
    expect(out("printf 'a\\nb\\n' | sed '1i first'")).toBe('first\na\nb\n');
  });

  it("gives GNU sed's errors", () => {
    expect(run("echo x | sed 's/x/y'")).toEqual({ out: "sed: -e expression #1, char 5: unterminated `s' command\n", status: 1 });
    expect(run("sed 's/x/y/' /tmp/none")).toEqual({ out: "sed: can't read /tmp/none: No such file or directory\n", status: 2 });
  });
});

describe('type, command -v, which', () => {
  it('name builtins, programs by their Debian path, and what is missing', () => {
    expect(run('type echo curl nosuch')).toEqual({ out: 'echo is a shell builtin\ncurl is /usr/bin/curl\nbash: type: nosuch: not found\n', status: 1 });
    expect(out('type -t echo curl')).toBe('builtin\nfile\n');
    expect(out('command -v nosuch; echo $?')).toBe('1\n');
    expect(out('which curl ip')).toBe('/usr/bin/curl\n/usr/sbin/ip\n');
  });
});
