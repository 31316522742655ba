/** Why a REFI-QDA file was refused. The message is written for the researcher. */
export type RefiErrorCode = 'too-large' | 'zip' | 'bomb' | 'path' | 'xml' | 'encoding' | 'missing' | 'invalid';

/** A REFI-QDA archive or document that cannot be imported; nothing is stored. */
export class RefiError extends Error {
  readonly code: RefiErrorCode;
  constructor(code: RefiErrorCode, message: string) {
    super(message);
    this.name = 'RefiError';
    this.code = code;
  }
}
