/**
 * 64-bit arithmetic on (lo, hi) int32 halves, the interpreter's register representation: BigInt is ~50x
 * slower than int32 arithmetic, so only the rare 64-bit division leaves this form. Results go to `out`
 * (lo at 0, hi at 1) so nothing allocates.
 */

export const out = new Int32Array(2);

/** Low 64 bits of the product. */
export function mul64(alo: number, ahi: number, blo: number, bhi: number): void {
  // The high word of the unsigned 32x32 product, from 16-bit pieces so no partial sum exceeds 2^32.
  const a0 = alo & 0xffff;
  const a1 = alo >>> 16;
  const b0 = blo & 0xffff;
  const b1 = blo >>> 16;
  const t0 = a0 * b0;
  const t1 = a1 * b0 + (t0 >>> 16);
  const t2 = a0 * b1 + (t1 & 0xffff);
  const carry = a1 * b1 + (t1 >>> 16) + (t2 >>> 16);
  out[0] = Math.imul(alo, blo);
  out[1] = (carry + Math.imul(alo, bhi) + Math.imul(ahi, blo)) | 0;
}

export function toBigInt(lo: number, hi: number): bigint {
  return (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
}

export function fromBigInt(value: bigint): void {
  const u = BigInt.asUintN(64, value);
  out[0] = Number(u & 0xffffffffn) | 0;
  out[1] = Number(u >> 32n) | 0;
}

/** Unsigned division; BPF defines x / 0 = 0. */
export function div64(alo: number, ahi: number, blo: number, bhi: number): void {
  if (blo === 0 && bhi === 0) {
    out[0] = 0;
    out[1] = 0;
  } else if (ahi === 0 && bhi === 0) {
    out[0] = Math.floor((alo >>> 0) / (blo >>> 0)) | 0;
    out[1] = 0;
  } else fromBigInt(toBigInt(alo, ahi) / toBigInt(blo, bhi));
}

/** Unsigned remainder; BPF defines x % 0 = x. */
export function mod64(alo: number, ahi: number, blo: number, bhi: number): void {
  if (blo === 0 && bhi === 0) {
    out[0] = alo;
    out[1] = ahi;
  } else if (ahi === 0 && bhi === 0) {
    out[0] = ((alo >>> 0) % (blo >>> 0)) | 0;
    out[1] = 0;
  } else fromBigInt(toBigInt(alo, ahi) % toBigInt(blo, bhi));
}

export function lsh64(lo: number, hi: number, n: number): void {
  if (n === 0) {
    out[0] = lo;
    out[1] = hi;
  } else if (n < 32) {
    out[0] = lo << n;
    out[1] = (hi << n) | (lo >>> (32 - n));
  } else {
    out[0] = 0;
    out[1] = lo << (n - 32);
  }
}

export function rsh64(lo: number, hi: number, n: number): void {
  if (n === 0) {
    out[0] = lo;
    out[1] = hi;
  } else if (n < 32) {
    out[0] = (lo >>> n) | (hi << (32 - n));
    out[1] = hi >>> n;
  } else {
    out[0] = hi >>> (n - 32);
    out[1] = 0;
  }
}

export function arsh64(lo: number, hi: number, n: number): void {
  if (n === 0) {
    out[0] = lo;
    out[1] = hi;
  } else if (n < 32) {
    out[0] = (lo >>> n) | (hi << (32 - n));
    out[1] = hi >> n;
  } else {
    out[0] = hi >> (n - 32);
    out[1] = hi >> 31;
  }
}

/** Unsigned decimal of a 64-bit value. */
export function u64String(lo: number, hi: number): string {
  return hi === 0 ? String(lo >>> 0) : toBigInt(lo, hi).toString();
}
