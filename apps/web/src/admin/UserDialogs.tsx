import { App, Form, Input, Select } from 'antd';
import { agencyOptions, agencySearch } from '../agencies/agency-match';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { ActionModal, type ModalControl } from '../item/ActionModal';
import { useAgencies } from '../items/use-items';
import { ROLE_NAMES } from './admin-labels';
import type { User, UserRole } from './admin-types';
import { EMAIL_INPUT, requiredEmailRules } from './email-field';

const ROLES: readonly UserRole[] = ['secretariat', 'committee_head', 'agency'];
const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_NAMES[r] }));

interface RoleFields {
  role: UserRole;
  agency?: string;
}

/** "Cơ quan", asked only for role agency; active agencies only (a new assignment). */
function AgencyField({ initial }: { initial?: string | null }) {
  const agencies = useAgencies();
  const options = agencyOptions(
    (agencies.data ?? []).filter((a) => a.active || a.code === initial),
    (a) => `${a.name} (${a.code})`,
  );
  return (
    <Form.Item noStyle shouldUpdate={(a: RoleFields, b: RoleFields) => a.role !== b.role}>
      {({ getFieldValue }) =>
        getFieldValue('role') === 'agency' ? (
          <Form.Item
            label="Cơ quan"
            name="agency"
            initialValue={initial ?? undefined}
            rules={[{ required: true, message: 'Chọn cơ quan của tài khoản.' }]}
          >
            <Select
              showSearch={agencySearch}
              options={options}
              loading={agencies.isPending}
              placeholder="Chọn cơ quan"
            />
          </Form.Item>
        ) : null
      }
    </Form.Item>
  );
}

interface NewUser extends RoleFields {
  name: string;
  email: string;
}

/** "Tạo tài khoản": the account and its invitation mail. */
export function CreateUserDialog({ onDone }: { onDone: () => void }) {
  const { message } = App.useApp();
  return (
    <ActionModal<NewUser>
      label="Tạo tài khoản"
      primary
      onSubmit={async ({ name, email, role, agency }) => {
        const created = unwrap(
          await api.POST('/api/users', {
            body: { name, email, role, ...(role === 'agency' && agency ? { agency } : {}) },
          }),
        );
        if (created.invitation.mailed) {
          void message.success(`Đã tạo tài khoản và gửi thư mời đến ${created.email}.`);
        } else {
          void message.warning(
            `Đã tạo tài khoản ${created.email} nhưng chưa gửi được thư mời (${created.invitation.mailError ?? 'lỗi máy chủ thư'}); hãy bấm "Gửi thư đặt mật khẩu" sau.`,
            10,
          );
        }
        onDone();
      }}
    >
      <Form.Item
        label="Họ tên"
        name="name"
        rules={[{ required: true, whitespace: true, message: 'Nhập họ tên.' }]}
      >
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item label="Thư điện tử" name="email" rules={requiredEmailRules()}>
        <Input {...EMAIL_INPUT} autoComplete="off" />
      </Form.Item>
      <Form.Item label="Vai trò" name="role" rules={[{ required: true, message: 'Chọn vai trò.' }]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={roleOptions}
          placeholder="Chọn vai trò"
        />
      </Form.Item>
      <AgencyField />
    </ActionModal>
  );
}

/** "Đổi vai trò" of one account (and its agency): its button, or opened from a menu (`control`). */
export function ChangeRoleDialog({
  user,
  onDone,
  control,
}: {
  user: User;
  onDone: () => void;
  control?: ModalControl;
}) {
  const { message } = App.useApp();
  return (
    <ActionModal<RoleFields>
      label="Đổi vai trò"
      control={control}
      onSubmit={async ({ role, agency }) => {
        unwrap(
          await api.PATCH('/api/users/{id}', {
            params: { path: { id: user.id } },
            body: { role, agency: role === 'agency' ? (agency ?? null) : null },
          }),
        );
        void message.success(`Đã đổi vai trò của ${user.email}.`);
        onDone();
      }}
    >
      <Form.Item label="Vai trò" name="role" initialValue={user.role} rules={[{ required: true }]}>
        <Select showSearch={{ optionFilterProp: 'label' }} options={roleOptions} />
      </Form.Item>
      <AgencyField initial={user.agencyCode} />
    </ActionModal>
  );
}
