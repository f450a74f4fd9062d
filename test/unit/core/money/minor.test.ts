import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../../src-main/core/domain-error.ts';
import {
  CURRENCIES,
  type Currency,
  type Money,
  addMinor,
  addMoney,
  allocate,
  allocateEvenly,
  compareMoney,
  convert,
  formatDecimal,
  isZero,
  minor,
  minorDigits,
  money,
  multiplyByQuantity,
  negate,
  parseDecimal,
  subtractMoney,
  sumMinor,
  sumMoney,
} from '../../../../src-main/core/money/index.ts';

const MAX = Number.MAX_SAFE_INTEGER;

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError to be thrown');
}

const currencyArb = fc.constantFrom(...CURRENCIES);
const amountArb = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.integer({ min: -MAX, max: MAX }),
  fc.constantFrom(0, 1, -1, MAX, -MAX),
);
const twoDigit = CURRENCIES.filter((c) => minorDigits(c) === 2);

function amounts(list: readonly Money[]): number[] {
  return list.map((m) => m.amount);
}

describe('minor and money', () => {
  it('accepts safe integers and normalises negative zero', () => {
    expect(minor(42)).toBe(42);
    expect(Object.is(minor(-0), 0)).toBe(true);
    expect(money(-5, 'USD')).toEqual({ amount: -5, currency: 'USD' });
  });

  it('rejects fractions with money.notInteger', () => {
    expect(thrown(() => minor(1.5)).code).toBe('money.notInteger');
    expect(thrown(() => minor(Number.NaN)).code).toBe('money.notInteger');
  });

  it('rejects amounts beyond the safe integer range with money.outOfRange', () => {
    expect(thrown(() => minor(MAX + 1)).code).toBe('money.outOfRange');
    expect(thrown(() => minor(-(2 ** 60))).code).toBe('money.outOfRange');
    expect(minor(-MAX)).toBe(-MAX);
  });
});

