import { describe, expect, it } from 'vitest';
import { insertScaleSize, parseScaleDraft, type ScaleDraftRow } from './scale-format';

describe('parseScaleDraft', () => {
  it('should turn typed rows into sizes when every range is sound', () => {
    const rows: ScaleDraftRow[] = [
      { size: 'S', min: '1', max: '2.5', mustSplit: false },
      { size: 'XL', min: '10', max: '20', mustSplit: true },
    ];
    expect(parseScaleDraft(rows)).toEqual({
      ok: true,
      sizes: [
        { size: 'S', min: 1, max: 2.5 },
        { size: 'XL', min: 10, max: 20, mustSplit: true },
      ],
    });
  });

  it('should name the size when a range is empty or inverted', () => {
    expect(parseScaleDraft([{ size: 'M', min: '', max: '3', mustSplit: false }])).toEqual({
      ok: false,
      message: 'Size M needs a number of days at both ends',
    });
    expect(parseScaleDraft([{ size: 'L', min: '9', max: '4', mustSplit: false }])).toEqual({
      ok: false,
      message: 'Size L needs 0 ≤ min ≤ max, got 9–4',
    });
  });

  it('should refuse an empty scale', () => {
    expect(parseScaleDraft([])).toEqual({ ok: false, message: 'Keep at least one size' });
  });
});

describe('insertScaleSize', () => {
  it('should put a new size at its place when sizes are missing around it', () => {
    const rows: ScaleDraftRow[] = [
      { size: 'XS', min: '0', max: '1', mustSplit: false },
      { size: 'L', min: '5', max: '9', mustSplit: false },
    ];
    expect(insertScaleSize(rows, 'M').map((r) => r.size)).toEqual(['XS', 'M', 'L']);
  });
});
