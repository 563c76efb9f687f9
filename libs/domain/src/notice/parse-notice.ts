import { vnPublicSectorCalendar, type WorkingCalendar } from '../calendar/working-calendar';
import { AgencyDirectory } from './agencies';
import { splitAppendix } from './appendix';
import { appendixItems, pointsToAppendix } from './appendix-items';
import { parseDeadline, type DeadlineContext, type DeadlineResult } from './deadlines';
import { headerOf } from './header';
import { addressedTo, agenciesOf, phrasesOf } from './item-agencies';
import { directiveSentences, isNarrative, itemTextOf } from './item-kinds';
import { warningsOf } from './item-warnings';
import { collapse } from './normalize';
import { type Block, layoutOf } from './structure';
import type { AgencyPhrase, ParsedItem, ParsedNotice } from './types';

export interface ParseOptions {
  readonly directory?: AgencyDirectory;
  readonly calendar?: WorkingCalendar;
}

/**
 * Parses the text of a Thông báo kết luận into its items (contracts/parsed-notice.md). Pure and
 * total: any string gives a ParsedNotice; what a human should check goes to `warnings`.
 */
export function parseNotice(text: string, options: ParseOptions = {}): ParsedNotice {
  try {
    return parse(typeof text === 'string' ? text : '', options);
  } catch {
    // A bug or a calendar without working days must not take the caller down.
    return {
      notice: { title: null, number: null, issuedOn: null, meetingDate: null, chair: null },
      items: [],
      warnings: ['Không đọc được văn bản này; cần nhập các nhiệm vụ thủ công.'],
    };
  }
}

/** The warning of a text with neither a number nor a summary (trích yếu), as a notice has. */
export const NOT_A_NOTICE =
  'Văn bản không có số và trích yếu như một thông báo kết luận; hãy kiểm tra đây đúng là văn bản cần theo dõi trước khi xác nhận.';

function parse(text: string, options: ParseOptions): ParsedNotice {
  const directory = options.directory ?? defaultDirectory();
  const calendar = options.calendar ?? vnPublicSectorCalendar;
  const { body: bodyText, rows } = splitAppendix(text);
  const layout = layoutOf(bodyText);
  const notice = headerOf(layout.header);
  const ctx: DeadlineContext = {
    reference: notice.meetingDate ?? notice.issuedOn,
    issuedOn: notice.issuedOn,
    calendar,
  };
  const warnings: string[] = [];
  const items: ParsedItem[] = [];
  if (!notice.meetingDate && !notice.issuedOn) {
    warnings.push(
      'Không tìm thấy ngày họp và ngày ban hành: ngày không ghi năm và thời hạn tính theo ngày ban hành chưa xác định được.',
    );
  }

  const emit = (block: Block, inherited: Inherited): void => {
    const itemText = collapse(block.text);
    if (itemText === '') return;
    const agencies = agenciesOf(itemText, directory, inherited.lead);
    if (rows.length > 0 && agencies.lead.length === 0 && pointsToAppendix(itemText)) return;
    let result: DeadlineResult = parseDeadline(itemText, ctx);
    // A sub-item that names no deadline at all ("thường xuyên" is one) takes its heading's.
    if (result.deadline.kind === 'none' && !result.deadline.phrase && inherited.text) {
      const fromHeading = parseDeadline(inherited.text, ctx);
      if (fromHeading.deadline.kind !== 'none') result = fromHeading;
    }
    const support =
      agencies.support.length === 0 && agencies.leadInherited
        ? inherited.support.filter((s) => !agencies.lead.includes(s))
        : agencies.support;
    const item: ParsedItem = {
      code: block.code,
      text: itemText,
      lead: agencies.lead,
      support,
      deadline: result.deadline,
      agencyPhrases: phrasesOf(
        [...agencies.phrases, ...(agencies.leadInherited ? inherited.phrases : [])],
        [...agencies.lead, ...support],
      ),
    };
    const reportTo = agencies.reportTo ?? (agencies.leadInherited ? inherited.reportTo : null);
    if (reportTo) item.reportTo = reportTo;
    items.push(item);
    warnings.push(
      ...warningsOf(
        item,
        result,
        agencies.unknown,
        ctx,
        calendar,
        agencies.alsoLead,
        agencies.leadGroup,
      ),
    );
  };

  const walk = (block: Block, inherited: Inherited): void => {
    if (block.children.length === 0) {
      // "3. Về quốc phòng, an ninh" then a paragraph: the paragraph is the item.
      const text = itemTextOf(block, directory, ctx);
      if (text !== null) emit({ ...block, text }, inherited);
      return;
    }
    // A block with children is a heading ("g) Sở Tài chính:"): its agencies and date pass down.
    // A section heading passes an agency down only when it is addressed to one ("3. Sở Tài chính:").
    const heading = collapse(block.text);
    const addressed = block.kind === 'section' ? addressedTo(heading, directory) : null;
    const own = addressed
      ? {
          lead: addressed.names,
          support: [],
          phrases: addressed.phrases,
          reportTo: null,
          leadInherited: false,
        }
      : agenciesOf(heading, directory, inherited.lead);
    const next: Inherited =
      own.lead.length > 0
        ? {
            lead: own.lead,
            support: own.support,
            phrases: own.leadInherited ? [...own.phrases, ...inherited.phrases] : own.phrases,
            reportTo: own.reportTo,
            text: block.kind === 'section' ? inherited.text : heading,
          }
        : { ...inherited, text: block.kind === 'section' ? inherited.text : heading };
    for (const child of block.children) walk(child, next);
  };

  if (layout.structured) {
    for (const section of layout.sections) {
      if (isNarrative(section)) continue;
      walk(section, NOTHING_INHERITED);
    }
  } else {
    for (const [i, sentence] of directiveSentences(layout.body, directory).entries()) {
      emit(
        { kind: 'sentence', code: String(i + 1), text: sentence, heading: sentence, children: [] },
        NOTHING_INHERITED,
      );
    }
  }
  const appendix = appendixItems(rows, directory, ctx);
  items.push(...appendix.items);
  warnings.push(...appendix.warnings);
  if (items.length === 0) warnings.push('Không tìm thấy nhiệm vụ nào trong văn bản.');
  // A chat message or a news article has directives too: said before it becomes a notice.
  else if (!notice.number && !notice.title) warnings.push(NOT_A_NOTICE);
  return { notice, items, warnings };
}

interface Inherited {
  readonly lead: readonly string[];
  readonly support: readonly string[];
  /** The words of the heading that named `lead` and `support`. */
  readonly phrases: readonly AgencyPhrase[];
  readonly reportTo: string | null;
  /** The heading's text, whose deadline applies to sub-items that name none. */
  readonly text: string | null;
}

const NOTHING_INHERITED: Inherited = {
  lead: [],
  support: [],
  phrases: [],
  reportTo: null,
  text: null,
};

let cachedDefault: AgencyDirectory | undefined;
function defaultDirectory(): AgencyDirectory {
  cachedDefault ??= AgencyDirectory.default();
  return cachedDefault;
}
