/**
 * Commands of the sync area, spread into `contract` (contract.ts). Same rules as there:
 * zod input, phantom result type, `mutates`; the renderer only `import type`s these types.
 */
import { z } from 'zod';
import { decimalText, empty, id, isoDay, result } from './contract-kit.ts';

void z; void decimalText; void empty; void id; void isoDay; void result;

export const syncContract = {
} as const;
