/**
 * Computed variables on a {@link Dataset}: serialisable recipes (log, standardize, center,
 * reverse, recode, dummy, interaction, lag, lead, diff, scaleScore), metadata edits (setMetadata) and {@link applyTransforms}.
 */
export { applyTransforms, parseTransform, parseTransforms } from './apply-transforms';
export { DatasetTransformError, isDatasetTransformError, type DatasetTransformErrorCode, type DatasetTransformErrorDetails } from './errors';
export { MAX_NAME_LENGTH, NAME_RULE, nameProblem } from './names';
export * from './schema';
