import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Dropdown,
  Flex,
  Grid,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  type MenuProps,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useRef, useState } from 'react';
import { api } from '../api/client';
import { messageOf, unwrap } from '../api/errors';
import {
  accountRoleText,
  ROLE_NAMES,
  USER_STATUS_COLORS,
  USER_STATUS_LABELS,
} from '../admin/admin-labels';
import type { User, UserRole, UsersQuery, UserStatus } from '../admin/admin-types';
import { useUsers } from '../admin/use-admin';
import { ChangeRoleDialog, CreateUserDialog } from '../admin/UserDialogs';
import { useUrlState } from '../admin/use-url-state';
import { useSession } from '../auth/session';
import { useAgencies } from '../items/use-items';
import { CLEAR_SELECTION } from '../layout/clear-selection';
import { CLEAR_TEXT, namedPagerItem, SEARCH_BUTTON } from '../layout/quiet-icons';

const PAGE_SIZE = 20;
const KEYS = ['q', 'role', 'status'] as const;
const FIELD = { display: 'flex', flexDirection: 'column', gap: 4 } as const;

const StatusTag = ({ status }: { status: UserStatus }) => (
  <Tag color={USER_STATUS_COLORS[status]}>{USER_STATUS_LABELS[status]}</Tag>
);

interface ActionsProps {
  readonly user: User;
  /** A menu ("Thao tác") where three buttons would not fit beside the account. */
  readonly compact: boolean;
  readonly onRoleChanged: () => void;
  readonly onDisable: (disabled: boolean) => void;
  readonly onSendPasswordMail: () => void;
}

/** A small downward chevron: the menu button opens a list. */
const Chevron = () => (
  <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true" focusable="false">
    <path d="M1 3l4 4 4-4" stroke="currentColor" strokeWidth="1.5" fill="none" />
  </svg>
);

/**
 * What the secretariat can do to one account: "Đổi vai trò", "Khóa" or "Mở khóa", "Gửi thư đặt
 * mật khẩu"; buttons on a desk, a "Thao tác" menu (keyboard: Enter, arrows, Escape) on a phone.
 */
function AccountActions({
  user,
  compact,
  onRoleChanged,
  onDisable,
  onSendPasswordMail,
}: ActionsProps) {
  const [roleOpen, setRoleOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const disabled = user.status === 'disabled';
  if (!compact) {
    return (
      <Flex wrap gap={6}>
        <ChangeRoleDialog user={user} onDone={onRoleChanged} />
        {disabled ? (
          <Button onClick={() => onDisable(false)}>Mở khóa</Button>
        ) : (
          <>
            <Button danger onClick={() => onDisable(true)}>
              Khóa
            </Button>
            <Button onClick={onSendPasswordMail}>Gửi thư đặt mật khẩu</Button>
          </>
        )}
      </Flex>
    );
  }
  const items: MenuProps['items'] = disabled
    ? [
        { key: 'role', label: 'Đổi vai trò' },
        { key: 'enable', label: 'Mở khóa' },
      ]
    : [
        { key: 'role', label: 'Đổi vai trò' },
        { key: 'disable', label: 'Khóa', danger: true },
        { key: 'mail', label: 'Gửi thư đặt mật khẩu' },
      ];
  const pick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'role') setRoleOpen(true);
    else if (key === 'mail') onSendPasswordMail();
    else onDisable(key === 'disable');
  };
  return (
    <>
      <Dropdown trigger={['click']} autoFocus menu={{ items, onClick: pick }}>
        <Button ref={button} aria-label={`Thao tác với ${user.email}`}>
          Thao tác <Chevron />
        </Button>
      </Dropdown>
      <ChangeRoleDialog
        user={user}
        onDone={onRoleChanged}
        control={{
          open: roleOpen,
          onClose: () => setRoleOpen(false),
          afterClose: () => button.current?.focus(),
        }}
      />
    </>
  );
}

