import { describe, expect, it } from 'vitest';
import { chunksWithin } from '../../shared/parallel.ts';

// DESIGN I1: lists of receipt lines are stored as items under DynamoDB's 400 KB limit; the pieces
// are bounded by count and by bytes, in order, and nothing is dropped.
describe('chunksWithin', () => {
  const line = (row: number, bytes: number) => ({ row, text: 'x'.repeat(bytes) });

  it('cuts by count when the values are small', () => {
    const pieces = chunksWithin(
      Array.from({ length: 25 }, (_, index) => line(index, 10)),
      { count: 10, bytes: 1_000_000 },
    );
    expect(pieces.map((piece) => piece.length)).toEqual([10, 10, 5]);
  });

  it('cuts by bytes when the values are large, never over the limit, in order, nothing lost', () => {
    const values = Array.from({ length: 100 }, (_, index) => line(index, index % 7 === 0 ? 3_000 : 200));
    const pieces = chunksWithin(values, { count: 1_000, bytes: 10_000 });
    for (const piece of pieces) expect(Buffer.byteLength(JSON.stringify(piece))).toBeLessThanOrEqual(10_000);
    expect(pieces.flat()).toEqual(values);
    expect(pieces.length).toBeGreaterThan(1);
  });

  it('puts a value larger than the limit in a piece of its own', () => {
    const pieces = chunksWithin([line(1, 10), line(2, 50), line(3, 10)], { count: 10, bytes: 40 });
    expect(pieces.map((piece) => piece.map((value) => value.row))).toEqual([[1], [2], [3]]);
  });
});
