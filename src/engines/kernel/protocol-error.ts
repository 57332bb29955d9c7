/** The executor said something that is not a reply to what it was asked. */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
}