describe('parseDecimal and formatDecimal', () => {
  it('parses decimals into exact minor units', () => {
    expect(parseDecimal('12.5', 'CNY').amount).toBe(1250);
    expect(parseDecimal('12.50', 'CNY').amount).toBe(1250);
    expect(parseDecimal('0.01', 'USD').amount).toBe(1);
    expect(parseDecimal('-12.34', 'USD').amount).toBe(-1234);
    expect(parseDecimal('+7', 'EUR').amount).toBe(700);
    expect(Object.is(parseDecimal('-0.00', 'EUR').amount, 0)).toBe(true);
    expect(parseDecimal('1200', 'JPY')).toEqual({ amount: 1200, currency: 'JPY' });
    expect(parseDecimal('0.1', 'CNY').amount).toBe(10);
    expect(parseDecimal('1.15', 'CNY').amount).toBe(115);
  });

  it('accepts surrounding spaces and thousands separators in valid groups', () => {
    expect(parseDecimal('  1,234.50 ', 'CNY').amount).toBe(123450);
    expect(parseDecimal('-1,234,567', 'JPY').amount).toBe(-1234567);
    expect(parseDecimal('999,999.99', 'USD').amount).toBe(99999999);
  });

  it('rejects more fraction digits than the currency allows with money.tooManyDecimals', () => {
    const e = thrown(() => parseDecimal('12.5', 'JPY'));
    expect(e.code).toBe('money.tooManyDecimals');
    expect(e.params).toEqual({ text: '12.5', currency: 'JPY', digits: 0 });
    expect(thrown(() => parseDecimal('1.234', 'CNY')).code).toBe('money.tooManyDecimals');
    expect(thrown(() => parseDecimal('1.001', 'USD')).code).toBe('money.tooManyDecimals');
    expect(parseDecimal('1200.00', 'JPY').amount).toBe(1200); // trailing zeros are exact
    expect(parseDecimal('1.500', 'USD').amount).toBe(150);
  });

  it('rejects garbage with money.badDecimal', () => {
    for (const text of [
      '',
      ' ',
      'abc',
      '12a',
      '1.2.3',
      '1,23',
      '12,34.5',
      ',123',
      '1,2345',
      '1 234',
      '--1',
      '- 1',
      '.5',
      '5.',
      '1e3',
      '0x10',
      'Infinity',
      'NaN',
      '１２',
      '1,234,56',
    ]) {
      const e = thrown(() => parseDecimal(text, 'CNY'));
      expect(e.code, text).toBe('money.badDecimal');
      expect(e.params).toEqual({ text });
    }
  });

  it('rejects parsed values beyond the safe range with money.outOfRange', () => {
    expect(parseDecimal('90071992547409.91', 'CNY').amount).toBe(MAX);
    expect(thrown(() => parseDecimal('90071992547409.92', 'CNY')).code).toBe('money.outOfRange');
    expect(thrown(() => parseDecimal('-99999999999999999999', 'JPY')).code).toBe('money.outOfRange');
  });

  it('formats exact decimal strings with the currency digits or a wider precision', () => {
    expect(formatDecimal(money(1250, 'CNY'))).toBe('12.50');
    expect(formatDecimal(money(1250, 'CNY'), 5)).toBe('12.50000');
    expect(formatDecimal(money(5, 'USD'))).toBe('0.05');
    expect(formatDecimal(money(-5, 'USD'))).toBe('-0.05');
    expect(formatDecimal(money(-123456, 'USD'))).toBe('-1234.56');
    expect(formatDecimal(money(0, 'EUR'))).toBe('0.00');
    expect(formatDecimal(money(1200, 'JPY'))).toBe('1200');
    expect(formatDecimal(money(1200, 'JPY'), 2)).toBe('1200.00');
    expect(formatDecimal(money(MAX, 'CNY'))).toBe('90071992547409.91');
    expect(formatDecimal(money(-MAX, 'CNY'), 5)).toBe('-90071992547409.91000');
  });

  it('refuses a precision narrower than the currency digits', () => {
    expect(thrown(() => formatDecimal(money(1250, 'CNY'), 1)).code).toBe('money.badFractionDigits');
    expect(thrown(() => formatDecimal(money(1250, 'CNY'), 2.5)).code).toBe('money.badFractionDigits');
  });

  it('round-trips every amount through format and parse for every currency', () => {
    fc.assert(
      fc.property(currencyArb, amountArb, (currency, amount) => {
        const m = money(amount, currency);
        expect(parseDecimal(formatDecimal(m), currency)).toEqual(m);
        const formatted = formatDecimal(m);
        expect(formatDecimal(parseDecimal(formatted, currency))).toBe(formatted);
      }),
    );
  });

  it('round-trips amounts written with thousands separators', () => {
    fc.assert(
      fc.property(currencyArb, amountArb, (currency, amount) => {
        const plain = formatDecimal(money(amount, currency));
        const [, sign = '', int = '', frac] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(plain) ?? [];
        const grouped = int.replace(/\B(?=(\d{3})+$)/g, ',');
        const text = sign + grouped + (frac === undefined ? '' : '.' + frac);
        expect(parseDecimal(text, currency).amount).toBe(amount === 0 ? 0 : amount);
      }),
    );
  });
});

