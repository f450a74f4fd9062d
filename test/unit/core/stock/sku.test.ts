import { describe, it, expect } from 'vitest';
import { validateSku, validateHsCode } from '../../../../src-main/core/stock/sku.ts';
import { type DomainError } from '../../../../src-main/core/domain-error.ts';

const good = {
  itemNo: 'MUG-01',
  goodsName: '陶瓷杯',
  gmodel: '0|0|陶瓷|无品牌|350ml',
  hsCode: '6912001000',
  unit: '007',
  legalUnit: '007',
};
const fields = (input: object) => {
  try {
    validateSku({ ...good, ...input });
    return null;
  } catch (e) {
    return (e as DomainError).fields;
  }
};

describe('SKU customs data', () => {
  it('accepts a complete SKU and normalises empty optional fields to null', () => {
    expect(validateSku(good)).toMatchObject({
      itemNo: 'MUG-01',
      hsCode: '6912001000',
      barcode: null,
      weightGrams: null,
    });
  });
  it('rejects an HS code that is not 10 digits', () => {
    expect(validateHsCode('691200100')).toBe('stock.sku.hsCode.length');
    expect(validateHsCode('69120010AB')).toBe('stock.sku.hsCode.digits');
    expect(fields({ hsCode: '6912.00.10' })).toEqual({ hsCode: 'stock.sku.hsCode.digits' });
  });
  it('limits the item no to 20 characters as the inventory list does, and checks unit codes', () => {
    expect(fields({ itemNo: 'X'.repeat(21), unit: '999', origin: 'usa' })).toEqual({
      itemNo: 'stock.sku.itemNo.tooLong',
      unit: 'stock.sku.unit.unknown',
      origin: 'stock.sku.origin.format',
    });
  });
});
