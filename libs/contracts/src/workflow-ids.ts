/** Business-key workflow ids, plain ASCII: one item = one id, forever. */
export function itemWorkflowId(itemId: string): string {
  return `item-${itemId}`;
}

/** Items confirmed from a notice are keyed by the notice and their position in it. */
export function noticeItemWorkflowId(noticeId: string, index: number): string {
  return `item-${noticeId}-${index}`;
}

export const DEFAULT_TASK_QUEUE = 'dondoc-items';
