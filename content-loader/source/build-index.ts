/**
 * Builds the source index of a kernel tree on worker threads, in two
 * phases: headers first (their wrapper macros are what every .c file may
 * use), then the .c files with those wrappers known.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { buildBinderTable, type BinderTable } from './binder-table.ts';
import { listSourceFiles, type SourceFileStat } from './walk-source.ts';
import { compareText } from '../shared/compare.ts';
import type { MacroDef } from './macros.ts';
import type { WorkerReply, WorkerRequest } from './index-worker.ts';
import type { SourceIndex, SourceSite, SourceWarning } from './types.ts';

/** Version of the index's shape and of what the scanner finds; a cache of another version is rebuilt. */
export const INDEX_FORMAT = 2;

export interface BuildOptions {
  /** Worker threads (default: the machine's parallelism, at most 8). */
  workers?: number;
  /** Files already listed (a cache check lists them first). */
  files?: SourceFileStat[];
}

/** Reads every C file of `root` (a kernel source root) and returns its creation sites. */
export async function buildSourceIndex(root: string, options: BuildOptions = {}): Promise<SourceIndex> {
  const files = options.files ?? listSourceFiles(root);
  const count = Math.max(1, Math.min(8, options.workers ?? availableParallelism()));
  const pool = Array.from({ length: count }, () => new Worker(new URL('./index-worker.ts', import.meta.url)));
  try {
    const headers = files.filter((f) => f.path.endsWith('.h') && f.size <= MAX_HEADER_BYTES);
    const sources = files.filter((f) => f.path.endsWith('.c'));
    const first = await runPhase(pool, root, headers, { wantDefines: true });
    const table = buildBinderTable(first.defines);
    const second = await runPhase(pool, root, sources, { wantDefines: false, table });
    const sites = [...first.sites, ...second.sites].sort(bySite);
    return { format: INDEX_FORMAT, files: files.length, sites, warnings: [...first.warnings, ...second.warnings] };
  } finally {
    await Promise.all(pool.map((w) => w.terminate()));
  }
}

/** Sites in file, line, name order: the index is the same whichever worker read what. */
export function bySite(a: SourceSite, b: SourceSite): number {
  return compareText(a.file, b.file) || a.line - b.line || compareText(a.name, b.name) || compareText(a.how, b.how) || compareText(a.kind, b.kind);
}

/**
 * Headers bigger than this are generated register and enum tables (in 6.12,
 * all 144 of them are AMD GPU register headers: a third of the tree's bytes),
 * never where a file is created; they are not read.
 */
const MAX_HEADER_BYTES = 512 * 1024;

/** Batches of about this many bytes keep both cores busy to the end without much messaging. */
const BATCH_BYTES = 4 * 2 ** 20;
const BATCH_FILES = 400;

async function runPhase(
  pool: Worker[],
  root: string,
  files: SourceFileStat[],
  options: { wantDefines: boolean; table?: BinderTable },
): Promise<{ sites: SourceSite[]; defines: MacroDef[]; warnings: SourceWarning[] }> {
  const batches: string[][] = [];
  let batch: string[] = [];
  let bytes = 0;
  for (const f of files) {
    batch.push(f.path);
    bytes += f.size;
    if (bytes >= BATCH_BYTES || batch.length >= BATCH_FILES) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
  }
  if (batch.length) batches.push(batch);
  const sites: SourceSite[] = [];
  const defines: MacroDef[] = [];
  const warnings: SourceWarning[] = [];
  let next = 0;
  await Promise.all(
    pool.map(async (worker, i) => {
      let table = options.table;
      while (next < batches.length) {
        const request: WorkerRequest = { root, files: batches[next++]!, wantDefines: options.wantDefines };
        if (table) request.table = table;
        table = undefined; // sent once per worker and phase
        const reply = await ask(worker, request, i);
        sites.push(...reply.sites);
        defines.push(...reply.defines);
        warnings.push(...reply.warnings);
      }
    }),
  );
  return { sites, defines, warnings };
}

function ask(worker: Worker, request: WorkerRequest, i: number): Promise<WorkerReply> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply) => {
      worker.off('error', onError);
      resolve(reply);
    };
    const onError = (e: Error) => {
      worker.off('message', onMessage);
      reject(new Error(`source index worker ${i}: ${e.message}`));
    };
    worker.once('message', onMessage);
    worker.once('error', onError);
    worker.postMessage(request);
  });
}
