import { Alert, App, Button, Descriptions, Flex, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import { formatDate } from '../format';
import { IntakeRowCard } from '../intake/IntakeRowCard';
import {
  emptyRow,
  rowsOf,
  toConfirmItems,
  type IntakeRow,
  type ParsedNotice,
} from '../intake/intake-rows';
import { useAgencies } from '../items/use-items';

export const INTAKE_PATH = '/nhap-thong-bao';

/** "Nhập thông báo": paste the notice, review the parsed items, confirm (the secretariat). */
export function IntakePage() {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const agencies = useAgencies();
  const [text, setText] = useState('');
  const [parsed, setParsed] = useState<ParsedNotice | null>(null);
  const [rows, setRows] = useState<IntakeRow[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const preview = () =>
    run(async () => {
      const result = unwrap(await api.POST('/api/notices/preview', { body: { text } }));
      setParsed(result);
      setRows(rowsOf(result, agencies.data ?? []));
    });
  const confirm = () =>
    run(async () => {
      const notice = unwrap(
        await api.POST('/api/notices', { body: { text, items: toConfirmItems(rows) } }),
      );
      void message.success(
        notice.created
          ? `Đã giao ${notice.items.length} nhiệm vụ.`
          : 'Thông báo này đã được nhập trước đó.',
      );
      void navigate(`/items?noticeId=${notice.id}&sort=due`);
    });
  const setRow = (key: string, row: IntakeRow) =>
    setRows((all) => all.map((r) => (r.key === key ? row : r)));
  const missing = rows.filter((r) => !r.lead || !r.text.trim()).length;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Nhập thông báo
      </Typography.Title>
      <label htmlFor="notice-text">Nội dung thông báo kết luận</label>
      <Input.TextArea
        id="notice-text"
        autoSize={{ minRows: 6, maxRows: 16 }}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Dán toàn văn Thông báo kết luận vào đây"
      />
      <Button type="primary" onClick={() => void preview()} loading={busy} disabled={!text.trim()}>
        Xem trước
      </Button>
      {error && <Alert type="error" role="alert" showIcon title={error} />}
      {parsed && (
        <>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 't', label: 'Trích yếu', children: parsed.notice.title ?? '—' },
              { key: 'n', label: 'Số', children: parsed.notice.number ?? '—' },
              { key: 'd', label: 'Ngày họp', children: formatDate(parsed.notice.meetingDate) },
              { key: 'c', label: 'Chủ trì', children: parsed.notice.chair ?? '—' },
            ]}
          />
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {rows.length} nhiệm vụ
          </Typography.Title>
          {rows.map((row) => (
            <IntakeRowCard
              key={row.key}
              row={row}
              agencies={agencies.data ?? []}
              onChange={(r) => setRow(row.key, r)}
              onDelete={() => setRows((all) => all.filter((r) => r.key !== row.key))}
            />
          ))}
          <Flex wrap gap={8}>
            <Button onClick={() => setRows((all) => [...all, emptyRow(all.length)])}>
              Thêm nhiệm vụ
            </Button>
            <Button
              type="primary"
              onClick={() => void confirm()}
              loading={busy}
              disabled={missing > 0}
            >
              Xác nhận và giao nhiệm vụ
            </Button>
          </Flex>
          {missing > 0 && (
            <Typography.Text type="danger">
              Còn {missing} nhiệm vụ chưa có cơ quan chủ trì hoặc nội dung.
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}
