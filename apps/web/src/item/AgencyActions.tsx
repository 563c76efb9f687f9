import { DatePicker, Flex, Form, Input, InputNumber, App } from 'antd';
import type { Dayjs } from 'dayjs';
import { ActionModal } from './ActionModal';

/** The lead agency's commands, by the names the signed links use. */
export type AgencyAction = 'progress' | 'submit' | 'extension-request';

export type AgencyCommand =
  | { action: 'progress'; body: { note: string; percent?: number } }
  | { action: 'submit'; body: { note: string } }
  | { action: 'extension-request'; body: { due: string; reason: string } };

interface Props {
  readonly actions: readonly AgencyAction[];
  /** Sends the command (signed in, or through a mail's link). */
  readonly run: (command: AgencyCommand) => Promise<unknown>;
}

const required = (message: string) => [{ required: true, whitespace: true, message }];

/** "Báo cáo tiến độ", "Báo cáo hoàn thành", "Đề nghị gia hạn": what the lead agency may do now. */
export function AgencyActions({ actions, run }: Props) {
  const { message } = App.useApp();
  const send = async (command: AgencyCommand, done: string) => {
    await run(command);
    void message.success(done);
  };
  return (
    <Flex wrap gap={8}>
      {actions.includes('progress') && (
        <ActionModal<{ percent?: number; note: string }>
          label="Báo cáo tiến độ"
          primary
          onSubmit={({ percent, note }) =>
            send(
              { action: 'progress', body: { note, ...(percent === undefined ? {} : { percent }) } },
              'Đã gửi báo cáo tiến độ.',
            )
          }
        >
          <Form.Item label="Phần trăm hoàn thành" name="percent">
            <InputNumber min={0} max={100} suffix="%" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            label="Nội dung báo cáo"
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
            label="Kết quả thực hiện"
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
              { action: 'extension-request', body: { due: due.format('YYYY-MM-DD'), reason } },
              'Đã gửi đề nghị gia hạn.',
            )
          }
        >
          <Form.Item
            label="Hạn mới"
            name="due"
            rules={[{ required: true, message: 'Chọn hạn mới.' }]}
          >
            <DatePicker format="DD/MM/YYYY" />
          </Form.Item>
          <Form.Item label="Lý do" name="reason" rules={required('Nhập lý do gia hạn.')}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionModal>
      )}
    </Flex>
  );
}
