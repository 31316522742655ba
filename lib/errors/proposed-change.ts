import { AppError, isAppError } from './app-error';

/**
 * A structural change that was not applied but added to the user's proposal ("hierarchy
 * changes need review"): not an error for the user, who sees the message as information. It
 * still ends the action without a value (the hierarchy is unchanged).
 */
export class ProposedChangeError extends AppError {
  readonly proposed = true;

  constructor(userMessage: string) {
    super('CONFLICT', { userMessage });
    this.name = 'ProposedChangeError';
  }
}

export function isProposedChangeError(error: unknown): error is ProposedChangeError {
  return isAppError(error) && (error as Partial<ProposedChangeError>).proposed === true;
}
