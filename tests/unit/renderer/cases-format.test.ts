// Beijing time, sizes, form values, masked numbers and attachment viewing kinds on the case screens.
import { describe, expect, it } from 'vitest';
import { beijingDate, beijingTime, fileSize, formValueText } from '../../../renderer/features/cases/format';
import { fieldText, idNumberText, phoneText } from '../../../renderer/features/cases/sensitive';

describe('format', () => {
  it('shows instants in Beijing time whatever the machine zone', () => {
    expect(beijingTime('2026-11-25T16:30:05.000Z')).toBe('2026-11-26 00:30');
    expect(beijingTime('2026-11-25T16:30:05.000Z', true)).toBe('2026-11-26 00:30:05');
    expect(beijingTime('not a time')).toBe('not a time');
    expect(beijingDate('2026-11-25T15:59:59Z')).toBe('2026-11-25');
    expect(beijingDate(new Date('2026-11-25T16:00:00Z'))).toBe('2026-11-26');
  });

  it('writes sizes and form values for people', () => {
    expect(fileSize(718)).toBe('718 B');
    expect(fileSize(2048)).toBe('2.0 KB');
    expect(fileSize(5 * 1024 * 1024)).toBe('5.0 MB');
    expect(formValueText(true)).toBe('是');
    expect(formValueText(false)).toBe('否');
    expect(formValueText(null)).toBe('—');
    expect(formValueText('')).toBe('—');
    expect(formValueText(undefined)).toBe('—');
    expect(formValueText(12.5)).toBe('12.5');
  });
});

describe('masking', () => {
  it('masks numbers until revealed', () => {
    expect(idNumberText('resident', '11010519491231002X', false)).toBe('110105********002X');
    expect(idNumberText('resident', '11010519491231002X', true)).toBe('11010519491231002X');
    expect(idNumberText('uscc', '91350100M000100Y43', false)).toBe('91350100M000100Y43');
    expect(idNumberText('passport', 'E12345678', false)).not.toContain('2345');
    expect(phoneText('13912345678', false)).toBe('139****5678');
    expect(phoneText('13912345678', true)).toBe('13912345678');
    expect(phoneText('', false)).toBe('—');
  });

  it('masks form fields that hold personal numbers, and only those', () => {
    expect(fieldText('idNumber', '11010519491231002X', false)).toBe('110105********002X');
    expect(fieldText('phone', '13912345678', false)).toBe('139****5678');
    expect(fieldText('uscc', '91350100M000100Y43', false)).toBe('91350100M000100Y43');
    expect(fieldText('text', '北京协和医院', false)).toBe('北京协和医院');
    expect(fieldText('idNumber', '—', false)).toBe('—');
    expect(fieldText('idNumber', '11010519491231002X', true)).toBe('11010519491231002X');
  });
});