describe('arithmetic', () => {
  it('adds, subtracts, negates and sums within one currency', () => {
    const a = money(1050, 'USD');
    const b = money(-75, 'USD');
    expect(addMoney(a, b)).toEqual({ amount: 975, currency: 'USD' });
    expect(subtractMoney(a, b)).toEqual({ amount: 1125, currency: 'USD' });
    expect(negate(a).amount).toBe(-1050);
    expect(Object.is(negate(money(0, 'USD')).amount, 0)).toBe(true);
    expect(sumMoney([a, b, a], 'USD').amount).toBe(2025);
    expect(sumMoney([], 'CNY')).toEqual({ amount: 0, currency: 'CNY' });
    expect(multiplyByQuantity(money(199, 'EUR'), 3).amount).toBe(597);
    expect(multiplyByQuantity(money(199, 'EUR'), -2).amount).toBe(-398);
  });

  it('throws money.currencyMismatch when currencies differ', () => {
    const e = thrown(() => addMoney(money(1, 'USD'), money(1, 'CNY')));
    expect(e.code).toBe('money.currencyMismatch');
    expect(e.params).toEqual({ a: 'USD', b: 'CNY' });
    expect(thrown(() => subtractMoney(money(1, 'USD'), money(1, 'EUR'))).code).toBe('money.currencyMismatch');
    expect(thrown(() => compareMoney(money(1, 'USD'), money(1, 'EUR'))).code).toBe('money.currencyMismatch');
    expect(thrown(() => sumMoney([money(1, 'USD'), money(1, 'JPY')], 'USD')).code).toBe('money.currencyMismatch');
  });

  it('throws money.outOfRange on overflow', () => {
    expect(thrown(() => addMoney(money(MAX, 'USD'), money(1, 'USD'))).code).toBe('money.outOfRange');
    expect(thrown(() => subtractMoney(money(-MAX, 'USD'), money(1, 'USD'))).code).toBe('money.outOfRange');
    expect(thrown(() => sumMoney([money(MAX, 'USD'), money(MAX, 'USD')], 'USD')).code).toBe('money.outOfRange');
    expect(thrown(() => multiplyByQuantity(money(MAX, 'USD'), 2)).code).toBe('money.outOfRange');
    expect(thrown(() => convert(money(MAX, 'USD'), '2', 'CNY')).code).toBe('money.outOfRange');
  });

  it('keeps intermediate sums exact when the final total is in range', () => {
    expect(sumMoney([money(MAX, 'USD'), money(MAX, 'USD'), money(-MAX, 'USD')], 'USD').amount).toBe(MAX);
    expect(addMoney(money(MAX, 'USD'), money(-MAX, 'USD')).amount).toBe(0);
  });

  it('sums bare minor amounts exactly, refusing a fraction, an unsafe amount and an unsafe total with their own codes', () => {
    expect(sumMinor([MAX, MAX, -MAX])).toBe(MAX);
    expect(Object.is(sumMinor([5, -5]), 0)).toBe(true);
    expect(sumMinor([])).toBe(0);
    expect(thrown(() => sumMinor([1, 0.5])).code).toBe('money.notInteger');
    expect(thrown(() => sumMinor([2 ** 53, -1])).code).toBe('money.outOfRange');
    expect(thrown(() => sumMinor([MAX, 1])).code).toBe('money.outOfRange');
  });

  it('adds two amounts checked: exact while the total is safe, money.outOfRange past it, never -0', () => {
    expect(addMinor(minor(MAX - 1), minor(1))).toBe(MAX);
    expect(addMinor(minor(MAX), minor(-MAX))).toBe(0);
    expect(addMinor(minor(-MAX), minor(-1 + 1))).toBe(-MAX);
    expect(thrown(() => addMinor(minor(MAX), minor(1))).code).toBe('money.outOfRange');
    expect(thrown(() => addMinor(minor(-MAX), minor(-2))).code).toBe('money.outOfRange');
    fc.assert(
      fc.property(fc.maxSafeInteger(), fc.maxSafeInteger(), (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        if (exact > BigInt(MAX) || exact < -BigInt(MAX)) expect(() => addMinor(minor(a), minor(b))).toThrow();
        else expect(addMinor(minor(a), minor(b))).toBe(Number(exact));
      }),
    );
  });

  it('rejects a fractional quantity', () => {
    expect(thrown(() => multiplyByQuantity(money(100, 'USD'), 1.5)).code).toBe('money.quantity.notInteger');
  });

  it('compares and detects zero', () => {
    expect(compareMoney(money(1, 'CNY'), money(2, 'CNY'))).toBe(-1);
    expect(compareMoney(money(2, 'CNY'), money(2, 'CNY'))).toBe(0);
    expect(compareMoney(money(3, 'CNY'), money(-2, 'CNY'))).toBe(1);
    expect(isZero(money(0, 'CNY'))).toBe(true);
    expect(isZero(money(-1, 'CNY'))).toBe(false);
  });
});

