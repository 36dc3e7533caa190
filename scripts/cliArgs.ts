/** Command-line flags of the project's scripts (eval, train, bench): `--name` and `--name value`. */
const argv = process.argv.slice(2);

export function flag(name: string): boolean {
  return argv.includes(`--${name}`);
}

/** The value after `--name`, or `def` when the option or its value is absent. */
export function opt(name: string): string | undefined;
export function opt(name: string, def: string): string;
export function opt(name: string, def?: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : def;
}
