/** Text as lines the way coreutils reads it: a last line without a newline is still a line. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Lines back to text, each ended by a newline. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => `${l}\n`).join('');
}

/** coreutils' "Try 'NAME --help' for more information." after a usage error. */
export function tryHelp(name: string): string {
  return `Try '${name} --help' for more information.\n`;
}
