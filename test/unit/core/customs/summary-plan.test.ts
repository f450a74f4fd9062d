/**
 * Issue 15, point 6: summary declaration by 公告2018年第194号 (domain.md §5), hand-worked:
 * A lists form no declaration; B lists concluded (899) are merged by consignor, transport mode,
 * producer/seller, country of arrival, exit office and month, their lines by final destination,
 * 10-digit HS and currency (quantities and values summed exactly); released-not-concluded lists
 * are pending; the application is due by the 15th of the next month (next working day), December's
 * by its last working day, with a warning before and after.
 */
import { describe, expect, it } from 'vitest';
import { planSummary, summaryDueDate, type SummaryListFacts } from '../../../../src-main/core/customs/index.ts';

function list(invtNo: string, over: Partial<SummaryListFacts> = {}): SummaryListFacts {
  return {
    invtNo,
    statisticsFlag: 'B',
    status: '899',
    ieDate: '2026-03-10',
    ebcCode: '5314960ABC',
    trafMode: '5',
    ownerCode: '5314960ABC',
    country: '502',
    portCode: '5314',
    lines: [{ country: '502', gcode: '3924100000', currency: '502', qty: '2.00000', totalPrice: '39.98000' }],
    ...over,
  };
}

describe('summary plan by 194号 (point 6)', () => {
  it('A lists form no declaration, released lists are pending, concluded B lists merge by the head keys', () => {
    const plan = planSummary(
      [
        list('L1'),
        list('L2', {
          lines: [
            { country: '502', gcode: '3924100000', currency: '502', qty: '1', totalPrice: '19.99' },
            { country: '502', gcode: '9405409000', currency: '502', qty: '3', totalPrice: '30' },
          ],
        }),
        list('L3', {
          country: '303',
          lines: [{ country: '303', gcode: '3924100000', currency: '502', qty: '1', totalPrice: '5' }],
        }),
        list('L4', { statisticsFlag: 'A' }),
        list('L5', { status: '800' }),
        list('L6', { ieDate: '2026-04-02' }),
        list('L7', { portCode: '5301' }),
        list('L8', { trafMode: '2' }),
        list('L9', { ownerCode: '5314960XYZ' }),
      ],
      '2026-04-03',
    );
    expect(plan.statisticsOnly).toEqual(['L4']);
    expect(plan.pending).toEqual(['L5']);
    expect(plan.groups.map((g) => g.invtNos)).toEqual([['L1', 'L2'], ['L3'], ['L6'], ['L7'], ['L8'], ['L9']]);
    const first = plan.groups[0]!;
    expect(first.key).toEqual({
      ebcCode: '5314960ABC',
      trafMode: '5',
      ownerCode: '5314960ABC',
      country: '502',
      portCode: '5314',
      month: '2026-03',
    });
    expect(first.lines).toEqual([
      { country: '502', gcode: '3924100000', currency: '502', qty: '3.00000', totalPrice: '59.97000' },
      { country: '502', gcode: '9405409000', currency: '502', qty: '3.00000', totalPrice: '30.00000' },
    ]);
    expect(first.dueDate).toBe('2026-04-15');
    expect(first.warning).toBeNull();
  });

  it('line keys: another final destination, HS or currency is another declaration line', () => {
    const plan = planSummary(
      [
        list('L1', {
          lines: [
            { country: '502', gcode: '3924100000', currency: '502', qty: '1', totalPrice: '1' },
            { country: '501', gcode: '3924100000', currency: '502', qty: '1', totalPrice: '1' },
            { country: '502', gcode: '3924100090', currency: '502', qty: '1', totalPrice: '1' },
            { country: '502', gcode: '3924100000', currency: '142', qty: '1', totalPrice: '1' },
          ],
        }),
      ],
      '2026-04-01',
    );
    expect(plan.groups[0]!.lines).toHaveLength(4);
  });

  it('due by the 15th of next month, moved to the next working day; December by its last working day', () => {
    expect(summaryDueDate('2026-03')).toBe('2026-04-15'); // Wednesday
    expect(summaryDueDate('2026-01')).toBe('2026-02-16'); // 15 Feb 2026 is a Sunday
    expect(summaryDueDate('2026-08', { holidays: ['2026-09-15'] })).toBe('2026-09-16');
    expect(summaryDueDate('2026-12')).toBe('2026-12-31'); // Thursday
    expect(summaryDueDate('2027-12')).toBe('2027-12-31'); // Friday
    expect(summaryDueDate('2028-12')).toBe('2028-12-29'); // 30/31 Dec 2028 are Saturday/Sunday
  });

  it('warns in the last 5 days before the due date and after it', () => {
    const g = (today: string) => planSummary([list('L1')], today).groups[0]!.warning;
    expect(g('2026-04-09')).toBeNull();
    expect(g('2026-04-10')).toBe('due');
    expect(g('2026-04-15')).toBe('due');
    expect(g('2026-04-16')).toBe('overdue');
  });
});
