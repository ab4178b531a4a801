/**
 * The report of `npm run build` (scripts/build.ts): Astro's log, read line
 * by line, turned into a short one. Astro prints a line per page (7,700 on
 * linux-6.12), which buried the warnings; here the pages become a progress
 * display, Astro's own chatter is dropped, our phases keep their line (with
 * counts and times), and every warning is kept: the parser's
 * `file:line: message` ones are gathered and printed together before the
 * summary, one line per file and message, the others at once. A line this
 * reader does not know is printed as it came: an error never goes missing.
 */
import { PAGE_COUNT_PATTERN } from '../integrations/page-count.ts';

/** What the reader makes of Astro's output. */
export interface BuildEvents {
  /** A line for the user. */
  print(line: string): void;
  /** Pages generated so far, of `total` (undefined until Astro says). */
  progress(done: number, total: number | undefined): void;
}

/** A parser or source warning, `file:line: message`. */
export interface FileWarning {
  file: string;
  line: number;
  message: string;
}

// `13:41:17 [WARN] [abi-atlas-entries] message`; the time is absent in some lines.
const LOG_LINE = /^(?:\d\d:\d\d:\d\d )?(?:\[(WARN|ERROR)\] )?\[([^\]\s]+)\] ?(.*)$/;
const FILE_WARNING = /^([^\s:][^:]*):(\d+): (.*)$/;
const PAGE_MARK = /[├└]─ /g;
const REUSED_MARK = /\((cached|restored)\)/g;
// The search integration's line (integrations/pagefind.ts): its records, and the seconds the index took.
const SEARCH_LINE = /^search: (\d+) records\b.* in ([\d.]+) s$/;

/** Astro's lines that say nothing a user of this site needs (its phases are reported by ours). */
const ASTRO_CHATTER: Record<string, RegExp> = {
  content: /^(Syncing content|Astro config changed|Content config changed|Clearing content store|Synced content|Loaded .*)$/,
  types: /^Generated /,
  build: /^(output: |mode: |directory: |Collecting build info|✓ Completed in |Building static entrypoints|Rearranging server assets|Waiting for integration |Complete!|\d+ page\(s\) built in )/,
  vite: /^✓ built in /,
};

/** Reads Astro's log; `finish` prints the warnings and returns the figures for the summary. */
export class BuildLog {
  private readonly events: BuildEvents;
  private readonly started: number;
  private phaseStarted: number;
  private total: number | undefined;
  private done = 0;
  /** Pages Astro copied from its incremental cache instead of rendering. */
  private reused = 0;
  private generating = false;
  private readonly fileWarnings: FileWarning[] = [];
  private otherWarnings = 0;
  private searchRecords: number | undefined;

  constructor(events: BuildEvents, now = performance.now()) {
    this.events = events;
    this.started = now;
    this.phaseStarted = now;
  }

  /** One line of Astro's output (without its newline; colours already off). */
  line(text: string, now = performance.now()): void {
    const marks = text.match(PAGE_MARK)?.length ?? 0;
    if (marks > 0) {
      this.generating = true;
      this.done += marks;
      // A reused page's mark and `(cached)` or `(restored)` share a line.
      this.reused += text.match(REUSED_MARK)?.length ?? 0;
      this.events.progress(this.done, this.total);
      return;
    }
    // What follows a page's mark: its render time, `(cached)`, or nothing.
    if (/^\s*(\(\+\d+(\.\d+)?m?s\)\s*|\((cached|restored)\)\s*)?$/.test(text)) return;
    if (/^\s*generating static routes\s*$/.test(text)) {
      this.phase('bundle', now);
      return;
    }
    if (this.generating && /^(\d\d:\d\d:\d\d )?✓ Completed in /.test(text)) {
      this.generating = false;
      const reused = this.reused > 0 ? ` (${this.reused} unchanged, copied from the last build)` : '';
      this.events.print(`pages: ${this.done} generated in ${seconds(now - this.phaseStarted)}${reused}`);
      this.phaseStarted = now;
      return;
    }
    const m = LOG_LINE.exec(text);
    if (!m) {
      this.events.print(text);
      return;
    }
    const [, level, label = '', message = ''] = m;
    if (level) {
      const warning = FILE_WARNING.exec(message);
      if (level === 'WARN' && warning && label.startsWith('abi-atlas')) {
        this.fileWarnings.push({ file: warning[1]!, line: Number(warning[2]), message: warning[3]! });
      } else {
        if (level === 'WARN') this.otherWarnings++;
        this.events.print(`${level === 'WARN' ? 'warning' : 'error'}: ${message}`);
      }
      return;
    }
    if (label === 'content' && message === 'Synced content') return this.phase('content', now);
    if (ASTRO_CHATTER[label]?.test(message)) return;
    const count = PAGE_COUNT_PATTERN.exec(message);
    if (count) {
      this.total = Number(count[1]);
      this.events.progress(this.done, this.total);
      return;
    }
    const records = SEARCH_LINE.exec(message);
    if (records) this.searchRecords = Number(records[1]);
    this.events.print(message);
  }