describe('allocate', () => {
  it('splits by largest remainder with ties going to the earlier index', () => {
    expect(amounts(allocate(money(100, 'CNY'), [1, 1, 1]))).toEqual([34, 33, 33]);
    expect(amounts(allocate(money(-100, 'CNY'), [1, 1, 1]))).toEqual([-34, -33, -33]);
    expect(amounts(allocate(money(10, 'CNY'), [3, 7]))).toEqual([3, 7]);
    expect(amounts(allocate(money(5, 'CNY'), [1, 0, 2]))).toEqual([2, 0, 3]);
    expect(amounts(allocate(money(1, 'CNY'), [0, 5, 5]))).toEqual([0, 1, 0]);
    expect(amounts(allocate(money(7, 'CNY'), [10n, 20n, 70n]))).toEqual([1, 1, 5]);
    expect(amounts(allocate(money(0, 'CNY'), [1, 2]))).toEqual([0, 0]);
  });

  it('splits evenly with the larger parts first', () => {
    expect(amounts(allocateEvenly(money(10, 'USD'), 3))).toEqual([4, 3, 3]);
    expect(amounts(allocateEvenly(money(-10, 'USD'), 4))).toEqual([-3, -3, -2, -2]);
    expect(thrown(() => allocateEvenly(money(10, 'USD'), 0)).code).toBe('money.allocate.noParts');
  });

  it('rejects empty, all-zero and negative weights', () => {
    expect(thrown(() => allocate(money(10, 'USD'), [])).code).toBe('money.allocate.noParts');
    expect(thrown(() => allocate(money(10, 'USD'), [0, 0n])).code).toBe('money.allocate.zeroWeights');
    expect(thrown(() => allocate(money(10, 'USD'), [1, -1])).code).toBe('money.allocate.badWeight');
    expect(thrown(() => allocate(money(10, 'USD'), [1, 0.5])).code).toBe('money.allocate.badWeight');
  });

  it('always sums to the total with each part within one minor unit of its exact share', () => {
    const weights = fc
      .array(fc.oneof(fc.nat({ max: 1000 }), fc.nat(), fc.constant(0)), { minLength: 1, maxLength: 20 })
      .filter((ws) => ws.some((w) => w > 0));
    fc.assert(
      fc.property(amountArb, weights, currencyArb, (amount, ws, currency) => {
        const total = money(amount, currency);
        const parts = allocate(total, ws);
        expect(parts).toHaveLength(ws.length);
        expect(sumMoney(parts, currency)).toEqual(total);
        const weightSum = ws.reduce((s, w) => s + BigInt(w), 0n);
        parts.forEach((p, i) => {
          expect(p.currency).toBe(currency);
          // |part - total*w/W| <= 1  <=>  |part*W - total*w| <= W
          const diff = BigInt(p.amount) * weightSum - BigInt(amount) * BigInt(ws[i] ?? 0);
          expect(diff <= weightSum && diff >= -weightSum).toBe(true);
          if (ws[i] === 0) expect(p.amount).toBe(0);
        });
      }),
    );
  });

  it('mirrors the split of a positive total for its negative', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX }),
        fc.array(fc.nat({ max: 50 }), { minLength: 1, maxLength: 8 }).filter((ws) => ws.some((w) => w > 0)),
        (amount, ws) => {
          const pos = amounts(allocate(money(amount, 'USD'), ws));
          const neg = amounts(allocate(money(-amount, 'USD'), ws));
          expect(neg).toEqual(pos.map((x) => (x === 0 ? 0 : -x)));
        },
      ),
    );
  });
});

