/** The value after a command-line flag (`--rounds 5`), or the default when the flag or its value is absent. */
export function optionIn(argv: readonly string[]): (name: string, dflt: string) => string {
  return (name, dflt) => {
    const i = argv.indexOf(name);
    return i >= 0 ? (argv[i + 1] ?? dflt) : dflt;
  };
}
