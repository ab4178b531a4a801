import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

/** The command line was not written as the command reads it: exit 2, with the command's usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * `node:util` `parseArgs` in strict mode, plus what strict mode lets through:
 * an empty value (`--sysfs=`) and a valued option given twice. Throws
 * UsageError with one short line naming the option.
 * @example parseStrict(['--jsno'], { json: { type: 'boolean' } }) // throws "unknown option '--jsno'"
 */
export function parseStrict(args: string[], options: ParseArgsOptionsConfig, allowPositionals = true): ParsedArgs {
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals, tokens: true });
  } catch (e) {
    if (!isParseArgsError(e)) throw e;
    throw new UsageError(explain(args, options, allowPositionals) ?? firstLine(e.message));
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens) {
    if (token.kind !== 'option' || options[token.name]?.type !== 'string') continue;
    if (token.value === '') throw new UsageError(`option '--${token.name}' needs a value`);
    if (seen.has(token.name)) throw new UsageError(`option '--${token.name}' is given twice`);
    seen.add(token.name);
  }
  return { values: parsed.values as ParsedArgs['values'], positionals: parsed.positionals };
}

/** Node's errors are long and differ between versions; this names the first offending argument the way users typed it. */
function explain(args: string[], options: ParseArgsOptionsConfig, allowPositionals: boolean): string | undefined {
  const { tokens } = parseArgs({ args, options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !allowPositionals) return `unexpected argument '${token.value}'`;
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) return `unknown option '${token.rawName}'`;
    if (option.type === 'boolean' && token.value !== undefined) return `option '${token.rawName}' takes no value (got '${token.rawName}=${token.value}')`;
    if (option.type === 'string' && token.value === undefined) return `option '${token.rawName}' needs a value`;
    if (option.type === 'string' && !token.inlineValue && token.value!.startsWith('-') && token.value !== '-') {
      return `option '${token.rawName}' needs a value (got '${token.value}'; write ${token.rawName}=${token.value} if that is the value)`;
    }
  }
  return undefined;
}

function isParseArgsError(e: unknown): e is Error {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_');
}

function firstLine(message: string): string {
  return message.split('\n')[0]!;
}
