/**
 * The heartbeat a worker shares with the main thread (an Int32Array over a SharedArrayBuffer, one per task):
 * how many cases of the batch it has started, and which part of the pipeline (an index into timeKeys) the
 * current case is in. Writing it costs nothing; the main thread reads it when a task hangs or its worker dies.
 */
export const HEARTBEAT_CASE = 0;
export const HEARTBEAT_PART = 1;

export function newHeartbeat(): Int32Array {
  const hb = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  hb[HEARTBEAT_PART] = -1;
  return hb;
}
