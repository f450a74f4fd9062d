import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DomainError } from '../../../../src-main/core/domain-error.ts';
import { USCC_CHARSET, usccCheckChar, validateUscc } from '../../../../src-main/core/company/uscc.ts';

const VALID = '91350100M000100Y43';

const first17 = fc
  .array(fc.constantFrom(...USCC_CHARSET.split('')), { minLength: 17, maxLength: 17 })
  .map((chars) => chars.join(''));

describe('validateUscc', () => {
  it('accepts a known valid code', () => {
    expect(validateUscc(VALID)).toBeNull();
    expect(usccCheckChar(VALID.slice(0, 17))).toBe('3');
  });

  it('reports length for codes that are not 18 characters long', () => {
    expect(validateUscc(VALID.slice(0, 17))).toBe('company.uscc.length');
    expect(validateUscc(VALID + '0')).toBe('company.uscc.length');
    expect(validateUscc('')).toBe('company.uscc.length');
  });

  it('reports charset for lowercase letters and the forbidden letters I O S V Z', () => {
    expect(validateUscc('91350100m000100Y43')).toBe('company.uscc.charset');
    for (const bad of ['I', 'O', 'S', 'V', 'Z', ' ', '-']) {
      expect(validateUscc('91350100' + bad + '000100Y43')).toBe('company.uscc.charset');
    }
  });

  it('reports checkDigit when the last character of the known code is changed', () => {
    expect(validateUscc('91350100M000100Y44')).toBe('company.uscc.checkDigit');
    expect(validateUscc('91350100M000100Y4A')).toBe('company.uscc.checkDigit');
  });

  it('rejects every single-character change of the check character of a valid code', () => {
    fc.assert(
      fc.property(first17, (head) => {
        const check = usccCheckChar(head);
        expect(validateUscc(head + check)).toBeNull();
        for (const other of USCC_CHARSET) {
          if (other !== check) expect(validateUscc(head + other)).toBe('company.uscc.checkDigit');
        }
      }),
    );
  });

  it('refuses to compute a check character from malformed input', () => {
    expect(() => usccCheckChar('123')).toThrow(DomainError);
    expect(() => usccCheckChar('9135010OM000100Y4')).toThrow(DomainError);
  });
});
