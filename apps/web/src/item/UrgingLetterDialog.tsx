import { Form } from 'antd';
import type { Dayjs } from 'dayjs';
import { api } from '../api/client';
import { todayVn } from '../format';
import { DateField } from '../layout/DateField';
import { saveDownload } from '../layout/DownloadButton';
import { ActionModal } from './ActionModal';
import { fromDateRule } from './extension-dates';

const DAY = 'YYYY-MM-DD';
const tomorrowVn = (): string => todayVn(Date.now() + 86_400_000);

/**
 * A draft công văn đôn đốc to the lead agency's head, to edit, sign and send: the secretariat
 * picks the date the agency must report by (empty: five working days on, as the API decides).
 */
export function UrgingLetterDialog({ itemId }: { readonly itemId: string }) {
  return (
    <ActionModal<{ reportBy?: Dayjs | null }>
      label="Soạn công văn đôn đốc (Word)"
      submitLabel="Tải về"
      onSubmit={async ({ reportBy }) =>
        saveDownload(
          await api.GET('/api/items/{id}/urging-letter.docx', {
            params: {
              path: { id: itemId },
              query: reportBy ? { reportBy: reportBy.format(DAY) } : {},
            },
            parseAs: 'blob',
          }),
          'cong-van-don-doc.docx',
        )
      }
    >
      <Form.Item
        label="Báo cáo kết quả trước ngày"
        name="reportBy"
        extra="Để trống: năm ngày làm việc kể từ hôm nay."
        rules={[fromDateRule(tomorrowVn, 'Chọn một ngày sau hôm nay.')]}
      >
        <DateField block disabledDate={(d: Dayjs) => d.format(DAY) <= todayVn()} />
      </Form.Item>
    </ActionModal>
  );
}