describe('convert', () => {
  it('converts USD 100.00 at 7.1234 into CNY 712.34', () => {
    expect(convert(parseDecimal('100.00', 'USD'), '7.1234', 'CNY')).toEqual({ amount: 71234, currency: 'CNY' });
  });

  it('rounds half away from zero for both signs', () => {
    // 0.01 * 0.5 = 0.005 → 0.01 ; -0.005 → -0.01
    expect(convert(money(1, 'CNY'), '0.5', 'USD').amount).toBe(1);
    expect(convert(money(-1, 'CNY'), '0.5', 'USD').amount).toBe(-1);
    // 0.01 * 0.4999 = 0.004999 → 0
    expect(convert(money(1, 'CNY'), '0.4999', 'USD').amount).toBe(0);
    expect(Object.is(convert(money(-1, 'CNY'), '0.4999', 'USD').amount, 0)).toBe(true);
    // 1.00 * 0.125 = 0.125 → 0.13 ; -0.125 → -0.13
    expect(convert(money(100, 'EUR'), '0.125', 'GBP').amount).toBe(13);
    expect(convert(money(-100, 'EUR'), '0.125', 'GBP').amount).toBe(-13);
    // 1.00 * 0.124999999999 → 0.12
    expect(convert(money(100, 'EUR'), '0.124999999999', 'GBP').amount).toBe(12);
  });

  it('accounts for differing minor digits between currencies', () => {
    // JPY 1000 * 0.048765 = CNY 48.765 → 48.77
    expect(convert(money(1000, 'JPY'), '0.048765', 'CNY')).toEqual({ amount: 4877, currency: 'CNY' });
    // JPY 1 * 0.05 = CNY 0.05
    expect(convert(money(1, 'JPY'), '0.05', 'CNY').amount).toBe(5);
    // CNY 100.00 * 20.345 = JPY 2034.5 → 2035
    expect(convert(money(10000, 'CNY'), '20.345', 'JPY')).toEqual({ amount: 2035, currency: 'JPY' });
    expect(convert(money(-10000, 'CNY'), '20.345', 'JPY').amount).toBe(-2035);
    // CNY 0.03 * 16.5 = JPY 0.495 → 0
    expect(convert(money(3, 'CNY'), '16.5', 'JPY').amount).toBe(0);
    // KRW 1 = JPY 0.11 → 0 ; KRW 5 → 0.55 → 1
    expect(convert(money(5, 'KRW'), '0.11', 'JPY').amount).toBe(1);
  });

  it('is the identity at rate 1 between two-digit currencies', () => {
    fc.assert(
      fc.property(
        amountArb,
        fc.constantFrom(...twoDigit),
        fc.constantFrom(...twoDigit),
        fc.constantFrom('1', '1.0', '1.000000000000'),
        (amount, from: Currency, to: Currency, rate) => {
          expect(convert(money(amount, from), rate, to)).toEqual(money(amount, to));
        },
      ),
    );
  });

  it('halves odd amounts away from zero at rate 0.5', () => {
    fc.assert(
      fc.property(fc.integer({ min: -MAX, max: MAX }), (amount) => {
        const half = convert(money(amount, 'USD'), '0.5', 'USD').amount;
        const expected = amount % 2 === 0 ? amount / 2 : (amount + Math.sign(amount)) / 2;
        expect(half).toBe(expected === 0 ? 0 : expected);
      }),
    );
  });

  it('rejects malformed, zero and negative rates with money.badRate', () => {
    for (const rate of ['', '0', '0.000', '-1', '+1', '1e3', '1.', '.5', ' 1', '1,000', 'abc', '1.1234567890123']) {
      const e = thrown(() => convert(money(100, 'USD'), rate, 'CNY'));
      expect(e.code, rate).toBe('money.badRate');
      expect(e.params).toEqual({ rate });
    }
  });
});
