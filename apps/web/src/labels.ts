import type { ItemEvent, ItemStatus, Me } from './api/client';

export const STATUS_LABELS: Readonly<Record<ItemStatus, string>> = {
  open: 'Đang thực hiện',
  overdue: 'Quá hạn',
  submitted: 'Chờ xác nhận hoàn thành',
  completed: 'Đã hoàn thành',
  cancelled: 'Đã hủy',
};

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
};

export const ROLE_LABELS: Readonly<Record<Me['role'], string>> = {
  secretariat: 'Văn phòng',
  agency: 'Cơ quan',
  committee_head: 'Trưởng Ban Chỉ đạo',
};
