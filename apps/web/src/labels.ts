import type { ItemEvent, ItemStatus, Me } from './api/client';

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  submitted: 'Chờ xác nhận hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

/**
 * Not a status: an item of any open status may carry an agency's extension request that waits for
 * the secretariat's decision (the list's "Đề nghị gia hạn" filter, the home count, the tag).
 */
export const PENDING_EXTENSION_LABEL = 'Chờ quyết định gia hạn';

/** The items list's filter on a waiting extension request: its name and its two choices. */
export const EXTENSION_FILTER = {
  name: 'Đề nghị gia hạn',
  pending: PENDING_EXTENSION_LABEL,
  none: 'Không có đề nghị gia hạn đang chờ',
} as const;

/** Solid tag colours, dark enough for white text (WCAG AA). */
export const STATUS_COLORS: Readonly<Record<ItemStatus, string>> = {
  open: '#0b57d0',
  overdue: '#b3261e',
  submitted: '#8a5a00',
  completed: '#1e7b34',
  cancelled: '#595959',
};

export const EVENT_LABELS: Readonly<Record<ItemEvent['type'], string>> = {
  created: 'Giao nhiệm vụ',
  reminder_sent: 'Gửi thư nhắc hạn',
  overdue: 'Quá hạn',
  escalated: 'Báo cáo lên cấp trên',
  progress_reported: 'Báo cáo tiến độ',
  submitted: 'Báo cáo hoàn thành',
  completed: 'Xác nhận hoàn thành',
  returned: 'Trả lại, yêu cầu bổ sung',
  extension_requested: 'Đề nghị gia hạn',
  extension_approved: 'Đồng ý gia hạn',
  extension_rejected: 'Không đồng ý gia hạn',
  reassigned: 'Chuyển cơ quan chủ trì',
  cancelled: 'Hủy nhiệm vụ',
  restored: 'Khôi phục theo dõi nhiệm vụ',
  deadline_changed: 'Sửa thời hạn',
};

export const ROLE_LABELS: Readonly<Record<Me['role'], string>> = {
  secretariat: 'Văn phòng',
  agency: 'Cơ quan',
  committee_head: 'Trưởng Ban Chỉ đạo',
};

/** The fields of the action dialogs; the timeline names what was typed with the same words. */
export const FIELD_LABELS = {
  percent: 'Phần trăm hoàn thành',
  progressNote: 'Nội dung báo cáo',
  submitNote: 'Kết quả thực hiện',
  newDue: 'Hạn đề nghị',
  extensionReason: 'Lý do',
  acceptNote: 'Ghi chú',
  returnReason: 'Lý do trả lại',
  approveReason: 'Ý kiến',
  grantedDue: 'Gia hạn đến ngày',
  rejectReason: 'Lý do',
  newLead: 'Cơ quan chủ trì mới',
  reassignReason: 'Lý do',
  cancelReason: 'Lý do hủy',
  changedDue: 'Thời hạn mới',
  changeDueReason: 'Lý do thay đổi',
} as const;

/** The dialog field each event's typed note and reason came from. */
export const EVENT_TEXT_LABELS: Readonly<
  Partial<Record<ItemEvent['type'], { readonly note?: string; readonly reason?: string }>>
> = {
  progress_reported: { note: FIELD_LABELS.progressNote },
  submitted: { note: FIELD_LABELS.submitNote },
  completed: { note: FIELD_LABELS.acceptNote },
  returned: { reason: FIELD_LABELS.returnReason },
  extension_requested: { reason: FIELD_LABELS.extensionReason },
  extension_approved: { reason: FIELD_LABELS.approveReason },
  extension_rejected: { reason: FIELD_LABELS.rejectReason },
  reassigned: { reason: FIELD_LABELS.reassignReason },
  cancelled: { reason: FIELD_LABELS.cancelReason },
  deadline_changed: { reason: FIELD_LABELS.changeDueReason },
};