  /** Prints the gathered warnings; returns the figures for the summary. */
  finish(now = performance.now()): { pages: number; searchRecords: number | undefined; warnings: number; seconds: number } {
    const groups = groupWarnings(this.fileWarnings);
    if (groups.length > 0) {
      // The source cross-reference's warnings (about source files) are file:line ones too.
      this.events.print(`${this.fileWarnings.length} warnings about files (the ABI tree's are also on the site's /health/ page and from \`abi-atlas check\`):`);
      for (const line of groups) this.events.print(`  ${line}`);
    }
    return { pages: this.done, searchRecords: this.searchRecords, warnings: this.fileWarnings.length + this.otherWarnings, seconds: (now - this.started) / 1000 };
  }

  private phase(name: string, now: number): void {
    this.events.print(`${name}: done in ${seconds(now - this.phaseStarted)}`);
    this.phaseStarted = now;
  }
}

/**
 * The seconds the search index took, from the output of `npm run build`
 * (its `search:` line); undefined when the output has none. The bench takes
 * it off a build's wall time: what the build costs besides the search index.
 */
export function searchSeconds(output: string): number | undefined {
  for (const line of output.split('\n')) {
    const m = SEARCH_LINE.exec(line);
    if (m) return Number(m[2]);
  }
  return undefined;
}

/**
 * The warnings as lines, in their order: one per warning, `file:line: message`,
 * except that warnings of one file with the same message share a line
 * (`file:208,216,299: message`), so a file with a repeated mistake costs one.
 * @example groupWarnings([{file:'a',line:1,message:'m'},{file:'a',line:5,message:'m'}]) // ['a:1,5: m']
 */
export function groupWarnings(warnings: readonly FileWarning[]): string[] {
  const groups = new Map<string, { file: string; lines: number[]; message: string }>();
  for (const w of warnings) {
    const key = `${w.file}\u0000${w.message}`;
    const group = groups.get(key);
    if (group) group.lines.push(w.line);
    else groups.set(key, { file: w.file, lines: [w.line], message: w.message });
  }
  return [...groups.values()].map((g) => `${g.file}:${g.lines.join(',')}: ${g.message}`);
}

/**
 * The progress of page generation as text: a bar for a terminal, redrawn
 * in place; otherwise a line at every 10 %.
 * @example progressLine(384, 7682) === 'pages: [##                  ]   5 % (384/7682)'
 */
export function progressLine(done: number, total: number): string {
  const width = 20;
  const fraction = total > 0 ? Math.min(1, done / total) : 1;
  const filled = Math.floor(fraction * width);
  return `pages: [${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)} % (${done}/${total})`;
}

/** The tenth (0-10) of the work `done` of `total` has reached: a plain log prints a line when it moves. */
export function tenth(done: number, total: number): number {
  return total > 0 ? Math.min(10, Math.floor((done * 10) / total)) : 10;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}
