import { App, Flex, Form, Input, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { agencyOptions, agencySearch } from '../agencies/agency-match';
import { api, type Item, type ItemCommand } from '../api/client';
import { unwrap } from '../api/errors';
import { useAgencies } from '../items/use-items';
import { formatDate, todayVn } from '../format';
import { FIELD_LABELS } from '../labels';
import { DateField } from '../layout/DateField';
import { FormDueDayNote } from '../layout/DueDayNote';
import { ActionModal } from './ActionModal';
import { extensionBound, fromDateRule, isTooEarly, laterDateRule } from './extension-dates';
import { isRecurring, nextPeriodOpened } from './next-period';

const reasonRule = [{ required: true, whitespace: true, message: 'Nhập lý do.' }];
const DAY = 'YYYY-MM-DD';

/** The secretariat's decisions on an item, those its status allows. */
export function SecretariatActions({
  item,
  allowed,
  onDone,
}: {
  item: Item;
  /** GET /api/items/:id/actions: what the API lets this user do now. */
  allowed: readonly ItemCommand[];
  onDone: () => void;
}) {
  const { message } = App.useApp();
  const agencies = useAgencies();
  const id = { id: item.id };
  const ok = (text: string) => () => {
    void message.success(text);
    onDone();
  };
  const ext = item.pendingExtension;
  const ids = (rid: string) => ({ id: item.id, rid });
  // The date asked for (null when an exact instant was asked): granted as asked unless another
  // date is picked, which must be after the current deadline like the request itself.
  const asked = ext?.due.date ?? null;
  const bound = extensionBound(item);
  const tooEarly = (d: Dayjs) => isTooEarly(bound, d);
  return (
    <Flex wrap gap={8}>
      {allowed.includes('accept') && (
        <ActionModal<{ note?: string }>
          label="Xác nhận hoàn thành"
          primary
          onSubmit={async ({ note }) => {
            const accepted = unwrap(
              await api.POST('/api/items/{id}/accept', { params: { path: id }, body: { note } }),
            );
            const recurring = isRecurring(item);
            if (accepted.status === 'completed' && recurring) {
              await nextPeriodOpened(
                async () => (await api.GET('/api/items/{id}', { params: { path: id } })).data,
              );
            }
            ok(recurring ? 'Đã xác nhận hoàn thành kỳ này.' : 'Đã xác nhận hoàn thành.')();
          }}
        >
          <Form.Item label={FIELD_LABELS.acceptNote} name="note">
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {allowed.includes('return') && (
        <ActionModal<{ reason: string }>
          label="Trả lại"
          onSubmit={async (body) => {
            unwrap(await api.POST('/api/items/{id}/return', { params: { path: id }, body }));
            ok('Đã trả lại báo cáo.')();
          }}
        >
          <Form.Item label={FIELD_LABELS.returnReason} name="reason" rules={reasonRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {ext && allowed.includes('approve-extension') && (
        <ActionModal<{ due?: Dayjs | null; reason?: string }>
          label="Đồng ý gia hạn"
          primary
          onSubmit={async ({ due, reason }) => {
            const other = due && due.format(DAY) !== asked ? due.format(DAY) : undefined;
            unwrap(
              await api.POST('/api/items/{id}/extension-requests/{rid}/approve', {
                params: { path: ids(ext.id) },
                body: { reason, ...(other ? { due: other } : {}) },
              }),
            );
            ok(other ? `Đã gia hạn đến ngày ${formatDate(other)}.` : 'Đã đồng ý gia hạn.')();
          }}
        >
          <Form.Item
            label={FIELD_LABELS.grantedDue}
            name="due"
            initialValue={asked ? dayjs(asked) : undefined}
            extra={
              <>
                {asked
                  ? `Cơ quan đề nghị đến ngày ${formatDate(asked)}; có thể chọn ngày khác. ${bound.pick}`
                  : `Để trống để gia hạn đúng thời điểm đề nghị, hoặc chọn ngày khác. ${bound.pick}`}
                <FormDueDayNote name="due" />
              </>
            }
            rules={[laterDateRule(bound)]}
          >
            <DateField block disabledDate={tooEarly} />
          </Form.Item>
          <Form.Item label={FIELD_LABELS.approveReason} name="reason">
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {ext && allowed.includes('reject-extension') && (
        <ActionModal<{ reason: string }>
          label="Không đồng ý gia hạn"
          onSubmit={async (body) => {
            unwrap(
              await api.POST('/api/items/{id}/extension-requests/{rid}/reject', {
                params: { path: ids(ext.id) },
                body,
              }),
            );
            ok('Đã từ chối đề nghị gia hạn.')();
          }}
        >
          <Form.Item label={FIELD_LABELS.rejectReason} name="reason" rules={reasonRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {allowed.includes('reassign') && (
        <ActionModal<{ lead: string; reason?: string }>
          label="Chuyển cơ quan chủ trì"
          onSubmit={async (body) => {
            unwrap(await api.POST('/api/items/{id}/reassign', { params: { path: id }, body }));
            ok('Đã chuyển cơ quan chủ trì.')();
          }}
        >
          <Form.Item
            label={FIELD_LABELS.newLead}
            name="lead"
            rules={[{ required: true, message: 'Chọn cơ quan.' }]}
          >
            <Select
              showSearch={agencySearch}
              // Work goes only to an agency still working (an inactive one is refused by the API).
              options={agencyOptions(
                (agencies.data ?? []).filter((a) => a.active && a.code !== item.lead),
              )}
            />
          </Form.Item>
          <Form.Item label={FIELD_LABELS.reassignReason} name="reason">
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {allowed.includes('deadline') && (
        <ActionModal<{ due: Dayjs; reason: string }>
          label="Sửa thời hạn"
          onSubmit={async ({ due, reason }) => {
            const day = due.format(DAY);
            unwrap(
              await api.POST('/api/items/{id}/deadline', {
                params: { path: id },
                body: { due: day, reason },
              }),
            );
            ok(`Đã sửa thời hạn thành ngày ${formatDate(day)}.`)();
          }}
        >
          <Form.Item
            label={FIELD_LABELS.changedDue}
            name="due"
            extra={
              <>
                Không phải gia hạn: dùng khi thời hạn giao bị nhầm hoặc có chỉ đạo mới. Cơ quan chủ
                trì nhận thư báo thời hạn mới.
                <FormDueDayNote name="due" />
              </>
            }
            rules={[
              { required: true, message: 'Chọn ngày.' },
              fromDateRule(() => todayVn(), 'Thời hạn mới không được ở quá khứ.'),
            ]}
          >
            <DateField block disabledDate={(d: Dayjs) => d.format(DAY) < todayVn()} />
          </Form.Item>
          <Form.Item label={FIELD_LABELS.changeDueReason} name="reason" rules={reasonRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
      {allowed.includes('cancel') && (
        <ActionModal<{ reason: string }>
          label="Hủy nhiệm vụ"
          danger
          onSubmit={async (body) => {
            unwrap(await api.POST('/api/items/{id}/cancel', { params: { path: id }, body }));
            ok('Đã hủy nhiệm vụ.')();
          }}
        >
          <Form.Item label={FIELD_LABELS.cancelReason} name="reason" rules={reasonRule}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
    </Flex>
  );
}
