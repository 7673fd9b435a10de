import { openDatabase } from '../../src/main/store/database.ts';
import { seedDatabase } from '../../src/main/seed/seed-database.ts';
import { existsSync } from 'node:fs';
const path = '/tmp/probe-bench.db';
if (!existsSync(path)) { const { db } = openDatabase(path); seedDatabase(db, { contacts: 50000, interactionsPerContact: 5, seed: 7, now: new Date('2026-11-20T09:00:00Z') }); db.close(); }
const { db } = openDatabase(path);
const t = (label: string, sql: string, ...p: unknown[]) => { const s = db.prepare(sql); s.all(...p); const st = performance.now(); let n = 0; for (let i = 0; i < 5; i++) n = s.all(...p).length; console.log(label.padEnd(50), ((performance.now() - st) / 5).toFixed(2), 'ms', n); };
for (const q of ['"a"*', '"an"*', '"mar"*', '"acme"*', '"robotics"*', '"ki"*', '"series"* "a"*', '"deck"*', '"zz"*']) {
  t(`count ${q}`, `SELECT count(*) FROM contacts_fts WHERE contacts_fts MATCH ?`, q);
  t(`count+join ${q}`, `SELECT count(*) FROM contacts_fts JOIN contacts c ON c.id = contacts_fts.rowid WHERE contacts_fts MATCH ? AND c.archived_at IS NULL`, q);
  t(`rank ${q}`, `SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY bm25(contacts_fts, 10, 5, 2, 1, 1) LIMIT 100`, q);
  t(`rank builtin ${q}`, `SELECT rowid FROM contacts_fts WHERE contacts_fts MATCH ? ORDER BY rank LIMIT 100`, q);
}
