import { describe, expect, it } from 'vitest';
import { joinSql, sql, trusted } from '../../../src/main/store/sql.ts';

describe('sql tagged template', () => {
  it('turns every interpolated value into a bound parameter', () => {
    const evil = "x'; DROP TABLE contacts; --";
    const q = sql`SELECT * FROM contacts WHERE name = ${evil} AND id > ${3}`;
    expect(q.text).toBe('SELECT * FROM contacts WHERE name = ? AND id > ?');
    expect(q.params).toEqual([evil, 3]);
  });

  it('nests fragments and keeps their parameters in order', () => {
    const filters = joinSql([sql`a = ${1}`, sql`b = ${'two'}`], ' AND ');
    const q = sql`SELECT 1 WHERE ${filters} ORDER BY ${trusted('a')} LIMIT ${10}`;
    expect(q.text).toBe('SELECT 1 WHERE a = ? AND b = ? ORDER BY a LIMIT ?');
    expect(q.params).toEqual([1, 'two', 10]);
  });

  it('does not treat look-alike objects as SQL', () => {
    const q = sql`x = ${{ text: 'DROP TABLE t', params: [] }}`;
    expect(q.text).toBe('x = ?');
  });
});
