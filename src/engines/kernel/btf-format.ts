/**
 * The BTF binary format as far as throwfuzz reads and writes it (include/uapi/linux/btf.h): a 24-byte
 * header, a type section of `struct btf_type` records each followed by kind-specific data, and a string
 * section. Little endian, the byte order of every machine the kernel engine runs on.
 */

export const BTF_MAGIC = 0xeb9f;
export const BTF_VERSION = 1;
export const BTF_HEADER_SIZE = 24;
/** `struct btf_type`: name_off, info, size_or_type. */
export const BTF_TYPE_SIZE = 12;

/** BTF_KIND_* values. */
export const BtfKind = {
  int: 1,
  ptr: 2,
  array: 3,
  struct: 4,
  union: 5,
  enum: 6,
  fwd: 7,
  typedef: 8,
  volatile: 9,
  const: 10,
  restrict: 11,
  func: 12,
  funcProto: 13,
  var: 14,
  datasec: 15,
  float: 16,
  declTag: 17,
  typeTag: 18,
  enum64: 19,
} as const;

/** `enum btf_func_linkage`: a FUNC's vlen field. */
export const BTF_FUNC_STATIC = 0;
export const BTF_FUNC_GLOBAL = 1;

/** Bytes of kind-specific data after a `struct btf_type` (btf_type_size in kernel/bpf/btf.c), or null. */
export function trailingBytes(kind: number, vlen: number): number | null {
  switch (kind) {
    case BtfKind.int:
    case BtfKind.var:
    case BtfKind.declTag:
      return 4;
    case BtfKind.ptr:
    case BtfKind.fwd:
    case BtfKind.typedef:
    case BtfKind.volatile:
    case BtfKind.const:
    case BtfKind.restrict:
    case BtfKind.func:
    case BtfKind.float:
    case BtfKind.typeTag:
      return 0;
    case BtfKind.array:
      return 12;
    case BtfKind.struct:
    case BtfKind.union:
    case BtfKind.datasec:
    case BtfKind.enum64:
      return 12 * vlen;
    case BtfKind.enum:
    case BtfKind.funcProto:
      return 8 * vlen;
    default:
      return null;
  }
}

/** `info` word of a `struct btf_type`. */
export function btfInfo(kind: number, vlen: number, kindFlag = false): number {
  return ((kindFlag ? 1 : 0) << 31) | ((kind & 0x1f) << 24) | (vlen & 0xffff);
}
