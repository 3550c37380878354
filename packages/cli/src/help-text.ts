/** The "Examples:" block every command's `--help` ends with. */
export function examples(...lines: string[]): string {
  return `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
}

/** Collects a repeatable option into a list (`--name a --name b`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** Splits a comma-separated option (`--locales en,es-MX`). */
export function commaList(value: string): string[] {
  return value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
}
