/**
 * A reader of BTF blobs: enough of btf_parse_type_sec (kernel/bpf/btf.c) to walk every type, resolve FUNC
 * names (how kfunc ids are found in /sys/kernel/btf/vmlinux) and decode the few kinds throwfuzz writes.
 */
import { BTF_HEADER_SIZE, BTF_MAGIC, BTF_TYPE_SIZE, BtfKind, trailingBytes } from './btf-format.js';

export class BtfFormatError extends Error {
  override name = 'BtfFormatError';
}

/** One type record as stored: id (1-based), kind, name, vlen, kind_flag, size_or_type, data offset. */
interface RawType {
  readonly id: number;
  readonly kind: number;
  readonly nameOff: number;
  readonly vlen: number;
  readonly kindFlag: boolean;
  readonly sizeOrType: number;
  /** Offset in the blob of the kind-specific data that follows the record. */
  readonly dataAt: number;
}

interface Sections {
  readonly view: DataView;
  readonly bytes: Uint8Array;
  readonly typeStart: number;
  readonly typeEnd: number;
  readonly strStart: number;
  readonly strEnd: number;
}

function sections(bytes: Uint8Array): Sections {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < BTF_HEADER_SIZE || view.getUint16(0, true) !== BTF_MAGIC) {
    throw new BtfFormatError('not a little-endian BTF blob (bad magic)');
  }
  const hdrLen = view.getUint32(4, true);
  const typeStart = hdrLen + view.getUint32(8, true);
  const typeEnd = typeStart + view.getUint32(12, true);
  const strStart = hdrLen + view.getUint32(16, true);
  const strEnd = strStart + view.getUint32(20, true);
  if (typeEnd > bytes.byteLength || strEnd > bytes.byteLength)
    throw new BtfFormatError('section out of bounds');
  return { view, bytes, typeStart, typeEnd, strStart, strEnd };
}

function* rawTypes(s: Sections): Generator<RawType> {
  let at = s.typeStart;
  for (let id = 1; at < s.typeEnd; id++) {
    if (at + BTF_TYPE_SIZE > s.typeEnd) throw new BtfFormatError(`type ${id} truncated`);
    const info = s.view.getUint32(at + 4, true);
    const kind = (info >>> 24) & 0x1f;
    const vlen = info & 0xffff;
    const extra = trailingBytes(kind, vlen);
    if (extra === null) throw new BtfFormatError(`type ${id} has unknown kind ${kind}`);
    yield {
      id,
      kind,
      nameOff: s.view.getUint32(at, true),
      vlen,
      kindFlag: info >>> 31 === 1,
      sizeOrType: s.view.getUint32(at + 8, true),
      dataAt: at + BTF_TYPE_SIZE,
    };
    at += BTF_TYPE_SIZE + extra;
  }
}

function stringAt(s: Sections, off: number): string {
  const start = s.strStart + off;
  if (start >= s.strEnd) throw new BtfFormatError(`string offset ${off} out of bounds`);
  const end = s.bytes.indexOf(0, start);
  if (end < 0 || end >= s.strEnd) throw new BtfFormatError(`string at ${off} is not terminated`);
  return Buffer.from(s.bytes.buffer, s.bytes.byteOffset + start, end - start).toString('latin1');
}

/**
 * Ids of the FUNC types with the given names (the first of each name, as the kernel's
 * btf_find_by_name_kind returns). Names not present are absent from the map.
 */
export function funcIdsByName(bytes: Uint8Array, names: readonly string[]): Map<string, number> {
  const s = sections(bytes);
  const wanted = new Set(names);
  const found = new Map<string, number>();
  for (const t of rawTypes(s)) {
    if (t.kind !== BtfKind.func) continue;
    const name = stringAt(s, t.nameOff);
    if (wanted.has(name) && !found.has(name)) {
      found.set(name, t.id);
      if (found.size === wanted.size) break;
    }
  }
  return found;
}

/** A decoded type: the kinds throwfuzz writes, everything else by kind number only. */
export type BtfType =
  | {
      readonly id: number;
      readonly kind: 'int';
      readonly name: string;
      readonly size: number;
      readonly bits: number;
    }
  | { readonly id: number; readonly kind: 'ptr'; readonly type: number }
  | {
      readonly id: number;
      readonly kind: 'func-proto';
      readonly returns: number;
      readonly params: readonly { readonly name: string; readonly type: number }[];
    }
  | {
      readonly id: number;
      readonly kind: 'func';
      readonly name: string;
      readonly linkage: number;
      readonly proto: number;
    }
  | { readonly id: number; readonly kind: 'other'; readonly btfKind: number };

/** Decode every type of a BTF blob (for blobs throwfuzz built; vmlinux has no need of it). */
export function decodeBtf(bytes: Uint8Array): BtfType[] {
  const s = sections(bytes);
  const types: BtfType[] = [];
  for (const t of rawTypes(s)) {
    switch (t.kind) {
      case BtfKind.int:
        types.push({
          id: t.id,
          kind: 'int',
          name: stringAt(s, t.nameOff),
          size: t.sizeOrType,
          bits: s.view.getUint32(t.dataAt, true) & 0xff,
        });
        break;
      case BtfKind.ptr:
        types.push({ id: t.id, kind: 'ptr', type: t.sizeOrType });
        break;
      case BtfKind.funcProto: {
        const params = [];
        for (let i = 0; i < t.vlen; i++) {
          const at = t.dataAt + 8 * i;
          params.push({
            name: stringAt(s, s.view.getUint32(at, true)),
            type: s.view.getUint32(at + 4, true),
          });
        }
        types.push({ id: t.id, kind: 'func-proto', returns: t.sizeOrType, params });
        break;
      }
      case BtfKind.func:
        types.push({
          id: t.id,
          kind: 'func',
          name: stringAt(s, t.nameOff),
          linkage: t.vlen,
          proto: t.sizeOrType,
        });
        break;
      default:
        types.push({ id: t.id, kind: 'other', btfKind: t.kind });
    }
  }
  return types;
}
