import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Grid, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import { CreateAgencyDialog, EditAgencyDialog } from '../admin/AgencyDialogs';
import type { AgencyRow } from '../admin/admin-types';
import { useAgencies } from '../items/use-items';
import { namedPagerItem } from '../layout/quiet-icons';

const wrap = { display: 'block', overflowWrap: 'anywhere' } as const;

const ActiveTag = ({ active }: { active: boolean }) =>
  active ? <Tag color="#1e7b34">Đang hoạt động</Tag> : <Tag color="#595959">Ngừng hoạt động</Tag>;

/** The secretariat's agency directory: add, rename, aliases, addresses, deactivate. */
export function AgenciesPage() {
  const agencies = useAgencies();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  const screens = Grid.useBreakpoint();
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['agencies'] });

  const setActive = (a: AgencyRow, active: boolean): void => {
    void modal.confirm({
      title: active ? `Cho ${a.name} hoạt động lại?` : `Ngừng hoạt động ${a.name}?`,
      content: active
        ? 'Cơ quan lại được giao nhiệm vụ mới và được nhận ra khi đọc thông báo.'
        : 'Cơ quan không được giao nhiệm vụ mới và không còn được nhận ra khi đọc thông báo. Các nhiệm vụ đã giao và lịch sử của chúng vẫn giữ nguyên; hãy chuyển cơ quan chủ trì cho các nhiệm vụ chưa xong.',
      okText: active ? 'Hoạt động lại' : 'Ngừng hoạt động',
      okButtonProps: { danger: !active },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          unwrap(
            await api.PATCH('/api/agencies/{code}', {
              params: { path: { code: a.code } },
              body: { active },
            }),
          );
          void message.success(
            active ? `${a.name} hoạt động lại.` : `${a.name} đã ngừng hoạt động.`,
          );
          refresh();
        } catch (err) {
          void message.error(messageOf(err));
        }
      },
    });
  };

  const columns: ColumnsType<AgencyRow> = [
    {
      title: 'Cơ quan',
      key: 'agency',
      render: (_: unknown, a: AgencyRow) => (
        <>
          <Typography.Text strong style={wrap}>
            {a.name} ({a.code})
          </Typography.Text>
          {a.aliases.length > 0 && (
            <Typography.Text type="secondary" style={wrap}>
              Tên gọi khác: {a.aliases.join('; ')}
            </Typography.Text>
          )}
          {screens.md === false && (
            <>
              <Typography.Text style={wrap}>{a.contactEmail}</Typography.Text>
              <ActiveTag active={a.active} />
            </>
          )}
        </>
      ),
    },
    {
      title: 'Thư điện tử',
      key: 'emails',
      width: 280,
      responsive: ['md'],
      render: (_: unknown, a: AgencyRow) => (
        <>
          <Typography.Text style={wrap}>Liên hệ: {a.contactEmail}</Typography.Text>
          <Typography.Text style={wrap}>Lãnh đạo: {a.headEmail ?? '—'}</Typography.Text>
        </>
      ),
    },
    {
      title: 'Trạng thái',
      key: 'active',
      width: 150,
      responsive: ['md'],
      render: (_: unknown, a: AgencyRow) => <ActiveTag active={a.active} />,
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: screens.md === false ? 150 : 260,
      render: (_: unknown, a: AgencyRow) => (
        <Flex wrap gap={6} vertical={screens.md === false}>
          <EditAgencyDialog agency={a} onDone={refresh} />
          {a.active ? (
            <Button danger onClick={() => setActive(a, false)}>
              Ngừng hoạt động
            </Button>
          ) : (
            <Button onClick={() => setActive(a, true)}>Hoạt động lại</Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Cơ quan
        </Typography.Title>
        <CreateAgencyDialog onDone={refresh} />
      </Flex>
      {agencies.isError && <Alert type="error" showIcon title={messageOf(agencies.error)} />}
      <Table<AgencyRow>
        aria-label="Danh sách cơ quan"
        rowKey="code"
        size={screens.md === false ? 'small' : 'middle'}
        loading={agencies.isFetching}
        columns={columns}
        dataSource={agencies.data ?? []}
        pagination={{
          pageSize: 50,
          hideOnSinglePage: true,
          showSizeChanger: false,
          itemRender: namedPagerItem,
        }}
        locale={{ emptyText: 'Chưa có cơ quan nào.' }}
      />
    </Space>
  );
}
