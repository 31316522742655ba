/**
 * Command-line argument parsing for the Groundwork CLI.
 *
 * Grammar: positional words, then `--name value`, `--name=value` or a bare `--flag`.
 * A name may repeat (`--block a,b --block c`). Values are validated by the command through
 * the typed getters of {@link CliArgs}; unknown names are rejected by `main.ts`.
 */

/** A usage error: bad or missing command-line options (exit code 2). */
export class CliUsageError extends Error {
  /**
   * @param message - what is wrong, naming the option.
   */
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** Parsed arguments with typed getters. */
export class CliArgs {
  readonly positional: string[];
  private readonly values: Map<string, Array<string | true>>;

  /**
   * @param positional - words before/between options.
   * @param values - option name → occurrences (`true` for a bare flag).
   */
  constructor(positional: string[], values: Map<string, Array<string | true>>) {
    this.positional = positional;
    this.values = values;
  }

  /** Option names that were given. */
  names(): string[] {
    return [...this.values.keys()];
  }

  /** Whether the option was given at all. */
  has(name: string): boolean {
    return this.values.has(name);
  }

  /**
   * A single string value.
   *
   * @param name - option name without dashes.
   * @param required - throw when absent.
   * @returns the value, or undefined when absent and not required.
   * @throws {CliUsageError} when missing (required), repeated, or given without a value.
   */
  string(name: string, required: true): string;
  string(name: string, required?: false): string | undefined;
  string(name: string, required = false): string | undefined {
    const v = this.values.get(name);
    if (!v) {
      if (required) throw new CliUsageError(`missing required option --${name}`);
      return undefined;
    }
    if (v.length > 1) throw new CliUsageError(`option --${name} given ${v.length} times`);
    if (v[0] === true) throw new CliUsageError(`option --${name} needs a value`);
    return v[0];
  }

  /**
   * A comma-separated list ("a,b,c"), blanks removed.
   *
   * @param name - option name.
   * @param required - throw when absent.
   * @returns the items (empty when absent and not required).
   * @throws {CliUsageError} when missing (required) or empty.
   */
  list(name: string, required = false): string[] {
    const s = required ? this.string(name, true) : this.string(name);
    if (s === undefined) return [];
    const items = splitList(s);
    if (items.length === 0) throw new CliUsageError(`option --${name} needs at least one item`);
    return items;
  }

  /**
   * Every occurrence of a repeatable option, each as a comma-separated list.
   *
   * @param name - option name.
   * @returns one list per occurrence.
   * @throws {CliUsageError} when an occurrence has no value.
   */
  lists(name: string): string[][] {
    return (this.values.get(name) ?? []).map((v) => {
      if (v === true) throw new CliUsageError(`option --${name} needs a value`);
      return splitList(v);
    });
  }

  /**
   * A finite number.
   *
   * @param name - option name.
   * @returns the number or undefined when absent.
   * @throws {CliUsageError} when not a finite number.
   */
  number(name: string): number | undefined {
    const s = this.string(name);
    if (s === undefined) return undefined;
    const v = Number(s);
    if (s.trim() === '' || !Number.isFinite(v)) throw new CliUsageError(`option --${name} must be a number (got '${s}')`);
    return v;
  }

  /**
   * One of a fixed set of words.
   *
   * @param name - option name.
   * @param choices - allowed values.
   * @returns the value or undefined when absent.
   * @throws {CliUsageError} for another value.
   */
  choice<T extends string>(name: string, choices: readonly T[]): T | undefined {
    const s = this.string(name);
    if (s === undefined) return undefined;
    if (!choices.includes(s as T)) throw new CliUsageError(`option --${name} must be one of ${choices.join(', ')} (got '${s}')`);
    return s as T;
  }

  /**
   * A boolean flag (`--center`, `--center=true|false`).
   *
   * @param name - option name.
   * @returns whether the flag is on.
   * @throws {CliUsageError} for a value other than true/false.
   */
  flag(name: string): boolean {
    const v = this.values.get(name);
    if (!v) return false;
    const last = v[v.length - 1];
    if (last === true || last === 'true') return true;
    if (last === 'false') return false;
    throw new CliUsageError(`option --${name} is a flag (got '${last}')`);
  }
}

function splitList(s: string): string[] {
  return s
    .split(',')
    .map((x) => x.trim())
    .filter((x) => x !== '');
}

/**
 * Parses argv (without `node` and the script).
 *
 * @param argv - arguments.
 * @param flags - names that never take a value (so `--json file.csv` is not misread).
 * @returns the parsed arguments.
 * @throws {CliUsageError} for `--` without a name.
 * @example
 * ```ts
 * parseArgs(['stats', 'ols', '--y', 'wage', '--x', 'age,edu', '--json'], ['json']);
 * ```
 */
export function parseArgs(argv: readonly string[], flags: readonly string[] = []): CliArgs {
  const positional: string[] = [];
  const values = new Map<string, Array<string | true>>();
  const add = (k: string, v: string | true) => values.set(k, [...(values.get(k) ?? []), v]);
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const body = a.slice(2);
    if (body === '') throw new CliUsageError("unexpected '--'");
    const eq = body.indexOf('=');
    if (eq >= 0) {
      add(body.slice(0, eq), body.slice(eq + 1));
      continue;
    }
    const next = argv[i + 1];
    if (!flags.includes(body) && next !== undefined && !next.startsWith('--')) {
      add(body, next);
      i++;
    } else add(body, true);
  }
  return new CliArgs(positional, values);
}
