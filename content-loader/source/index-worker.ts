// A worker thread of buildSourceIndex: reads the files it is sent and returns their sites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { globalBinders, wrapperNames, type BinderTable } from './binder-table.ts';
import { mayHoldSites, prefilterPattern } from './prefilter.ts';
import { scanFile } from './scan-file.ts';
import type { MacroDef } from './macros.ts';
import type { SourceSite, SourceWarning } from './types.ts';

/** A batch of work: files relative to `root`; `table` is sent once per phase. */
export interface WorkerRequest {
  root: string;
  files: string[];
  table?: BinderTable;
  /** Whether to return the files' macro definitions (the header phase). */
  wantDefines: boolean;
}

export interface WorkerReply {
  sites: SourceSite[];
  defines: MacroDef[];
  warnings: SourceWarning[];
}

let table: BinderTable = {};
let prefilter = prefilterPattern();
parentPort?.on('message', (request: WorkerRequest) => {
  if (request.table) {
    table = request.table;
    prefilter = prefilterPattern(wrapperNames(table));
  }
  const reply: WorkerReply = { sites: [], defines: [], warnings: [] };
  for (const file of request.files) {
    let text: string;
    try {
      // latin1: every byte is one character, so invalid UTF-8 cannot throw, and offsets stay cheap.
      text = readFileSync(join(request.root, file), 'latin1');
    } catch (e) {
      reply.warnings.push({ kind: 'unreadable', file, line: 0, message: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    if (!mayHoldSites(text, prefilter)) continue;
    try {
      const scan = scanFile(file, text, globalBinders(table, file));
      reply.sites.push(...scan.sites);
      if (request.wantDefines) reply.defines.push(...scan.defines.filter(mayBind));
    } catch (e) {
      // A file the reader cannot handle costs its own sites, not the index.
      reply.warnings.push({ kind: 'not-indexed', file, line: 0, message: `not indexed: ${(e as Error).message}` });
    }
  }
  parentPort!.postMessage(reply);
});

/** Definitions worth sending back: only a body that mentions attributes, names or stringifies can bind a name. */
function mayBind(def: MacroDef): boolean {
  return /attr|name|#|show|store/i.test(def.body) && def.body.includes('(');
}
