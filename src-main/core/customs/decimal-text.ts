/** Exact sums of decimal texts (decimal(19,5) as CEB states them), as integers at 10^5: never floats. */
const SCALE = 5;

export function decimalToScaled(text: string): bigint {
  const m = /^(\d+)(?:\.(\d{0,5}))?$/.exec(text.trim());
  if (m === null) throw new RangeError(`not a decimal(19,5): ${text}`);
  return BigInt(m[1]! + (m[2] ?? '').padEnd(SCALE, '0'));
}

export function scaledToDecimal(v: bigint): string {
  const s = v.toString().padStart(SCALE + 1, '0');
  return `${s.slice(0, -SCALE)}.${s.slice(-SCALE)}`;
}

export function sumDecimalTexts(values: readonly string[]): string {
  return scaledToDecimal(values.reduce((s, v) => s + decimalToScaled(v), 0n));
}
