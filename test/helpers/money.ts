/**
 * A fixture amount in minor units: read models brand money as `Minor`, so fixtures write `m(1250)`.
 * Checked like the app's own amounts (a fraction or an unsafe integer throws), never a bare cast.
 */
import { minor, type Minor } from '../../src-main/core/money/index.ts';

export const m = (n: number): Minor => minor(n);
