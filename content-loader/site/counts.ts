import { LEVELS, type AbiEntry, type AbiFile, type Level } from '../types.ts';

export interface LevelCount {
  level: Level;
  files: number;
  entries: number;
  symbols: number;
}

/** Files, entries and What symbols per level, in the kernel's level order, plus the totals. */
export function levelCounts(entries: Pick<AbiEntry, 'level' | 'symbols'>[], files: Pick<AbiFile, 'level'>[]): { levels: LevelCount[]; total: Omit<LevelCount, 'level'> } {
  const levels = LEVELS.map((level) => ({ level, files: 0, entries: 0, symbols: 0 }));
  const of = (level: Level) => levels[LEVELS.indexOf(level)]!;
  for (const f of files) of(f.level).files++;
  for (const e of entries) {
    of(e.level).entries++;
    of(e.level).symbols += e.symbols.length;
  }
  const total = levels.reduce((t, c) => ({ files: t.files + c.files, entries: t.entries + c.entries, symbols: t.symbols + c.symbols }), { files: 0, entries: 0, symbols: 0 });
  return { levels, total };
}
