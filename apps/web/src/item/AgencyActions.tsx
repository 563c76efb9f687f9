import { App, Flex, Form, Input, InputNumber } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import type { Item } from '../api/client';
import { FIELD_LABELS } from '../labels';
import { DateField } from '../layout/DateField';
import { FormDueDayNote } from '../layout/DueDayNote';
import { ActionModal } from './ActionModal';
import { extensionBound, isTooEarly, laterDateRule } from './extension-dates';

/** The lead agency's commands, by the names the signed links use. */
export type AgencyAction = 'progress' | 'submit' | 'extension-request';

export type AgencyCommand =
  | { action: 'progress'; body: { note: string; percent?: number } }
  | { action: 'submit'; body: { note: string } }
  | { action: 'extension-request'; body: { due: string; reason: string } };

interface Props {
  readonly actions: readonly AgencyAction[];
  /** The item's current deadline: an extension must ask for a later date. */
  readonly deadline: Pick<Item, 'due' | 'dueAt'>;
  /** Sends the command (signed in, or through a mail's link). */
  readonly run: (command: AgencyCommand) => Promise<unknown>;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** Checked here rather than clamped by the input: 150 must not silently become 100. */
const percentRule = {
  validator: (_: unknown, value: unknown): Promise<void> => {
    if (value === undefined || value === null) return Promise.resolve();
    if (typeof value !== 'number' || value < 0 || value > 100) {
      return Promise.reject(new Error('Tiến độ từ 0 đến 100 %.'));
    }
    return Number.isInteger(value)
      ? Promise.resolve()
      : Promise.reject(new Error('Tiến độ là một số nguyên, ví dụ 50.'));
  },
};

const DAY = 'YYYY-MM-DD';

/** "Báo cáo tiến độ", "Báo cáo hoàn thành", "Đề nghị gia hạn": what the lead agency may do now. */
export function AgencyActions({ actions, deadline, run }: Props) {
  const { message } = App.useApp();
  const send = async (command: AgencyCommand, done: string) => {
    await run(command);
    void message.success(done);
  };
  const bound = extensionBound(deadline);
  const tooEarly = (d: Dayjs) => isTooEarly(bound, d);
  return (
    <Flex wrap gap={8}>
      {actions.includes('progress') && (
        <ActionModal<{ percent?: number | null; note: string }>
          label="Báo cáo tiến độ"
          primary
          onSubmit={({ percent, note }) =>
            send(
              {
                action: 'progress',
                body: { note, ...(typeof percent === 'number' ? { percent } : {}) },
              },
              'Đã gửi báo cáo tiến độ.',
            )
          }
        >
          {/* No step buttons: the library names them in English; the arrow keys still step. */}
          <Form.Item label={FIELD_LABELS.percent} name="percent" rules={[percentRule]}>
            <InputNumber suffix="%" inputMode="numeric" controls={false} style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            label={FIELD_LABELS.progressNote}
            name="note"
            rules={required('Nhập nội dung báo cáo.')}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </ActionModal>
      )}
      {actions.includes('submit') && (
        <ActionModal<{ note: string }>
          label="Báo cáo hoàn thành"
          onSubmit={({ note }) =>
            send({ action: 'submit', body: { note } }, 'Đã gửi báo cáo hoàn thành.')
          }
        >
          <Form.Item
            label={FIELD_LABELS.submitNote}
            name="note"
            rules={required('Nhập kết quả thực hiện.')}
          >
            <Input.TextArea rows={4} />
          </Form.Item>
        </ActionModal>
      )}
      {actions.includes('extension-request') && (
        <ActionModal<{ due: Dayjs; reason: string }>
          label="Đề nghị gia hạn"
          onSubmit={({ due, reason }) =>
            send(
              { action: 'extension-request', body: { due: due.format(DAY), reason } },
              'Đã gửi đề nghị gia hạn.',
            )
          }
        >
          <Form.Item
            label={FIELD_LABELS.newDue}
            name="due"
            extra={
              <>
                {`${bound.why} ${bound.pick}`}
                <FormDueDayNote name="due" />
              </>
            }
            rules={[{ required: true, message: 'Chọn hạn đề nghị.' }, laterDateRule(bound)]}
          >
            <DateField block disabledDate={tooEarly} defaultPickerValue={dayjs(bound.first)} />
          </Form.Item>
          <Form.Item
            label={FIELD_LABELS.extensionReason}
            name="reason"
            rules={required('Nhập lý do gia hạn.')}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
    </Flex>
  );
}
