/** Splits CLI arguments into positionals and `--flag` / `--key value` options. */
export function parseArgs(args: string[], valued: string[] = []): { positional: string[]; flags: Set<string>; values: Map<string, string> } {
  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (valued.includes(arg.slice(2)) && i + 1 < args.length) values.set(arg.slice(2), args[++i]!);
    else flags.add(arg.slice(2));
  }
  return { positional, flags, values };
}
