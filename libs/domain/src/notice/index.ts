export { AgencyDirectory, type AgencyEntry, type AgencyMention } from './agencies';
export { parseDeadline, type DeadlineContext, type DeadlineResult } from './deadlines';
export { fold, normalizeNoticeText } from './normalize';
export { parseNotice, type ParseOptions } from './parse-notice';
export type { AgencyPhrase, ParsedDeadline, ParsedItem, ParsedNotice } from './types';
export { strictBeforeWords } from './strict-before';
export { amendmentReference, type AmendmentKind, type AmendmentReference } from './amendments';
export {
  proposeAmendment,
  SIMILAR_TEXT,
  textSimilarity,
  type AmendmentProposal,
  type EarlierItem,
} from './amendment-match';
