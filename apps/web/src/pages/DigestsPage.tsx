import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Space, Tag, Typography } from 'antd';
import { api, type Digest } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import { formatDateTime } from '../format';
import { Loading } from '../layout/Loading';
import { usePageTitle } from '../layout/use-page-title';

const KEY = ['digests'] as const;

/** Counts of a send in Vietnamese: what went out now, what had gone out earlier today. */
export function sentText(r: { sent: number; alreadySent: number; skipped: string | null }): string {
  if (r.skipped === 'nothing-to-say') return 'Hôm nay không có nội dung cần gửi.';
  if (r.skipped === 'not-a-digest-day') return 'Hôm nay không phải ngày gửi.';
  const parts = [`Đã gửi ${r.sent} thư`];
  if (r.alreadySent > 0) parts.push(`${r.alreadySent} thư đã gửi trước đó trong ngày`);
  return `${parts.join('; ')}.`;
}

function DigestCard({ digest }: { digest: Digest }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: KEY });
  const path = { params: { path: { kind: digest.kind } } };
  const run = async (what: () => Promise<string>) => {
    try {
      void message.success(await what());
    } catch (err) {
      void message.error(messageOf(err));
    }
    refresh();
  };
  const status = !digest.scheduled ? (
    <Tag>Chưa có lịch</Tag>
  ) : digest.paused ? (
    <Tag color="#8a5a00">Tạm dừng</Tag>
  ) : (
    <Tag color="#1e7b34">Đang gửi theo lịch</Tag>
  );
  return (
    // The heading and its state in the card's body, not its header: they wrap on a phone.
    <Card size="small">
      <Flex wrap justify="space-between" align="baseline" gap={8} style={{ marginBottom: 12 }}>
        <h2 style={{ fontSize: 16, margin: 0 }}>{digest.label}</h2>
        {status}
      </Flex>
      <Descriptions
        bordered
        size="small"
        column={1}
        styles={{ label: { width: 140 } }}
        items={[
          { key: 'when', label: 'Thời gian gửi', children: digest.when },
          { key: 'to', label: 'Người nhận', children: digest.recipients },
          ...(digest.note ? [{ key: 'note', label: 'Lý do tạm dừng', children: digest.note }] : []),
          ...(digest.nextRuns.length > 0 && !digest.paused
            ? [
                {
                  key: 'next',
                  label: 'Lần gửi tới',
                  children: (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {digest.nextRuns.map((t) => (
                        <li key={t}>{formatDateTime(t)}</li>
                      ))}
                    </ul>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Flex wrap gap={8} style={{ marginTop: 12 }}>
        <Button
          onClick={() =>
            void run(async () => sentText(unwrap(await api.POST('/api/digests/{kind}/send', path))))
          }
        >
          Gửi ngay để kiểm tra
        </Button>
        {digest.scheduled &&
          (digest.paused ? (
            <Button
              onClick={() =>
                void run(async () => {
                  unwrap(await api.POST('/api/digests/{kind}/resume', path));
                  return 'Đã cho gửi lại theo lịch.';
                })
              }
            >
              Tiếp tục gửi
            </Button>
          ) : (
            <Button
              onClick={() =>
                void modal.confirm({
                  title: `Tạm dừng "${digest.label}"?`,
                  content: 'Thư sẽ không được gửi theo lịch cho đến khi cho tiếp tục.',
                  okText: 'Tạm dừng',
                  cancelText: 'Hủy',
                  onOk: () =>
                    run(async () => {
                      unwrap(await api.POST('/api/digests/{kind}/pause', { ...path, body: {} }));
                      return 'Đã tạm dừng.';
                    }),
                })
              }
            >
              Tạm dừng
            </Button>
          ))}
      </Flex>
    </Card>
  );
}

/** The secretariat's view of the digests: when, to whom, pause, resume, send now. */
export function DigestsPage() {
  usePageTitle('Thư tổng hợp');
  const digests = useQuery({
    queryKey: KEY,
    queryFn: async () => unwrap(await api.GET('/api/digests')),
  });
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
        Thư tổng hợp
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        Thư gửi tự động theo lịch; ngày nghỉ, ngày lễ không gửi, ngày làm bù có gửi. Mỗi người nhận
        một thư mỗi ngày, kể cả khi gửi ngay để kiểm tra.
      </Typography.Paragraph>
      {digests.isError && <Alert type="error" showIcon title={messageOf(digests.error)} />}
      {digests.data ? digests.data.map((d) => <DigestCard key={d.kind} digest={d} />) : <Loading />}
    </Space>
  );
}
