import { describe, expect, it } from 'vitest';
import { createWriteGate } from '../../src/main/core/write-gate.ts';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('write gate', () => {
  it('holds other calls until an exclusive section ends, even when it yields', async () => {
    const gate = createWriteGate();
    const order: string[] = [];
    const long = gate.exclusive(async () => {
      order.push('import starts');
      await tick();
      await tick();
      order.push('import ends');
    });
    const other = (async () => {
      await gate.idle();
      order.push('other call');
    })();
    await Promise.all([long, other]);
    expect(order).toEqual(['import starts', 'import ends', 'other call']);
    expect(gate.busy).toBe(false);
  });

  it('runs exclusive sections one after the other and survives a failing one', async () => {
    const gate = createWriteGate();
    const order: number[] = [];
    const failing = gate.exclusive(async () => {
      await tick();
      order.push(1);
      throw new Error('boom');
    });
    const next = gate.exclusive(async () => {
      order.push(2);
      return 'ok';
    });
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
    expect(order).toEqual([1, 2]);
    await gate.idle();
  });
});