/** The secretariat's accounts page: list, create (invitation), disable, re-enable, role, reset. */
export function AccountsPage() {
  const { me } = useSession();
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const screens = Grid.useBreakpoint();
  const agencies = useAgencies().data;
  const agencyNames = useMemo(
    () => new Map((agencies ?? []).map((a) => [a.code, a.name])),
    [agencies],
  );
  const roleText = (u: User) => accountRoleText(u, agencyNames);
  // Three buttons fit on one line beside the account, its role and status from 992 px on.
  const compact = screens.lg === false;
  const { filter, page, go } = useUrlState(KEYS);
  const query: UsersQuery = {
    ...(filter.q ? { q: filter.q } : {}),
    ...(filter.role ? { role: filter.role as UserRole } : {}),
    ...(filter.status ? { status: filter.status as UserStatus } : {}),
  };
  const users = useUsers(query, page, PAGE_SIZE);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['users'] });

  const setDisabled = (user: User, disabled: boolean): void => {
    void modal.confirm({
      title: disabled ? `Khóa tài khoản ${user.email}?` : `Mở khóa tài khoản ${user.email}?`,
      content: disabled
        ? 'Tài khoản không đăng nhập được nữa; mọi phiên đăng nhập của nó kết thúc ngay.'
        : 'Tài khoản đăng nhập lại được bằng mật khẩu của nó.',
      okText: disabled ? 'Khóa' : 'Mở khóa',
      okButtonProps: { danger: disabled },
      cancelText: 'Hủy',
      onOk: async () => {
        try {
          unwrap(
            await api.PATCH('/api/users/{id}', {
              params: { path: { id: user.id } },
              body: { disabled },
            }),
          );
          void message.success(disabled ? `Đã khóa ${user.email}.` : `Đã mở khóa ${user.email}.`);
          refresh();
        } catch (err) {
          void message.error(messageOf(err));
        }
      },
    });
  };

  const sendPasswordMail = async (user: User) => {
    try {
      const sent = unwrap(
        await api.POST('/api/users/{id}/password-reset', { params: { path: { id: user.id } } }),
      );
      const what = sent.purpose === 'invitation' ? 'thư mời' : 'thư đặt lại mật khẩu';
      if (sent.mailed) void message.success(`Đã gửi ${what} đến ${user.email}.`);
      else void message.warning(`Chưa gửi được ${what}: ${sent.mailError ?? 'lỗi máy chủ thư'}.`);
    } catch (err) {
      void message.error(messageOf(err));
    }
  };

  const columns: ColumnsType<User> = [
    {
      title: 'Tài khoản',
      key: 'user',
      render: (_: unknown, u: User) => (
        <>
          <Typography.Text strong style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {u.name}
          </Typography.Text>
          <Typography.Text style={{ display: 'block', overflowWrap: 'anywhere' }}>
            {u.email}
          </Typography.Text>
          {screens.md === false && (
            <>
              <Typography.Text type="secondary" style={{ display: 'block' }}>
                {roleText(u)}
              </Typography.Text>
              <StatusTag status={u.status} />
            </>
          )}
        </>
      ),
    },
    {
      title: 'Vai trò',
      key: 'role',
      width: 220,
      responsive: ['md'],
      render: (_: unknown, u: User) => roleText(u),
    },
    {
      title: 'Trạng thái',
      key: 'status',
      width: 150,
      responsive: ['md'],
      render: (_: unknown, u: User) => <StatusTag status={u.status} />,
    },
    {
      title: 'Thao tác',
      key: 'actions',
      width: compact ? 120 : 400,
      render: (_: unknown, u: User) =>
        u.id === me?.id ? (
          <Typography.Text type="secondary">Tài khoản của bạn</Typography.Text>
        ) : (
          <AccountActions
            user={u}
            compact={compact}
            onRoleChanged={refresh}
            onDisable={(disabled) => setDisabled(u, disabled)}
            onSendPasswordMail={() => void sendPasswordMail(u)}
          />
        ),
    },
  ];

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={1} style={{ fontSize: 24, margin: 0 }}>
          Tài khoản
        </Typography.Title>
        <CreateUserDialog onDone={refresh} />
      </Flex>
      <Flex wrap gap={12} align="end" role="search" aria-label="Lọc tài khoản">
        <div style={FIELD}>
          <label htmlFor="users-q">Tìm theo tên hoặc thư điện tử</label>
          <Input.Search
            enterButton={SEARCH_BUTTON}
            id="users-q"
            defaultValue={filter.q}
            allowClear={CLEAR_TEXT}
            onSearch={(q) => go({ q: q.trim() || undefined })}
            style={{ width: 280, maxWidth: '100%' }}
          />
        </div>
        <div style={FIELD}>
          <label htmlFor="users-role">Vai trò</label>
          <Select
            id="users-role"
            allowClear={CLEAR_SELECTION}
            placeholder="Tất cả"
            value={filter.role}
            onChange={(role?: string) => go({ role })}
            options={(Object.keys(ROLE_NAMES) as UserRole[]).map((r) => ({
              value: r,
              label: ROLE_NAMES[r],
            }))}
            style={{ width: 200 }}
          />
        </div>
        <div style={FIELD}>
          <label htmlFor="users-status">Trạng thái</label>
          <Select
            id="users-status"
            allowClear={CLEAR_SELECTION}
            placeholder="Tất cả"
            value={filter.status}
            onChange={(status?: string) => go({ status })}
            options={(Object.keys(USER_STATUS_LABELS) as UserStatus[]).map((s) => ({
              value: s,
              label: USER_STATUS_LABELS[s],
            }))}
            style={{ width: 200 }}
          />
        </div>
      </Flex>
      {users.isError && <Alert type="error" showIcon title={messageOf(users.error)} />}
      <Table<User>
        aria-label="Danh sách tài khoản"
        rowKey="id"
        size={screens.md === false ? 'small' : 'middle'}
        loading={users.isFetching}
        columns={columns}
        dataSource={users.data?.rows ?? []}
        pagination={{
          itemRender: namedPagerItem,
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          onChange: (p) => go({}, p),
          showSizeChanger: false,
          hideOnSinglePage: true,
          showTotal: (n) => `${n} tài khoản`,
          simple: !screens.md,
        }}
        locale={{ emptyText: 'Không có tài khoản nào.' }}
      />
    </Space>
  );
}
